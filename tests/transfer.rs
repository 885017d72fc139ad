//! CSV import (all or nothing, every bad row reported) and export, on both
//! backends.

mod common;

use themanet::db::{Backend, DbConn};
use themanet::operations::transfer::{self, Encoding, Kind, Outcome};
use themanet::permissions::Viewer;

/// Imports `file` (found-out encoding); the outcome.
fn import(conn: &mut DbConn, viewer: &Viewer, kind: Kind, file: &[u8]) -> Outcome {
    transfer::import(conn, viewer, kind, file, Encoding::Detect, |_, _| {}).unwrap()
}

/// The rows written by an import that must succeed.
fn imported(outcome: Outcome) -> transfer::Report {
    match outcome {
        Outcome::Imported(report) => report,
        Outcome::Refused(rows) => panic!("refused: {rows:?}"),
    }
}

fn setup(backend: Backend) -> (common::TestDb, DbConn, themanet::permissions::Viewer) {
    let test_db = common::TestDb::new(backend);
    let mut conn = test_db.conn();
    themanet::migrate(&mut conn).unwrap();
    themanet::queries::accounts::make_admin(
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
    let outcome = import(&mut conn, &viewer, Kind::Networks, NETWORKS.as_bytes());
    assert_eq!(imported(outcome).written, 3);
    let csv = export(&mut conn, Kind::Networks);
    assert!(csv.contains("\"Emmen, toegankelijk\""));
    assert!(csv.contains("inclusief-drenthe"), "parents by slug: {csv}");
    assert!(
        csv.contains(",local_policy;un_convention,"),
        "each network's topics: {csv}"
    );

    // Round trip: what export writes, import reads, and exports the same.
    let (_db2, mut conn2, viewer2) = setup(backend);
    let outcome = import(&mut conn2, &viewer2, Kind::Networks, csv.as_bytes());
    assert_eq!(imported(outcome).written, 3);
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
    let outcome = import(&mut conn, &viewer, Kind::Stakeholders, file.as_bytes());
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
        Encoding::Detect,
        |_, _| {}
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
    let mut last = (0, 0);
    let outcome = transfer::import(
        &mut conn,
        &viewer,
        Kind::KnowledgeLinks,
        file.as_bytes(),
        Encoding::Detect,
        |done, total| {
            calls += 1;
            last = (done, total);
        },
    )
    .unwrap();
    let Outcome::Refused(rows) = outcome else {
        panic!("should be refused")
    };
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].line, 3002);
    assert!(calls >= 3000, "progress is reported");
    assert_eq!(
        last,
        (file.len() as u64, file.len() as u64),
        "and ends at 100 %"
    );
    assert_eq!(
        export(&mut conn, Kind::KnowledgeLinks).lines().count(),
        1,
        "nothing written"
    );
    file.truncate(file.rfind("javascript").unwrap());
    let outcome = import(&mut conn, &viewer, Kind::KnowledgeLinks, file.as_bytes());
    assert_eq!(imported(outcome).written, 3000);
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

/// A file as Excel in a Dutch setting saves it: `;` between columns,
/// Windows-1252, CRLF line ends; a list cell quoted because it holds `;`.
fn dutch_excel_file_imports(backend: Backend) {
    let (_db, mut conn, viewer) = setup(backend);
    let text = "kind;name;organisation;talents\r\ncompany;Café De Brûg;Stichting Œuvre;\"schrijven;ontwerp\"\r\nprofessional;Ëlla Müller;;\r\n";
    // Windows-1252: one byte per character; é, û, Œ, Ë, ü as that code page has them.
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| match c {
            'Œ' => 0x8c,
            c => u8::try_from(u32::from(c)).expect("Latin-1"),
        })
        .collect();
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
    let report = imported(import(&mut conn, &viewer, Kind::Stakeholders, &bytes));
    assert_eq!(report.written, 2);
    assert_eq!(report.encoding, "Windows-1252");
    assert_eq!(report.delimiter, b';');
    let csv = export(&mut conn, Kind::Stakeholders);
    assert!(
        csv.contains("company,Café De Brûg,Stichting Œuvre,,ontwerp;schrijven,"),
        "{csv}"
    );
    assert!(csv.contains("Ëlla Müller"), "{csv}");
    // The same file in UTF-8 with a byte order mark (Excel's "CSV UTF-8"),
    // and --encoding, which says what the file is.
    let (_db, mut conn, viewer) = setup(backend);
    let mut utf8 = b"\xef\xbb\xbf".to_vec();
    utf8.extend_from_slice(text.as_bytes());
    let report = imported(import(&mut conn, &viewer, Kind::Stakeholders, &utf8));
    assert_eq!((report.written, report.encoding), (2, "UTF-8"));
    let error = transfer::import(
        &mut conn,
        &viewer,
        Kind::Stakeholders,
        &bytes,
        Encoding::Utf8,
        |_, _| {},
    )
    .unwrap_err();
    assert!(
        error.contains("line 2") && error.contains("windows-1252"),
        "{error}"
    );
}

/// NUL and other control characters are refused with their line, before
/// any database sees them: the same answer on both backends.
fn control_characters_are_refused_with_their_line(backend: Backend) {
    let (_db, mut conn, viewer) = setup(backend);
    let file = "kind,name,organisation\ncompany,Goed,\ncompany,Met\0nul,\nprofessional,Bel\u{7}letje,\"Twee\tregels\nmag\"\ncompany,C1\u{85}teken,\n";
    let Outcome::Refused(rows) = import(&mut conn, &viewer, Kind::Stakeholders, file.as_bytes())
    else {
        panic!("should be refused")
    };
    let lines: Vec<(u64, &str)> = rows.iter().map(|r| (r.line, r.reason.as_str())).collect();
    assert_eq!(
        lines,
        [
            (3, "name holds the control character U+0000; remove it"),
            (4, "name holds the control character U+0007; remove it"),
            (6, "name holds the control character U+0085; remove it"),
        ]
    );
    assert_eq!(export(&mut conn, Kind::Stakeholders).lines().count(), 2);
}

/// Importing the same stakeholders twice adds them once; a row that repeats
/// one in the same file too. Key: kind, name and organisation, regardless
/// of case and spaces.
fn the_same_stakeholders_twice_are_added_once(backend: Backend) {
    let (_db, mut conn, viewer) = setup(backend);
    let file = "kind,name,organisation,email,shareContact\ncompany,Bakkerij De Korrel,,info@korrel.example,ja\nprofessional,Jan Jansen,Gemeente Emmen,,\nprofessional,Jan Jansen,,,\nprofessional,  jan   JANSEN ,gemeente emmen,,\n";
    let mut run = || {
        imported(import(
            &mut conn,
            &viewer,
            Kind::Stakeholders,
            file.as_bytes(),
        ))
    };
    let first = run();
    assert_eq!(first.written, 3);
    assert_eq!(
        first.skipped.iter().map(|r| r.line).collect::<Vec<_>>(),
        [5]
    );
    let second = run();
    assert_eq!(second.written, 0);
    assert_eq!(second.skipped.len(), 4);
    // The admin's own profile and three imported ones.
    assert_eq!(export(&mut conn, Kind::Stakeholders).lines().count(), 1 + 4);
}

/// An export of stakeholders imported again adds nobody: the profiles of
/// people with accounts are marked, and every other one matches its key.
/// Imported elsewhere, the marked ones are left out too.
fn exported_profiles_do_not_come_back_as_extra_profiles(backend: Backend) {
    let (_db, mut conn, viewer) = setup(backend);
    themanet::queries::accounts::make_admin(
        &mut conn,
        "tweede@example.org",
        "Tweede",
        "nog een lange zin",
    )
    .unwrap();
    let file = "kind,name\ncompany,Drukkerij\n";
    imported(import(
        &mut conn,
        &viewer,
        Kind::Stakeholders,
        file.as_bytes(),
    ));
    let csv = export(&mut conn, Kind::Stakeholders);
    assert_eq!(csv.lines().count(), 1 + 3, "{csv}");
    assert!(csv.lines().next().unwrap().ends_with(",account"), "{csv}");
    let again = imported(import(
        &mut conn,
        &viewer,
        Kind::Stakeholders,
        csv.as_bytes(),
    ));
    assert_eq!(again.written, 0, "{again:?}");
    assert_eq!(export(&mut conn, Kind::Stakeholders), csv);

    let (_db2, mut conn2, viewer2) = setup(backend);
    let elsewhere = imported(import(
        &mut conn2,
        &viewer2,
        Kind::Stakeholders,
        csv.as_bytes(),
    ));
    assert_eq!(elsewhere.written, 1, "only the organisation: {elsewhere:?}");
    assert_eq!(
        export(&mut conn2, Kind::Stakeholders).lines().count(),
        1 + 2
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
on_both!(dutch_excel_file_imports);
on_both!(control_characters_are_refused_with_their_line);
on_both!(the_same_stakeholders_twice_are_added_once);
on_both!(exported_profiles_do_not_come_back_as_extra_profiles);
