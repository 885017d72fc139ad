//! Concurrent writers: nothing is lost, nothing is doubled.

use actix_web::http::header;
use actix_web::test::TestRequest;
use futures_util::future::join_all;
use serde_json::json;

use crate::both;
use crate::common;

/// The status of each of `requests`, sent at once.
async fn statuses_of(
    requests: impl IntoIterator<Item = impl std::future::Future<Output = common::Resp>>,
) -> Vec<u16> {
    join_all(requests)
        .await
        .iter()
        .map(|r| r.status.as_u16())
        .collect()
}

both!(
    only_one_of_ten_edits_with_the_same_etag_wins,
    |app: common::TestApp| async move {
        let c = app.user("Carla").await;
        let network = app.network(&c, "Gelijktijdig").await;
        let goal = app
            .post(
                &format!("/api/v1/networks/{network}/goals"),
                Some(&c.token),
                json!({"title": "Eén doel"}),
            )
            .await
            .expect(201);
        let (id, tag) = (goal.id(), goal.etag());
        let edits = (0..10).map(|i| {
            app.send(
                TestRequest::patch()
                    .uri(&format!("/api/v1/goals/{id}"))
                    .insert_header((header::AUTHORIZATION, format!("Bearer {}", c.token)))
                    .insert_header((header::IF_MATCH, tag.clone()))
                    .insert_header((header::CONTENT_TYPE, "application/json"))
                    .set_payload(json!({ "title": format!("Versie {i}") }).to_string()),
            )
        });
        let statuses = statuses_of(edits).await;
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            1,
            "{statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 412).count(),
            9,
            "{statuses:?}"
        );
    }
);

both!(
    only_one_of_ten_equal_creates_succeeds,
    |app: common::TestApp| async move {
        let c = app.user("Carla").await;
        let creates = (0..10).map(|_| {
        app.post(
            "/api/v1/networks",
            Some(&c.token),
            json!({"name": "Zelfde netwerk", "slug": "zelfde-netwerk", "theme": "Thema", "scope": "national"}),
        )
    });
        let statuses = statuses_of(creates).await;
        assert_eq!(
            statuses.iter().filter(|s| **s == 201).count(),
            1,
            "{statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 409).count(),
            9,
            "{statuses:?}"
        );
        let r = app.get("/api/v1/networks", None).await.expect(200);
        assert_eq!(r.items().len(), 1);
    }
);

both!(
    fifty_parallel_joins_each_count_once,
    |app: common::TestApp| async move {
        let c = app.user("Carla").await;
        let network = app.network(&c, "Druk netwerk").await;
        let mut users = Vec::new();
        for i in 0..50 {
            users.push(app.user(&format!("Lid {i}")).await);
        }
        let path = format!("/api/v1/networks/{network}/members");
        let joins = users
            .iter()
            .map(|u| app.post(&path, Some(&u.token), json!({})));
        let statuses = statuses_of(joins).await;
        assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
        // The same person joining ten times at once: one membership.
        let again = (0..10).map(|_| app.post(&path, Some(&users[0].token), json!({})));
        let statuses = statuses_of(again).await;
        assert!(statuses.iter().all(|s| *s == 409), "{statuses:?}");
        let members = app
            .collect_all(&format!("{path}?pageSize=100"), Some(&c.token))
            .await;
        assert_eq!(members.len(), 51);
        let mut ids: Vec<i64> = members
            .iter()
            .map(|m| m["stakeholderId"].as_i64().unwrap())
            .collect();
        ids.dedup();
        assert_eq!(ids.len(), 51);
    }
);

both!(
    networks_created_at_once_are_all_found,
    |app: common::TestApp| async move {
        // Each new network's words go into the same last block of each
        // word's postings: writers that rewrote it at once would keep only
        // one of their postings.
        let c = app.user("Carla").await;
        let creates = (0..12).map(|i| {
            app.post(
                "/api/v1/networks",
                Some(&c.token),
                json!({
                    "name": format!("Gelijktijdig museumnetwerk {i}"),
                    "theme": "Musea samen toegankelijk",
                    "scope": "local",
                    "municipalityCode": "GM0344"
                }),
            )
        });
        let mut created: Vec<i64> = join_all(creates)
            .await
            .into_iter()
            .map(|r| r.expect(201).id())
            .collect();
        created.sort();
        let mut found: Vec<i64> = app
            .collect_all("/api/v1/networks?q=gelijktijdig%20museum&pageSize=5", None)
            .await
            .iter()
            .map(|n| n["id"].as_i64().expect("id"))
            .collect();
        found.sort();
        assert_eq!(found, created);
    }
);

/// `n` PATCHes of `path` sent at once, each with `if_match` when given.
async fn parallel_patches(
    app: &common::TestApp,
    path: &str,
    token: &str,
    if_match: Option<&str>,
    body: impl Fn(usize) -> serde_json::Value,
    n: usize,
) -> Vec<u16> {
    let patches = (0..n).map(|i| {
        let mut req = TestRequest::patch()
            .uri(path)
            .insert_header((header::AUTHORIZATION, format!("Bearer {token}")))
            .insert_header((header::CONTENT_TYPE, "application/merge-patch+json"))
            .set_payload(body(i).to_string());
        if let Some(tag) = if_match {
            req = req.insert_header((header::IF_MATCH, tag.to_string()));
        }
        app.send(req)
    });
    statuses_of(patches).await
}

fn wins_and_stale(statuses: &[u16]) -> (usize, usize) {
    (
        statuses.iter().filter(|s| **s == 200).count(),
        statuses.iter().filter(|s| **s == 412).count(),
    )
}

both!(
    one_etag_wins_once_on_accounts,
    |app: common::TestApp| async move {
        // PATCH /me and PATCH /users/{id} compare and set like every other
        // versioned write: of twenty edits with one ETag, one wins.
        let anna = app.user("Anna").await;
        let tag = app
            .get("/api/v1/me", Some(&anna.token))
            .await
            .expect(200)
            .etag();
        let statuses = parallel_patches(
            &app,
            "/api/v1/me",
            &anna.token,
            Some(&tag),
            |i| json!({ "displayName": format!("Anna {i}") }),
            20,
        )
        .await;
        assert_eq!(wins_and_stale(&statuses), (1, 19), "{statuses:?}");

        let admin = app.admin().await;
        let path = format!("/api/v1/users/{}", anna.id);
        // An empty merge patch changes nothing and answers the ETag.
        let tag = app
            .patch(&path, Some(&admin.token), json!({}))
            .await
            .expect(200)
            .etag();
        let statuses = parallel_patches(
            &app,
            &path,
            &admin.token,
            Some(&tag),
            |_| json!({ "disabled": true }),
            20,
        )
        .await;
        assert_eq!(wins_and_stale(&statuses), (1, 19), "{statuses:?}");
    }
);

both!(
    writes_without_if_match_all_apply,
    |app: common::TestApp| async move {
        // Without If-Match a write is last-writer-wins: each of many at once
        // succeeds, and each counts as one version.
        let c = app.user("Carla").await;
        let m = app.user("Mo").await;
        let network = app.network(&c, "Zonder versie").await;
        app.join(network, &m).await;
        let goal = app.goal(network, &c, "Een doel").await;
        let link = app
            .post(
                "/api/v1/knowledge-links",
                Some(&c.token),
                json!({"url": "https://example.org/gids", "title": "Gids", "audiences": ["everyone"], "networkId": network}),
            )
            .await
            .expect(201)
            .id();
        let stakeholder = app
            .post(
                "/api/v1/stakeholders",
                Some(&c.token),
                json!({"kind": "company", "name": "Bakkerij"}),
            )
            .await
            .expect(201)
            .id();
        let n = 16;
        let cases = [
            (
                format!("/api/v1/networks/{network}"),
                c.token.clone(),
                "description",
            ),
            (
                format!("/api/v1/goals/{goal}"),
                c.token.clone(),
                "description",
            ),
            (
                format!("/api/v1/knowledge-links/{link}"),
                c.token.clone(),
                "summary",
            ),
            (
                format!("/api/v1/stakeholders/{stakeholder}"),
                c.token.clone(),
                "organisation",
            ),
            (
                format!("/api/v1/networks/{network}/members/{}", m.stakeholder_id),
                m.token.clone(),
                "commitment",
            ),
            ("/api/v1/me".to_string(), m.token.clone(), "displayName"),
        ];
        for (path, token, field) in cases {
            let before = app.get(&path, Some(&token)).await.expect(200).etag();
            let statuses = parallel_patches(
                &app,
                &path,
                &token,
                None,
                |i| json!({ field: format!("Tekst {i}") }),
                n,
            )
            .await;
            assert!(statuses.iter().all(|s| *s == 200), "{path}: {statuses:?}");
            // Every write made a version of its own.
            let after = app.get(&path, Some(&token)).await.expect(200).etag();
            let version = |tag: &str| -> i64 {
                tag.trim_matches('"')
                    .rsplit('-')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            };
            assert_eq!(version(&after), version(&before) + n as i64, "{path}");
        }
    }
);

both!(
    parallel_equal_endorsements_leave_one,
    |app: common::TestApp| async move {
        // One endorsement per member per goal, changeable: the same one sent
        // many times at once is one endorsement, and no request fails. Only
        // the first requests of each goal race, so many goals are tried.
        let c = app.user("Carla").await;
        let network = app.network(&c, "Steun").await;
        for round in 0..12 {
            let goal = app
                .post(
                    &format!("/api/v1/networks/{network}/goals"),
                    Some(&c.token),
                    json!({ "title": format!("Doel {round}") }),
                )
                .await
                .expect(201)
                .id();
            let path = format!("/api/v1/goals/{goal}/endorsements");
            let posts = (0..8).map(|_| {
                app.post(
                    &path,
                    Some(&c.token),
                    json!({"stance": "support", "comment": "Goed plan"}),
                )
            });
            let statuses = statuses_of(posts).await;
            assert!(
                statuses.iter().all(|s| *s == 200 || *s == 201),
                "{statuses:?}"
            );
            assert_eq!(
                statuses.iter().filter(|s| **s == 201).count(),
                1,
                "{statuses:?}"
            );
            let r = app.get(&path, Some(&c.token)).await.expect(200);
            assert_eq!(r.items().len(), 1);
        }
    }
);
