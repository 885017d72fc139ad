//! Raising a question to the level above ("agenderen"): who raises,
//! supports, moves and reads it; its whole life from raised to answered;
//! the national agenda's order; and what members-only networks keep inside.

use serde_json::{json, Value};

use crate::both;
use crate::common::{TestApp, User};

/// The networks of a question's life: a regional network `regio` with a
/// local child `lokaal`, a second local network `ander`, and a national
/// network `landelijk`, each with its own coordinator.
struct Stage {
    lokaal: i64,
    regio: i64,
    ander: i64,
    landelijk: i64,
    lotte: User,
    rob: User,
    anna: User,
    nina: User,
}

async fn stage(app: &TestApp, lokaal_visibility: &str) -> Stage {
    let (lotte, rob, anna, nina) = (
        app.user("Lotte").await,
        app.user("Rob").await,
        app.user("Anna").await,
        app.user("Nina").await,
    );
    let regio = app
        .network_with(&rob, json!({"name": "Inclusief Drenthe", "theme": "Drenthe doet mee", "scope": "regional", "region": "Drenthe", "provinceCode": "PV22"}))
        .await;
    let landelijk = app
        .network_with(&nina, json!({"name": "Netwerk Inclusieve Gemeenten", "theme": "Samen inclusief", "scope": "national"}))
        .await;
    let lokaal = app
        .network_with(&lotte, json!({"name": "Assen voor iedereen", "theme": "Assen doet mee", "scope": "local", "municipalityCode": "GM0106", "parentId": regio, "visibility": lokaal_visibility, "topics": ["sport"]}))
        .await;
    let ander = app.network(&anna, "Toegankelijke musea").await;
    Stage {
        lokaal,
        regio,
        ander,
        landelijk,
        lotte,
        rob,
        anna,
        nina,
    }
}

fn question(to: i64) -> Value {
    json!({
        "toNetworkId": to,
        "title": "Vervoer op maat over de gemeentegrens",
        "question": "Hoe regelen we dat vervoer op maat niet stopt bij de gemeentegrens?",
        "beyond": "Elke gemeente regelt het apart; wij kunnen het niet alleen oplossen.",
        "tried": "We spraken met twee wethouders.",
        "links": ["https://example.org/rapport.pdf"],
    })
}

async fn raise(app: &TestApp, from: i64, by: &User, to: i64) -> Value {
    app.post(
        &format!("/api/v1/networks/{from}/questions"),
        Some(&by.token),
        question(to),
    )
    .await
    .expect(201)
    .body
}

both!(
    a_question_goes_up_is_supported_and_answered,
    |app: TestApp| async move {
        let s = stage(&app, "public").await;
        let member = app.user("Mila").await;
        app.join(s.lokaal, &member).await;
        let raise_url = format!("/api/v1/networks/{}/questions", s.lokaal);

        // Only the core group speaks for the network; bad input writes nothing.
        app.post(&raise_url, None, question(s.landelijk))
            .await
            .expect(401);
        app.post(&raise_url, Some(&member.token), question(s.landelijk))
            .await
            .expect(403);
        app.post(&raise_url, Some(&s.anna.token), question(s.landelijk))
            .await
            .expect(403);
        let bad = app
            .post(
                &raise_url,
                Some(&s.lotte.token),
                json!({"title": "x", "links": ["ftp://x"]}),
            )
            .await
            .expect(400);
        assert_eq!(
            bad.invalid_names(),
            ["beyond", "links[0]", "question", "title", "toNetworkId"]
        );
        // Up to the parent or a national network, nowhere else.
        let sideways = app
            .post(&raise_url, Some(&s.lotte.token), question(s.ander))
            .await
            .expect(409);
        assert_eq!(sideways.invalid_names(), ["toNetworkId"]);
        app.post(&raise_url, Some(&s.lotte.token), question(s.lokaal))
            .await
            .expect(409);
        app.post(&raise_url, Some(&s.lotte.token), question(99_999))
            .await
            .expect(409);
        let from_national = app
            .post(
                &format!("/api/v1/networks/{}/questions", s.landelijk),
                Some(&s.nina.token),
                question(s.regio),
            )
            .await
            .expect(409);
        assert_eq!(from_national.invalid_names(), ["toNetworkId"]);
        assert_eq!(app.db_count("questions"), 0);
        let to_parent = raise(&app, s.lokaal, &s.lotte, s.regio).await;
        assert_eq!(to_parent["raisedTo"]["id"], s.regio);

        let q = raise(&app, s.lokaal, &s.lotte, s.landelijk).await;
        let id = q["id"].as_i64().unwrap();
        assert_eq!(q["status"], "raised");
        assert_eq!(q["raisedBy"]["name"], "Assen voor iedereen");
        assert_eq!(q["links"], json!(["https://example.org/rapport.pdf"]));
        assert_eq!(q["mayEdit"], true);
        assert_eq!(q["mayMove"], false);
        let url = format!("/api/v1/questions/{id}");

        // Another network supports it, once; not the raiser or the receiver.
        let supports = format!("{url}/supports");
        let note = json!({"networkId": s.ander, "note": "Wij herkennen dit ook"});
        app.post(
            &supports,
            Some(&member.token),
            json!({"networkId": s.ander}),
        )
        .await
        .expect(403);
        let supported = app
            .post(&supports, Some(&s.anna.token), note.clone())
            .await
            .expect(201);
        assert_eq!(supported.body["supportCount"], 1);
        assert_eq!(
            supported.body["supportedBy"][0]["note"],
            "Wij herkennen dit ook"
        );
        let twice = app
            .post(&supports, Some(&s.anna.token), note)
            .await
            .expect(409);
        assert_eq!(twice.invalid_names(), ["networkId"]);
        app.post(
            &supports,
            Some(&s.lotte.token),
            json!({"networkId": s.lokaal}),
        )
        .await
        .expect(409);
        app.post(
            &supports,
            Some(&s.nina.token),
            json!({"networkId": s.landelijk}),
        )
        .await
        .expect(409);
        app.post(&supports, Some(&s.anna.token), json!({}))
            .await
            .expect(400);

        // The raiser changes the words until it is received; the receiver cannot.
        app.patch(&url, Some(&s.nina.token), json!({"title": "Anders"}))
            .await
            .expect(403);
        let changed = app
            .patch(
                &url,
                Some(&s.lotte.token),
                json!({"title": "Vervoer op maat over grenzen"}),
            )
            .await
            .expect(200);
        assert_eq!(changed.body["title"], "Vervoer op maat over grenzen");
        app.patch(&url, Some(&s.lotte.token), json!({"toNetworkId": s.regio}))
            .await
            .expect(400);

        // The receiver moves it forward, never back; the raiser cannot.
        let steps = format!("{url}/steps");
        app.post(&steps, Some(&s.lotte.token), json!({"status": "received"}))
            .await
            .expect(403);
        app.post(&steps, Some(&s.anna.token), json!({"status": "received"}))
            .await
            .expect(403);
        app.post(&steps, Some(&s.nina.token), json!({"status": "received"}))
            .await
            .expect(200);
        let back = app
            .post(&steps, Some(&s.nina.token), json!({"status": "raised"}))
            .await
            .expect(409);
        assert_eq!(back.invalid_names(), ["status"]);
        app.patch(&url, Some(&s.lotte.token), json!({"title": "Te laat"}))
            .await
            .expect(409);
        app.delete(&url, Some(&s.lotte.token)).await.expect(409);

        // On the agenda of one of the receiver's own meetings.
        let start = chrono::Utc::now() + chrono::Duration::days(7);
        let meeting_body = json!({"title": "Landelijk overleg", "kind": "network_meeting", "format": "online", "onlineUrl": "https://meet.example.org/x", "startsAt": start.to_rfc3339(), "endsAt": (start + chrono::Duration::hours(2)).to_rfc3339()});
        let other_meeting = app
            .post(
                &format!("/api/v1/networks/{}/meetings", s.ander),
                Some(&s.anna.token),
                meeting_body.clone(),
            )
            .await
            .expect(201)
            .id();
        let own_meeting = app
            .post(
                &format!("/api/v1/networks/{}/meetings", s.landelijk),
                Some(&s.nina.token),
                meeting_body,
            )
            .await
            .expect(201)
            .id();
        let item = |meeting: i64| {
            let app = &app;
            let token = if meeting == own_meeting {
                s.nina.token.clone()
            } else {
                s.anna.token.clone()
            };
            async move {
                app.post(
                    &format!("/api/v1/meetings/{meeting}/agenda-items"),
                    Some(&token),
                    json!({"title": "Vervoer op maat"}),
                )
                .await
                .expect(201)
                .id()
            }
        };
        let foreign_item = item(other_meeting).await;
        let own_item = item(own_meeting).await;
        let wrong = app
            .post(
                &steps,
                Some(&s.nina.token),
                json!({"status": "on_agenda", "agendaItemId": foreign_item}),
            )
            .await
            .expect(409);
        assert_eq!(wrong.invalid_names(), ["agendaItemId"]);
        let on_agenda = app
            .post(
                &steps,
                Some(&s.nina.token),
                json!({"status": "on_agenda", "agendaItemId": own_item}),
            )
            .await
            .expect(200);
        assert_eq!(on_agenda.body["agendaItemId"], own_item);
        // Answering needs the answer.
        let empty = app
            .post(&steps, Some(&s.nina.token), json!({"status": "answered"}))
            .await
            .expect(400);
        assert_eq!(empty.invalid_names(), ["note"]);
        let answer = "We maken één regeling voor de hele provincie.";
        let answered = app
            .post(
                &steps,
                Some(&s.nina.token),
                json!({"status": "answered", "note": answer}),
            )
            .await
            .expect(200);
        assert_eq!(answered.body["answer"], answer);
        assert_eq!(answered.body["mayMove"], false);
        app.post(
            &steps,
            Some(&s.nina.token),
            json!({"status": "declined", "note": "x"}),
        )
        .await
        .expect(409);
        app.post(&supports, Some(&s.rob.token), json!({"networkId": s.regio}))
            .await
            .expect(409);

        // The timeline holds every step, in order, and is public: both networks are.
        let public = app.get(&url, None).await.expect(200).body;
        let timeline: Vec<(String, Value)> = public["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["kind"].as_str().unwrap().to_string(), e["status"].clone()))
            .collect();
        assert_eq!(
            timeline,
            [
                ("raised".into(), json!("raised")),
                ("supported".into(), Value::Null),
                ("moved".into(), json!("received")),
                ("moved".into(), json!("on_agenda")),
                ("moved".into(), json!("answered")),
            ]
        );
        assert_eq!(public["timeline"][4]["note"], answer);
        assert_eq!(public["timeline"][4]["network"]["id"], s.landelijk);
        assert_eq!(public["mayEdit"], false);
    }
);

both!(
    the_national_agenda_lists_the_most_supported_first,
    |app: TestApp| async move {
        let s = stage(&app, "public").await;
        let first = raise(&app, s.lokaal, &s.lotte, s.landelijk).await["id"]
            .as_i64()
            .unwrap();
        let second = raise(&app, s.lokaal, &s.lotte, s.regio).await["id"]
            .as_i64()
            .unwrap();
        let third = raise(&app, s.lokaal, &s.lotte, s.landelijk).await["id"]
            .as_i64()
            .unwrap();
        for (network, by) in [(s.ander, &s.anna), (s.regio, &s.rob)] {
            app.post(
                &format!("/api/v1/questions/{third}/supports"),
                Some(&by.token),
                json!({"networkId": network}),
            )
            .await
            .expect(201);
        }
        app.post(
            &format!("/api/v1/questions/{second}/supports"),
            Some(&s.anna.token),
            json!({"networkId": s.ander}),
        )
        .await
        .expect(201);
        app.post(
            &format!("/api/v1/questions/{first}/steps"),
            Some(&s.nina.token),
            json!({"status": "declined", "note": "Dit hoort bij de provincie."}),
        )
        .await
        .expect(200);
        let ids = |items: Vec<Value>| {
            items
                .iter()
                .map(|q| q["id"].as_i64().unwrap())
                .collect::<Vec<_>>()
        };
        // Page by page, by support, then oldest first.
        let all = app.collect_all("/api/v1/questions?pageSize=1", None).await;
        assert_eq!(ids(all), [third, second, first]);
        let open = app
            .get("/api/v1/questions?open=true", None)
            .await
            .expect(200)
            .items();
        assert_eq!(ids(open), [third, second]);
        let declined = app
            .get("/api/v1/questions?status=declined", None)
            .await
            .expect(200)
            .items();
        assert_eq!(ids(declined), [first]);
        assert_eq!(
            declined_reason(&app, first).await,
            "Dit hoort bij de provincie."
        );
        let here = app
            .get("/api/v1/questions?municipality=GM0106&topic=sport", None)
            .await
            .expect(200)
            .items();
        assert_eq!(here.len(), 3);
        assert!(app
            .get("/api/v1/questions?municipality=GM0344", None)
            .await
            .expect(200)
            .items()
            .is_empty());
        let to_region = app
            .get(&format!("/api/v1/networks/{}/questions", s.regio), None)
            .await
            .expect(200)
            .items();
        assert_eq!(ids(to_region), [second]);
        let bad = app
            .get("/api/v1/questions?status=open&open=maybe", None)
            .await
            .expect(400);
        assert_eq!(bad.invalid_names(), ["open", "status"]);
    }
);

async fn declined_reason(app: &TestApp, id: i64) -> String {
    app.get(&format!("/api/v1/questions/{id}"), None)
        .await
        .expect(200)
        .body["answer"]
        .as_str()
        .unwrap()
        .to_string()
}

both!(
    a_members_only_network_keeps_its_questions_and_its_name_inside,
    |app: TestApp| async move {
        let s = stage(&app, "members").await;
        let member = app.user("Mila").await;
        app.add_member(s.lokaal, &s.lotte, &member, "member").await;
        let q = raise(&app, s.lokaal, &s.lotte, s.landelijk).await;
        let url = format!("/api/v1/questions/{}", q["id"]);
        // Outsiders do not find it; members of either network do.
        app.get(&url, None).await.expect(404);
        app.get(&url, Some(&s.anna.token)).await.expect(404);
        assert!(app
            .get("/api/v1/questions", None)
            .await
            .expect(200)
            .items()
            .is_empty());
        app.get(&url, Some(&member.token)).await.expect(200);
        app.get(&url, Some(&s.nina.token)).await.expect(200);
        app.post(
            &format!("{url}/supports"),
            Some(&s.anna.token),
            json!({"networkId": s.ander}),
        )
        .await
        .expect(404);
        // A members-only network's support is counted, not named, for outsiders.
        let closed = app
            .network_with(&s.anna, json!({"name": "Besloten kring", "theme": "Besloten", "scope": "national", "visibility": "members"}))
            .await;
        let emmen = app
            .network_with(&s.rob, json!({"name": "Emmen doet mee", "theme": "Emmen", "scope": "local", "municipalityCode": "GM0114", "parentId": s.regio}))
            .await;
        let open_q = raise(&app, emmen, &s.rob, s.landelijk).await;
        let open_url = format!("/api/v1/questions/{}", open_q["id"]);
        app.post(
            &format!("{open_url}/supports"),
            Some(&s.anna.token),
            json!({"networkId": closed, "note": "Geheim"}),
        )
        .await
        .expect(201);
        let seen = app.get(&open_url, None).await.expect(200).body;
        assert_eq!(seen["supportCount"], 1);
        assert_eq!(seen["supportedBy"], json!([]));
        assert_eq!(seen["timeline"][1]["network"], Value::Null);
        assert_eq!(seen["timeline"][1]["note"], "");
        assert!(!seen.to_string().contains("Besloten kring"));
        let insider = app
            .get(&open_url, Some(&s.anna.token))
            .await
            .expect(200)
            .body;
        assert_eq!(
            insider["supportedBy"][0]["network"]["name"],
            "Besloten kring"
        );
        // Taking support back: counted off, and kept on the timeline.
        let support = format!("{open_url}/supports/{closed}");
        app.delete(&support, Some(&s.rob.token)).await.expect(404);
        app.delete(&support, Some(&s.anna.token)).await.expect(204);
        let after = app.get(&open_url, None).await.expect(200).body;
        assert_eq!(after["supportCount"], 0);
        assert_eq!(after["timeline"][2]["kind"], "support_withdrawn");
        assert_eq!(after["timeline"][2]["network"], Value::Null);
    }
);

both!(
    the_raising_network_hears_of_each_step,
    |app: TestApp| async move {
        use diesel::prelude::*;
        use themanet::db::schema::users;
        let s = stage(&app, "public").await;
        let member = app.user("Mila").await;
        app.join(s.lokaal, &member).await;
        let receiver = app.user("Ruben").await;
        app.join(s.landelijk, &receiver).await;
        for u in [&member, &receiver] {
            diesel::update(users::table.find(u.id))
                .set(users::email_verified_at.eq(chrono::Utc::now().naive_utc()))
                .execute(&mut app.db.conn())
                .unwrap();
            app.patch(
                "/api/v1/me/preferences",
                Some(&u.token),
                json!({"notices": "immediate"}),
            )
            .await
            .expect(200);
        }
        let notices = |email: &str| {
            app.db_count(&format!(
                "outbox WHERE recipient = '{email}' AND kind = 'notice'"
            ))
        };
        // The receiving network hears that a question came in ...
        let q = raise(&app, s.lokaal, &s.lotte, s.landelijk).await;
        assert_eq!((notices(&member.email), notices(&receiver.email)), (0, 1));
        // ... and the raising network of each step after that.
        let steps = format!("/api/v1/questions/{}/steps", q["id"]);
        app.post(&steps, Some(&s.nina.token), json!({"status": "received"}))
            .await
            .expect(200);
        app.post(
            &format!("/api/v1/questions/{}/supports", q["id"]),
            Some(&s.anna.token),
            json!({"networkId": s.ander}),
        )
        .await
        .expect(201);
        assert_eq!((notices(&member.email), notices(&receiver.email)), (2, 1));
    }
);
