//! Search: Dutch-aware, ranked, and the same on both backends.

use serde_json::{json, Value};
use themanet::db::Backend;

use crate::common::TestApp;

const NETWORKS: &[(&str, &str, &str)] = &[
    (
        "Netwerk Inclusieve Gemeenten",
        "Inclusieve gemeenten",
        "Gemeenten leren van elkaar hoe zij het VN-verdrag uitvoeren.",
    ),
    (
        "Toegankelijke musea Utrecht",
        "Musea voor iedereen",
        "Een museum bezoeken met een rolstoel of met een blindengeleidehond.",
    ),
    (
        "Vrije tijd in Gent",
        "Vrijetijdsparticipatie",
        "Sport, cultuur en jeugdwerk voor iedereen in Gent.",
    ),
    (
        "Café zonder drempels",
        "Toegankelijke horeca",
        "Een café waar iedereen welkom is, ook met een beperking.",
    ),
    (
        "Inclusief onderwijs Drenthe",
        "Onderwijs",
        "Elke school in Drenthe inclusief: passend onderwijs voor alle kinderen.",
    ),
    (
        "Themanetwerk werk en inkomen",
        "Werk",
        "Werkgevers en ervaringsdeskundigen zoeken samen naar banen.",
    ),
    (
        "Gemeente Emmen toegankelijk",
        "Toegankelijkheid",
        "De gemeente Emmen maakt gebouwen en websites toegankelijk.",
    ),
    (
        "Sportclubs voor iedereen",
        "Sport",
        "Aangepast sporten bij gewone sportclubs.",
    ),
    (
        "Openbaar vervoer zonder hindernissen",
        "Vervoer",
        "Bus en trein toegankelijk voor mensen met een beperking.",
    ),
    (
        "Festivals voor iedereen",
        "Evenementen",
        "Toegankelijke festivals en evenementen in de regio.",
    ),
    (
        "Digitale toegankelijkheid",
        "Websites",
        "Websites van gemeenten voldoen aan de toegankelijkheidseisen.",
    ),
    (
        "Wonen met ondersteuning",
        "Wonen",
        "Inclusief wonen in de wijk met de juiste zorg.",
    ),
];

const QUERIES: &[&str] = &[
    "gemeenten",
    "gemeente",
    "cafe",
    "café",
    "musea",
    "museum",
    "netwerk",
    "inclusieve",
    "inclusief",
    "toegankelijk",
    "toegankelijke",
    "vrije tijd",
    "participatie",
    "onderwijs drenthe",
    "sport",
    "iedereen",
    "beperking",
    "websites",
    "werkgever",
    "xyzzy",
];

async fn fixture(backend: Backend) -> (TestApp, String) {
    let app = TestApp::start(backend).await;
    let user = app.user("Zoeker").await;
    for (name, theme, description) in NETWORKS {
        app.network_with(
            &user,
            json!({"name": name, "theme": theme, "description": description, "scope": "national"}),
        )
        .await;
    }
    (app, user.token)
}

async fn names(app: &TestApp, query: &str) -> Vec<String> {
    let url = format!("/api/v1/networks?pageSize=100&q={}", url_encode(query));
    app.get(&url, None)
        .await
        .expect(200)
        .items()
        .iter()
        .map(|n: &Value| n["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn url_encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[actix_web::test]
async fn same_results_in_the_same_order_on_both_backends() {
    let (sqlite, _) = fixture(Backend::Sqlite).await;
    let (postgres, _) = fixture(Backend::Postgres).await;
    let mut compared = 0;
    for query in QUERIES {
        let a = names(&sqlite, query).await;
        let b = names(&postgres, query).await;
        assert_eq!(
            a, b,
            "query {query:?} differs between SQLite and PostgreSQL"
        );
        compared += 1;
    }
    assert_eq!(compared, QUERIES.len());
}

#[actix_web::test]
async fn dutch_words_are_understood() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let (app, _) = fixture(backend).await;
        let gemeenten = names(&app, "gemeenten").await;
        assert!(
            gemeenten.contains(&"Gemeente Emmen toegankelijk".to_string()),
            "{backend:?}: plural finds singular"
        );
        assert_eq!(
            names(&app, "cafe").await,
            vec!["Café zonder drempels"],
            "{backend:?}: accents ignored"
        );
        assert_eq!(names(&app, "musea").await, names(&app, "museum").await);
        let netwerk = names(&app, "netwerk").await;
        assert!(
            netwerk.contains(&"Themanetwerk werk en inkomen".to_string()),
            "{backend:?}: compounds"
        );
        assert!(names(&app, "participatie")
            .await
            .contains(&"Vrije tijd in Gent".to_string()));
        assert!(names(&app, "xyzzy").await.is_empty());
        // A name match ranks above a description match.
        assert_eq!(
            names(&app, "sport").await.first().map(String::as_str),
            Some("Sportclubs voor iedereen")
        );
        // Paging through ranked results gives each once.
        let all = app
            .collect_all("/api/v1/networks?pageSize=2&q=iedereen", None)
            .await;
        let mut ids: Vec<i64> = all.iter().map(|n| n["id"].as_i64().unwrap()).collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count);
        assert_eq!(count, names(&app, "iedereen").await.len());
    }
}

#[actix_web::test]
async fn search_covers_links_and_stakeholders() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let app = TestApp::start(backend).await;
        let admin = app.admin().await;
        app.post("/api/v1/knowledge-links", Some(&admin.token), json!({"url": "https://www.example.org/a", "title": "Handreiking voor gemeenten", "summary": "Hoe je het VN-verdrag lokaal uitvoert"}))
            .await
            .expect(201);
        app.post("/api/v1/stakeholders", Some(&admin.token), json!({"kind": "company", "name": "Café De Hoek", "listed": true, "talents": ["koken"]}))
            .await
            .expect(201);
        app.post(
            "/api/v1/stakeholders",
            Some(&admin.token),
            json!({"kind": "company", "name": "Café Verborgen", "listed": false}),
        )
        .await
        .expect(201);
        let r = app
            .get("/api/v1/knowledge-links?q=gemeente", None)
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        let r = app
            .get("/api/v1/stakeholders?q=cafe", None)
            .await
            .expect(200);
        let names: Vec<&str> = r.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            vec!["Café De Hoek"],
            "{backend:?}: unlisted stakeholders are not found by outsiders"
        );
    }
}

/// On PostgreSQL the ranking statement runs with planner settings of its
/// own (`SET LOCAL`). A read has no transaction (`db::read`), so the search
/// opens one; inside a caller's transaction it resets them. Either way the
/// connection goes back to the pool as it came: no open transaction, the
/// server's settings.
#[actix_web::test]
async fn a_search_leaves_its_connection_as_it_found_it() {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    use diesel::prelude::*;
    use themanet::db::DbConn;

    #[derive(QueryableByName)]
    struct Setting {
        #[diesel(sql_type = diesel::sql_types::Text)]
        value: String,
    }
    /// The planner settings the ranking statement changes for itself.
    fn settings(conn: &mut DbConn) -> Vec<String> {
        let DbConn::Pg(c) = conn else {
            unreachable!("a PostgreSQL connection")
        };
        [
            "enable_hashjoin",
            "enable_material",
            "enable_sort",
            "plan_cache_mode",
        ]
        .iter()
        .map(|name| {
            diesel::sql_query("SELECT current_setting($1) AS value")
                .bind::<diesel::sql_types::Text, _>(*name)
                .get_result::<Setting>(c)
                .expect("current_setting")
                .value
        })
        .collect()
    }
    fn depth(conn: &mut DbConn) -> Option<std::num::NonZeroU32> {
        let DbConn::Pg(c) = conn else {
            unreachable!("a PostgreSQL connection")
        };
        AnsiTransactionManager::transaction_manager_status_mut(c)
            .transaction_depth()
            .expect("a valid transaction state")
    }

    let (app, _) = fixture(Backend::Postgres).await;
    // A connection of the API's pool, with the pool's own settings.
    let pool = themanet::db::pool(&app.db.url, 1);
    let mut pooled = pool.get().expect("a pooled connection");
    let conn: &mut DbConn = &mut pooled;
    let server = settings(conn);
    assert_eq!(server, ["on", "on", "on", "force_generic_plan"]);
    let stats = themanet::search::Stats::default();
    let found = themanet::search::search(conn, &stats, "network", "gemeenten").expect("search");
    assert!(!found.is_empty(), "the search finds the network");
    assert_eq!(depth(conn), None, "no transaction left open");
    assert_eq!(settings(conn), server, "the settings ended with it");

    let inside = themanet::db::write_tx(conn, |c| {
        let stats = themanet::search::Stats::default();
        let found = themanet::search::search(c, &stats, "network", "musea")?;
        Ok((found.len(), settings(c)))
    })
    .expect("search in a transaction");
    assert!(inside.0 > 0, "the search finds the museum network");
    assert_eq!(inside.1, server, "reset inside the caller's transaction");
    assert_eq!(depth(conn), None);
}
