//! The demo data (`themanet demo`, or `serve` on an empty database): loads
//! once, on both backends, and shows the platform at work through the API.

mod common;

use diesel::dsl::count_star;
use diesel::prelude::*;
use serde_json::{json, Value};
use themanet::db::schema::{
    endorsements, goals, knowledge_links, memberships, networks, search_docs, stakeholders, users,
};
use themanet::db::DbConn;
use themanet::demo;

const PASSWORD: &str = "demo-wachtwoord";
const COORDINATOR: &str = "demo-coordinator@themanet.example";
const MEMBER: &str = "demo-lid@themanet.example";
const ADMIN: &str = "demo-admin@themanet.example";
const MEMBERS_ONLY: &str = "Ervaringskring Emmen";

/// Row counts of the tables the demo fills.
fn counts(conn: &mut DbConn) -> Vec<i64> {
    vec![
        users::table.select(count_star()).first(conn).unwrap(),
        stakeholders::table
            .select(count_star())
            .first(conn)
            .unwrap(),
        networks::table.select(count_star()).first(conn).unwrap(),
        memberships::table.select(count_star()).first(conn).unwrap(),
        goals::table.select(count_star()).first(conn).unwrap(),
        endorsements::table
            .select(count_star())
            .first(conn)
            .unwrap(),
        knowledge_links::table
            .select(count_star())
            .first(conn)
            .unwrap(),
        search_docs::table.select(count_star()).first(conn).unwrap(),
    ]
}

fn names(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

async fn login(app: &common::TestApp, email: &str) -> (String, Value) {
    let r = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": PASSWORD}),
        )
        .await
        .expect(200);
    (
        r.body["accessToken"].as_str().expect("token").to_string(),
        r.body["user"].clone(),
    )
}

both!(loads_once, |app: common::TestApp| async move {
    let mut conn = app.db.conn();
    assert!(
        demo::load(&mut conn).expect("load"),
        "an empty database gets the demo data"
    );
    let loaded = counts(&mut conn);
    assert_eq!(loaded[0], 3, "three demo accounts");
    assert!(
        loaded[1] >= 10 && loaded[2] >= 5 && loaded[4] >= 10 && loaded[6] >= 10,
        "{loaded:?}"
    );
    assert!(!demo::load(&mut conn).expect("second load"), "not twice");
    assert_eq!(counts(&mut conn), loaded, "nothing duplicated");
});

both!(
    not_into_a_database_in_use,
    |app: common::TestApp| async move {
        app.user("Anna").await;
        let mut conn = app.db.conn();
        let before = counts(&mut conn);
        assert!(
            !demo::load(&mut conn).expect("load"),
            "a database with an account is in use"
        );
        assert_eq!(counts(&mut conn), before, "nothing written");
    }
);

both!(
    every_network_has_a_coordinator,
    |app: common::TestApp| async move {
        let mut conn = app.db.conn();
        demo::load(&mut conn).expect("load");
        let ids: Vec<i64> = networks::table
            .select(networks::id)
            .load(&mut conn)
            .unwrap();
        assert!(ids.len() >= 5);
        for id in ids {
            let coordinators: i64 = memberships::table
                .filter(memberships::network_id.eq(id))
                .filter(memberships::role.eq("coordinator"))
                .select(count_star())
                .first(&mut conn)
                .unwrap();
            assert!(coordinators >= 1, "network {id} has a coordinator");
        }
        // Goal owners and endorsers are members of the goal's network.
        let members: Vec<(i64, i64)> = memberships::table
            .select((memberships::network_id, memberships::stakeholder_id))
            .load(&mut conn)
            .unwrap();
        let owners: Vec<(i64, Option<i64>)> = goals::table
            .select((goals::network_id, goals::owner_id))
            .load(&mut conn)
            .unwrap();
        for (network, owner) in owners.into_iter().filter_map(|(n, o)| o.map(|o| (n, o))) {
            assert!(
                members.contains(&(network, owner)),
                "owner {owner} is a member of {network}"
            );
        }
        let endorsers: Vec<(i64, i64)> = endorsements::table
            .inner_join(goals::table)
            .select((goals::network_id, endorsements::stakeholder_id))
            .load(&mut conn)
            .unwrap();
        assert!(!endorsers.is_empty());
        for pair in endorsers {
            assert!(members.contains(&pair), "endorser is a member: {pair:?}");
        }
    }
);

both!(
    anonymous_visitors_see_the_public_networks,
    |app: common::TestApp| async move {
        demo::load(&mut app.db.conn()).expect("load");
        let items = app.collect_all("/api/v1/networks?pageSize=100", None).await;
        let listed = names(&items);
        for name in [
            "Netwerk Inclusieve Gemeenten",
            "Inclusief Drenthe",
            "Toegankelijke musea Utrecht",
            "Vrije tijd voor iedereen in Gent",
        ] {
            assert!(
                listed.iter().any(|n| n == name),
                "{name} is listed: {listed:?}"
            );
        }
        assert!(
            !listed.iter().any(|n| n == MEMBERS_ONLY),
            "members-only network hidden: {listed:?}"
        );
        assert!(items.iter().all(|n| n["visibility"] == "public"));

        let national = items
            .iter()
            .find(|n| n["name"] == "Netwerk Inclusieve Gemeenten")
            .unwrap();
        assert_eq!(national["scope"], "national");
        assert_eq!(national["status"], "active");
        for topic in ["local_policy", "participation", "un_convention"] {
            assert!(
                national["topics"]
                    .as_array()
                    .unwrap()
                    .contains(&json!(topic)),
                "{topic}"
            );
        }
        let gent = items
            .iter()
            .find(|n| n["name"] == "Vrije tijd voor iedereen in Gent")
            .unwrap();
        assert_eq!(gent["scope"], "local");
        // A Flemish municipality by its NIS code, in its province.
        assert_eq!(gent["municipalityCode"], "44021");
        assert_eq!(gent["provinceCode"], "40000");

        // The members-only network does not exist for outsiders.
        let mut conn = app.db.conn();
        let hidden: i64 = networks::table
            .filter(networks::name.eq(MEMBERS_ONLY))
            .select(networks::id)
            .first(&mut conn)
            .unwrap();
        app.get(&format!("/api/v1/networks/{hidden}"), None)
            .await
            .expect(404);
    }
);

both!(
    search_and_filters_find_demo_content,
    |app: common::TestApp| async move {
        demo::load(&mut app.db.conn()).expect("load");
        let r = app.get("/api/v1/networks?q=musea", None).await.expect(200);
        assert_eq!(
            names(&r.items()).first().map(String::as_str),
            Some("Toegankelijke musea Utrecht"),
            "{}",
            r.text
        );
        let r = app
            .get("/api/v1/networks?municipality=GM0344", None)
            .await
            .expect(200);
        assert_eq!(names(&r.items()), vec!["Toegankelijke musea Utrecht"]);
        let r = app
            .get("/api/v1/networks?q=Drenthe", None)
            .await
            .expect(200);
        assert!(
            names(&r.items()).contains(&"Inclusief Drenthe".to_string()),
            "{}",
            r.text
        );

        // The musea network: goals in small steps, one already achieved.
        let id = app.get("/api/v1/networks?q=musea", None).await.items()[0]["id"]
            .as_i64()
            .unwrap();
        let goals = app
            .collect_all(&format!("/api/v1/networks/{id}/goals?pageSize=100"), None)
            .await;
        assert!(goals.len() >= 4, "the museums network has goals");
        assert!(goals
            .iter()
            .any(|g| g["status"] == "achieved" && g["achievedAt"].is_string()));
        assert!(
            goals.iter().any(|g| g["parentId"].is_i64()),
            "steps under an ambition"
        );
        assert!(goals.iter().any(|g| g["targetDate"].is_string()));
        let r = app
            .get(&format!("/api/v1/networks/{id}/members?pageSize=100"), None)
            .await
            .expect(200);
        assert!(r
            .items()
            .iter()
            .any(|m| m["role"] == "coordinator" && !m["commitment"].as_str().unwrap().is_empty()));

        // A start page for every audience.
        for audience in [
            "experience_experts",
            "municipalities",
            "employers",
            "professionals",
            "everyone",
        ] {
            let r = app
                .get(
                    &format!("/api/v1/knowledge-links?audience={audience}"),
                    None,
                )
                .await
                .expect(200);
            assert!(!r.items().is_empty(), "links for {audience}");
        }
        let r = app
            .get("/api/v1/knowledge-links?network=none&language=en", None)
            .await
            .expect(200);
        assert!(
            !r.items().is_empty(),
            "English links on the platform-wide start page"
        );

        // Stakeholders: listed ones by talent; unlisted ones stay hidden.
        let r = app
            .get("/api/v1/stakeholders?talent=schrijven", None)
            .await
            .expect(200);
        assert!(!r.items().is_empty());
        let all = app
            .collect_all("/api/v1/stakeholders?pageSize=100", None)
            .await;
        assert!(
            all.iter()
                .all(|s| s.get("listed").is_none() && s.get("visibility").is_none()),
            "a person's choices are never public"
        );
        assert!(!names(&all).contains(&"Daan Proefmans".to_string()));
    }
);

both!(demo_accounts_sign_in, |app: common::TestApp| async move {
    demo::load(&mut app.db.conn()).expect("load");
    let (coordinator, user) = login(&app, COORDINATOR).await;
    assert_eq!(user["isAdmin"], false);
    assert!(
        user["stakeholderId"].is_i64(),
        "the account owns a person stakeholder"
    );
    let (member, _) = login(&app, MEMBER).await;
    let (_, admin) = login(&app, ADMIN).await;
    assert_eq!(admin["isAdmin"], true);

    // The member of the members-only network sees it; the coordinator of
    // other networks does not.
    let seen = names(
        &app.collect_all("/api/v1/networks?pageSize=100", Some(&member))
            .await,
    );
    assert!(seen.iter().any(|n| n == MEMBERS_ONLY), "{seen:?}");
    let seen = names(
        &app.collect_all("/api/v1/networks?pageSize=100", Some(&coordinator))
            .await,
    );
    assert!(!seen.iter().any(|n| n == MEMBERS_ONLY), "{seen:?}");

    // The coordinator may run the national network.
    let id = app
        .get("/api/v1/networks?q=inclusieve%20gemeenten", None)
        .await
        .items()[0]["id"]
        .as_i64()
        .unwrap();
    let r = app
        .get(&format!("/api/v1/networks/{id}"), Some(&coordinator))
        .await
        .expect(200);
    assert_eq!(r.body["name"], "Netwerk Inclusieve Gemeenten");
    assert_eq!(r.body["myRole"], "coordinator");
});
