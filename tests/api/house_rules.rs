//! House rules (spelregels): a default to start from, versions kept,
//! members accept the current one before they read the members' messages.

use serde_json::json;

use crate::both;
use crate::common;

both!(
    rules_start_from_the_default_and_keep_their_versions,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        let network = app.network(&carla, "Samen regels").await;
        app.add_member(network, &carla, &mila, "member").await;
        let rules = format!("/api/v1/networks/{network}/house-rules");
        let r = app.get(&rules, None).await.expect(200);
        assert_eq!(r.body["version"], 1);
        assert_eq!(r.body["current"], true);
        assert!(r.body["body"]
            .as_str()
            .unwrap()
            .contains("blijft in het netwerk"));
        assert!(r.body["bodyHtml"].as_str().unwrap().starts_with("<p>"));
        assert!(
            r.body.get("acceptedByMe").is_none(),
            "outsiders accept nothing"
        );
        let tag = r.etag();
        // The coordinator who started it accepted it; a new member did not.
        let r = app.get(&rules, Some(&carla.token)).await.expect(200);
        assert_eq!(r.body["acceptedByMe"], true);
        let r = app.get(&rules, Some(&mila.token)).await.expect(200);
        assert_eq!(r.body["acceptedByMe"], false);

        // Only coordinators change them; each change is a new version.
        let text = json!({"body": "Wees aardig voor elkaar.\n\n- Luister goed."});
        app.request(
            actix_web::http::Method::PUT,
            &rules,
            Some(&mila.token),
            Some(text.clone()),
        )
        .await
        .expect(403);
        app.request(
            actix_web::http::Method::PUT,
            &rules,
            None,
            Some(text.clone()),
        )
        .await
        .expect(401);
        let r = app
            .request(
                actix_web::http::Method::PUT,
                &rules,
                Some(&carla.token),
                Some(json!({"body": "kort"})),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["body"]);
        let r = app
            .request(
                actix_web::http::Method::PUT,
                &rules,
                Some(&carla.token),
                Some(json!({})),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_codes(), vec!["body required"]);
        let r = app
            .request(
                actix_web::http::Method::PUT,
                &rules,
                Some(&carla.token),
                Some(text.clone()),
            )
            .await
            .expect(200);
        assert_eq!(r.body["version"], 2);
        assert_eq!(r.body["changedByName"], "Carla");
        assert_eq!(r.body["acceptedByMe"], true, "writing them accepts them");
        assert_eq!(
            r.body["bodyHtml"],
            "<p>Wees aardig voor elkaar.</p><ul><li>Luister goed.</li></ul>"
        );
        // A stale If-Match: 412.
        let r = app
            .send(
                actix_web::test::TestRequest::put()
                    .uri(&rules)
                    .insert_header(("Authorization", format!("Bearer {}", carla.token)))
                    .insert_header(("If-Match", tag))
                    .insert_header(("Content-Type", "application/json"))
                    .set_payload(text.to_string()),
            )
            .await;
        assert_eq!(r.status.as_u16(), 412);
        let versions = app
            .get(&format!("{rules}/versions"), None)
            .await
            .expect(200)
            .items();
        assert_eq!(versions.len(), 2);
        assert_eq!(versions[0]["version"], 2);
        assert_eq!(versions[0]["current"], true);
        assert_eq!(versions[1]["version"], 1);
        assert_eq!(versions[1]["current"], false);
        assert_eq!(
            app.db_count("audit_events WHERE action = 'house_rules.changed'"),
            1
        );
    }
);

both!(
    members_accept_the_current_rules_before_reading_messages,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        let olga = app.user("Olga").await;
        let network = app.network(&carla, "Samen lezen").await;
        app.add_member(network, &carla, &mila, "member").await;
        let board = format!("/api/v1/networks/{network}/messages");
        let secret = app
            .post(
                &board,
                Some(&carla.token),
                json!({"title": "Voor leden", "body": "Alleen voor ons."}),
            )
            .await
            .expect(201)
            .id();
        let public = app
            .post(
                &board,
                Some(&carla.token),
                json!({"title": "Voor iedereen", "body": "Welkom!", "public": true}),
            )
            .await
            .expect(201)
            .id();
        // Not accepted: 403 pointing to the acceptance; public ones readable.
        let r = app.get(&board, Some(&mila.token)).await.expect(403);
        assert!(r.body["detail"]
            .as_str()
            .unwrap()
            .contains("house-rules/acceptance"));
        app.get(&format!("/api/v1/messages/{secret}"), Some(&mila.token))
            .await
            .expect(403);
        app.post(
            &board,
            Some(&mila.token),
            json!({"title": "Hallo", "body": "Ik ben nieuw."}),
        )
        .await
        .expect(403);
        let r = app
            .get(&format!("{board}?publicOnly=true"), Some(&mila.token))
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        app.get(&format!("/api/v1/messages/{public}"), Some(&mila.token))
            .await
            .expect(200);

        // Accepting: only members, only the current version.
        let acceptance = format!("/api/v1/networks/{network}/house-rules/acceptance");
        app.post(&acceptance, Some(&olga.token), json!({"version": 1}))
            .await
            .expect(403);
        let r = app
            .post(&acceptance, Some(&mila.token), json!({"version": 7}))
            .await
            .expect(409);
        assert_eq!(r.invalid_codes(), vec!["version rule"]);
        assert_eq!(r.body["invalidParams"][0]["expected"], "houseRulesVersion");
        app.post(&acceptance, Some(&mila.token), json!({}))
            .await
            .expect(400);
        let r = app
            .post(&acceptance, Some(&mila.token), json!({"version": 1}))
            .await
            .expect(200);
        assert_eq!(r.body["acceptedByMe"], true);
        assert_eq!(
            app.get(&board, Some(&mila.token))
                .await
                .expect(200)
                .items()
                .len(),
            2
        );
        app.get(&format!("/api/v1/messages/{secret}"), Some(&mila.token))
            .await
            .expect(200);

        // The rules change: accept again.
        app.request(
            actix_web::http::Method::PUT,
            &format!("/api/v1/networks/{network}/house-rules"),
            Some(&carla.token),
            Some(json!({"body": "Nieuwe regels voor iedereen."})),
        )
        .await
        .expect(200);
        app.get(&board, Some(&mila.token)).await.expect(403);
        assert_eq!(
            app.get(&board, Some(&carla.token))
                .await
                .expect(200)
                .items()
                .len(),
            2
        );
        app.post(&acceptance, Some(&mila.token), json!({"version": 1}))
            .await
            .expect(409);
        app.post(&acceptance, Some(&mila.token), json!({"version": 2}))
            .await
            .expect(200);
        app.get(&board, Some(&mila.token)).await.expect(200);
    }
);

both!(
    joining_accepts_the_rules_named,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        let piet = app.user("Piet").await;
        let network = app.network(&carla, "Samen erbij").await;
        let members = format!("/api/v1/networks/{network}/members");
        let r = app
            .post(
                &members,
                Some(&mila.token),
                json!({"acceptedHouseRulesVersion": 3}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["version"]);
        assert_eq!(app.db_count("memberships"), 1, "nothing was written");
        app.post(
            &members,
            Some(&mila.token),
            json!({"acceptedHouseRulesVersion": 0}),
        )
        .await
        .expect(400);
        app.post(
            &members,
            Some(&mila.token),
            json!({"acceptedHouseRulesVersion": 1}),
        )
        .await
        .expect(201);
        let r = app
            .get(
                &format!("/api/v1/networks/{network}/house-rules"),
                Some(&mila.token),
            )
            .await
            .expect(200);
        assert_eq!(r.body["acceptedByMe"], true);
        app.get(
            &format!("/api/v1/networks/{network}/messages"),
            Some(&mila.token),
        )
        .await
        .expect(200);
        // Joining without naming them: accept later.
        app.join(network, &piet).await;
        app.get(
            &format!("/api/v1/networks/{network}/messages"),
            Some(&piet.token),
        )
        .await
        .expect(403);
    }
);
