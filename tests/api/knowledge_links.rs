use serde_json::json;

use crate::both;
use crate::common;

both!(links_for_each_audience, |app: common::TestApp| async move {
    let admin = app.admin().await;
    let coordinator = app.user("Carla").await;
    let member = app.user("Bert").await;
    let network = app.network(&coordinator, "Werkgevers en inclusie").await;
    app.join(network, &member).await;

    let platform = app
        .post("/api/v1/knowledge-links", Some(&admin.token), json!({"url": "https://www.vn-verdragwerkt.nl/", "title": "Het VN-verdrag uitgelegd", "audiences": ["everyone", "municipalities"], "topics": ["un_convention"]}))
        .await
        .expect(201);
    assert_eq!(platform.body["networkId"], json!(null));
    app.post(
        "/api/v1/knowledge-links",
        Some(&member.token),
        json!({"url": "https://example.org/", "title": "Platformlink"}),
    )
    .await
    .expect(403);
    let own = app
        .post("/api/v1/knowledge-links", Some(&member.token), json!({"url": "https://www.example.org/werkgevers", "title": "Tips voor werkgevers", "audiences": ["employers"], "networkId": network, "language": "nl"}))
        .await
        .expect(201);
    let outsider = app.user("Olga").await;
    app.post(
        "/api/v1/knowledge-links",
        Some(&outsider.token),
        json!({"url": "https://example.org/", "title": "Spam", "networkId": network}),
    )
    .await
    .expect(403);

    // Employers: their own link, and the platform's link for everyone.
    let r = app
        .get("/api/v1/knowledge-links?audience=employers", None)
        .await
        .expect(200);
    assert_eq!(r.items().len(), 2);
    let r = app
        .get("/api/v1/knowledge-links?network=none", None)
        .await
        .expect(200);
    assert_eq!(r.items().len(), 1);
    let r = app
        .get(
            &format!("/api/v1/knowledge-links?network={network}&topic=un_convention"),
            None,
        )
        .await
        .expect(200);
    assert!(r.items().is_empty());

    // The member who added it, and the core group, may edit; other members not.
    app.patch(
        &format!("/api/v1/knowledge-links/{}", own.id()),
        Some(&member.token),
        json!({"summary": "Praktisch"}),
    )
    .await
    .expect(200);
    app.patch(
        &format!("/api/v1/knowledge-links/{}", platform.id()),
        Some(&coordinator.token),
        json!({"title": "Nee"}),
    )
    .await
    .expect(403);
    app.patch(
        &format!("/api/v1/knowledge-links/{}", own.id()),
        Some(&coordinator.token),
        json!({"title": "Tips voor werkgevers (bijgewerkt)"}),
    )
    .await
    .expect(200);

    // A visit counts the click and redirects.
    let r = app
        .get(
            &format!("/api/v1/knowledge-links/{}/visit", platform.id()),
            None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 302);
    assert_eq!(
        r.header("location").as_deref(),
        Some("https://www.vn-verdragwerkt.nl/")
    );
    let r = app
        .get(&format!("/api/v1/knowledge-links/{}", platform.id()), None)
        .await
        .expect(200);
    assert_eq!(r.body["clicks"], 1);
    assert!(r.body["visitUrl"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/knowledge-links/{}/visit", platform.id())));

    app.delete(
        &format!("/api/v1/knowledge-links/{}", own.id()),
        Some(&coordinator.token),
    )
    .await
    .expect(204);
});

both!(
    only_public_web_addresses,
    |app: common::TestApp| async move {
        let admin = app.admin().await;
        for url in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,hoi",
            "http://localhost/x",
            "http://127.0.0.1/",
            "http://10.0.0.8/",
            "http://192.168.1.1/",
            "http://[::1]/",
            "ftp://example.org/",
            "geen url",
        ] {
            let r = app
                .post(
                    "/api/v1/knowledge-links",
                    Some(&admin.token),
                    json!({"url": url, "title": "Test link"}),
                )
                .await
                .expect(400);
            assert_eq!(r.invalid_names(), vec!["url"], "{url}");
        }
        let r = app
        .post("/api/v1/knowledge-links", Some(&admin.token), json!({"url": "javascript:x", "title": "x", "language": "xx", "audiences": [], "topics": ["nope"]}))
        .await
        .expect(400);
        assert_eq!(
            r.invalid_names(),
            vec!["audiences", "language", "title", "topics", "url"]
        );
        let r = app.get("/api/v1/knowledge-links", None).await.expect(200);
        assert!(r.items().is_empty());
    }
);

both!(
    listings_show_each_links_audiences_and_topics,
    |app: common::TestApp| async move {
        // Each link keeps its audiences and topics with its row (triggers on
        // the tag tables): every way of reading a link shows the tags it has
        // now, sorted.
        let admin = app.admin().await;
        let mut ids = Vec::new();
        for (audiences, topics, sorted) in [
            (
                json!(["professionals", "employers", "everyone"]),
                json!(["work", "accessibility"]),
                (
                    json!(["employers", "everyone", "professionals"]),
                    json!(["accessibility", "work"]),
                ),
            ),
            (
                json!(["experience_experts"]),
                json!([]),
                (json!(["experience_experts"]), json!([])),
            ),
            (
                json!(["municipalities"]),
                json!(["sport"]),
                (json!(["municipalities"]), json!(["sport"])),
            ),
        ] {
            let r = app
                .post(
                    "/api/v1/knowledge-links",
                    Some(&admin.token),
                    json!({"url": "https://www.example.org/gids", "title": "Gids voor toegankelijk werk",
                           "audiences": audiences, "topics": topics}),
                )
                .await
                .expect(201);
            assert_eq!(
                (r.body["audiences"].clone(), r.body["topics"].clone()),
                sorted,
                "the new link"
            );
            ids.push(r.id());
        }
        let check = |expected: [(serde_json::Value, serde_json::Value); 3]| {
            let (app, ids) = (&app, &ids);
            async move {
                for path in ["/api/v1/knowledge-links", "/api/v1/knowledge-links?q=gids"] {
                    let r = app.get(path, None).await.expect(200);
                    let mut seen: Vec<(i64, serde_json::Value, serde_json::Value)> = r
                        .items()
                        .iter()
                        .map(|l| {
                            (
                                l["id"].as_i64().unwrap(),
                                l["audiences"].clone(),
                                l["topics"].clone(),
                            )
                        })
                        .collect();
                    seen.sort_by_key(|(id, _, _)| *id);
                    let wanted: Vec<(i64, serde_json::Value, serde_json::Value)> = ids
                        .iter()
                        .zip(&expected)
                        .map(|(id, (a, t))| (*id, a.clone(), t.clone()))
                        .collect();
                    assert_eq!(seen, wanted, "{path}");
                }
                for (id, (audiences, topics)) in ids.iter().zip(&expected) {
                    let r = app
                        .get(&format!("/api/v1/knowledge-links/{id}"), None)
                        .await
                        .expect(200);
                    assert_eq!(&r.body["audiences"], audiences, "link {id}");
                    assert_eq!(&r.body["topics"], topics, "link {id}");
                }
            }
        };
        check([
            (
                json!(["employers", "everyone", "professionals"]),
                json!(["accessibility", "work"]),
            ),
            (json!(["experience_experts"]), json!([])),
            (json!(["municipalities"]), json!(["sport"])),
        ])
        .await;
        for (id, change) in [
            (ids[0], json!({"audiences": ["everyone"], "topics": []})),
            (
                ids[1],
                json!({"audiences": ["municipalities", "employers"], "topics": ["culture", "sport"]}),
            ),
        ] {
            let r = app
                .patch(
                    &format!("/api/v1/knowledge-links/{id}"),
                    Some(&admin.token),
                    change.clone(),
                )
                .await
                .expect(200);
            assert_eq!(r.body["topics"], change["topics"], "the changed link");
        }
        check([
            (json!(["everyone"]), json!([])),
            (
                json!(["employers", "municipalities"]),
                json!(["culture", "sport"]),
            ),
            (json!(["municipalities"]), json!(["sport"])),
        ])
        .await;
    }
);

both!(
    an_audience_includes_links_for_everyone,
    |app: common::TestApp| async move {
        let admin = app.admin().await;
        let mut ids = Vec::new();
        for (title, audiences) in [
            ("Voor gemeenten", json!(["municipalities"])),
            ("Voor iedereen", json!(["everyone"])),
            ("Voor werkgevers", json!(["employers"])),
            (
                "Voor iedereen en gemeenten",
                json!(["everyone", "municipalities"]),
            ),
        ] {
            let url = format!("https://www.example.org/{}", ids.len());
            ids.push(
                app.link(
                    &admin,
                    json!({"url": url, "title": title, "audiences": audiences}),
                )
                .await,
            );
        }
        let listed = |path: String| {
            let app = &app;
            async move {
                let items = app.collect_all(&path, None).await;
                items
                    .iter()
                    .map(|l| l["id"].as_i64().unwrap())
                    .collect::<Vec<_>>()
            }
        };
        // Each once, in order, whichever page size.
        for size in [1, 20] {
            assert_eq!(
                listed(format!(
                    "/api/v1/knowledge-links?audience=municipalities&pageSize={size}"
                ))
                .await,
                vec![ids[0], ids[1], ids[3]]
            );
        }
        assert_eq!(
            listed("/api/v1/knowledge-links?audience=employers".into()).await,
            vec![ids[1], ids[2], ids[3]]
        );
        assert_eq!(
            listed("/api/v1/knowledge-links?audience=everyone".into()).await,
            vec![ids[1], ids[3]]
        );
        // Searching within an audience too.
        assert_eq!(
            listed("/api/v1/knowledge-links?audience=employers&q=iedereen".into())
                .await
                .len(),
            2
        );
    }
);

both!(topics_are_searched, |app: common::TestApp| async move {
    let admin = app.admin().await;
    let id = app
        .link(&admin, json!({"url": "https://www.example.org/baan", "title": "Een baan vinden met een beperking", "topics": ["work"]}))
        .await;
    app.link(&admin, json!({"url": "https://www.example.org/sport", "title": "Sporten met een beperking", "topics": ["sport"]}))
        .await;
    // The topic's Dutch and English names find it.
    for q in ["werk", "Werk", "work"] {
        let r = app
            .get(&format!("/api/v1/knowledge-links?q={q}"), None)
            .await
            .expect(200);
        let found: Vec<i64> = r
            .items()
            .iter()
            .map(|l| l["id"].as_i64().unwrap())
            .collect();
        assert_eq!(found, vec![id], "q={q}");
    }
    // A changed topic is searched as changed.
    app.patch(
        &format!("/api/v1/knowledge-links/{id}"),
        Some(&admin.token),
        json!({"topics": ["housing"]}),
    )
    .await
    .expect(200);
    let r = app
        .get("/api/v1/knowledge-links?q=werk", None)
        .await
        .expect(200);
    assert!(r.items().is_empty());
    let r = app
        .get("/api/v1/knowledge-links?q=wonen", None)
        .await
        .expect(200);
    assert_eq!(r.items().len(), 1);
});

both!(
    a_visitor_counts_once_a_day_and_bots_not_at_all,
    |app: common::TestApp| async move {
        use actix_web::test::TestRequest;
        let admin = app.admin().await;
        let id = app
            .link(
                &admin,
                json!({"url": "https://www.example.org/", "title": "Het VN-verdrag uitgelegd"}),
            )
            .await;
        let visit = |peer: [u8; 4], agent: &'static str| {
            let app = &app;
            async move {
                let r = app
                    .send(
                        TestRequest::get()
                            .uri(&format!("/api/v1/knowledge-links/{id}/visit"))
                            .peer_addr(std::net::SocketAddr::from((peer, 50000)))
                            .insert_header(("User-Agent", agent)),
                    )
                    .await;
                assert_eq!(r.status.as_u16(), 302, "{}", r.text);
                assert_eq!(
                    r.header("location").as_deref(),
                    Some("https://www.example.org/")
                );
            }
        };
        let clicks = || {
            let app = &app;
            async move {
                app.get(&format!("/api/v1/knowledge-links/{id}"), None)
                    .await
                    .expect(200)
                    .body["clicks"]
                    .as_i64()
                    .unwrap()
            }
        };
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        let chrome =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
        visit([192, 0, 2, 1], firefox).await;
        visit([192, 0, 2, 1], firefox).await; // a refresh
        assert_eq!(clicks().await, 1);
        visit([192, 0, 2, 1], chrome).await; // another browser
        visit([192, 0, 2, 2], firefox).await; // another address
        assert_eq!(clicks().await, 3);
        for bot in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0)",
            "facebookexternalhit/1.1",
            "Slackbot-LinkExpanding 1.0",
            "Mozilla/5.0 (compatible; SemrushCrawler)",
        ] {
            visit([192, 0, 2, 3], bot).await;
        }
        assert_eq!(clicks().await, 3, "crawlers are not counted");

        // Nothing says who: what is kept is a hash per visitor, link and day,
        // and only for the day.
        let mut conn = app.db.conn();
        use diesel::prelude::*;
        use themanet::db::schema::knowledge_link_visits as v;
        let kept: Vec<String> = v::table.select(v::visitor).load(&mut conn).unwrap();
        assert_eq!(kept.len(), 3);
        for k in &kept {
            assert!(!k.contains("192.0.2") && !k.contains("Mozilla"), "{k}");
        }
        // Yesterday's visits: forgotten, and the same visitor counts again.
        let yesterday = chrono::Utc::now().date_naive() - chrono::Duration::days(1);
        diesel::update(v::table)
            .set(v::day.eq(yesterday))
            .execute(&mut conn)
            .unwrap();
        visit([192, 0, 2, 1], firefox).await;
        assert_eq!(clicks().await, 4);
        let days: Vec<chrono::NaiveDate> = v::table.select(v::day).load(&mut conn).unwrap();
        assert_eq!(days, vec![chrono::Utc::now().date_naive()]);
    }
);

both!(
    link_queries_are_read_into_their_filters,
    |app: common::TestApp| async move {
        // `network` is a network id or `none`; other keys are refused.
        let r = app
            .get(
                "/api/v1/knowledge-links?network=geen&audience=kinderen&networkId=3",
                None,
            )
            .await
            .expect(400);
        assert_eq!(
            r.invalid_codes(),
            vec!["audience enum", "network format", "networkId unknown"]
        );
        let network = &r.body["invalidParams"][1];
        assert_eq!(network["reason"], "must be a network id or none");
        assert_eq!(network["expected"], "wholeNumber");
        for bad in ["0", "-3", ""] {
            let r = app
                .get(&format!("/api/v1/knowledge-links?network={bad}"), None)
                .await
                .expect(400);
            assert_eq!(r.invalid_codes(), vec!["network format"], "network={bad}");
        }
        app.get(
            "/api/v1/knowledge-links?network=none&language=EN&q=%20",
            None,
        )
        .await
        .expect(200);
    }
);
