//! SQLite backup (online) and restore give back identical data; PostgreSQL
//! points to its own tools.

mod common;

use diesel::prelude::*;
use themanet::db::schema::*;
use themanet::db::{self, Backend, DbConn};

/// Every table's rows, as text, in a fixed order.
fn snapshot(conn: &mut DbConn) -> Vec<String> {
    let DbConn::Sqlite(c) = conn else {
        panic!("SQLite only")
    };
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        row: String,
    }
    let tables: Vec<Name> = diesel::sql_query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .load(c)
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        // quote() renders every column, whatever its type, as SQL text.
        let columns: Vec<Name> = diesel::sql_query(format!(
            "SELECT name FROM pragma_table_info('{}') ORDER BY cid",
            t.name
        ))
        .load(c)
        .unwrap();
        let expr = columns
            .iter()
            .map(|col| format!("quote(\"{}\")", col.name))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let rows: Vec<Row> = diesel::sql_query(format!(
            "SELECT {expr} AS row FROM \"{}\" ORDER BY 1",
            t.name
        ))
        .load(c)
        .unwrap();
        out.push(format!("{}: {}", t.name, rows.len()));
        out.extend(rows.into_iter().map(|r| r.row));
    }
    out
}

#[test]
fn sqlite_backup_and_restore_give_identical_data() {
    let test_db = common::TestDb::new(Backend::Sqlite);
    let mut conn = test_db.conn();
    db::migrate(&mut conn).unwrap();
    assert!(themanet::demo::load(&mut conn).unwrap());
    let before = snapshot(&mut conn);
    assert!(before.len() > 100, "the demo data is there");

    let file = std::env::temp_dir().join(format!("themanet-backup-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&file);
    themanet::backup::backup(&mut conn, &file).unwrap();
    assert!(
        themanet::backup::backup(&mut conn, &file)
            .unwrap_err()
            .contains("exists"),
        "never overwrites"
    );

    // Life goes on after the backup...
    diesel::delete(knowledge_links::table)
        .execute(&mut conn)
        .unwrap();
    diesel::update(networks::table)
        .set(networks::name.eq("Gewijzigd"))
        .execute(&mut conn)
        .unwrap();
    assert_ne!(snapshot(&mut conn), before);
    drop(conn);

    // ...until the backup is restored.
    themanet::backup::restore(&test_db.url, &file).unwrap();
    let mut conn = test_db.conn();
    assert_eq!(snapshot(&mut conn), before);
    let _ = std::fs::remove_file(&file);

    // A damaged backup is refused and changes nothing.
    let broken = std::env::temp_dir().join(format!("themanet-broken-{}.db", std::process::id()));
    std::fs::write(&broken, b"dit is geen database").unwrap();
    assert!(themanet::backup::restore(&test_db.url, &broken).is_err());
    assert_eq!(snapshot(&mut conn), before);
    let _ = std::fs::remove_file(&broken);
}

#[test]
fn postgres_uses_its_own_tools() {
    let test_db = common::TestDb::new(Backend::Postgres);
    let mut conn = test_db.conn();
    let file = std::env::temp_dir().join("themanet-never-written.db");
    assert!(themanet::backup::backup(&mut conn, &file)
        .unwrap_err()
        .contains("pg_dump"));
    assert!(themanet::backup::restore(&test_db.url, &file)
        .unwrap_err()
        .contains("pg_restore"));
    assert!(!file.exists());
}
