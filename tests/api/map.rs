//! The map of municipalities: its figures equal a count from the tables
//! after every kind of change, members-only networks are not counted, and
//! the drawing has every municipality as a named link.

use std::collections::BTreeMap;

use diesel::prelude::*;
use serde_json::json;

use crate::both;
use crate::common::TestApp;

/// The figures per municipality, counted from the tables themselves:
/// (networks, active, members, experience experts, goals achieved). With
/// an article, only the networks tagged with it or with a goal tagged with
/// it, read from the tags themselves.
fn counted(app: &TestApp, article: Option<i64>) -> BTreeMap<String, [i64; 5]> {
    use themanet::db::schema::{goals, memberships, networks, stakeholders};
    let mut conn = app.db.conn();
    let shown: Vec<(i64, String, String, String)> = networks::table
        .filter(networks::visibility.eq("public"))
        .filter(networks::status.ne("closed"))
        .filter(networks::municipality_code.is_not_null())
        .select((
            networks::id,
            networks::municipality_code.assume_not_null(),
            networks::status,
            networks::articles,
        ))
        .load(&mut conn)
        .unwrap();
    let mut out = BTreeMap::new();
    for (id, code, status, articles) in shown {
        if let Some(article) = article {
            let tag = format!(",{article},");
            let goals_tags: Vec<String> = goals::table
                .filter(goals::network_id.eq(id))
                .select(goals::articles)
                .load(&mut conn)
                .unwrap();
            if !articles.contains(&tag) && !goals_tags.iter().any(|g| g.contains(&tag)) {
                continue;
            }
        }
        let kinds: Vec<String> = memberships::table
            .inner_join(stakeholders::table)
            .filter(memberships::network_id.eq(id))
            .select(stakeholders::kind)
            .load(&mut conn)
            .unwrap();
        let achieved: i64 = goals::table
            .filter(goals::network_id.eq(id))
            .filter(goals::status.eq("achieved"))
            .count()
            .get_result(&mut conn)
            .unwrap();
        let f: &mut [i64; 5] = out.entry(code).or_default();
        f[0] += 1;
        f[1] += i64::from(status == "active");
        f[2] += kinds.len() as i64;
        f[3] += kinds.iter().filter(|k| *k == "experience_expert").count() as i64;
        f[4] += achieved;
    }
    out
}

/// The figures the API gives, for municipalities with any; with an
/// article, for the networks that work on it.
async fn answered(app: &TestApp, article: Option<i64>) -> BTreeMap<String, [i64; 5]> {
    let path = match article {
        Some(a) => format!("/api/v1/map/municipalities?article={a}"),
        None => "/api/v1/map/municipalities".to_string(),
    };
    let body = app.get(&path, None).await.expect(200).body;
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 342 + 285 + 19, "every municipality");
    items
        .iter()
        .map(|m| {
            let n = |k: &str| m[k].as_i64().unwrap();
            (
                m["code"].as_str().unwrap().to_string(),
                [
                    n("networks"),
                    n("activeNetworks"),
                    n("members"),
                    n("experienceExperts"),
                    n("goalsAchieved"),
                ],
            )
        })
        .filter(|(_, f)| f.iter().any(|v| *v > 0))
        .collect()
}

/// The figures of all networks and of two articles' (kept in
/// `municipality_counts` and `article_counts`) equal a count from the tables.
async fn same(app: &TestApp, after: &str) {
    for article in [None, Some(27), Some(30)] {
        assert_eq!(
            answered(app, article).await,
            counted(app, article),
            "after {after}, article {article:?}"
        );
    }
}

both!(
    the_figures_equal_a_count_from_the_tables_after_every_change,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let bert = app.user("Bert").await;
        let utrecht = app.network(&anna, "Toegankelijk Utrecht").await;
        same(&app, "a network").await;
        let gent = app
            .network_with(&anna, json!({"name": "Gent doet mee", "theme": "Vrije tijd", "scope": "local", "municipalityCode": "44021", "status": "active", "articles": [30]}))
            .await;
        same(&app, "a network with an article").await;
        app.join(utrecht, &bert).await;
        app.join(gent, &bert).await;
        same(&app, "joining").await;
        let company = app
            .post(
                "/api/v1/stakeholders",
                Some(&anna.token),
                json!({"kind": "company", "name": "Bakkerij Brood"}),
            )
            .await
            .expect(201)
            .id();
        app.post(
            &format!("/api/v1/networks/{utrecht}/members"),
            Some(&anna.token),
            json!({"stakeholderId": company, "role": "partner"}),
        )
        .await
        .expect(201);
        same(&app, "an organisation added").await;
        let goal = app.goal(utrecht, &anna, "Een drempelvrije ingang").await;
        app.patch(
            &format!("/api/v1/goals/{goal}"),
            Some(&anna.token),
            json!({"status": "achieved", "articles": [27, 30]}),
        )
        .await
        .expect(200);
        same(&app, "a goal achieved and tagged").await;
        app.patch(
            &format!("/api/v1/networks/{utrecht}"),
            Some(&anna.token),
            json!({"status": "active", "articles": [27]}),
        )
        .await
        .expect(200);
        same(&app, "a network made active and tagged at once").await;
        app.patch(
            &format!("/api/v1/goals/{goal}"),
            Some(&anna.token),
            json!({"articles": [30]}),
        )
        .await
        .expect(200);
        same(&app, "a goal's articles changed").await;
        let figures = app
            .get("/api/v1/map/municipalities", None)
            .await
            .expect(200)
            .body;
        assert_eq!(figures["municipalitiesWithActiveNetwork"], 2);
        assert_eq!(figures["goalsAchieved"], 1);
        app.delete(
            &format!("/api/v1/networks/{gent}/members/{}", bert.stakeholder_id),
            Some(&bert.token),
        )
        .await
        .expect(204);
        same(&app, "leaving").await;
        // A members-only network is not counted: a figure must not tell it exists.
        app.patch(
            &format!("/api/v1/networks/{gent}"),
            Some(&anna.token),
            json!({"visibility": "members"}),
        )
        .await
        .expect(200);
        same(&app, "a network made members-only").await;
        assert!(!answered(&app, None).await.contains_key("44021"));
        app.patch(
            &format!("/api/v1/networks/{utrecht}"),
            Some(&anna.token),
            json!({"municipalityCode": "GM0363"}),
        )
        .await
        .expect(200);
        same(&app, "a network moved").await;
        app.patch(
            &format!("/api/v1/networks/{utrecht}"),
            Some(&anna.token),
            json!({"status": "closed"}),
        )
        .await
        .expect(200);
        same(&app, "a network closed").await;
        assert_eq!(answered(&app, None).await, BTreeMap::new());
        // Opened again, its people's kinds changed, one of them gone, then
        // deleted: the kept figures follow every step.
        app.patch(
            &format!("/api/v1/networks/{utrecht}"),
            Some(&anna.token),
            json!({"status": "active"}),
        )
        .await
        .expect(200);
        same(&app, "a network opened again").await;
        app.patch(
            &format!("/api/v1/stakeholders/{}", bert.stakeholder_id),
            Some(&bert.token),
            json!({"kind": "professional"}),
        )
        .await
        .expect(200);
        same(&app, "a member's kind changed").await;
        app.delete(
            &format!("/api/v1/stakeholders/{company}"),
            Some(&anna.token),
        )
        .await
        .expect(204);
        same(&app, "an organisation deleted").await;
        let gone = app.goal(utrecht, &anna, "Een helpdesk").await;
        app.patch(
            &format!("/api/v1/goals/{gone}"),
            Some(&anna.token),
            json!({"articles": [30]}),
        )
        .await
        .expect(200);
        app.patch(
            &format!("/api/v1/goals/{goal}"),
            Some(&anna.token),
            json!({"articles": []}),
        )
        .await
        .expect(200);
        same(&app, "one goal tagged, another no longer").await;
        app.delete(&format!("/api/v1/goals/{gone}"), Some(&anna.token))
            .await
            .expect(204);
        same(&app, "a goal deleted").await;
        app.delete(&format!("/api/v1/networks/{utrecht}"), Some(&anna.token))
            .await
            .expect(204);
        same(&app, "a network deleted").await;
        assert_eq!(answered(&app, None).await, BTreeMap::new());
    }
);

both!(
    the_map_is_drawn_with_every_municipality_named,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let utrecht = app
            .network_with(&anna, json!({"name": "Toegankelijk Utrecht", "theme": "Utrecht", "scope": "local", "municipalityCode": "GM0344", "status": "active"}))
            .await;
        let _ = utrecht;
        let r = app
            .get("/api/v1/map/municipalities.svg?lang=en", None)
            .await
            .expect(200);
        assert_eq!(
            r.header("content-type").as_deref(),
            Some("image/svg+xml; charset=utf-8")
        );
        let svg = r.text.clone();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<a href=").count(), 342 + 285 + 19);
        assert_eq!(svg.matches("<title>").count(), 342 + 285 + 19);
        assert!(svg.contains(
            r#"<a href="/?municipality=GM0344"><title>Utrecht: 1 active network</title>"#
        ));
        assert!(svg
            .contains(r#"<a href="/?municipality=44021"><title>Gent: 0 active networks</title>"#));
        assert!(svg.len() < 300 * 1024, "the map is {} bytes", svg.len());
        // Every tag that opens is closed.
        for tag in ["svg", "g", "a", "title", "desc", "text"] {
            let opened =
                svg.matches(&format!("<{tag}>")).count() + svg.matches(&format!("<{tag} ")).count();
            assert_eq!(opened, svg.matches(&format!("</{tag}>")).count(), "<{tag}>");
        }
        let bad = app
            .get("/api/v1/map/municipalities.svg?measure=cats&lang=fr", None)
            .await
            .expect(400);
        assert_eq!(bad.invalid_names(), ["lang", "measure"]);
    }
);

both!(
    one_municipality_in_detail_counts_its_public_networks,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let bert = app.user("Bert").await;
        let active = app
            .network_with(&anna, json!({"name": "Utrecht doet mee", "theme": "Werk", "scope": "local", "municipalityCode": "GM0344", "status": "active"}))
            .await;
        let forming = app.network(&anna, "Toegankelijk Utrecht").await;
        let hidden = app
            .network_with(&anna, json!({"name": "Besloten Utrecht", "theme": "Delen", "scope": "local", "municipalityCode": "GM0344", "visibility": "members"}))
            .await;
        app.join(active, &bert).await;
        let goal = app.goal(forming, &anna, "Een drempelvrije ingang").await;
        app.patch(
            &format!("/api/v1/goals/{goal}"),
            Some(&anna.token),
            json!({"status": "achieved"}),
        )
        .await
        .expect(200);
        app.goal(hidden, &anna, "Niet te zien").await;
        let body = app
            .get("/api/v1/map/municipalities/GM0344", None)
            .await
            .expect(200)
            .body;
        assert_eq!(body["name"], "Utrecht");
        assert_eq!(body["provinceName"], "Utrecht");
        let networks: Vec<(i64, &str)> = body["networks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| (n["id"].as_i64().unwrap(), n["status"].as_str().unwrap()))
            .collect();
        assert_eq!(networks, vec![(active, "active"), (forming, "forming")]);
        let count = |list: &str, key: &str, value: &str| {
            body[list]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c[key] == value)
                .map(|c| c["count"].as_i64().unwrap())
        };
        // Anna coordinates both, Bert joined one: three memberships of
        // experience experts; the members-only network is not counted.
        assert_eq!(count("membersByKind", "kind", "experience_expert"), Some(3));
        assert_eq!(count("membersByKind", "kind", "company"), Some(0));
        assert_eq!(count("goalsByStatus", "status", "achieved"), Some(1));
        assert_eq!(count("goalsByStatus", "status", "proposed"), Some(0));
        let gent = app
            .get("/api/v1/map/municipalities/44021", None)
            .await
            .expect(200)
            .body;
        assert_eq!(gent["country"], "BE");
        assert_eq!(gent["networks"], json!([]));
        app.get("/api/v1/map/municipalities/GM9999", None)
            .await
            .expect(404);
    }
);
