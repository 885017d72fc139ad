//! The UN Convention's articles as a shared language: networks, goals and
//! knowledge links are tagged with them, every list filters by one, the map
//! counts the networks that work on one, and a wrong article is a 400 that
//! names the field with its bounds.

use serde_json::json;

use crate::both;
use crate::common::TestApp;

fn ids(items: &[serde_json::Value]) -> Vec<i64> {
    let mut ids: Vec<i64> = items.iter().map(|i| i["id"].as_i64().unwrap()).collect();
    ids.sort_unstable();
    ids
}

both!(
    the_articles_are_listed_with_their_titles,
    |app: TestApp| async move {
        let items = app
            .get("/api/v1/convention-articles", None)
            .await
            .expect(200)
            .items();
        assert_eq!(items.len(), 33);
        assert_eq!(items[8]["number"], 9);
        assert_eq!(items[8]["titleNl"], "Toegankelijkheid");
        assert_eq!(
            items[29]["titleEn"],
            "Participation in cultural life, recreation, leisure and sport"
        );
    }
);

both!(
    networks_goals_and_links_are_tagged_and_filtered,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let museums = app
        .network_with(&anna, json!({"name": "Musea voor iedereen", "theme": "Musea", "scope": "local", "municipalityCode": "GM0344", "status": "active", "articles": [30, 9, 30]}))
        .await;
        let work = app.network(&anna, "Werk voor iedereen").await;
        let plain = app.network(&anna, "Zonder artikel").await;
        let network = app
            .get(&format!("/api/v1/networks/{museums}"), None)
            .await
            .expect(200)
            .body;
        assert_eq!(network["articles"], json!([9, 30]), "sorted, once each");
        app.patch(
            &format!("/api/v1/networks/{work}"),
            Some(&anna.token),
            json!({"articles": [27]}),
        )
        .await
        .expect(200);

        // A goal of the work network works on article 30 too.
        let goal = app.goal(work, &anna, "Een dag in het museum").await;
        let g = app
            .patch(
                &format!("/api/v1/goals/{goal}"),
                Some(&anna.token),
                json!({"articles": [30]}),
            )
            .await
            .expect(200)
            .body;
        assert_eq!(g["articles"], json!([30]));
        let other = app.goal(work, &anna, "Een baan").await;
        let goals = app
            .get(&format!("/api/v1/networks/{work}/goals?article=30"), None)
            .await
            .expect(200)
            .items();
        assert_eq!(ids(&goals), vec![goal]);
        let _ = other;

        // The network list: tagged with the article, or with a goal tagged with it.
        let found = app.collect_all("/api/v1/networks?article=30", None).await;
        assert_eq!(ids(&found), vec![museums, work]);
        let found = app.collect_all("/api/v1/networks?article=27", None).await;
        assert_eq!(ids(&found), vec![work]);
        // Article 3 does not find article 30 or 33.
        assert!(app
            .collect_all("/api/v1/networks?article=3", None)
            .await
            .is_empty());
        let _ = plain;

        // Knowledge links.
        let link = app
        .link(&anna, json!({"url": "https://www.museumvereniging.nl/", "title": "Museumvereniging", "networkId": museums, "articles": [30]}))
        .await;
        app.link(&anna, json!({"url": "https://www.uwv.nl/werkgevers", "title": "UWV voor werkgevers", "networkId": work}))
        .await;
        let links = app
            .collect_all("/api/v1/knowledge-links?article=30", None)
            .await;
        assert_eq!(ids(&links), vec![link]);

        // What the list finds follows every change: a goal that stops
        // working on the article, one that is deleted, a network's own list.
        let goal_path = format!("/api/v1/goals/{goal}");
        let network_of = |article: i64| {
            let app = &app;
            async move {
                ids(&app
                    .collect_all(&format!("/api/v1/networks?article={article}"), None)
                    .await)
            }
        };
        app.patch(&goal_path, Some(&anna.token), json!({"articles": []}))
            .await
            .expect(200);
        assert_eq!(network_of(30).await, vec![museums]);
        app.patch(&goal_path, Some(&anna.token), json!({"articles": [30, 24]}))
            .await
            .expect(200);
        assert_eq!(network_of(24).await, vec![work]);
        app.delete(&goal_path, Some(&anna.token)).await.expect(204);
        assert!(network_of(24).await.is_empty());
        assert_eq!(network_of(27).await, vec![work], "its own article stays");
        app.patch(
            &format!("/api/v1/networks/{museums}"),
            Some(&anna.token),
            json!({"articles": [9]}),
        )
        .await
        .expect(200);
        assert!(network_of(30).await.is_empty());
        assert_eq!(network_of(9).await, vec![museums]);
        assert_eq!(links[0]["articles"], json!([30]));

        // Clearing the list with null.
        let cleared = app
            .patch(
                &format!("/api/v1/networks/{museums}"),
                Some(&anna.token),
                json!({"articles": null}),
            )
            .await
            .expect(200)
            .body;
        assert_eq!(cleared["articles"], json!([]));
    }
);

both!(
    a_wrong_article_is_a_400_with_its_bounds,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let r = app
        .post(
            "/api/v1/networks",
            Some(&anna.token),
            json!({"name": "Te veel", "theme": "Fout", "scope": "national", "articles": [9, 34]}),
        )
        .await
        .expect(400);
        let params = r.body["invalidParams"].as_array().unwrap();
        assert_eq!(params.len(), 1);
        assert_eq!(params[0]["name"], "articles");
        assert_eq!(params[0]["code"], "range");
        assert_eq!(params[0]["minimum"], 1);
        assert_eq!(params[0]["maximum"], 33);
        for path in [
            "/api/v1/networks?article=0",
            "/api/v1/knowledge-links?article=34",
            "/api/v1/map/municipalities?article=x",
            "/api/v1/map/municipalities.svg?article=99",
        ] {
            let r = app.get(path, None).await.expect(400);
            assert_eq!(r.invalid_names(), vec!["article"], "{path}");
            assert_eq!(r.invalid_codes(), vec!["article range"], "{path}");
        }
        assert_eq!(app.db_count("networks"), 0, "nothing written");
    }
);

both!(
    the_map_counts_the_networks_that_work_on_an_article,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let utrecht = app
        .network_with(&anna, json!({"name": "Musea Utrecht", "theme": "Musea", "scope": "local", "municipalityCode": "GM0344", "status": "active", "articles": [30]}))
        .await;
        let gent = app
        .network_with(&anna, json!({"name": "Gent doet mee", "theme": "Werk", "scope": "local", "municipalityCode": "44021", "status": "active"}))
        .await;
        let assen = app
        .network_with(&anna, json!({"name": "Assen sport", "theme": "Sport", "scope": "local", "municipalityCode": "GM0106", "status": "active"}))
        .await;
        let goal = app.goal(assen, &anna, "Sporten voor iedereen").await;
        app.patch(
            &format!("/api/v1/goals/{goal}"),
            Some(&anna.token),
            json!({"articles": [30]}),
        )
        .await
        .expect(200);
        let with = |body: &serde_json::Value| -> Vec<String> {
            body["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["activeNetworks"].as_i64().unwrap() > 0)
                .map(|m| m["code"].as_str().unwrap().to_string())
                .collect()
        };
        let all = app
            .get("/api/v1/map/municipalities", None)
            .await
            .expect(200)
            .body;
        assert_eq!(with(&all), vec!["44021", "GM0106", "GM0344"]);
        let culture = app
            .get("/api/v1/map/municipalities?article=30", None)
            .await
            .expect(200)
            .body;
        assert_eq!(with(&culture), vec!["GM0106", "GM0344"]);
        assert_eq!(culture["municipalitiesWithActiveNetwork"], 2);
        let svg = app
            .get("/api/v1/map/municipalities.svg?article=30", None)
            .await
            .expect(200)
            .text;
        assert!(svg.contains("aan artikel 30 (Deelname aan het culturele leven"));
        assert!(svg.contains(
        r#"<a href="/?municipality=GM0344&amp;article=30"><title>Utrecht: 1 actief netwerk</title>"#
    ));
        assert!(svg.contains("Gent: 0 actieve netwerken"));
        // The figures the database keeps per article follow every change:
        // a goal that stops working on it, a network that closes, one that
        // takes it up and is then deleted.
        let culture_now = || async {
            with(
                &app.get("/api/v1/map/municipalities?article=30", None)
                    .await
                    .expect(200)
                    .body,
            )
        };
        app.patch(
            &format!("/api/v1/goals/{goal}"),
            Some(&anna.token),
            json!({"articles": []}),
        )
        .await
        .expect(200);
        assert_eq!(culture_now().await, vec!["GM0344"]);
        app.patch(
            &format!("/api/v1/networks/{gent}"),
            Some(&anna.token),
            json!({"articles": [30]}),
        )
        .await
        .expect(200);
        assert_eq!(culture_now().await, vec!["44021", "GM0344"]);
        app.patch(
            &format!("/api/v1/networks/{utrecht}"),
            Some(&anna.token),
            json!({"status": "closed"}),
        )
        .await
        .expect(200);
        assert_eq!(culture_now().await, vec!["44021"]);
        app.delete(&format!("/api/v1/networks/{gent}"), Some(&anna.token))
            .await
            .expect(204);
        assert!(culture_now().await.is_empty());
        let counts = app
            .get("/api/v1/map/municipalities?article=30", None)
            .await
            .expect(200)
            .body;
        assert!(counts["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["members"] == 0 && m["networks"] == 0));
    }
);
