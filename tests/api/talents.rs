//! Talents and needs: availability and findability on a profile, the
//! talents a step needs with suggestions, the matchcentrum of a step and of
//! a member, offers of help, and experts whom organisations ask for
//! contact without seeing contact details until the person accepts.

use serde_json::{json, Value};

use crate::both;
use crate::common::{TestApp, User};

/// `user` states talents, where they live, time, and who sees them.
async fn offer(app: &TestApp, user: &User, talents: &[&str], place: &str, extra: Value) {
    let mut body = json!({
        "talents": talents,
        "municipalityCode": place,
        "visibility": {"talents": "networks", "municipalityCode": "networks"},
    });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    app.patch(
        &format!("/api/v1/stakeholders/{}", user.stakeholder_id),
        Some(&user.token),
        body,
    )
    .await
    .expect(200);
}

/// A step (a goal with a parent) that needs talents.
async fn step(app: &TestApp, network: i64, by: &User, title: &str, talents: &[&str]) -> i64 {
    let parent = app.goal(network, by, &format!("{title} (doel)")).await;
    app.post(
        &format!("/api/v1/networks/{network}/goals"),
        Some(&by.token),
        json!({"title": title, "parentId": parent, "neededTalents": talents}),
    )
    .await
    .expect(201)
    .id()
}

fn ids(items: &[Value], field: &str) -> Vec<i64> {
    items
        .iter()
        .map(|i| i[field].as_i64().unwrap_or(0))
        .collect()
}

both!(
    a_profile_states_time_findability_and_platform_visibility,
    |app: TestApp| async move {
        let ans = app.user("Ans").await;
        let bas = app.user("Bas").await;
        let me = format!("/api/v1/stakeholders/{}", ans.stakeholder_id);
        let r = app
            .patch(
                &me,
                Some(&ans.token),
                json!({"listed": true, "talents": ["Schrijven"], "availability": {"hoursPerMonth": 8},
                       "findable": true, "visibility": {"talents": "platform"}}),
            )
            .await
            .expect(200);
        assert_eq!(r.body["availability"]["hoursPerMonth"], 8);
        assert_eq!(r.body["findable"], true);
        assert_eq!(r.body["visibility"]["talents"], "platform");
        // Everyone signed in sees talents and time; nobody else, and the
        // choice itself only the person.
        let seen = app.get(&me, Some(&bas.token)).await.expect(200);
        assert_eq!(seen.body["talents"], json!(["schrijven"]));
        assert_eq!(seen.body["availability"]["occasional"], false);
        assert!(seen.body.get("findable").is_none());
        let anonymous = app.get(&me, None).await.expect(200);
        assert!(anonymous.body.get("talents").is_none());
        assert!(anonymous.body.get("availability").is_none());
        // Bad time: 400 naming it, nothing written.
        let bad = app
            .patch(
                &me,
                Some(&ans.token),
                json!({"availability": {"hoursPerMonth": 0, "occasional": true}, "findable": false}),
            )
            .await
            .expect(400);
        assert_eq!(bad.invalid_codes(), ["availability.hoursPerMonth range"]);
        let still = app.get(&me, Some(&ans.token)).await.expect(200);
        assert_eq!(still.body["findable"], true);
        assert_eq!(still.body["availability"]["hoursPerMonth"], 8);
        // Now and then.
        let r = app
            .patch(
                &me,
                Some(&ans.token),
                json!({"availability": {"occasional": true}}),
            )
            .await
            .expect(200);
        assert_eq!(
            r.body["availability"],
            json!({"hoursPerMonth": null, "occasional": true})
        );
    }
);

both!(
    steps_need_talents_from_a_growing_vocabulary,
    |app: TestApp| async move {
        let carla = app.user("Carla").await;
        let olga = app.user("Olga").await;
        let network = app.network(&carla, "Toegankelijke musea").await;
        let id = step(
            &app,
            network,
            &carla,
            "Folder schrijven",
            &["Schrijven", "NGT", "juridische kennis"],
        )
        .await;
        let goal = app
            .get(&format!("/api/v1/goals/{id}"), None)
            .await
            .expect(200);
        assert_eq!(
            goal.body["neededTalents"],
            json!(["juridische kennis", "ngt", "schrijven"])
        );
        assert_eq!(goal.body["helperIds"], json!([]));
        // Suggestions while typing, word forms folded as search folds them.
        let found = app.get("/api/v1/talents?q=Jurid", None).await.expect(200);
        let names: Vec<Value> = found.items().iter().map(|t| t["name"].clone()).collect();
        assert_eq!(names, [json!("juridische kennis")]);
        let all = app.get("/api/v1/talents", None).await.expect(200);
        assert!(all
            .items()
            .iter()
            .any(|t| t["name"] == "ngt" && t["uses"] == 1));
        // An unknown talent format: 400, nothing written.
        let goals_before = app.db_count("goals");
        let bad = app
            .post(
                &format!("/api/v1/networks/{network}/goals"),
                Some(&carla.token),
                json!({"title": "Iets", "neededTalents": ["<b>vet</b>"]}),
            )
            .await
            .expect(400);
        assert_eq!(bad.invalid_codes(), ["neededTalents format"]);
        assert_eq!(app.db_count("goals"), goals_before);
        // Changing the needs.
        app.patch(
            &format!("/api/v1/goals/{id}"),
            Some(&carla.token),
            json!({"neededTalents": ["vormgeven"]}),
        )
        .await
        .expect(200);
        let goal = app
            .get(&format!("/api/v1/goals/{id}"), None)
            .await
            .expect(200);
        assert_eq!(goal.body["neededTalents"], json!(["vormgeven"]));
        // A members-only network's needs never reach outsiders.
        let closed = app
            .network_with(&carla, json!({"name": "Besloten kring", "theme": "Besloten", "scope": "national", "visibility": "members"}))
            .await;
        let secret = step(&app, closed, &carla, "Geheime stap", &["geheimhouding"]).await;
        app.get(&format!("/api/v1/goals/{secret}"), Some(&olga.token))
            .await
            .expect(404);
        app.get(
            &format!("/api/v1/goals/{secret}/matches"),
            Some(&olga.token),
        )
        .await
        .expect(404);
        app.get(
            &format!("/api/v1/goals/{secret}/helpers"),
            Some(&olga.token),
        )
        .await
        .expect(404);
        app.post(
            &format!("/api/v1/goals/{secret}/helpers"),
            Some(&olga.token),
            json!({}),
        )
        .await
        .expect(404);
        let outsider = app
            .get("/api/v1/talents?q=geheim", Some(&olga.token))
            .await
            .expect(200);
        assert!(outsider.items().is_empty());
        let insider = app
            .get("/api/v1/talents?q=geheim", Some(&carla.token))
            .await
            .expect(200);
        assert_eq!(insider.items().len(), 1);
    }
);

both!(
    the_matchcentrum_ranks_members_for_the_core_group,
    |app: TestApp| async move {
        let carla = app.user("Carla").await;
        let (a, b, c, d, e) = (
            app.user("Aaf").await,
            app.user("Bob").await,
            app.user("Cor").await,
            app.user("Dirk").await,
            app.user("Eva").await,
        );
        // A public network in Utrecht (GM0344, province PV26).
        let network = app.network(&carla, "Samen schrijven").await;
        for u in [&a, &b, &c, &d, &e] {
            app.join(network, u).await;
        }
        offer(
            &app,
            &a,
            &["schrijven", "vormgeven"],
            "GM0344",
            json!({"availability": {"hoursPerMonth": 4}}),
        )
        .await;
        offer(
            &app,
            &b,
            &["Schrijven"],
            "GM0344",
            json!({"availability": {"hoursPerMonth": 10}}),
        )
        .await;
        // Amersfoort: the same province.
        offer(
            &app,
            &c,
            &["schrijven"],
            "GM0307",
            json!({"availability": {"hoursPerMonth": 10}}),
        )
        .await;
        // Shows its talents to nobody: never matched.
        offer(
            &app,
            &d,
            &["schrijven"],
            "GM0344",
            json!({"visibility": {"talents": "nobody"}}),
        )
        .await;
        offer(
            &app,
            &e,
            &["schrijven"],
            "GM0344",
            json!({"availability": {"hoursPerMonth": 10}}),
        )
        .await;
        // Eva already leads an open step.
        app.post(
            &format!("/api/v1/networks/{network}/goals"),
            Some(&carla.token),
            json!({"title": "Eva trekt dit", "ownerId": e.stakeholder_id}),
        )
        .await
        .expect(201);
        let id = step(
            &app,
            network,
            &carla,
            "Folder maken",
            &["schrijven", "vormgeven"],
        )
        .await;
        let path = format!("/api/v1/goals/{id}/matches");
        let r = app.get(&path, Some(&carla.token)).await.expect(200);
        let items = r.items();
        assert_eq!(
            ids(&items, "stakeholderId"),
            [
                a.stakeholder_id,
                b.stakeholder_id,
                e.stakeholder_id,
                c.stakeholder_id
            ]
        );
        assert_eq!(
            items[0]["matchingTalents"],
            json!(["schrijven", "vormgeven"])
        );
        assert_eq!(items[1]["sameMunicipality"], true);
        assert_eq!(items[2]["carriedSteps"], 1);
        assert_eq!(items[3]["sameMunicipality"], false);
        assert_eq!(items[3]["sameProvince"], true);
        assert_eq!(items[1]["availability"]["hoursPerMonth"], 10);
        // Pages follow the same order.
        let first = app
            .get(&format!("{path}?pageSize=2"), Some(&carla.token))
            .await
            .expect(200);
        assert_eq!(
            ids(&first.items(), "stakeholderId"),
            [a.stakeholder_id, b.stakeholder_id]
        );
        let next = first.next_path().expect("a next page");
        let second = app.get(&next, Some(&carla.token)).await.expect(200);
        assert_eq!(
            ids(&second.items(), "stakeholderId"),
            [e.stakeholder_id, c.stakeholder_id]
        );
        // Only the core group: members 403, anonymous 401.
        app.get(&path, Some(&a.token)).await.expect(403);
        app.get(&path, None).await.expect(401);
    }
);

both!(
    a_member_offers_help_and_the_core_group_answers,
    |app: TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        let olga = app.user("Olga").await;
        let network = app.network(&carla, "Helpende handen").await;
        app.join(network, &mila).await;
        offer(&app, &mila, &["vormgeven"], "GM0344", json!({})).await;
        let id = step(&app, network, &carla, "Poster ontwerpen", &["Vormgeven"]).await;
        // Where am I needed: the step in my own network.
        let mine = app
            .get("/api/v1/me/matches", Some(&mila.token))
            .await
            .expect(200);
        assert_eq!(ids(&mine.items(), "goalId"), [id]);
        assert_eq!(mine.items()[0]["ownNetwork"], true);
        assert_eq!(mine.items()[0]["offer"], Value::Null);
        let helpers = format!("/api/v1/goals/{id}/helpers");
        // Outsiders do not offer; members once.
        app.post(&helpers, Some(&olga.token), json!({}))
            .await
            .expect(403);
        let r = app
            .post(
                &helpers,
                Some(&mila.token),
                json!({"message": "Ik kan dinsdag."}),
            )
            .await
            .expect(201);
        assert_eq!(r.body["status"], "offered");
        let again = app
            .post(&helpers, Some(&mila.token), json!({}))
            .await
            .expect(409);
        assert_eq!(again.invalid_codes(), ["goalId duplicate"]);
        assert_eq!(app.db_count("goal_helpers"), 1);
        // The core group sees the offer with its message; outsiders not.
        let seen = app.get(&helpers, Some(&carla.token)).await.expect(200);
        assert_eq!(seen.body["items"][0]["message"], "Ik kan dinsdag.");
        let outside = app.get(&helpers, Some(&olga.token)).await.expect(200);
        assert_eq!(outside.body["items"], json!([]));
        let matches = app
            .get(&format!("/api/v1/goals/{id}/matches"), Some(&carla.token))
            .await
            .expect(200);
        assert_eq!(matches.items()[0]["offer"], "offered");
        // Only the core group answers.
        let answer = format!("{helpers}/{}", mila.stakeholder_id);
        app.patch(&answer, Some(&mila.token), json!({"status": "accepted"}))
            .await
            .expect(403);
        app.patch(
            &format!("{helpers}/{}", olga.stakeholder_id),
            Some(&carla.token),
            json!({"status": "accepted"}),
        )
        .await
        .expect(404);
        let bad = app
            .patch(&answer, Some(&carla.token), json!({"status": "offered"}))
            .await
            .expect(400);
        assert_eq!(bad.invalid_codes(), ["status enum"]);
        let r = app
            .patch(&answer, Some(&carla.token), json!({"status": "accepted"}))
            .await
            .expect(200);
        assert_eq!(r.body["status"], "accepted");
        // A helper on the step, everywhere it shows.
        let goal = app
            .get(&format!("/api/v1/goals/{id}"), None)
            .await
            .expect(200);
        assert_eq!(goal.body["helperIds"], json!([mila.stakeholder_id]));
        let outside = app.get(&helpers, Some(&olga.token)).await.expect(200);
        assert_eq!(
            outside.body["items"][0]["stakeholderId"],
            mila.stakeholder_id
        );
        assert!(outside.body["items"][0]["message"].is_null());
        let export = app
            .get("/api/v1/me/export", Some(&mila.token))
            .await
            .expect(200);
        assert_eq!(export.body["helpOffered"][0]["goalId"], id);
        assert_eq!(export.body["helpOffered"][0]["status"], "accepted");
        let mine = app
            .get("/api/v1/me/matches", Some(&mila.token))
            .await
            .expect(200);
        assert_eq!(mine.items()[0]["offer"], "accepted");
        // An achieved step takes no more offers.
        let done = step(&app, network, &carla, "Klaar", &["vormgeven"]).await;
        app.patch(
            &format!("/api/v1/goals/{done}"),
            Some(&carla.token),
            json!({"status": "achieved"}),
        )
        .await
        .expect(200);
        let closed = app
            .post(
                &format!("/api/v1/goals/{done}/helpers"),
                Some(&mila.token),
                json!({}),
            )
            .await
            .expect(409);
        assert_eq!(closed.invalid_codes(), ["goalId rule"]);
    }
);

both!(
    other_networks_needs_reach_those_who_show_their_talents_to_the_platform,
    |app: TestApp| async move {
        let carla = app.user("Carla").await;
        let piet = app.user("Piet").await;
        let open = app.network(&carla, "Open netwerk").await;
        let closed = app
            .network_with(&carla, json!({"name": "Besloten netwerk", "theme": "Besloten", "scope": "national", "visibility": "members"}))
            .await;
        let public_step = step(&app, open, &carla, "Open stap", &["schrijven"]).await;
        step(&app, closed, &carla, "Besloten stap", &["schrijven"]).await;
        offer(&app, &piet, &["schrijven"], "GM0344", json!({})).await;
        let none = app
            .get("/api/v1/me/matches", Some(&piet.token))
            .await
            .expect(200);
        assert!(none.items().is_empty());
        offer(
            &app,
            &piet,
            &["schrijven"],
            "GM0344",
            json!({"visibility": {"talents": "platform"}}),
        )
        .await;
        let some = app
            .get("/api/v1/me/matches", Some(&piet.token))
            .await
            .expect(200);
        assert_eq!(ids(&some.items(), "goalId"), [public_step]);
        assert_eq!(some.items()[0]["ownNetwork"], false);
        app.get("/api/v1/me/matches", None).await.expect(401);
    }
);

both!(
    experts_are_found_and_asked_without_contact_details_until_they_accept,
    |app: TestApp| async move {
        let fien = app.user("Fien").await;
        let quinten = app.user("Quinten").await;
        let gemeente = app.user("Ambtenaar").await;
        let carla = app.user("Carla").await;
        let plain = app.user("Zomaar").await;
        app.network(&carla, "Coordinatie").await;
        offer(
            &app,
            &fien,
            &["ervaringsdeskundigheid", "ngt"],
            "GM0344",
            json!({"findable": true, "shareContact": true, "email": "fien@example.org", "availability": {"occasional": true}}),
        )
        .await;
        offer(
            &app,
            &quinten,
            &["ervaringsdeskundigheid"],
            "GM0344",
            json!({"shareContact": true, "email": "quinten@example.org"}),
        )
        .await;
        // The municipality's account acts for the municipality's profile.
        let municipality = app
            .post(
                "/api/v1/stakeholders",
                Some(&gemeente.token),
                json!({"kind": "municipality", "name": "Gemeente Utrecht"}),
            )
            .await
            .expect(201)
            .id();
        // Who searches: not just anyone.
        app.get("/api/v1/experts?talent=ngt", Some(&plain.token))
            .await
            .expect(403);
        app.get("/api/v1/experts?talent=ngt", None)
            .await
            .expect(401);
        let found = app
            .get(
                "/api/v1/experts?talent=Ervaringsdeskundigheid&municipality=GM0344",
                Some(&gemeente.token),
            )
            .await
            .expect(200);
        assert_eq!(ids(&found.items(), "stakeholderId"), [fien.stakeholder_id]);
        assert!(!found.body.to_string().contains("fien@example.org"));
        let by_coordinator = app
            .get("/api/v1/experts?province=PV26", Some(&carla.token))
            .await
            .expect(200);
        assert_eq!(
            ids(&by_coordinator.items(), "stakeholderId"),
            [fien.stakeholder_id]
        );
        // Someone not findable does not exist for a request.
        let before = app.db_count("contact_requests");
        app.post(
            "/api/v1/contact-requests",
            Some(&gemeente.token),
            json!({"stakeholderId": quinten.stakeholder_id, "message": "Wilt u meedenken over ons beleid?"}),
        )
        .await
        .expect(404);
        app.post(
            "/api/v1/contact-requests",
            Some(&plain.token),
            json!({"stakeholderId": fien.stakeholder_id, "message": "Wilt u meedenken over ons beleid?"}),
        )
        .await
        .expect(403);
        let bad = app
            .post(
                "/api/v1/contact-requests",
                Some(&gemeente.token),
                json!({"stakeholderId": fien.stakeholder_id, "message": "Hoi"}),
            )
            .await
            .expect(400);
        assert_eq!(bad.invalid_codes(), ["message length"]);
        assert_eq!(app.db_count("contact_requests"), before);
        let r = app
            .post(
                "/api/v1/contact-requests",
                Some(&gemeente.token),
                json!({"stakeholderId": fien.stakeholder_id, "message": "Wilt u meedenken over ons beleid?", "onBehalfOf": municipality}),
            )
            .await
            .expect(201);
        let request = r.id();
        assert_eq!(r.body["from"]["name"], "Gemeente Utrecht");
        assert!(r.body["contact"].is_null());
        app.post(
            "/api/v1/contact-requests",
            Some(&gemeente.token),
            json!({"stakeholderId": fien.stakeholder_id, "message": "Nog een keer gevraagd.", "onBehalfOf": municipality}),
        )
        .await
        .expect(409);
        // The person sees it, without the other side's details yet.
        let inbox = app
            .get(
                "/api/v1/me/contact-requests?direction=received",
                Some(&fien.token),
            )
            .await
            .expect(200);
        assert_eq!(ids(&inbox.items(), "id"), [request]);
        assert!(inbox.items()[0]["contact"].is_null());
        // Only the person answers.
        let answer = format!("/api/v1/contact-requests/{request}");
        app.patch(
            &answer,
            Some(&gemeente.token),
            json!({"status": "accepted"}),
        )
        .await
        .expect(404);
        app.patch(&answer, Some(&quinten.token), json!({"status": "accepted"}))
            .await
            .expect(404);
        let r = app
            .patch(&answer, Some(&fien.token), json!({"status": "accepted"}))
            .await
            .expect(200);
        assert_eq!(r.body["status"], "accepted");
        assert_eq!(r.body["contact"]["email"], gemeente.email);
        let sent = app
            .get(
                "/api/v1/me/contact-requests?direction=sent",
                Some(&gemeente.token),
            )
            .await
            .expect(200);
        assert_eq!(sent.items()[0]["contact"]["email"], "fien@example.org");
        app.patch(&answer, Some(&fien.token), json!({"status": "declined"}))
            .await
            .expect(409);
        let export = app
            .get("/api/v1/me/export", Some(&fien.token))
            .await
            .expect(200);
        assert_eq!(export.body["contactRequests"][0]["id"], request);
    }
);

both!(
    experts_rank_by_matching_talents_then_time_page_by_page,
    |app: TestApp| async move {
        let carla = app.user("Carla").await;
        app.network(&carla, "Coordinatie").await;
        let a = app.user("Anouk").await;
        let b = app.user("Bram").await;
        let c = app.user("Cor").await;
        let d = app.user("Dirk").await;
        let findable = |time: Value| json!({"findable": true, "availability": time});
        offer(
            &app,
            &a,
            &["schrijven"],
            "GM0344",
            findable(json!({"hoursPerMonth": 4})),
        )
        .await;
        offer(
            &app,
            &b,
            &["Schrijven", "ngt"],
            "GM0363",
            findable(json!({"hoursPerMonth": 16})),
        )
        .await;
        offer(
            &app,
            &c,
            &["schrijven"],
            "GM0344",
            findable(json!({"occasional": true})),
        )
        .await;
        offer(
            &app,
            &d,
            &["vormgeven"],
            "GM0344",
            findable(json!({"hoursPerMonth": 40})),
        )
        .await;
        // The searcher is findable too, and is never among the results.
        offer(
            &app,
            &carla,
            &["schrijven"],
            "GM0344",
            findable(json!({"hoursPerMonth": 80})),
        )
        .await;
        let path = "/api/v1/experts?talent=SCHRIJVEN&pageSize=2";
        let first = app.get(path, Some(&carla.token)).await.expect(200);
        assert_eq!(
            ids(&first.items(), "stakeholderId"),
            [b.stakeholder_id, a.stakeholder_id]
        );
        assert_eq!(first.items()[0]["matchingTalents"], json!(["schrijven"]));
        assert_eq!(first.items()[0]["talents"], json!(["ngt", "schrijven"]));
        let next = first.next_path().expect("a next page");
        let second = app.get(&next, Some(&carla.token)).await.expect(200);
        assert_eq!(ids(&second.items(), "stakeholderId"), [c.stakeholder_id]);
        assert!(second.body["_links"].get("next").is_none());
        // Without a talent: everyone findable, most time first.
        let all = app
            .get("/api/v1/experts?municipality=GM0344", Some(&carla.token))
            .await
            .expect(200);
        assert_eq!(
            ids(&all.items(), "stakeholderId"),
            [d.stakeholder_id, a.stakeholder_id, c.stakeholder_id]
        );
        assert_eq!(all.items()[0]["matchingTalents"], json!([]));
        // A talent nobody offers finds nobody.
        let none = app
            .get("/api/v1/experts?talent=zingen", Some(&carla.token))
            .await
            .expect(200);
        assert!(none.items().is_empty());
    }
);

/// Marks a user's address confirmed (notices go to confirmed addresses).
fn confirm(app: &TestApp, user: &User) {
    use diesel::prelude::*;
    use themanet::db::schema::users;
    let mut conn = app.db.conn();
    diesel::update(users::table.find(user.id))
        .set(users::email_verified_at.eq(chrono::Utc::now().naive_utc()))
        .execute(&mut conn)
        .expect("confirm the address");
}

/// The subjects of the mail in the outbox for an address.
fn subjects(app: &TestApp, to: &str) -> Vec<String> {
    use diesel::prelude::*;
    use themanet::db::schema::outbox;
    let mut conn = app.db.conn();
    outbox::table
        .filter(outbox::recipient.eq(to))
        .order(outbox::id)
        .select(outbox::subject)
        .load(&mut conn)
        .expect("outbox")
}

both!(
    offers_of_help_and_contact_requests_are_told_by_mail,
    |app: TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        for u in [&carla, &mila] {
            confirm(&app, u);
        }
        let network = app.network(&carla, "Post voor helpers").await;
        app.join(network, &mila).await;
        offer(
            &app,
            &mila,
            &["schrijven"],
            "GM0344",
            json!({"findable": true}),
        )
        .await;
        let id = step(
            &app,
            network,
            &carla,
            "Nieuwsbrief schrijven",
            &["schrijven"],
        )
        .await;
        let helpers = format!("/api/v1/goals/{id}/helpers");
        // Registering sent each a link to confirm their address.
        let before = subjects(&app, &mila.email).len();
        app.post(&helpers, Some(&mila.token), json!({}))
            .await
            .expect(201);
        let core = subjects(&app, &carla.email);
        assert!(core
            .last()
            .is_some_and(|s| s.contains("Nieuwsbrief schrijven")));
        assert_eq!(
            subjects(&app, &mila.email).len(),
            before,
            "not the one who offered"
        );
        app.patch(
            &format!("{helpers}/{}", mila.stakeholder_id),
            Some(&carla.token),
            json!({"status": "accepted"}),
        )
        .await
        .expect(200);
        let told = subjects(&app, &mila.email);
        assert_eq!(told.len(), before + 1);
        assert!(told[before].contains("Nieuwsbrief schrijven"));
        app.post(
            "/api/v1/contact-requests",
            Some(&carla.token),
            json!({"stakeholderId": mila.stakeholder_id, "message": "Wil je meedenken over de folder?"}),
        )
        .await
        .expect(201);
        let told = subjects(&app, &mila.email);
        assert_eq!(told.len(), before + 2);
        assert!(told[before + 1].contains("Carla"));
    }
);

both!(
    erasing_an_account_erases_its_offers_and_requests,
    |app: TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        let network = app.network(&carla, "Wissen").await;
        app.join(network, &mila).await;
        offer(
            &app,
            &mila,
            &["schrijven"],
            "GM0344",
            json!({"findable": true}),
        )
        .await;
        let id = step(&app, network, &carla, "Iets schrijven", &["schrijven"]).await;
        app.post(
            &format!("/api/v1/goals/{id}/helpers"),
            Some(&mila.token),
            json!({}),
        )
        .await
        .expect(201);
        app.post(
            "/api/v1/contact-requests",
            Some(&carla.token),
            json!({"stakeholderId": mila.stakeholder_id, "message": "Wil je meedenken over de folder?"}),
        )
        .await
        .expect(201);
        assert_eq!(app.db_count("goal_helpers"), 1);
        assert_eq!(app.db_count("contact_requests"), 1);
        app.delete("/api/v1/me", Some(&mila.token))
            .await
            .expect(204);
        assert_eq!(app.db_count("goal_helpers"), 0);
        assert_eq!(app.db_count("contact_requests"), 0);
    }
);
