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
