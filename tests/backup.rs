//! SQLite backup (online) and restore give back identical data; a restore
//! never loses the database it replaces, and refuses what is not a themanet
//! backup and a database in use; PostgreSQL points to its own tools.

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
    themanet::migrate(&mut conn).unwrap();
    assert!(themanet::demo::load(&mut conn).unwrap());
    let before = snapshot(&mut conn);
    assert!(before.len() > 100, "the demo data is there");

    let file = std::env::temp_dir().join(format!("themanet-backup-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&file);
    themanet::operations::backup::backup(&mut conn, &file).unwrap();
    assert!(
        themanet::operations::backup::backup(&mut conn, &file)
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

    // ...until the backup is restored. The replaced database is kept.
    let changed = {
        let mut conn = test_db.conn();
        snapshot(&mut conn)
    };
    let kept = themanet::operations::backup::restore(&test_db.url, &file)
        .unwrap()
        .expect("the replaced database is kept");
    let mut conn = test_db.conn();
    assert_eq!(snapshot(&mut conn), before);
    let mut old = db::establish(&format!("sqlite://{}", kept.display())).unwrap();
    assert_eq!(
        snapshot(&mut old),
        changed,
        "the kept file is the replaced database"
    );
    drop(old);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", kept.display()));
    }
    let _ = std::fs::remove_file(&file);

    // A damaged backup is refused and changes nothing.
    let broken = std::env::temp_dir().join(format!("themanet-broken-{}.db", std::process::id()));
    std::fs::write(&broken, b"dit is geen database").unwrap();
    assert!(themanet::operations::backup::restore(&test_db.url, &broken).is_err());
    assert_eq!(snapshot(&mut conn), before);
    let _ = std::fs::remove_file(&broken);
}

/// A database with the demo data; its URL's file and its rows.
fn live_database() -> (common::TestDb, Vec<String>) {
    let test_db = common::TestDb::new(Backend::Sqlite);
    let mut conn = test_db.conn();
    themanet::migrate(&mut conn).unwrap();
    assert!(themanet::demo::load(&mut conn).unwrap());
    let rows = snapshot(&mut conn);
    (test_db, rows)
}

fn temporary(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!(
        "themanet-{name}-{}-{:x}.db",
        std::process::id(),
        rand::random::<u64>()
    ))
}

fn rows_of(test_db: &common::TestDb) -> Vec<String> {
    snapshot(&mut test_db.conn())
}

#[test]
fn restoring_a_missing_file_changes_nothing() {
    let (test_db, before) = live_database();
    let error =
        themanet::operations::backup::restore(&test_db.url, &temporary("typo")).unwrap_err();
    assert!(error.contains("does not exist"), "{error}");
    assert_eq!(rows_of(&test_db), before, "the live database is untouched");
}

#[test]
fn only_a_themanet_database_of_a_known_schema_is_restored() {
    let (test_db, before) = live_database();
    // An SQLite database, but not themanet's.
    let other = temporary("other");
    let mut conn = db::establish(&format!("sqlite://{}", other.display())).unwrap();
    diesel::sql_query("CREATE TABLE boodschappen (wat TEXT)")
        .execute(&mut conn)
        .unwrap();
    drop(conn);
    let error = themanet::operations::backup::restore(&test_db.url, &other).unwrap_err();
    assert!(error.contains("not a themanet database"), "{error}");
    // A themanet database that a newer version migrated.
    let newer = temporary("newer");
    let mut conn = db::establish(&format!("sqlite://{}", newer.display())).unwrap();
    themanet::migrate(&mut conn).unwrap();
    diesel::sql_query("INSERT INTO __diesel_schema_migrations (version) VALUES ('20991231000099')")
        .execute(&mut conn)
        .unwrap();
    drop(conn);
    let error = themanet::operations::backup::restore(&test_db.url, &newer).unwrap_err();
    assert!(
        error.contains("20991231000099") && error.contains(themanet::db::version::program_schema()),
        "{error}"
    );
    assert_eq!(rows_of(&test_db), before);
    for file in [other, newer] {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
    }
}

#[test]
fn restore_refuses_a_database_in_use() {
    let (test_db, before) = live_database();
    let file = temporary("in-use");
    themanet::operations::backup::backup(&mut test_db.conn(), &file).unwrap();
    // What a server and every command hold while they run.
    let held = themanet::operations::backup::DatabaseLock::shared(&test_db.url).unwrap();
    let error = themanet::operations::backup::restore(&test_db.url, &file).unwrap_err();
    assert!(error.contains("stop the server"), "{error}");
    assert_eq!(rows_of(&test_db), before);
    drop(held);
    assert!(themanet::operations::backup::restore(&test_db.url, &file).is_ok());
    let _ = std::fs::remove_file(&file);
}

#[test]
fn backups_are_private_and_never_overwrite() {
    use std::os::unix::fs::PermissionsExt;
    let (test_db, _) = live_database();
    let file = temporary("private");
    themanet::operations::backup::backup(&mut test_db.conn(), &file).unwrap();
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    std::fs::write(&file, b"iets anders").unwrap();
    assert!(
        themanet::operations::backup::backup(&mut test_db.conn(), &file)
            .unwrap_err()
            .contains("exists")
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"iets anders");
    let _ = std::fs::remove_file(&file);
}

#[test]
fn postgres_uses_its_own_tools() {
    let test_db = common::TestDb::new(Backend::Postgres);
    let mut conn = test_db.conn();
    let file = std::env::temp_dir().join("themanet-never-written.db");
    assert!(themanet::operations::backup::backup(&mut conn, &file)
        .unwrap_err()
        .contains("pg_dump"));
    assert!(themanet::operations::backup::restore(&test_db.url, &file)
        .unwrap_err()
        .contains("pg_restore"));
    assert!(!file.exists());
}
