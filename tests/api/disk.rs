//! SQLite on a disk that is full or read-only: writes get a clear 503 with
//! `Retry-After`, reads go on, nothing is half-written, the file stays sound,
//! and writes work again once there is room.
//!
//! The faults are made inside SQLite, on every pooled connection, so the test
//! runs anywhere (no tiny file system to mount): `max_page_count` makes the
//! database as full as a full disk would (`SQLITE_FULL`), `query_only` makes
//! every write fail as on a read-only file (`SQLITE_READONLY`).

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use serde_json::json;

use crate::common;

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Check {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

/// Runs `sql` on every connection of the app's pool.
fn on_every_connection(app: &common::TestApp, sql: &str) {
    let pool = &app.state.pool;
    let conns: Vec<_> = (0..pool.max_size())
        .map(|_| pool.get().expect("a pooled connection"))
        .collect();
    for mut conn in conns {
        conn.batch_execute(sql).expect(sql);
    }
}

fn networks_in_database(app: &common::TestApp) -> i64 {
    let mut conn = app.db.conn();
    diesel::sql_query("SELECT COUNT(*) AS n FROM networks")
        .get_result::<Count>(&mut conn)
        .unwrap()
        .n
}

fn assert_unavailable(r: &common::Resp) {
    assert_eq!(r.status.as_u16(), 503, "{}", r.text);
    assert_eq!(
        r.header("content-type").as_deref(),
        Some("application/problem+json")
    );
    assert!(r.header("retry-after").is_some(), "503 says when to retry");
    let body = r.text.to_lowercase();
    for internal in ["sqlite", "disk", "readonly", "diesel", "sql"] {
        assert!(!body.contains(internal), "the body tells internals: {body}");
    }
}

async fn faulty_disk(fault: &str, undo: &str) {
    let app = common::TestApp::start(themanet::db::Backend::Sqlite).await;
    let anna = app.user("Anna").await;
    let id = app.network(&anna, "Toegankelijke bibliotheken").await;
    let before = networks_in_database(&app);
    let page_count = {
        let mut conn = app.db.conn();
        // No free pages inside the file either (a migration that rebuilds
        // a table leaves some): a new row must need a new page, as on a
        // full disk.
        conn.batch_execute("VACUUM").expect("VACUUM");
        diesel::sql_query("SELECT page_count AS n FROM pragma_page_count()")
            .get_result::<Count>(&mut conn)
            .unwrap()
            .n
    };
    on_every_connection(&app, &fault.replace("{pages}", &page_count.to_string()));

    // A write that needs room: 503, and nothing of it lands.
    let big = "Een lange beschrijving van het netwerk. ".repeat(100);
    for n in 0..3 {
        let r = app
            .post(
                "/api/v1/networks",
                Some(&anna.token),
                json!({"name": format!("Nieuw netwerk {n}"), "theme": "Toegankelijk sporten",
                       "scope": "national", "description": big}),
            )
            .await;
        assert_unavailable(&r);
    }
    // Reads go on.
    let r = app
        .get(&format!("/api/v1/networks/{id}"), None)
        .await
        .expect(200);
    assert_eq!(r.body["name"], "Toegankelijke bibliotheken");
    app.get("/api/v1/networks", None).await.expect(200);
    assert_eq!(networks_in_database(&app), before, "nothing half-written");

    // Room again: the file is sound and takes writes.
    on_every_connection(&app, undo);
    let mut conn = app.db.conn();
    let check = diesel::sql_query("PRAGMA integrity_check")
        .get_result::<Check>(&mut conn)
        .unwrap();
    assert_eq!(check.integrity_check, "ok");
    app.post(
        "/api/v1/networks",
        Some(&anna.token),
        json!({"name": "Nieuw netwerk", "theme": "Toegankelijk sporten",
               "scope": "national", "description": big}),
    )
    .await
    .expect(201);
    assert_eq!(networks_in_database(&app), before + 1);
}

#[actix_web::test]
async fn a_full_disk_is_a_503_and_loses_nothing() {
    faulty_disk(
        "PRAGMA max_page_count = {pages}",
        "PRAGMA max_page_count = 1073741823",
    )
    .await;
}

#[actix_web::test]
async fn a_read_only_database_is_a_503_and_loses_nothing() {
    faulty_disk("PRAGMA query_only = ON", "PRAGMA query_only = OFF").await;
}
