//! Faults in the real binary: `kill -9` in the middle of a multi-row write
//! (a CSV import, one transaction) leaves all of it or none of it, on both
//! backends, and a database that opens, passes SQLite's integrity check and
//! takes the next write. A deadlock between two writers on PostgreSQL is a
//! 503 to retry, not a 500.

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use diesel::dsl::count_star;
use diesel::prelude::*;
use themanet::db::schema::stakeholders;
use themanet::db::{Backend, DbConn};

const ROWS: usize = 20_000;
const ADMIN: &str = "beheer@example.org";

fn themanet(url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_themanet"));
    command
        .env("DATABASE_URL", url)
        .env("DEMO_DATA", "off")
        .env("RUST_LOG", "warn")
        .env("ADMIN_PASSWORD", "een lange zin voor beheer");
    command
}

/// `themanet import stakeholders FILE --as ADMIN`, run to its end.
fn import(url: &str, file: &std::path::Path) -> std::process::Output {
    themanet(url)
        .args(["import", "stakeholders"])
        .arg(file)
        .args(["--as", ADMIN])
        .output()
        .unwrap()
}

fn stakeholder_count(conn: &mut DbConn) -> i64 {
    stakeholders::table
        .select(count_star())
        .first(conn)
        .expect("count stakeholders")
}

/// A CSV of `rows` stakeholders, large enough for the import to show its
/// progress (how far into the transaction it is) on standard error, which
/// `--progress` asks for also when that is not a terminal.
fn big_csv(dir: &std::path::Path, rows: usize, tag: &str) -> std::path::PathBuf {
    let path = dir.join(format!("stakeholders-{tag}.csv"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(out, "kind,name,organisation,expertise").unwrap();
    for i in 0..rows {
        writeln!(
            out,
            "professional,Persoon {tag} {i},Organisatie {i},Weet veel over toegankelijke musea en inclusief werkgeverschap"
        )
        .unwrap();
    }
    out.flush().unwrap();
    path
}

fn kill_during_import(backend: Backend) {
    let db = common::TestDb::new(backend);
    let dir = tempfile_dir();
    let status = themanet(&db.url)
        .args(["create-admin", "--email", ADMIN, "--name", "Beheer"])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "create-admin");
    let mut conn = db.conn();
    let before = stakeholder_count(&mut conn);
    drop(conn);

    let file = big_csv(&dir, ROWS, "a");
    let mut child = themanet(&db.url)
        .args(["import", "stakeholders"])
        .arg(&file)
        .args(["--as", ADMIN, "--progress"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The progress bar ("\r[####   ]  37%") tells how many rows are in the
    // open transaction; kill it somewhere in the middle.
    let mut stderr = child.stderr.take().unwrap();
    let deadline = Instant::now() + Duration::from_secs(300);
    let mut seen = String::new();
    let mut buf = [0u8; 256];
    let percent = loop {
        assert!(Instant::now() < deadline, "no progress: {seen}");
        let n = stderr.read(&mut buf).unwrap();
        assert!(n > 0, "the import ended before it could be killed: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        let last = seen
            .rsplit('\r')
            .next()
            .and_then(|p| p.trim().strip_suffix('%'))
            .and_then(|p| p.rsplit(' ').next())
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(p) = last.filter(|p| *p >= 30) {
            break p;
        }
    };
    child.kill().unwrap(); // SIGKILL
    let exit = child.wait().unwrap();
    assert!(!exit.success(), "killed at {percent}%");

    // All or nothing: nothing, since it was killed before the commit.
    let mut conn = db.conn();
    let after = stakeholder_count(&mut conn);
    assert!(
        after == before || after == before + ROWS as i64,
        "a partial import survived: {before} before, {after} after ({percent}% read)"
    );
    assert_eq!(after, before, "killed at {percent}%, before the commit");
    if let DbConn::Sqlite(c) = &mut conn {
        #[derive(QueryableByName)]
        struct Check {
            #[diesel(sql_type = diesel::sql_types::Text)]
            integrity_check: String,
        }
        let rows: Vec<Check> = diesel::sql_query("PRAGMA integrity_check").load(c).unwrap();
        let report: Vec<&str> = rows.iter().map(|r| r.integrity_check.as_str()).collect();
        assert_eq!(report, ["ok"]);
    }
    drop(conn);

    // No lock or half transaction is left: the next import lands whole.
    let small = dir.join("small.csv");
    std::fs::write(
        &small,
        "kind,name\nprofessional,Na de crash\ncompany,Drukkerij na de crash\n",
    )
    .unwrap();
    let out = import(&db.url, &small);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut conn = db.conn();
    assert_eq!(stakeholder_count(&mut conn), before + 2);

    // Without a terminal and without --progress, no progress bar.
    let quiet = big_csv(&dir, 2_000, "b");
    let out = import(&db.url, &quiet);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains('%') && !err.contains('\r'), "{err}");
    assert_eq!(stakeholder_count(&mut conn), before + 2 + 2_000);
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "themanet-faults-{}-{:x}",
        std::process::id(),
        rand::random::<u64>()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

mod kill_9_during_a_csv_import_leaves_all_or_nothing {
    use super::*;

    #[test]
    fn sqlite() {
        kill_during_import(Backend::Sqlite);
    }

    #[test]
    fn postgres() {
        kill_during_import(Backend::Postgres);
    }
}

/// Two transactions that each lock a row and then wait for the other's:
/// PostgreSQL ends one of them (it can happen between a writer that holds
/// the search index's lock and one that waits for it, see
/// docs/operations.md). That one was rolled back whole; its client is told
/// to try again.
#[test]
fn a_deadlock_on_postgres_is_a_503_to_retry() {
    use std::sync::{Arc, Barrier};
    use themanet::web::error::ApiError;
    let db = common::TestDb::new(Backend::Postgres);
    let mut setup = db.conn();
    diesel::sql_query("CREATE TABLE pair (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
        .execute(&mut setup)
        .unwrap();
    diesel::sql_query("INSERT INTO pair VALUES (1, 0), (2, 0)")
        .execute(&mut setup)
        .unwrap();
    let both_hold_one = Arc::new(Barrier::new(2));
    let writers: Vec<_> = [(1, 2), (2, 1)]
        .into_iter()
        .map(|(first, second)| {
            let mut conn = db.conn();
            let barrier = both_hold_one.clone();
            std::thread::spawn(move || {
                conn.transaction(|c| {
                    let bump = "UPDATE pair SET n = n + 1 WHERE id = $1";
                    diesel::sql_query(bump)
                        .bind::<diesel::sql_types::Integer, _>(first)
                        .execute(c)?;
                    barrier.wait();
                    diesel::sql_query(bump)
                        .bind::<diesel::sql_types::Integer, _>(second)
                        .execute(c)
                })
                .map_err(ApiError::from)
            })
        })
        .collect();
    let results: Vec<Result<usize, ApiError>> =
        writers.into_iter().map(|w| w.join().unwrap()).collect();
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    let ended = results.into_iter().find_map(Result::err).unwrap();
    assert!(matches!(ended, ApiError::Unavailable(_)), "{ended:?}");
}
