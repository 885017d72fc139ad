//! Answers kept for anonymous readers (`themanet::web::cache`): shared by every
//! visitor, never by a signed-in user, and dropped by any write.

use crate::both;
use crate::common;
use actix_web::http::header;
use actix_web::test::TestRequest;
use serde_json::json;

/// (hits, misses) since the last call.
fn counted(app: &common::TestApp, before: &mut (u64, u64)) -> (u64, u64) {
    let now = app.state.answers.counts();
    let delta = (now.0 - before.0, now.1 - before.1);
    *before = now;
    delta
}

both!(
    visitors_share_an_answer_and_see_each_write_at_once,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let id = app
            .network_with(
                &anna,
                json!({"name": "Toegankelijke musea Utrecht", "theme": "Musea voor iedereen",
                       "scope": "local", "municipalityCode": "GM0344"}),
            )
            .await;
        let page = format!("/api/v1/networks/{id}");
        let mut counts = app.state.answers.counts();

        let first = app.get(&page, None).await.expect(200);
        let second = app.get(&page, None).await.expect(200);
        assert_eq!(first.text, second.text);
        assert_eq!(first.etag(), second.etag());
        assert_eq!(counted(&app, &mut counts), (1, 1), "read once, then kept");

        // A signed-in reader gets her own answer, and it is not kept.
        let own = app.get(&page, Some(&anna.token)).await.expect(200);
        assert_eq!(own.body["myRole"], "coordinator");
        assert!(second.body.get("myRole").is_none_or(|r| r.is_null()));
        assert_eq!(counted(&app, &mut counts), (0, 0));

        // Each write shows in the next anonymous read.
        app.patch(
            &page,
            Some(&anna.token),
            json!({"name": "Musea voor iedereen Utrecht"}),
        )
        .await
        .expect(200);
        let r = app.get(&page, None).await.expect(200);
        assert_eq!(r.body["name"], "Musea voor iedereen Utrecht");
        assert_ne!(r.etag(), first.etag());

        let goals = format!("{page}/goals");
        let listing = "/api/v1/networks?municipality=GM0344";
        assert!(app.get(&goals, None).await.expect(200).items().is_empty());
        assert_eq!(app.get(listing, None).await.expect(200).items().len(), 1);
        app.post(
            &goals,
            Some(&anna.token),
            json!({"title": "Een gids in gebarentaal"}),
        )
        .await
        .expect(201);
        assert_eq!(app.get(&goals, None).await.expect(200).items().len(), 1);
        let r = app.get(&page, None).await.expect(200);
        let open: i64 = r.body["goalCounts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["count"].as_i64().unwrap())
            .sum();
        assert_eq!(open, 1);

        app.delete(&page, Some(&anna.token)).await.expect(204);
        assert!(app.get(listing, None).await.expect(200).items().is_empty());
        app.get(&page, None).await.expect(404);
        app.get(&page, None).await.expect(404);
        let (hits, _) = counted(&app, &mut counts);
        assert_eq!(hits, 0, "every read above followed a write or was an error");
    }
);

both!(
    a_visit_shows_in_the_next_click_count,
    |app: common::TestApp| async move {
        let admin = app.admin().await;
        let id = app
            .post(
                "/api/v1/knowledge-links",
                Some(&admin.token),
                json!({"url": "https://www.vn-verdragwerkt.nl/", "title": "Het VN-verdrag uitgelegd"}),
            )
            .await
            .expect(201)
            .id();
        let link = format!("/api/v1/knowledge-links/{id}");
        app.get(&link, None).await.expect(200);
        assert_eq!(app.get(&link, None).await.expect(200).body["clicks"], 0);
        let r = app.get(&format!("{link}/visit"), None).await;
        assert_eq!(r.status.as_u16(), 302);
        assert_eq!(app.get(&link, None).await.expect(200).body["clicks"], 1);
    }
);

both!(
    searches_and_other_paths_are_not_kept,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let id = app.network(&anna, "Inclusief onderwijs Zwolle").await;
        let mut counts = app.state.answers.counts();
        for _ in 0..2 {
            app.get("/api/v1/networks?q=onderwijs", None)
                .await
                .expect(200);
            app.get(&format!("/api/v1/networks/{id}/members"), None)
                .await;
            app.get("/api/v1/stakeholders", None).await;
        }
        assert_eq!(counted(&app, &mut counts), (0, 0));
    }
);

both!(
    a_kept_answer_links_to_the_address_the_visitor_used,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        app.network(&anna, "Toegankelijk Amsterdam").await;
        app.network(&anna, "Toegankelijk Rotterdam").await;
        for host in ["a.example", "b.example", "a.example"] {
            let r = app
                .send(
                    TestRequest::get()
                        .uri("/api/v1/networks?pageSize=1")
                        .insert_header((header::HOST, host)),
                )
                .await
                .expect(200);
            let next = r.body["_links"]["next"]["href"].as_str().unwrap();
            assert!(next.starts_with(&format!("http://{host}/")), "{next}");
        }
        assert_eq!(app.state.answers.counts().0, 1, "the second a.example read");
    }
);

#[actix_web::test]
async fn public_cache_seconds_0_turns_it_off() {
    let app = common::TestApp::start_with(themanet::db::Backend::Sqlite, |c| {
        c.public_cache_seconds = 0;
    })
    .await;
    let anna = app.user("Anna").await;
    let id = app.network(&anna, "Toegankelijk Utrecht").await;
    for _ in 0..3 {
        app.get(&format!("/api/v1/networks/{id}"), None)
            .await
            .expect(200);
    }
    assert_eq!(app.state.answers.counts(), (0, 0));
}
