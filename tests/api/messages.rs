//! The message board (prikbord): members write, reply one level deep and
//! report; the core group pins and publishes; coordinators hide with a
//! reason, audited. Text is rendered inert.

use serde_json::json;

use crate::both;
use crate::common::{self, TestApp, User};

/// `user` accepts the current house rules of a network.
pub async fn accept_rules(app: &TestApp, network: i64, user: &User) {
    let rules = format!("/api/v1/networks/{network}/house-rules");
    let version = app.get(&rules, Some(&user.token)).await.expect(200).body["version"]
        .as_i64()
        .expect("a version");
    app.post(
        &format!("{rules}/acceptance"),
        Some(&user.token),
        json!({ "version": version }),
    )
    .await
    .expect(200);
}

async fn post(app: &TestApp, network: i64, by: &User, title: &str) -> i64 {
    app.post(
        &format!("/api/v1/networks/{network}/messages"),
        Some(&by.token),
        json!({"title": title, "body": format!("Over {title}.")}),
    )
    .await
    .expect(201)
    .id()
}

both!(
    members_write_and_outsiders_see_only_announcements,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let kees = app.user("Kees").await;
        let mila = app.user("Mila").await;
        let olga = app.user("Olga").await;
        let network = app.network(&carla, "Samen wonen").await;
        app.add_member(network, &carla, &kees, "core_group").await;
        app.add_member(network, &carla, &mila, "member").await;
        accept_rules(&app, network, &kees).await;
        accept_rules(&app, network, &mila).await;
        let board = format!("/api/v1/networks/{network}/messages");

        // Members post; outsiders do not.
        let first = app
            .post(
                &board,
                Some(&mila.token),
                json!({"title": "Vervoer", "body": "Wie rijdt er **mee**?"}),
            )
            .await
            .expect(201);
        assert!(first.header("location").is_some());
        assert_eq!(
            first.body["bodyHtml"],
            "<p>Wie rijdt er <strong>mee</strong>?</p>"
        );
        assert_eq!(first.body["authorName"], "Mila");
        assert_eq!(first.body["byMe"], true);
        assert_eq!(first.body["public"], false);
        assert!(first.body.get("reportCount").is_none());
        let first = first.id();
        app.post(
            &board,
            Some(&olga.token),
            json!({"title": "Van buiten", "body": "Hoi"}),
        )
        .await
        .expect(403);
        app.post(&board, None, json!({"title": "Anoniem", "body": "Hoi"}))
            .await
            .expect(401);
        let r = app
            .post(&board, Some(&mila.token), json!({"title": "x", "body": ""}))
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["body", "title"]);
        // Members do not pin or publish; the core group does.
        app.post(
            &board,
            Some(&mila.token),
            json!({"title": "Belangrijk", "body": "Lees dit", "pinned": true}),
        )
        .await
        .expect(403);
        let announcement = app
            .post(
                &board,
                Some(&kees.token),
                json!({"title": "Welkom", "body": "Iedereen is welkom.", "public": true, "pinned": true}),
            )
            .await
            .expect(201)
            .id();

        // Members-only messages are 404 to outsiders and anonymous readers;
        // the public announcement is seen by all.
        for token in [None, Some(olga.token.as_str())] {
            app.get(&format!("/api/v1/messages/{first}"), token)
                .await
                .expect(404);
            let r = app.get(&board, token).await.expect(200);
            let ids: Vec<i64> = r
                .items()
                .iter()
                .map(|m| m["id"].as_i64().unwrap())
                .collect();
            assert_eq!(ids, vec![announcement]);
            let r = app
                .get(&format!("/api/v1/messages/{announcement}"), token)
                .await
                .expect(200);
            assert_eq!(r.body["title"], "Welkom");
            assert_eq!(r.body["replyCount"], 0);
        }
        // Members see all, pinned first.
        let list = app.get(&board, Some(&mila.token)).await.expect(200).items();
        assert_eq!(list[0]["id"], announcement);
        assert_eq!(list[1]["id"], first);

        // Only the author edits the words; a non-author gets 403.
        let path = format!("/api/v1/messages/{first}");
        let tag = app.get(&path, Some(&mila.token)).await.expect(200).etag();
        app.patch(&path, Some(&kees.token), json!({"body": "Anders"}))
            .await
            .expect(403);
        let r = app
            .send(
                actix_web::test::TestRequest::patch()
                    .uri(&path)
                    .insert_header(("Authorization", format!("Bearer {}", mila.token)))
                    .insert_header(("If-Match", "\"message-0-1\""))
                    .insert_header(("Content-Type", "application/json"))
                    .set_payload(json!({"body": "Nieuw"}).to_string()),
            )
            .await;
        assert_eq!(r.status.as_u16(), 412);
        let r = app
            .send(
                actix_web::test::TestRequest::patch()
                    .uri(&path)
                    .insert_header(("Authorization", format!("Bearer {}", mila.token)))
                    .insert_header(("If-Match", tag))
                    .insert_header(("Content-Type", "application/json"))
                    .set_payload(json!({"body": "Wie rijdt er *mee*?"}).to_string()),
            )
            .await
            .expect(200);
        assert_eq!(r.body["bodyHtml"], "<p>Wie rijdt er <em>mee</em>?</p>");
        // A member does not delete someone else's message.
        app.delete(
            &format!("/api/v1/messages/{announcement}"),
            Some(&mila.token),
        )
        .await
        .expect(403);
    }
);

both!(
    replies_go_one_level_deep_and_go_with_their_message,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        let piet = app.user("Piet").await;
        let network = app.network(&carla, "Samen sporten").await;
        app.add_member(network, &carla, &mila, "member").await;
        app.add_member(network, &carla, &piet, "member").await;
        accept_rules(&app, network, &mila).await;
        accept_rules(&app, network, &piet).await;
        let message = post(&app, network, &mila, "Zwemmen").await;
        let replies = format!("/api/v1/messages/{message}/replies");
        let reply = app
            .post(&replies, Some(&piet.token), json!({"body": "Ik doe mee!"}))
            .await
            .expect(201);
        assert_eq!(reply.body["parentId"], message);
        assert_eq!(reply.body["title"], "");
        let reply = reply.id();
        // A reply has no title; replying to a reply is 400, naming it.
        let r = app
            .post(
                &replies,
                Some(&piet.token),
                json!({"body": "x", "title": "Nee"}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["title"]);
        let r = app
            .post(
                &format!("/api/v1/messages/{reply}/replies"),
                Some(&mila.token),
                json!({"body": "Fijn"}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_codes(), vec!["messageId rule"]);
        assert_eq!(r.body["invalidParams"][0]["expected"], "topLevelMessage");
        let r = app
            .patch(
                &format!("/api/v1/messages/{reply}"),
                Some(&piet.token),
                json!({"title": "Titel"}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["title"]);
        let list = app
            .get(&replies, Some(&mila.token))
            .await
            .expect(200)
            .items();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0]["authorName"], "Piet");
        let m = app
            .get(&format!("/api/v1/messages/{message}"), Some(&mila.token))
            .await
            .expect(200);
        assert_eq!(m.body["replyCount"], 1);
        // Outsiders see no replies.
        app.get(&replies, None).await.expect(404);
        // The author deletes the message; its replies go with it.
        app.delete(&format!("/api/v1/messages/{message}"), Some(&mila.token))
            .await
            .expect(204);
        app.get(&format!("/api/v1/messages/{reply}"), Some(&piet.token))
            .await
            .expect(404);
        assert_eq!(app.db_count("messages"), 0);
    }
);

both!(
    coordinators_hide_with_a_reason_and_see_reports,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        let piet = app.user("Piet").await;
        let olga = app.user("Olga").await;
        let network = app.network(&carla, "Samen leren").await;
        app.add_member(network, &carla, &mila, "member").await;
        app.add_member(network, &carla, &piet, "member").await;
        accept_rules(&app, network, &mila).await;
        accept_rules(&app, network, &piet).await;
        let message = post(&app, network, &mila, "Scholing").await;
        let path = format!("/api/v1/messages/{message}");

        // Anyone signed in who sees it reports it, once, with a reason.
        let reports = format!("{path}/reports");
        let r = app
            .post(
                &reports,
                Some(&piet.token),
                json!({"reason": "Dit is niet aardig."}),
            )
            .await
            .expect(201);
        assert_eq!(r.body["reportedByMe"], true);
        assert!(
            r.body.get("reportCount").is_none(),
            "members do not see counts"
        );
        let r = app
            .post(
                &reports,
                Some(&piet.token),
                json!({"reason": "Nog een keer."}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_codes(), vec!["messageId duplicate"]);
        app.post(
            &reports,
            Some(&olga.token),
            json!({"reason": "Van buiten."}),
        )
        .await
        .expect(404);
        app.post(&reports, Some(&mila.token), json!({}))
            .await
            .expect(400);
        let r = app.get(&path, Some(&carla.token)).await.expect(200);
        assert_eq!(r.body["reportCount"], 1);

        // Members do not hide; coordinators do, with a reason.
        app.patch(
            &path,
            Some(&piet.token),
            json!({"hidden": true, "hiddenReason": "Weg"}),
        )
        .await
        .expect(403);
        let r = app
            .patch(&path, Some(&carla.token), json!({"hidden": true}))
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["hiddenReason"]);
        let r = app
            .patch(
                &path,
                Some(&carla.token),
                json!({"hidden": true, "hiddenReason": "Niet volgens de spelregels"}),
            )
            .await
            .expect(200);
        assert_eq!(r.body["hidden"], true);
        assert_eq!(r.body["hiddenReason"], "Niet volgens de spelregels");
        // Hidden: gone for members, the author included; coordinators see it.
        app.get(&path, Some(&piet.token)).await.expect(404);
        app.get(&path, Some(&mila.token)).await.expect(404);
        let board = format!("/api/v1/networks/{network}/messages");
        assert!(app
            .get(&board, Some(&piet.token))
            .await
            .expect(200)
            .items()
            .is_empty());
        let list = app
            .get(&board, Some(&carla.token))
            .await
            .expect(200)
            .items();
        assert_eq!(list[0]["hiddenReason"], "Niet volgens de spelregels");
        // The audit log holds ids and the action, nothing else.
        let events = app
            .get(
                &format!("/api/v1/audit-events?networkId={network}"),
                Some(&carla.token),
            )
            .await;
        if events.status.as_u16() == 200 {
            let hidden: Vec<_> = events
                .items()
                .into_iter()
                .filter(|e| e["action"] == "message.hidden")
                .collect();
            assert_eq!(hidden.len(), 1);
            assert_eq!(hidden[0]["objectId"], message);
            assert!(!events.text.contains("spelregels"));
        }
        assert_eq!(
            app.db_count("audit_events WHERE action = 'message.hidden'"),
            1
        );
        // Shown again.
        app.patch(&path, Some(&carla.token), json!({"hidden": false}))
            .await
            .expect(200);
        let r = app.get(&path, Some(&piet.token)).await.expect(200);
        assert_eq!(r.body["hidden"], false);
        assert!(r.body.get("hiddenReason").is_none());
        // A coordinator deletes any message.
        app.delete(&path, Some(&carla.token)).await.expect(204);
    }
);

both!(
    the_board_pages_by_keyset_and_updated_since,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let network = app.network(&carla, "Samen tellen").await;
        let mut ids = Vec::new();
        for n in 0..5 {
            ids.push(post(&app, network, &carla, &format!("Bericht {n}")).await);
        }
        // Pin the oldest: it comes first.
        app.patch(
            &format!("/api/v1/messages/{}", ids[0]),
            Some(&carla.token),
            json!({"pinned": true}),
        )
        .await
        .expect(200);
        let board = format!("/api/v1/networks/{network}/messages");
        let all = app
            .collect_all(&format!("{board}?pageSize=2"), Some(&carla.token))
            .await;
        let order: Vec<i64> = all.iter().map(|m| m["id"].as_i64().unwrap()).collect();
        assert_eq!(order, vec![ids[0], ids[4], ids[3], ids[2], ids[1]]);
        let r = app
            .get(&format!("{board}?cursor=nonsense"), Some(&carla.token))
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["cursor"]);
        // updatedSince: only what changed since.
        let later = chrono::Utc::now() + chrono::Duration::seconds(1);
        let since = url_time(later);
        let r = app
            .get(&format!("{board}?updatedSince={since}"), Some(&carla.token))
            .await
            .expect(200);
        assert!(r.items().is_empty());
        let before = url_time(chrono::Utc::now() - chrono::Duration::hours(1));
        let r = app
            .get(
                &format!("{board}?updatedSince={before}"),
                Some(&carla.token),
            )
            .await
            .expect(200);
        assert_eq!(r.items().len(), 5);
        app.get(
            &format!("{board}?updatedSince=gisteren"),
            Some(&carla.token),
        )
        .await
        .expect(400);
    }
);

fn url_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

both!(text_is_rendered_inert, |app: common::TestApp| async move {
    let carla = app.user("Carla").await;
    let network = app.network(&carla, "Samen veilig").await;
    let body = "<script>alert(1)</script>\n[klik](javascript:alert(1)) <img src=x onerror=alert(1)>\nhttps://example.org/\"onmouseover=\"alert(1)";
    let r = app
        .post(
            &format!("/api/v1/networks/{network}/messages"),
            Some(&carla.token),
            json!({"title": "<b>Titel</b>", "body": body}),
        )
        .await
        .expect(201);
    let html = r.body["bodyHtml"].as_str().unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("javascript:alert(1)\""), "{html}");
    assert!(!html.contains("\"onmouseover"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(
        html.contains("<a href=\"https://example.org/\" rel=\"nofollow ugc\">"),
        "{html}"
    );
    // The source is kept as written.
    assert_eq!(r.body["body"], body);
    assert_eq!(r.body["title"], "<b>Titel</b>");
});

both!(
    garbage_is_refused_not_crashed,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let network = app.network(&carla, "Samen testen").await;
        let board = format!("/api/v1/networks/{network}/messages");
        let r = app
            .post(
                &board,
                Some(&carla.token),
                json!({"title": 5, "body": ["x"], "pinned": "ja", "colour": "rood"}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["body", "colour", "pinned", "title"]);
        app.get("/api/v1/messages/999999", None).await.expect(404);
        app.get("/api/v1/messages/abc", None).await.expect(404);
        app.get(&format!("{board}?publicOnly=misschien"), None)
            .await
            .expect(400);
        app.post(
            "/api/v1/messages/999999/replies",
            Some(&carla.token),
            json!({"body": "x"}),
        )
        .await
        .expect(404);
        app.post(
            "/api/v1/messages/999999/reports",
            Some(&carla.token),
            json!({"reason": "xyz"}),
        )
        .await
        .expect(404);
    }
);

both!(
    your_messages_reports_and_acceptances_are_in_your_export,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        let network = app.network(&carla, "Samen bewaren").await;
        app.post(
            &format!("/api/v1/networks/{network}/members"),
            Some(&mila.token),
            json!({"acceptedHouseRulesVersion": 1}),
        )
        .await
        .expect(201);
        let message = post(&app, network, &mila, "Mijn vraag").await;
        let other = post(&app, network, &carla, "Een mededeling").await;
        app.post(
            &format!("/api/v1/messages/{other}/reports"),
            Some(&mila.token),
            json!({"reason": "Klopt niet."}),
        )
        .await
        .expect(201);
        let e = app
            .get("/api/v1/me/export", Some(&mila.token))
            .await
            .expect(200);
        assert_eq!(e.body["messagesWritten"].as_array().unwrap().len(), 1);
        assert_eq!(e.body["messagesWritten"][0]["id"], message);
        assert_eq!(e.body["messagesWritten"][0]["title"], "Mijn vraag");
        assert_eq!(e.body["messagesReported"][0]["messageId"], other);
        assert_eq!(e.body["messagesReported"][0]["reason"], "Klopt niet.");
        assert_eq!(e.body["houseRulesAccepted"][0]["networkId"], network);
        assert_eq!(e.body["houseRulesAccepted"][0]["version"], 1);
        // Erasing the account: the message stays for the network, without a
        // name; the report and the acceptance go.
        app.delete("/api/v1/me", Some(&mila.token))
            .await
            .expect(204);
        let r = app
            .get(&format!("/api/v1/messages/{message}"), Some(&carla.token))
            .await
            .expect(200);
        assert_eq!(r.body["authorName"], serde_json::Value::Null);
        assert_eq!(r.body["authorId"], serde_json::Value::Null);
        assert_eq!(app.db_count("message_reports"), 0);
        assert_eq!(
            app.db_count("house_rule_acceptances"),
            1,
            "the coordinator's own"
        );
    }
);
