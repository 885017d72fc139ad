//! The real binary: graceful shutdown on SIGTERM with a request in flight,
//! and readiness following the database going away and coming back.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

/// A server process, stopped when the test ends, also when it fails.
struct Server(Child);

impl std::ops::Deref for Server {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.0
    }
}

impl std::ops::DerefMut for Server {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.0
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `themanet serve` on a free port; returns the server and its address.
fn start(database_url: &str) -> (Server, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_themanet"))
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("BIND_ADDRESS", "127.0.0.1:0")
        .env("DEMO_DATA", "off")
        .env("RUST_LOG", "info")
        .env("WEB_DIR", "web")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start themanet");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    let address = loop {
        assert!(Instant::now() < deadline, "the server did not start");
        let line = lines.next().expect("server output").expect("a line");
        if let Some(rest) = line.split("listens on http://").nth(1) {
            break rest.trim().to_string();
        }
    };
    // Keep reading its log so the pipe never fills.
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if std::env::var("SHOW_SERVER_LOG").is_ok() {
                eprintln!("server: {line}");
            }
        }
    });
    (Server(child), address)
}

/// A raw HTTP/1.1 GET; returns the status code.
fn get(address: &str, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response.split_whitespace().nth(1)?.parse().ok()
}

fn wait_for(address: &str, path: &str, status: u16) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let last = get(address, path);
        if last == Some(status) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{path} never answered {status}; last {last:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn sigterm_lets_the_request_in_flight_finish_and_exits_cleanly() {
    let db = common::TestDb::new(themanet::db::Backend::Sqlite);
    let (mut child, address) = start(&db.url);
    wait_for(&address, "/health/ready", 200);

    // A client that has sent half its request when the signal comes.
    let body = r#"{"email": "niemand@example.org", "password": "een wachtwoord"}"#;
    let mut stream = TcpStream::connect(&address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
        body.len(),
        &body[..10]
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    std::thread::sleep(Duration::from_millis(500));

    // New connections are refused while it drains...
    assert!(
        get(&address, "/health/live").is_none(),
        "still accepting new connections"
    );
    // ...and the request in flight still gets its answer.
    stream.write_all(&body.as_bytes()[10..]).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 401"), "{response}");

    let deadline = Instant::now() + Duration::from_secs(30);
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(exit.success(), "exit status {exit:?}");
}

#[test]
fn readiness_follows_the_database() {
    // A database of its own, so it can be closed to connections.
    let name = format!("themanet_ready_{}", std::process::id());
    let base = common::pg_base_url();
    let mut admin = PgConnection::establish(&base).expect("PostgreSQL");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let url = match base.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => panic!("TEST_DATABASE_URL needs a database name"),
    };
    let (mut child, address) = start(&url);
    wait_for(&address, "/health/ready", 200);
    wait_for(&address, "/api/v1/networks", 200);

    // The database goes away: closed to new connections, the open ones cut.
    // Two statements, so the first is committed before connections are cut
    // (the pool reconnects at once).
    admin
        .batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
        .unwrap();
    admin
        .batch_execute(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        ))
        .unwrap();
    let started = Instant::now();
    wait_for(&address, "/health/ready", 503);
    assert_eq!(
        get(&address, "/health/live"),
        Some(200),
        "alive, just not ready"
    );
    let status = get(&address, "/api/v1/networks").unwrap();
    assert_eq!(status, 503, "an outage is a 503, never a 500");
    assert!(started.elapsed() < Duration::from_secs(10));

    // It comes back: ready again, without a restart.
    admin
        .batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
        .unwrap();
    wait_for(&address, "/health/ready", 200);
    wait_for(&address, "/api/v1/networks", 200);

    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let _ = admin.batch_execute(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    ));
    let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"));
}

#[test]
fn every_command_explains_itself() {
    for command in [
        "serve",
        "migrate",
        "create-admin",
        "demo",
        "import",
        "export",
        "backup",
        "restore",
        "purge",
        "openapi",
        "generate",
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_themanet"))
            .args([command, "--help"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.starts_with(&format!("themanet {command}")),
            "{command}: {text}"
        );
    }
}
