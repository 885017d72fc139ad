//! An agenda made together, outcomes that become goals, and the inclusion
//! pulse that shows nothing until five people answered.

use serde_json::{json, Value};

use crate::both;
use crate::common;

fn meeting(title: &str, hours_from_now: i64) -> Value {
    let start = chrono::Utc::now() + chrono::Duration::hours(hours_from_now);
    json!({
        "title": title,
        "kind": "network_meeting",
        "format": "in_person",
        "startsAt": start.to_rfc3339(),
        "endsAt": (start + chrono::Duration::hours(2)).to_rfc3339(),
    })
}

/// Moves a meeting to the past (it began three hours ago).
async fn hold(app: &common::TestApp, id: i64, by: &common::User) {
    let start = chrono::Utc::now() - chrono::Duration::hours(3);
    app.patch(
        &format!("/api/v1/meetings/{id}"),
        Some(&by.token),
        json!({"startsAt": start.to_rfc3339(), "endsAt": (start + chrono::Duration::hours(2)).to_rfc3339(), "status": "held"}),
    )
    .await
    .expect(200);
}

both!(
    members_make_the_agenda_together,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let kees = app.user("Kees").await;
        let mila = app.user("Mila").await;
        let olga = app.user("Olga").await;
        let network = app.network(&carla, "Samen de agenda").await;
        app.add_member(network, &carla, &kees, "core_group").await;
        app.add_member(network, &carla, &mila, "member").await;
        let id = app
            .post(
                &format!("/api/v1/networks/{network}/meetings"),
                Some(&carla.token),
                meeting("Startmoment", 48),
            )
            .await
            .expect(201)
            .id();
        let items = format!("/api/v1/meetings/{id}/agenda-items");
        // Members propose; outsiders do not; nobody but the core group decides.
        let vervoer = app
            .post(
                &items,
                Some(&mila.token),
                json!({"title": "Vervoer naar bijeenkomsten", "minutesAsked": 20}),
            )
            .await
            .expect(201);
        assert_eq!(vervoer.body["status"], "proposed");
        assert_eq!(vervoer.body["proposedByMe"], true);
        let vervoer = vervoer.id();
        let musea = app
            .post(
                &items,
                Some(&kees.token),
                json!({"title": "Toegankelijke musea"}),
            )
            .await
            .expect(201)
            .id();
        app.post(&items, Some(&olga.token), json!({"title": "Van buiten"}))
            .await
            .expect(403);
        app.post(
            &items,
            Some(&mila.token),
            json!({"title": "Meteen erop", "status": "accepted"}),
        )
        .await
        .expect(403);
        let r = app
            .post(
                &items,
                Some(&mila.token),
                json!({"title": "x", "minutesAsked": 0}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["minutesAsked", "title"]);

        // One support per member.
        let support = format!("/api/v1/agenda-items/{vervoer}/support");
        let r = app
            .post(&support, Some(&kees.token), json!({}))
            .await
            .expect(201);
        assert_eq!(r.body["supportCount"], 1);
        assert_eq!(r.body["supportedByMe"], true);
        let r = app
            .post(&support, Some(&kees.token), json!({}))
            .await
            .expect(409);
        assert_eq!(r.invalid_codes(), vec!["itemId duplicate"]);
        app.post(&support, Some(&carla.token), json!({}))
            .await
            .expect(201);
        app.post(&support, Some(&olga.token), json!({}))
            .await
            .expect(403);
        let list = app.get(&items, None).await.expect(200).items();
        assert_eq!(list[0]["id"], vervoer, "most supported proposal first");
        assert_eq!(list[0]["supportCount"], 2);
        assert_eq!(list[0]["supportedByMe"], false);

        // The proposer changes the words of their own proposal only.
        app.patch(
            &format!("/api/v1/agenda-items/{vervoer}"),
            Some(&mila.token),
            json!({"title": "Vervoer naar elke bijeenkomst"}),
        )
        .await
        .expect(200);
        app.patch(
            &format!("/api/v1/agenda-items/{musea}"),
            Some(&mila.token),
            json!({"title": "Anders"}),
        )
        .await
        .expect(403);
        app.patch(
            &format!("/api/v1/agenda-items/{vervoer}"),
            Some(&mila.token),
            json!({"status": "accepted"}),
        )
        .await
        .expect(403);

        // The core group accepts in an order and a time, declines with a reason.
        let r = app
            .patch(
                &format!("/api/v1/agenda-items/{vervoer}"),
                Some(&kees.token),
                json!({"status": "accepted", "position": 2, "minutesPlanned": 15}),
            )
            .await
            .expect(200);
        assert_eq!(r.body["minutesPlanned"], 15);
        let r = app
            .patch(
                &format!("/api/v1/agenda-items/{musea}"),
                Some(&kees.token),
                json!({"status": "declined"}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["declineReason"]);
        app.patch(
            &format!("/api/v1/agenda-items/{musea}"),
            Some(&kees.token),
            json!({"status": "declined", "declineReason": "Dat komt in de werkgroep musea."}),
        )
        .await
        .expect(200);
        let r = app
            .post(
                &format!("/api/v1/agenda-items/{musea}/support"),
                Some(&mila.token),
                json!({}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_codes(), vec!["itemId rule"]);
        let list = app.get(&items, None).await.expect(200).items();
        assert_eq!(
            list.iter()
                .map(|i| i["status"].as_str().unwrap())
                .collect::<Vec<_>>(),
            vec!["accepted", "declined"]
        );
        assert_eq!(
            list[1]["declineReason"], "Dat komt in de werkgroep musea.",
            "a proposal not taken stays visible with the reason"
        );

        // A cancelled meeting takes no more proposals.
        app.patch(
            &format!("/api/v1/meetings/{id}"),
            Some(&carla.token),
            json!({"status": "cancelled", "cancelReason": "Storm"}),
        )
        .await
        .expect(200);
        let r = app
            .post(&items, Some(&mila.token), json!({"title": "Nog een punt"}))
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["meetingId"]);
    }
);

both!(
    outcomes_become_goals_that_link_back,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        let network = app.network(&carla, "Uitkomsten").await;
        let other = app.network(&carla, "Ander netwerk").await;
        app.add_member(network, &carla, &mila, "member").await;
        let id = app
            .post(
                &format!("/api/v1/networks/{network}/meetings"),
                Some(&carla.token),
                meeting("Netwerkavond", 24),
            )
            .await
            .expect(201)
            .id();
        let outcomes = format!("/api/v1/meetings/{id}/outcomes");
        let r = app
            .post(&outcomes, Some(&carla.token), json!({"text": "Nog niet"}))
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["meetingId"]);
        hold(&app, id, &carla).await;
        app.post(&outcomes, Some(&mila.token), json!({"text": "Van een lid"}))
            .await
            .expect(403);
        let ambition = app
            .post(
                &format!("/api/v1/networks/{network}/goals"),
                Some(&carla.token),
                json!({"title": "Alles toegankelijk"}),
            )
            .await
            .expect(201)
            .id();
        let elsewhere = app
            .post(
                &format!("/api/v1/networks/{other}/goals"),
                Some(&carla.token),
                json!({"title": "Elders"}),
            )
            .await
            .expect(201)
            .id();
        let r = app
            .post(&outcomes, Some(&carla.token), json!({"text": "We schouwen het stadhuis", "goal": {"title": "Schouw stadhuis", "parentId": elsewhere}}))
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["goal.parentId"]);
        let r = app
            .post(&outcomes, Some(&carla.token), json!({"text": "We schouwen het stadhuis", "goal": {"title": "Schouw stadhuis", "parentId": ambition}}))
            .await
            .expect(201);
        let goal = r.body["goalId"].as_i64().expect("a goal");
        let g = app
            .get(&format!("/api/v1/goals/{goal}"), None)
            .await
            .expect(200);
        assert_eq!(g.body["meetingId"], id);
        assert_eq!(g.body["parentId"], ambition);
        assert_eq!(g.body["status"], "agreed");
        app.post(
            &outcomes,
            Some(&carla.token),
            json!({"text": "Iedereen kon meedoen"}),
        )
        .await
        .expect(201);
        let list = app.get(&outcomes, None).await.expect(200).items();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0]["goalId"], goal);
        assert!(list[1]["goalId"].is_null());
    }
);

both!(
    the_pulse_shows_nothing_until_five_answered,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let network = app.network(&carla, "Polsslag").await;
        let id = app
            .post(
                &format!("/api/v1/networks/{network}/meetings"),
                Some(&carla.token),
                meeting("Netwerkavond", 24),
            )
            .await
            .expect(201)
            .id();
        let mut people = Vec::new();
        for i in 0..6 {
            let p = app.user(&format!("Deelnemer {i}")).await;
            app.post(
                &format!("/api/v1/meetings/{id}/registrations"),
                Some(&p.token),
                json!({}),
            )
            .await
            .expect(201);
            people.push(p);
        }
        let pulse = format!("/api/v1/meetings/{id}/pulse");
        let r = app
            .post(
                &pulse,
                Some(&people[0].token),
                json!({"tookPart": 4, "heard": 5}),
            )
            .await
            .expect(409);
        assert_eq!(
            r.invalid_names(),
            vec!["meetingId"],
            "not before the meeting"
        );
        hold(&app, id, &carla).await;
        let outsider = app.user("Buitenstaander").await;
        let r = app
            .post(
                &pulse,
                Some(&outsider.token),
                json!({"tookPart": 1, "heard": 1}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["meetingId"]);
        let r = app
            .post(&pulse, Some(&people[0].token), json!({"tookPart": 6}))
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["heard", "tookPart"]);
        for (i, p) in people.iter().take(4).enumerate() {
            app.post(&pulse, Some(&p.token), json!({"tookPart": 5 - (i as i32 % 2), "heard": 3 + (i as i32 % 3), "comment": format!("Opmerking {i}")}))
                .await
                .expect(201);
        }
        let r = app
            .post(
                &pulse,
                Some(&people[0].token),
                json!({"tookPart": 1, "heard": 1}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_codes(), vec!["meetingId duplicate"]);

        // Four answers: nothing to see, not even for the organisers.
        let seen = app.get(&pulse, Some(&carla.token)).await.expect(200);
        assert_eq!(seen.body, json!({"minimum": 5, "enough": false}));
        app.get(&pulse, Some(&people[5].token)).await.expect(403);
        let trend = app
            .get(&format!("/api/v1/networks/{network}/pulse"), None)
            .await
            .expect(200);
        assert!(trend.items().is_empty());

        // Five: aggregates, never an answer with a name.
        app.post(
            &pulse,
            Some(&people[4].token),
            json!({"tookPart": 2, "heard": 2}),
        )
        .await
        .expect(201);
        let seen = app.get(&pulse, Some(&carla.token)).await.expect(200);
        assert_eq!(seen.body["enough"], true);
        assert_eq!(seen.body["answers"], 5);
        assert_eq!(seen.body["tookPart"]["counts"], json!([0, 1, 0, 2, 2]));
        assert_eq!(seen.body["tookPart"]["average"], 4.0);
        assert_eq!(seen.body["comments"].as_array().unwrap().len(), 4);
        assert!(!seen.text.contains("Deelnemer"), "no names: {}", seen.text);
        let trend = app
            .get(&format!("/api/v1/networks/{network}/pulse"), None)
            .await
            .expect(200);
        let items = trend.items();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["meetingId"], id);
        assert_eq!(items[0]["answers"], 5);
    }
);
