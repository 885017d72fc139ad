//! Meetings: planning, who sees what, registrations with a waiting list,
//! access needs only with consent, and calendars read by a real iCalendar
//! parser.

use std::io::BufReader;

use actix_web::http::header;
use actix_web::test::TestRequest;
use futures_util::future::join_all;
use serde_json::{json, Value};

use crate::both;
use crate::common;

/// A meeting that starts `days` from now, for two hours.
fn meeting(title: &str, days: i64) -> Value {
    let start = chrono::Utc::now() + chrono::Duration::days(days);
    let end = start + chrono::Duration::hours(2);
    json!({
        "title": title,
        "kind": "network_meeting",
        "format": "in_person",
        "startsAt": start.to_rfc3339(),
        "endsAt": end.to_rfc3339(),
    })
}

fn with(mut body: Value, extra: Value) -> Value {
    for (k, v) in extra.as_object().expect("an object") {
        body[k] = v.clone();
    }
    body
}

/// The events of an iCalendar text, as (name, value) properties each.
fn events(text: &str) -> Vec<Vec<(String, String)>> {
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("valid iCalendar");
    assert!(parser.next().is_none(), "one calendar only");
    calendar
        .events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect()
        })
        .collect()
}

fn prop<'a>(event: &'a [(String, String)], name: &str) -> &'a str {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("{name} in {event:?}"))
}

both!(
    a_kick_off_is_planned_found_and_cancelled,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let network = app.network(&carla, "Toegankelijk Assen").await;
        let plan = format!("/api/v1/networks/{network}/meetings");
        let kick_off = app
            .post(
                &plan,
                Some(&carla.token),
                with(
                    meeting("Warm startmoment", 10),
                    json!({
                        "kind": "kick_off",
                        "format": "hybrid",
                        "venueName": "Bibliotheek Assen",
                        "venueAddress": "Collegeplein 1, Assen",
                        "municipalityCode": "GM0106",
                        "onlineUrl": "https://meet.example.org/start",
                        "accessFeatures": ["step_free", "induction_loop", "sign_language", "step_free"],
                        "accessNote": "Een NGT-tolk is er de hele avond.",
                        "capacity": 40,
                    }),
                ),
            )
            .await
            .expect(201);
        assert!(kick_off.header("location").is_some());
        let id = kick_off.id();
        assert_eq!(kick_off.body["status"], "planned");
        assert_eq!(kick_off.body["timeZone"], "Europe/Amsterdam");
        assert_eq!(
            kick_off.body["accessFeatures"],
            json!(["step_free", "induction_loop", "sign_language"])
        );
        assert_eq!(kick_off.body["organiserId"], carla.stakeholder_id);
        assert_eq!(kick_off.body["onlineUrl"], "https://meet.example.org/start");
        assert_eq!(kick_off.body["needCounts"], json!({}));

        // Anyone sees it, without the joining link or the needs.
        let seen = app
            .get(&format!("/api/v1/meetings/{id}"), None)
            .await
            .expect(200);
        assert!(seen.body.get("onlineUrl").is_none(), "{}", seen.text);
        assert_eq!(seen.body["hasOnlineUrl"], true);
        assert!(seen.body.get("needCounts").is_none());
        for query in [
            "",
            "?municipality=GM0106",
            "?accessFeatures=sign_language,step_free",
            "?format=hybrid",
            "?municipality=GM0344",
            &format!("?networkId={network}"),
        ] {
            let found = app
                .get(&format!("/api/v1/meetings{query}"), None)
                .await
                .expect(200);
            assert_eq!(found.items().len(), 1, "{query}");
        }
        for query in [
            "?accessFeatures=quiet_room",
            "?format=online",
            "?when=past",
            "?municipality=GM0014",
        ] {
            let found = app
                .get(&format!("/api/v1/meetings{query}"), None)
                .await
                .expect(200);
            assert!(found.items().is_empty(), "{query}");
        }
        let r = app
            .get("/api/v1/meetings?accessFeatures=lift&when=soon", None)
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["accessFeatures", "when"]);

        // Bad input names every field and writes nothing.
        let r = app
            .post(
                &plan,
                Some(&carla.token),
                with(
                    meeting("Te laat", 3),
                    json!({"endsAt": "2020-01-01T10:00:00Z", "kind": "party", "capacity": 0}),
                ),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["capacity", "endsAt", "kind"]);
        let r = app
            .post(
                &plan,
                Some(&carla.token),
                with(
                    meeting("Achterstevoren", 3),
                    json!({"endsAt": "2020-01-01T10:00:00Z"}),
                ),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["endsAt"]);
        let r = app
            .patch(
                &format!("/api/v1/meetings/{id}"),
                Some(&carla.token),
                json!({"status": "cancelled"}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["cancelReason"]);
        let r = app
            .patch(
                &format!("/api/v1/meetings/{id}"),
                Some(&carla.token),
                json!({"organiserId": 999999}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["organiserId"]);
        let list = app.get(&plan, None).await.expect(200);
        assert_eq!(list.items().len(), 1);

        // Cancelled, it stays visible as cancelled.
        let r = app
            .patch(
                &format!("/api/v1/meetings/{id}"),
                Some(&carla.token),
                json!({"status": "cancelled", "cancelReason": "De zaal is niet beschikbaar."}),
            )
            .await
            .expect(200);
        assert_eq!(r.body["status"], "cancelled");
        let list = app.get(&plan, None).await.expect(200);
        assert_eq!(
            list.items()[0]["cancelReason"],
            "De zaal is niet beschikbaar."
        );
        let list = app
            .get("/api/v1/meetings?status=planned", None)
            .await
            .expect(200);
        assert!(list.items().is_empty());
    }
);

both!(
    who_sees_and_organises_a_meeting,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let kees = app.user("Kees").await;
        let mila = app.user("Mila").await;
        let olga = app.user("Olga").await;
        let network = app.network(&carla, "Inclusief onderwijs").await;
        app.add_member(network, &carla, &kees, "core_group").await;
        app.add_member(network, &carla, &mila, "member").await;
        let plan = format!("/api/v1/networks/{network}/meetings");
        let core = app
            .post(
                &plan,
                Some(&kees.token),
                with(
                    meeting("Kerngroep", 5),
                    json!({"visibility": "members", "kind": "core_group_meeting"}),
                ),
            )
            .await
            .expect(201)
            .id();
        // Members plan nothing, outsiders see nothing of a members-only one.
        app.post(&plan, Some(&mila.token), meeting("Eigen plan", 5))
            .await
            .expect(403);
        app.post(&plan, None, meeting("Anoniem", 5))
            .await
            .expect(401);
        app.patch(
            &format!("/api/v1/meetings/{core}"),
            Some(&mila.token),
            json!({"title": "Anders"}),
        )
        .await
        .expect(403);
        app.get(&format!("/api/v1/meetings/{core}"), Some(&mila.token))
            .await
            .expect(200);
        app.get(&format!("/api/v1/meetings/{core}"), Some(&olga.token))
            .await
            .expect(404);
        app.get(&format!("/api/v1/meetings/{core}"), None)
            .await
            .expect(404);
        app.patch(
            &format!("/api/v1/meetings/{core}"),
            Some(&olga.token),
            json!({"title": "Anders"}),
        )
        .await
        .expect(404);
        app.post(
            &format!("/api/v1/meetings/{core}/registrations"),
            Some(&olga.token),
            json!({}),
        )
        .await
        .expect(404);
        assert!(app
            .get("/api/v1/meetings", Some(&olga.token))
            .await
            .expect(200)
            .items()
            .is_empty());
        assert_eq!(
            app.get("/api/v1/meetings", Some(&mila.token))
                .await
                .expect(200)
                .items()
                .len(),
            1
        );
        let feed = app
            .get(&format!("/api/v1/networks/{network}/calendar.ics"), None)
            .await
            .expect(200);
        assert!(
            events(&feed.text).is_empty(),
            "a members-only meeting is not in the public feed"
        );

        // A members-only network's meetings are not seen at all from outside.
        let hidden = app
            .network_with(&carla, json!({"name": "Besloten kring", "theme": "Besloten", "scope": "national", "visibility": "members"}))
            .await;
        let open = app
            .post(
                &format!("/api/v1/networks/{hidden}/meetings"),
                Some(&carla.token),
                meeting("Open avond", 5),
            )
            .await
            .expect(201)
            .id();
        app.get(&format!("/api/v1/meetings/{open}"), Some(&olga.token))
            .await
            .expect(404);
        app.get(&format!("/api/v1/networks/{hidden}/meetings"), None)
            .await
            .expect(404);
        let all = app
            .get("/api/v1/meetings", Some(&carla.token))
            .await
            .expect(200);
        assert_eq!(all.items().len(), 2);
    }
);

both!(
    registrations_keep_needs_with_consent_only,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let anna = app.user("Anna").await;
        let bram = app.user("Bram").await;
        let mila = app.user("Mila").await;
        let network = app.network(&carla, "Musea voor iedereen").await;
        app.add_member(network, &carla, &mila, "member").await;
        let id = app
            .post(
                &format!("/api/v1/networks/{network}/meetings"),
                Some(&carla.token),
                with(meeting("Netwerkavond", 7), json!({"format": "hybrid", "onlineUrl": "https://meet.example.org/avond", "capacity": 2})),
            )
            .await
            .expect(201)
            .id();
        let register = format!("/api/v1/meetings/{id}/registrations");
        let r = app
            .post(
                &register,
                Some(&anna.token),
                json!({"accessNeeds": ["sign_language"]}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["needsConsent"]);
        assert_eq!(r.invalid_codes(), vec!["needsConsent consent"]);
        app.post(&register, None, json!({})).await.expect(401);
        let r = app
            .post(
                &register,
                Some(&anna.token),
                json!({"accessNeeds": ["sign_language", "quiet_room"], "accessNote": "Graag vooraan", "needsConsent": true, "shareNameWithNeeds": true}),
            )
            .await
            .expect(201);
        assert_eq!(r.body["status"], "registered");
        assert_eq!(
            r.body["accessNeeds"],
            json!(["sign_language", "quiet_room"])
        );
        app.post(
            &register,
            Some(&bram.token),
            json!({"accessNeeds": ["sign_language"], "needsConsent": true}),
        )
        .await
        .expect(201);
        let r = app
            .post(&register, Some(&anna.token), json!({}))
            .await
            .expect(409);
        assert_eq!(r.invalid_codes(), vec!["meetingId duplicate"]);
        let r = app
            .post(&register, Some(&mila.token), json!({}))
            .await
            .expect(201);
        assert_eq!(r.body["status"], "waiting");
        assert_eq!(r.body["waitingPosition"], 1);

        // The joining link for people with a place; the needs counted for
        // the organisers, names only where shared.
        let seen = app
            .get(&format!("/api/v1/meetings/{id}"), Some(&anna.token))
            .await
            .expect(200);
        assert_eq!(seen.body["onlineUrl"], "https://meet.example.org/avond");
        assert_eq!(seen.body["myRegistration"], "registered");
        assert!(seen.body.get("needCounts").is_none());
        let seen = app
            .get(&format!("/api/v1/meetings/{id}"), Some(&mila.token))
            .await
            .expect(200);
        assert!(seen.body.get("onlineUrl").is_none());
        assert_eq!(seen.body["myRegistration"], "waiting");
        let mine = app
            .get("/api/v1/meetings?registrant=me", Some(&mila.token))
            .await
            .expect(200);
        assert_eq!(mine.items().len(), 1);
        assert_eq!(mine.items()[0]["id"], id);
        let none = app
            .get("/api/v1/meetings?registrant=me", Some(&carla.token))
            .await
            .expect(200);
        assert!(none.items().is_empty(), "the organiser did not register");
        app.get("/api/v1/meetings?registrant=me", None)
            .await
            .expect(401);
        let seen = app
            .get(&format!("/api/v1/meetings/{id}"), Some(&carla.token))
            .await
            .expect(200);
        assert_eq!(
            seen.body["needCounts"],
            json!({"quiet_room": 1, "sign_language": 2})
        );
        assert_eq!(seen.body["registeredCount"], 2);
        assert_eq!(seen.body["waitingCount"], 1);
        let list = app.get(&register, Some(&carla.token)).await.expect(200);
        let items = list.items();
        assert_eq!(items.len(), 3);
        assert_eq!(
            items[0]["accessNeeds"],
            json!(["sign_language", "quiet_room"])
        );
        assert!(
            items[1].get("accessNeeds").is_none(),
            "Bram did not share his name with his needs"
        );
        assert_eq!(items[2]["status"], "waiting");
        app.get(&register, Some(&mila.token)).await.expect(403);
        app.get(
            &format!("{register}/{}", anna.stakeholder_id),
            Some(&bram.token),
        )
        .await
        .expect(404);
        let own = app
            .get(
                &format!("{register}/{}", bram.stakeholder_id),
                Some(&bram.token),
            )
            .await
            .expect(200);
        assert_eq!(own.body["accessNeeds"], json!(["sign_language"]));
        let csv = app
            .get(
                &format!("/api/v1/meetings/{id}/attendance.csv"),
                Some(&carla.token),
            )
            .await
            .expect(200);
        assert!(
            csv.text
                .contains("Anna;aangemeld;;sign_language, quiet_room;Graag vooraan"),
            "{}",
            csv.text
        );
        assert!(csv.text.contains("Bram;aangemeld;;;"), "{}", csv.text);
        assert!(
            !csv.text.contains('@'),
            "no contact details without consent: {}",
            csv.text
        );
        app.get(
            &format!("/api/v1/meetings/{id}/attendance.csv"),
            Some(&anna.token),
        )
        .await
        .expect(403);

        // Needs are in the person's export and go with the registration;
        // the first one waiting gets the place.
        let export = app
            .get("/api/v1/me/export", Some(&anna.token))
            .await
            .expect(200);
        assert!(export.text.contains("Graag vooraan"), "{}", export.text);
        app.delete(
            &format!("{register}/{}", anna.stakeholder_id),
            Some(&anna.token),
        )
        .await
        .expect(204);
        let needs = app.db_count("meeting_access_needs");
        assert_eq!(needs, 1, "Anna's needs were erased with her registration");
        let seen = app
            .get(&format!("/api/v1/meetings/{id}"), Some(&mila.token))
            .await
            .expect(200);
        assert_eq!(seen.body["myRegistration"], "registered");
        assert_eq!(seen.body["onlineUrl"], "https://meet.example.org/avond");

        // Fewer places than people with one: 409, nothing written.
        let r = app
            .patch(
                &format!("/api/v1/meetings/{id}"),
                Some(&carla.token),
                json!({"capacity": 1, "title": "Kleiner"}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["capacity"]);
        let seen = app
            .get(&format!("/api/v1/meetings/{id}"), None)
            .await
            .expect(200);
        assert_eq!(seen.body["title"], "Netwerkavond");

        // No registering for a cancelled meeting, or one that has begun.
        app.patch(
            &format!("/api/v1/meetings/{id}"),
            Some(&carla.token),
            json!({"status": "cancelled", "cancelReason": "Ziek"}),
        )
        .await
        .expect(200);
        let r = app
            .post(&register, Some(&anna.token), json!({}))
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["meetingId"]);
        let past = app
            .post(
                &format!("/api/v1/networks/{network}/meetings"),
                Some(&carla.token),
                meeting("Vorige keer", -3),
            )
            .await
            .expect(201)
            .id();
        let r = app
            .post(
                &format!("/api/v1/meetings/{past}/registrations"),
                Some(&anna.token),
                json!({}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["meetingId"]);
        let past_list = app
            .get(
                &format!("/api/v1/networks/{network}/meetings?when=past"),
                None,
            )
            .await
            .expect(200);
        assert_eq!(past_list.items().len(), 1);
    }
);

both!(
    thirty_people_for_ten_places,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let network = app.network(&carla, "Drukbezocht").await;
        let id = app
            .post(
                &format!("/api/v1/networks/{network}/meetings"),
                Some(&carla.token),
                with(meeting("Populair", 14), json!({"capacity": 10})),
            )
            .await
            .expect(201)
            .id();
        let mut people = Vec::new();
        for i in 0..30 {
            people.push(app.user(&format!("Deelnemer {i}")).await);
        }
        let register = format!("/api/v1/meetings/{id}/registrations");
        let answers = join_all(people.iter().map(|p| {
            app.send(
                TestRequest::post()
                    .uri(&register)
                    .insert_header((header::AUTHORIZATION, format!("Bearer {}", p.token)))
                    .insert_header((header::CONTENT_TYPE, "application/json"))
                    .set_payload("{}"),
            )
        }))
        .await;
        assert!(
            answers.iter().all(|r| r.status == 201),
            "{:?}",
            answers.iter().map(|r| r.status).collect::<Vec<_>>()
        );
        let placed = answers
            .iter()
            .filter(|r| r.body["status"] == "registered")
            .count();
        assert_eq!(placed, 10);
        let mut positions: Vec<i64> = answers
            .iter()
            .filter_map(|r| r.body["waitingPosition"].as_i64())
            .collect();
        positions.sort_unstable();
        assert_eq!(positions, (1..=20).collect::<Vec<_>>());

        // The queue, a page at a time, in the order people came.
        let queue = app
            .collect_all(
                &format!("{register}?status=waiting&pageSize=7"),
                Some(&carla.token),
            )
            .await;
        let queued: Vec<i64> = queue
            .iter()
            .map(|r| r["waitingPosition"].as_i64().unwrap())
            .collect();
        assert_eq!(queued, (1..=20).collect::<Vec<_>>());
        let list = app
            .get(&format!("{register}?pageSize=100"), Some(&carla.token))
            .await
            .expect(200)
            .items();
        assert_eq!(list.len(), 30);
        let waiting: Vec<i64> = list[10..]
            .iter()
            .map(|r| r["stakeholderId"].as_i64().unwrap())
            .collect();
        // Three with a place cancel: the first three waiting move up, in order.
        for r in &list[..3] {
            let who = r["stakeholderId"].as_i64().unwrap();
            let person = people.iter().find(|p| p.stakeholder_id == who).unwrap();
            app.delete(&format!("{register}/{who}"), Some(&person.token))
                .await
                .expect(204);
        }
        let list = app
            .get(&format!("{register}?pageSize=100"), Some(&carla.token))
            .await
            .expect(200)
            .items();
        let placed: Vec<i64> = list
            .iter()
            .filter(|r| r["status"] == "registered")
            .map(|r| r["stakeholderId"].as_i64().unwrap())
            .collect();
        assert_eq!(placed.len(), 10);
        for moved in &waiting[..3] {
            assert!(placed.contains(moved), "{moved} moved up");
        }
        assert_eq!(list[10]["stakeholderId"].as_i64().unwrap(), waiting[3]);
        assert_eq!(list[10]["waitingPosition"], 1);
        // More places move the queue up too.
        let r = app
            .patch(
                &format!("/api/v1/meetings/{id}"),
                Some(&carla.token),
                json!({"capacity": 15}),
            )
            .await
            .expect(200);
        assert_eq!(r.body["registeredCount"], 15);
        assert_eq!(r.body["waitingCount"], 12);
    }
);

both!(
    calendars_are_valid_icalendar,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let anna = app.user("Anna").await;
        let network = app.network(&carla, "Agenda, met komma; en meer").await;
        let id = app
            .post(
                &format!("/api/v1/networks/{network}/meetings"),
                Some(&carla.token),
                with(meeting("Werkplaats: toegankelijke websites, deel 1", 20), json!({
                    "kind": "workshop", "format": "hybrid", "venueName": "Het Huis", "venueAddress": "Markt 1, Utrecht",
                    "onlineUrl": "https://meet.example.org/werkplaats", "accessFeatures": ["captions"],
                    "description": "Een lange uitleg die over meer dan vijfenzeventig tekens gaat, zodat de regel gevouwen wordt; met een puntkomma."
                })),
            )
            .await
            .expect(201)
            .id();
        let one = app
            .get(&format!("/api/v1/meetings/{id}/calendar.ics"), None)
            .await
            .expect(200);
        assert!(one
            .header("content-type")
            .unwrap()
            .starts_with("text/calendar"));
        let event = &events(&one.text)[0];
        assert_eq!(
            prop(event, "SUMMARY"),
            "Werkplaats: toegankelijke websites\\, deel 1"
        );
        assert!(prop(event, "UID").starts_with(&format!("meeting-{id}@")));
        assert_eq!(prop(event, "SEQUENCE"), "0");
        assert_eq!(prop(event, "STATUS"), "CONFIRMED");
        assert!(prop(event, "DTSTART").ends_with('Z'));
        assert!(prop(event, "DESCRIPTION").contains("live ondertiteling"));
        assert!(
            !one.text.contains("meet.example.org"),
            "no joining link for anonymous readers"
        );
        let uid = prop(event, "UID").to_string();

        // The network's feed: 304 when unchanged, a higher SEQUENCE and
        // STATUS:CANCELLED after a change.
        let feed_path = format!("/api/v1/networks/{network}/calendar.ics");
        let feed = app.get(&feed_path, None).await.expect(200);
        let tag = feed.header("etag").expect("an ETag");
        let again = app
            .send(
                TestRequest::get()
                    .uri(&feed_path)
                    .insert_header((header::IF_NONE_MATCH, tag.clone())),
            )
            .await
            .expect(304);
        assert!(again.text.is_empty());
        app.patch(
            &format!("/api/v1/meetings/{id}"),
            Some(&carla.token),
            json!({"status": "cancelled", "cancelReason": "Te weinig aanmeldingen"}),
        )
        .await
        .expect(200);
        let feed = app
            .send(
                TestRequest::get()
                    .uri(&feed_path)
                    .insert_header((header::IF_NONE_MATCH, tag)),
            )
            .await
            .expect(200);
        let event = &events(&feed.text)[0];
        assert_eq!(prop(event, "UID"), uid);
        assert_eq!(prop(event, "SEQUENCE"), "1");
        assert_eq!(prop(event, "STATUS"), "CANCELLED");

        // A personal feed behind a secret address, renewable.
        let other = app
            .post(
                &format!("/api/v1/networks/{network}/meetings"),
                Some(&carla.token),
                with(
                    meeting("Tweede keer", 30),
                    json!({"format": "online", "onlineUrl": "https://meet.example.org/twee"}),
                ),
            )
            .await
            .expect(201)
            .id();
        app.post(
            &format!("/api/v1/meetings/{other}/registrations"),
            Some(&anna.token),
            json!({}),
        )
        .await
        .expect(201);
        app.post("/api/v1/me/calendar-feed", None, json!({}))
            .await
            .expect(401);
        let made = app
            .post("/api/v1/me/calendar-feed", Some(&anna.token), json!({}))
            .await
            .expect(201);
        let url = made.body["url"].as_str().unwrap().to_string();
        let path = &url[url.find("/api/v1/").unwrap()..];
        let mine = app.get(path, None).await.expect(200);
        let list = events(&mine.text);
        assert_eq!(list.len(), 1);
        assert_eq!(prop(&list[0], "SUMMARY"), "Tweede keer");
        assert!(
            mine.text.contains("meet.example.org/twee"),
            "the joining link for a person with a place"
        );
        app.post(
            "/api/v1/me/calendar-feed",
            Some(&anna.token),
            json!({"includeWaiting": false}),
        )
        .await
        .expect(201);
        app.get(path, None).await.expect(404);
    }
);

both!(
    an_erased_account_gives_its_place_to_the_first_waiting,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let anna = app.user("Anna").await;
        let bram = app.user("Bram").await;
        let network = app.network(&carla, "Eén plek").await;
        let id = app
            .post(
                &format!("/api/v1/networks/{network}/meetings"),
                Some(&carla.token),
                with(meeting("Klein gezelschap", 5), json!({"capacity": 1})),
            )
            .await
            .expect(201)
            .id();
        let register = format!("/api/v1/meetings/{id}/registrations");
        app.post(
            &register,
            Some(&anna.token),
            json!({"accessNeeds": ["breaks"], "needsConsent": true}),
        )
        .await
        .expect(201);
        let r = app
            .post(&register, Some(&bram.token), json!({}))
            .await
            .expect(201);
        assert_eq!(r.body["status"], "waiting");
        app.delete("/api/v1/me", Some(&anna.token))
            .await
            .expect(204);
        let seen = app
            .get(&format!("/api/v1/meetings/{id}"), Some(&bram.token))
            .await
            .expect(200);
        assert_eq!(seen.body["myRegistration"], "registered");
        assert_eq!(seen.body["registeredCount"], 1);
        assert_eq!(
            app.db_count("meeting_access_needs"),
            0,
            "her needs went with her"
        );
    }
);
