//! CSV import (all or nothing, every bad row reported) and export, on both
//! backends.

mod common;

use themanet::db::{self, Backend, DbConn};
use themanet::transfer::{self, Kind, Outcome};

fn setup(backend: Backend) -> (common::TestDb, DbConn, themanet::permissions::Viewer) {
    let test_db = common::TestDb::new(backend);
    let mut conn = test_db.conn();
    db::migrate(&mut conn).unwrap();
    themanet::routes::auth::make_admin(
        &mut conn,
        "beheer@example.org",
        "Beheer",
        "een lange zin voor beheer",
    )
    .unwrap();
    let viewer = transfer::viewer_for(&mut conn, "beheer@example.org").unwrap();
    (test_db, conn, viewer)
}

fn export(conn: &mut DbConn, kind: Kind) -> String {
    let mut out = Vec::new();
    transfer::export(conn, kind, false, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

const NETWORKS: &str = "name,theme,scope,municipalityCode,region,topics,parentSlug
Netwerk Inclusieve Gemeenten,Inclusieve gemeenten,national,,,local_policy;un_convention,
Inclusief Drenthe,Drenthe,regional,,Drenthe,participation,netwerk-inclusieve-gemeenten
\"Emmen, toegankelijk\",Emmen,local,GM0114,,accessibility,inclusief-drenthe
";

fn good_file_imports_every_row(backend: Backend) {
    let (_db, mut conn, viewer) = setup(backend);
    let outcome = transfer::import(
        &mut conn,
        &viewer,
        Kind::Networks,
        NETWORKS.as_bytes(),
        |_| {},
    )
    .unwrap();
    assert!(matches!(outcome, Outcome::Imported(3)), "{outcome:?}");
    let csv = export(&mut conn, Kind::Networks);
    assert!(csv.contains("\"Emmen, toegankelijk\""));
    assert!(csv.contains("inclusief-drenthe"), "parents by slug: {csv}");
    assert!(
        csv.contains(",local_policy;un_convention,"),
        "each network's topics: {csv}"
    );

    // Round trip: what export writes, import reads, and exports the same.
    let (_db2, mut conn2, viewer2) = setup(backend);
    let outcome =
        transfer::import(&mut conn2, &viewer2, Kind::Networks, csv.as_bytes(), |_| {}).unwrap();
    assert!(matches!(outcome, Outcome::Imported(3)), "{outcome:?}");
    assert_eq!(export(&mut conn2, Kind::Networks), csv);
}

fn bad_rows_are_all_reported_and_nothing_is_written(backend: Backend) {
    let (_db, mut conn, viewer) = setup(backend);
    let file = "kind,name,email,shareContact,languages
company,Bakkerij De Korrel,,,nl
alien,Onbekend soort,,,
company,,,,
company,Drukkerij,post@example.org,nee,nl;xx
company,Goed bedrijf,info@example.org,ja,en
";
    let outcome = transfer::import(
        &mut conn,
        &viewer,
        Kind::Stakeholders,
        file.as_bytes(),
        |_| {},
    )
    .unwrap();
    let Outcome::Refused(rows) = outcome else {
        panic!("should be refused")
    };
    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![3, 4, 5]);
    assert!(rows[0].reason.contains("kind"), "{rows:?}");
    assert!(rows[1].reason.contains("name is required"), "{rows:?}");
    assert!(
        rows[2].reason.contains("email") && rows[2].reason.contains("languages"),
        "{rows:?}"
    );
    let csv = export(&mut conn, Kind::Stakeholders);
    assert_eq!(
        csv.lines().count(),
        2,
        "only the admin's own profile, nothing imported: {csv}"
    );
    assert!(transfer::import(
        &mut conn,
        &viewer,
        Kind::Stakeholders,
        "naam,soort\nx,y\n".as_bytes(),
        |_| {}
    )
    .unwrap_err()
    .contains("unknown columns"));
}

fn a_huge_file_with_one_bad_row_writes_nothing(backend: Backend) {
    let (_db, mut conn, viewer) = setup(backend);
    let mut file = String::from("url,title,audiences,topics\n");
    for i in 0..3000 {
        file.push_str(&format!(
            "https://www.example.org/pagina-{i},Pagina {i},everyone;municipalities,accessibility\n"
        ));
    }
    file.push_str("javascript:alert(1),Kwaad,everyone,\n");
    let mut calls = 0;
    let outcome = transfer::import(
        &mut conn,
        &viewer,
        Kind::KnowledgeLinks,
        file.as_bytes(),
        |_| calls += 1,
    )
    .unwrap();
    let Outcome::Refused(rows) = outcome else {
        panic!("should be refused")
    };
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].line, 3002);
    assert!(calls >= 3000, "progress is reported");
    assert_eq!(
        export(&mut conn, Kind::KnowledgeLinks).lines().count(),
        1,
        "nothing written"
    );
    file.truncate(file.rfind("javascript").unwrap());
    let outcome = transfer::import(
        &mut conn,
        &viewer,
        Kind::KnowledgeLinks,
        file.as_bytes(),
        |_| {},
    )
    .unwrap();
    assert!(matches!(outcome, Outcome::Imported(3000)), "{outcome:?}");
    let mut json = Vec::new();
    assert_eq!(
        transfer::export(&mut conn, Kind::KnowledgeLinks, true, &mut json).unwrap(),
        3000
    );
    let parsed: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(
        parsed[0]["audiences"],
        serde_json::json!(["everyone", "municipalities"])
    );
}

macro_rules! on_both {
    ($name:ident) => {
        mod $name {
            #[test]
            fn sqlite() {
                super::$name(themanet::db::Backend::Sqlite);
            }
            #[test]
            fn postgres() {
                super::$name(themanet::db::Backend::Postgres);
            }
        }
    };
}

on_both!(good_file_imports_every_row);
on_both!(bad_rows_are_all_reported_and_nothing_is_written);
on_both!(a_huge_file_with_one_bad_row_writes_nothing);
