use actix_web::http::header;
use actix_web::test::TestRequest;
use serde_json::json;

use crate::both;
use crate::common;

both!(
    goal_tree_and_achievement,
    |app: common::TestApp| async move {
        let coordinator = app.user("Carla").await;
        let network = app.network(&coordinator, "Toegankelijke musea").await;
        let goals = format!("/api/v1/networks/{network}/goals");
        let ambition = app
            .post(
                &goals,
                Some(&coordinator.token),
                json!({"title": "Alle musea toegankelijk", "targetDate": "2030-12-31"}),
            )
            .await
            .expect(201);
        assert_eq!(ambition.body["status"], "proposed");
        assert_eq!(ambition.body["targetDate"], "2030-12-31");
        let ambition = ambition.id();
        let step1 = app
        .post(&goals, Some(&coordinator.token), json!({"title": "Schouw bij het Centraal Museum", "parentId": ambition, "position": 1, "ownerId": coordinator.stakeholder_id}))
        .await
        .expect(201)
        .id();
        let step2 = app.post(&goals, Some(&coordinator.token), json!({"title": "Rolstoelroute op de website", "parentId": ambition, "position": 2})).await.expect(201).id();

        let r = app
            .get(&format!("{goals}?parentId={ambition}"), None)
            .await
            .expect(200);
        assert_eq!(r.items().len(), 2);
        let r = app
            .get(&format!("{goals}?topLevel=true"), None)
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);

        let r = app
            .patch(
                &format!("/api/v1/goals/{step1}"),
                Some(&coordinator.token),
                json!({"status": "achieved"}),
            )
            .await
            .expect(200);
        assert!(
            r.body["achievedAt"].as_str().is_some(),
            "achieving sets achievedAt"
        );
        let r = app
            .patch(
                &format!("/api/v1/goals/{step1}"),
                Some(&coordinator.token),
                json!({"status": "in_progress"}),
            )
            .await
            .expect(200);
        assert!(r.body["achievedAt"].is_null());

        // No loops, no parents from other networks, owners are members.
        let r = app
            .patch(
                &format!("/api/v1/goals/{ambition}"),
                Some(&coordinator.token),
                json!({"parentId": step2}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["parentId"]);
        let other = app.network(&coordinator, "Ander netwerk").await;
        let foreign = app.goal(other, &coordinator, "Elders").await;
        let r = app
        .post(&goals, Some(&coordinator.token), json!({"title": "Stap", "parentId": foreign, "ownerId": 99999, "status": "unknown"}))
        .await
        .expect(400);
        assert_eq!(r.invalid_names(), vec!["ownerId", "parentId", "status"]);

        let r = app
            .get(&format!("/api/v1/networks/{network}"), None)
            .await
            .expect(200);
        let proposed = r.body["goalCounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["status"] == "proposed")
            .unwrap()["count"]
            .clone();
        assert_eq!(proposed, 2);

        // Deleting a goal deletes its steps.
        app.delete(
            &format!("/api/v1/goals/{ambition}"),
            Some(&coordinator.token),
        )
        .await
        .expect(204);
        app.get(&format!("/api/v1/goals/{step2}"), None)
            .await
            .expect(404);
    }
);

both!(
    concurrent_goal_edits_never_lose_data,
    |app: common::TestApp| async move {
        let coordinator = app.user("Carla").await;
        let network = app.network(&coordinator, "Inclusief onderwijs").await;
        let goal = app
            .post(
                &format!("/api/v1/networks/{network}/goals"),
                Some(&coordinator.token),
                json!({"title": "Elke school een plan"}),
            )
            .await
            .expect(201);
        let (id, tag) = (goal.id(), goal.etag());
        let edit = |title: &str, tag: &str| {
            TestRequest::patch()
                .uri(&format!("/api/v1/goals/{id}"))
                .insert_header((
                    header::AUTHORIZATION,
                    format!("Bearer {}", coordinator.token),
                ))
                .insert_header((header::IF_MATCH, tag.to_string()))
                .insert_header((header::CONTENT_TYPE, "application/merge-patch+json"))
                .set_payload(json!({ "title": title }).to_string())
        };
        app.send(edit("Eerste versie", &tag)).await.expect(200);
        app.send(edit("Tweede versie", &tag)).await.expect(412);
        let r = app
            .get(&format!("/api/v1/goals/{id}"), None)
            .await
            .expect(200);
        assert_eq!(r.body["title"], "Eerste versie");
        app.send(edit("Tweede versie", &r.etag())).await.expect(200);
    }
);

both!(
    endorsements_one_per_member,
    |app: common::TestApp| async move {
        let coordinator = app.user("Carla").await;
        let bert = app.user("Bert").await;
        let outsider = app.user("Olga").await;
        let network = app.network(&coordinator, "Inclusieve sport").await;
        app.join(network, &bert).await;
        let goal = app
            .goal(network, &coordinator, "Aangepast sporten in elke wijk")
            .await;
        let url = format!("/api/v1/goals/{goal}/endorsements");
        let r = app
            .post(
                &url,
                Some(&bert.token),
                json!({"stance": "support", "comment": "Goed plan!"}),
            )
            .await
            .expect(201);
        assert_eq!(r.body["stance"], "support");
        let r = app
            .post(
                &url,
                Some(&bert.token),
                json!({"stance": "concern", "comment": "Eerst vervoer regelen."}),
            )
            .await
            .expect(200);
        assert_eq!(r.body["stance"], "concern");
        app.post(&url, Some(&outsider.token), json!({"stance": "support"}))
            .await
            .expect(403);
        app.post(&url, Some(&bert.token), json!({"stance": "maybe"}))
            .await
            .expect(400);
        let r = app.get(&url, Some(&coordinator.token)).await.expect(200);
        assert_eq!(r.items().len(), 1);
        assert_eq!(r.items()[0]["name"], "Bert");
        // A reaction is for the network's members unless its writer makes
        // it public; outsiders then see it, without the name of someone who
        // is not listed.
        let r = app.get(&url, None).await.expect(200);
        assert!(r.items().is_empty(), "{}", r.text);
        let r = app.get(&url, Some(&outsider.token)).await.expect(200);
        assert!(r.items().is_empty(), "{}", r.text);
        let r = app
            .post(
                &url,
                Some(&bert.token),
                json!({"stance": "concern", "comment": "Eerst vervoer regelen.", "visibility": "public"}),
            )
            .await
            .expect(200);
        assert_eq!(r.body["visibility"], "public");
        let r = app.get(&url, None).await.expect(200);
        assert_eq!(r.items().len(), 1);
        assert!(r.items()[0]["name"].is_null());
        assert_eq!(r.items()[0]["comment"], "Eerst vervoer regelen.");
        let r = app
            .get(&format!("/api/v1/goals/{goal}"), None)
            .await
            .expect(200);
        assert_eq!(
            (
                r.body["supportCount"].clone(),
                r.body["concernCount"].clone()
            ),
            (json!(0), json!(1))
        );
    }
);

both!(
    goal_and_endorsement_queries_are_read_into_their_filters,
    |app: common::TestApp| async move {
        let coordinator = app.user("Carla").await;
        let network = app.network(&coordinator, "Toegankelijke musea").await;
        let goals = format!("/api/v1/networks/{network}/goals");
        let goal = app
            .post(
                &goals,
                Some(&coordinator.token),
                json!({"title": "Alle musea toegankelijk"}),
            )
            .await
            .expect(201)
            .id();
        // Every bad parameter at once; a key that is no parameter is refused.
        let r = app
            .get(
                &format!(
                    "{goals}?parentId=0&topLevel=ja&status=klaar&pageSize=0&updatedSince=&parent=1"
                ),
                None,
            )
            .await
            .expect(400);
        assert_eq!(
            r.invalid_codes(),
            vec![
                "pageSize range",
                "parent unknown",
                "parentId format",
                "status enum",
                "topLevel enum",
                "updatedSince format"
            ]
        );
        let r = app
            .get(&format!("{goals}?topLevel=true&status=proposed"), None)
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        let endorsements = format!("/api/v1/goals/{goal}/endorsements");
        let r = app
            .get(&format!("{endorsements}?stance=maybe&member=me"), None)
            .await
            .expect(400);
        assert_eq!(r.invalid_codes(), vec!["member unknown", "stance enum"]);
        app.get(&format!("{endorsements}?stance=support&pageSize=5"), None)
            .await
            .expect(200);
    }
);
