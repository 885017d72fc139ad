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

/// Every line a server logged so far.
#[derive(Clone, Default)]
struct Log(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

impl Log {
    fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }

    fn count(&self, text: &str) -> usize {
        self.lines().iter().filter(|l| l.contains(text)).count()
    }
}

/// Starts `themanet serve` on a free port; returns the server and its address.
fn start(database_url: &str) -> (Server, String) {
    let (server, address, _) = start_with(database_url, &[]);
    (server, address)
}

/// `themanet serve` on a free port with more settings; returns the server,
/// its address and its log.
fn start_with(database_url: &str, settings: &[(&str, &str)]) -> (Server, String, Log) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_themanet"));
    command
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("BIND_ADDRESS", "127.0.0.1:0")
        .env("DEMO_DATA", "off")
        .env("RUST_LOG", "info")
        .env("WEB_DIR", "web");
    for (name, value) in settings {
        command.env(name, value);
    }
    let mut child = command
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start themanet");
    let stderr = child.stderr.take().expect("stderr");
    let log = Log::default();
    let mut lines = BufReader::new(stderr).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    let address = loop {
        assert!(
            Instant::now() < deadline,
            "the server did not start: {:?}",
            log.lines()
        );
        let line = match lines.next() {
            Some(Ok(line)) => line,
            _ => panic!("the server stopped: {:?}", log.lines()),
        };
        log.0.lock().unwrap().push(line.clone());
        if let Some(rest) = line.split("listens on http://").nth(1) {
            break rest.trim().to_string();
        }
    };
    // Keep reading its log so the pipe never fills.
    let kept = log.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if std::env::var("SHOW_SERVER_LOG").is_ok() {
                eprintln!("server: {line}");
            }
            kept.0.lock().unwrap().push(line);
        }
    });
    (Server(child), address, log)
}

/// A raw HTTP/1.1 GET; returns the status code.
fn get(address: &str, path: &str) -> Option<u16> {
    timed_get(address, path).map(|(status, _, _)| status)
}

/// A raw HTTP/1.1 GET; returns the status code, the whole response and how
/// long it took.
fn timed_get(address: &str, path: &str) -> Option<(u16, String, Duration)> {
    let started = Instant::now();
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
    let status = response.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, response, started.elapsed()))
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

/// Clients keep asking all the time while `database(false)` takes the
/// database away and, two seconds later, `database(true)` brings it back. Every answer must be a
/// 200 or a 503 with `Retry-After` given within a second (never a 500, never
/// a wait for the pool's timeout, never a dropped connection); readiness
/// follows; the API serves again within 5 seconds, without a restart.
fn outage_under_load(address: &str, mut database: impl FnMut(bool)) {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let load: Vec<_> = (0..4)
        .map(|_| {
            let (address, stop) = (address.to_string(), stop.clone());
            std::thread::spawn(move || {
                let mut answers = Vec::new();
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    // Not a public read whose answer the server keeps for
                    // anonymous readers (`cache.rs`): every request needs
                    // the database.
                    answers.push(timed_get(&address, "/api/v1/stakeholders?pageSize=5"));
                    std::thread::sleep(Duration::from_millis(20));
                }
                answers
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));

    database(false);
    wait_for(address, "/health/ready", 503);
    assert_eq!(
        get(address, "/health/live"),
        Some(200),
        "alive, just not ready"
    );
    std::thread::sleep(Duration::from_secs(2));

    database(true);
    let back = Instant::now();
    wait_for(address, "/health/ready", 200);
    wait_for(address, "/api/v1/stakeholders", 200);
    let recovery = back.elapsed();
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let per_thread: Vec<Vec<_>> = load.into_iter().map(|t| t.join().unwrap()).collect();
    let last_statuses: Vec<Option<u16>> = per_thread
        .iter()
        .map(|a| {
            a.last()
                .and_then(|r| r.as_ref().map(|(status, _, _)| *status))
        })
        .collect();
    let answers: Vec<_> = per_thread.into_iter().flatten().collect();
    assert!(
        recovery < Duration::from_secs(5),
        "recovered after {recovery:?}"
    );

    let mut outage = 0;
    for answer in &answers {
        let (status, response, took) = answer.as_ref().expect("every request is answered");
        match status {
            200 => {}
            503 => {
                outage += 1;
                assert!(
                    response.to_ascii_lowercase().contains("\r\nretry-after: "),
                    "{response}"
                );
                assert!(*took < Duration::from_secs(1), "a 503 took {took:?}");
            }
            other => panic!("{other} during the outage: {response}"),
        }
    }
    assert!(
        outage > 0,
        "the outage was seen ({} answers)",
        answers.len()
    );
    assert!(
        last_statuses.iter().all(|s| *s == Some(200)),
        "the last answer of every client is a 200 again: {last_statuses:?}"
    );
}

/// A PostgreSQL server of the test's own (initdb in a temporary folder, on
/// a free port), so it can really be stopped and started. Stopped and
/// removed when the test ends.
struct OwnPostgres {
    bindir: String,
    dir: std::path::PathBuf,
    port: u16,
}

impl OwnPostgres {
    fn pg(&self, program: &str) -> Command {
        // PostgreSQL refuses to run as root: run it as the postgres user then.
        let path = format!("{}/{program}", self.bindir);
        if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", &path]);
            c
        } else {
            Command::new(path)
        }
    }

    fn new() -> OwnPostgres {
        // Where pg_config says, else Debian's newest server.
        let configured = Command::new("pg_config")
            .arg("--bindir")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        let mut debian: Vec<String> = std::fs::read_dir("/usr/lib/postgresql")
            .map(|dirs| {
                dirs.filter_map(Result::ok)
                    .map(|d| format!("{}/bin", d.path().display()))
                    .collect()
            })
            .unwrap_or_default();
        debian.sort_by_key(|d| {
            d.trim_start_matches("/usr/lib/postgresql/")
                .trim_end_matches("/bin")
                .parse::<u32>()
                .unwrap_or(0)
        });
        let bindir = std::iter::once(configured)
            .chain(debian.into_iter().rev())
            .find(|d| std::path::Path::new(&format!("{d}/initdb")).exists())
            .expect("the PostgreSQL server programs (initdb, pg_ctl)");
        let dir = std::env::temp_dir().join(format!("themanet-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        if is_root() {
            let status = Command::new("chown")
                .args(["postgres", dir.to_str().unwrap()])
                .status()
                .unwrap();
            assert!(status.success());
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let pg = OwnPostgres { bindir, dir, port };
        let data = pg.dir.join("data");
        let status = pg
            .pg("initdb")
            .args([
                "-D",
                data.to_str().unwrap(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
            ])
            .stdout(Stdio::null())
            .status()
            .expect("initdb");
        assert!(status.success(), "initdb failed");
        pg.start();
        pg
    }

    fn start(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.display()
        );
        let status = self
            .pg("pg_ctl")
            .args([
                "-D",
                self.dir.join("data").to_str().unwrap(),
                "-o",
                &options,
            ])
            .args(["-l", self.dir.join("log").to_str().unwrap(), "-w", "start"])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "pg_ctl start failed");
    }

    fn stop(&self, mode: &str) {
        let _ = self
            .pg("pg_ctl")
            .args([
                "-D",
                self.dir.join("data").to_str().unwrap(),
                "-m",
                mode,
                "-w",
                "stop",
            ])
            .stdout(Stdio::null())
            .status();
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        self.stop("immediate");
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn postgresql_stopped_and_started_under_load() {
    let pg = OwnPostgres::new();
    let (_child, address) = start(&pg.url());
    wait_for(&address, "/health/ready", 200);
    wait_for(&address, "/api/v1/networks", 200);
    // A real stop (every connection ends, the port closes) and a real start.
    outage_under_load(&address, |up| if up { pg.start() } else { pg.stop("fast") });
}

/// Creates database `name` (with `options`) on the test server; returns an
/// admin connection and the database's URL.
fn own_database(name: &str, options: &str) -> (PgConnection, String) {
    let base = common::pg_base_url();
    let mut admin = PgConnection::establish(&base).expect("PostgreSQL");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {name} {options}"))
        .unwrap();
    let url = match base.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => panic!("TEST_DATABASE_URL needs a database name"),
    };
    (admin, url)
}

/// Ends every session on database `name` (the database stays up).
fn cut_connections(admin: &mut PgConnection, name: &str) -> QueryResult<()> {
    admin.batch_execute(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    ))
}

/// Stops the server (SIGTERM, so it exits as in production) and removes
/// its database.
fn stop_and_drop(mut child: Server, admin: &mut PgConnection, name: &str) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let _ = cut_connections(admin, name);
    let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"));
}

#[test]
fn readiness_follows_the_database() {
    // A database of its own, so it can be closed to connections.
    let name = format!("themanet_ready_{}", std::process::id());
    let (mut admin, url) = own_database(&name, "");
    let (child, address, log) = start_with(&url, &[]);
    wait_for(&address, "/health/ready", 200);
    wait_for(&address, "/api/v1/networks", 200);

    // The database goes away: closed to new connections, the open ones cut.
    // Two statements, so the first is committed before connections are cut
    // (the pool reconnects at once). Then it comes back.
    outage_under_load(&address, |up| {
        let sql = if up {
            format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true")
        } else {
            format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        };
        admin.batch_execute(&sql).unwrap();
        if !up {
            cut_connections(&mut admin, &name).unwrap();
        }
    });

    // The log names the database's own reason once when the outage starts
    // and says once that it ended, however many requests met it.
    let lines = log.lines();
    let reason = "is not currently accepting connections";
    assert_eq!(
        log.count(reason),
        1,
        "the reason, once: {:#?}",
        lines
            .iter()
            .filter(|l| l.contains("database"))
            .collect::<Vec<_>>()
    );
    assert_eq!(log.count("the database cannot be reached"), 1, "{lines:#?}");
    assert_eq!(
        log.count("the database can be reached again"),
        1,
        "{lines:#?}"
    );
    assert_eq!(log.count("Invalid connection url"), 0, "{lines:#?}");

    stop_and_drop(child, &mut admin, &name);
}

#[test]
fn connections_cut_while_the_database_stays_up_fail_one_request_at_most() {
    // An administrator, a connection pooler or a firewall's idle timeout
    // closes the server's connections; the database itself stays up, so no
    // connection attempt fails. Each pooled connection is dead, and used one
    // after the other (the pool hands out the last returned first).
    let name = format!("themanet_cut_{}", std::process::id());
    let (mut admin, url) = own_database(&name, "");
    let (child, address) = start(&url);
    wait_for(&address, "/api/v1/stakeholders?pageSize=5", 200);
    let sessions = |admin: &mut PgConnection| -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        diesel::sql_query(format!(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = '{name}'"
        ))
        .get_result::<Count>(admin)
        .unwrap()
        .n
    };
    // Parallel requests until the pool holds several connections.
    for _ in 0..20 {
        if sessions(&mut admin) >= 4 {
            break;
        }
        let clients: Vec<_> = (0..8)
            .map(|_| {
                let address = address.clone();
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        get(&address, "/api/v1/stakeholders?pageSize=5");
                    }
                })
            })
            .collect();
        clients.into_iter().for_each(|c| c.join().unwrap());
    }
    let pooled = sessions(&mut admin);
    assert!(pooled >= 4, "the pool holds {pooled} connections");

    cut_connections(&mut admin, &name).unwrap();
    let answers: Vec<Option<u16>> = (0..10)
        .map(|_| get(&address, "/api/v1/stakeholders?pageSize=5"))
        .collect();
    let failed = answers.iter().filter(|a| **a != Some(200)).count();
    assert!(
        failed <= 1 && answers.last() == Some(&Some(200)),
        "{pooled} connections cut, one request after the other: {answers:?}"
    );

    stop_and_drop(child, &mut admin, &name);
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

#[test]
fn the_api_starts_while_the_database_is_down() {
    let name = format!("themanet_down_{}", std::process::id());
    let (mut admin, url) = own_database(&name, "ALLOW_CONNECTIONS false");
    let (child, address) = start(&url);
    let (status, response, took) = timed_get(&address, "/api/v1/networks").unwrap();
    assert_eq!(status, 503, "{response}");
    assert!(response.to_ascii_lowercase().contains("\r\nretry-after: "));
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert_eq!(get(&address, "/health/ready"), Some(503));
    assert_eq!(get(&address, "/health/live"), Some(200));
    assert_eq!(
        get(&address, "/api/v1/openapi.json"),
        Some(200),
        "the spec needs no database"
    );

    // The database comes: migrated and serving, without a restart.
    admin
        .batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
        .unwrap();
    wait_for(&address, "/health/ready", 200);
    wait_for(&address, "/api/v1/networks", 200);

    stop_and_drop(child, &mut admin, &name);
}

/// Sends a raw request head and returns the status line's code, if any.
fn raw_status(address: &str, head: &[u8]) -> Option<u16> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    // The server may answer and close before it has read everything.
    let _ = stream.write_all(head);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response)
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

#[test]
fn huge_headers_and_slow_clients_do_not_take_the_server_down() {
    let db = common::TestDb::new(themanet::db::Backend::Sqlite);
    let (_child, address) = start(&db.url);
    wait_for(&address, "/health/ready", 200);

    // A 200 KiB header, and 200 small headers: 431.
    let huge = format!(
        "GET /api/v1/networks HTTP/1.1\r\nHost: test\r\nX-Big: {}\r\n\r\n",
        "a".repeat(200 * 1024)
    );
    assert_eq!(raw_status(&address, huge.as_bytes()), Some(431));
    let many: String = (0..200).map(|i| format!("X-H{i}: {i}\r\n")).collect();
    let many = format!("GET /api/v1/networks HTTP/1.1\r\nHost: test\r\n{many}\r\n");
    assert_eq!(raw_status(&address, many.as_bytes()), Some(431));

    // 200 clients that send their headers a few bytes at a time (slowloris):
    // everyone else is still served.
    let slow: Vec<TcpStream> = (0..200)
        .map(|_| {
            let mut s = TcpStream::connect(&address).expect("connect");
            s.write_all(b"GET /api/v1/networks HTTP/1.1\r\nHost: te")
                .unwrap();
            s
        })
        .collect();
    for _ in 0..5 {
        assert_eq!(get(&address, "/api/v1/networks"), Some(200));
        std::thread::sleep(Duration::from_millis(200));
    }
    // A slow client is cut off once its time to send the head is up (408),
    // even while it keeps trickling bytes.
    let mut trickle = slow.into_iter().next().unwrap();
    trickle
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut answer = Vec::new();
    loop {
        assert!(Instant::now() < deadline, "a slow client is never cut off");
        if trickle.write_all(b"s").is_err() {
            break;
        }
        let mut buf = [0u8; 512];
        match trickle.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(_) => {}
        }
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    assert_eq!(get(&address, "/api/v1/networks"), Some(200));
}

/// Sends raw bytes on one connection and reads until it is closed.
fn raw_exchange(stream: &mut TcpStream, bytes: &[u8]) -> String {
    // The server may answer and close before it has read everything.
    let _ = stream.write_all(bytes);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

/// The status, one header and the JSON body of a raw answer.
fn parse_answer(answer: &str, header: &str) -> (Option<u16>, Option<String>, serde_json::Value) {
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((answer, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok());
    let value = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case(header)
            .then(|| value.trim().to_string())
    });
    (
        status,
        value,
        serde_json::from_str(body).unwrap_or(serde_json::Value::Null),
    )
}

#[test]
fn an_address_too_long_gets_414_as_problem_json() {
    let db = common::TestDb::new(themanet::db::Backend::Sqlite);
    let (_child, address) = start(&db.url);
    wait_for(&address, "/health/ready", 200);
    let connect = || {
        let s = TcpStream::connect(&address).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s
    };

    // 70 KiB (past the `http` crate's limit) and 200 KiB (past actix-http's
    // buffer for a head): 414 with a problem, not a bare 400 or 431.
    for size in [70 * 1024, 200 * 1024] {
        let request = format!(
            "GET /api/v1/networks?q={} HTTP/1.1\r\nHost: test\r\n\r\n",
            "a".repeat(size)
        );
        let answer = raw_exchange(&mut connect(), request.as_bytes());
        let (status, content_type, body) = parse_answer(&answer, "content-type");
        assert_eq!(status, Some(414), "{size} bytes: {answer:.300}");
        assert_eq!(content_type.as_deref(), Some("application/problem+json"));
        assert_eq!(body["status"], 414);
        assert_eq!(body["type"], "urn:themanet:problem:uri-too-long");
        assert!(body["detail"].as_str().unwrap().contains("65534"), "{body}");
        assert_eq!(
            parse_answer(&answer, "api-version").1.as_deref(),
            Some("1.0.0")
        );
    }

    // The same on a connection that was kept open after an ordinary
    // request, and after a request whose body is one long line.
    let mut stream = connect();
    let long_body = format!(
        r#"{{"email": "{}@example.org", "password": "een wachtwoord"}}"#,
        "a".repeat(60 * 1024)
    );
    let first = format!(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{long_body}",
        long_body.len()
    );
    stream.write_all(first.as_bytes()).unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("\r\n\r\n{") {
        let n = stream.read(&mut buf).expect("an answer to the login");
        assert!(n > 0, "closed after the login");
        seen.extend_from_slice(&buf[..n]);
    }
    let (status, _, _) = parse_answer(&String::from_utf8_lossy(&seen), "content-type");
    assert!(
        matches!(status, Some(400 | 401)),
        "the long body reached the app: {status:?}"
    );
    std::thread::sleep(Duration::from_millis(200));
    let second = format!(
        "GET /api/v1/networks?q={} HTTP/1.1\r\nHost: test\r\n\r\n",
        "a".repeat(70 * 1024)
    );
    let answer = raw_exchange(&mut stream, second.as_bytes());
    // What is left of the first answer's body, then the 414.
    let at = answer.find("HTTP/1.1 ").unwrap_or(0);
    let (status, _, body) = parse_answer(&answer[at..], "content-type");
    assert_eq!(status, Some(414), "{answer:.300}");
    assert_eq!(body["status"], 414);

    // An address that fits is answered as always.
    let fits = format!("/api/v1/networks?q={}", "a".repeat(60 * 1024));
    assert_eq!(
        get(&address, &fits),
        Some(400),
        "q has at most 200 characters"
    );
    assert_eq!(get(&address, "/api/v1/networks"), Some(200));
}

/// `themanet` with arguments, in `dir`, with `DATABASE_URL` and more
/// settings; returns its exit status, standard output and error.
fn run_in(
    dir: &std::path::Path,
    database_url: Option<&str>,
    args: &[&str],
    settings: &[(&str, &str)],
) -> (bool, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_themanet"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env_remove("THEMANET_ENV")
        .env_remove("DEMO_DATA")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null());
    if let Some(url) = database_url {
        command.env("DATABASE_URL", url);
    }
    for (name, value) in settings {
        command.env(name, value);
    }
    let out = command.output().expect("run themanet");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh empty folder, removed when the test ends.
struct Folder(std::path::PathBuf);

impl Folder {
    fn new(tag: &str) -> Folder {
        let dir = std::env::temp_dir().join(format!(
            "themanet-{tag}-{}-{:x}",
            std::process::id(),
            rand::random::<u64>()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Folder(dir)
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn commands_that_read_a_database_never_create_one() {
    let folder = Folder::new("wrong-folder");
    let csv = folder.0.join("netwerken.csv");
    std::fs::write(&csv, "name,theme,scope\nA,B,national\n").unwrap();
    for args in [
        &["backup", "kopie.db"][..],
        &["export", "networks"],
        &["purge"],
        &[
            "import",
            "networks",
            "netwerken.csv",
            "--as",
            "a@example.org",
        ],
    ] {
        let (ok, _, err) = run_in(&folder.0, None, args, &[]);
        assert!(!ok, "{args:?} succeeded without a database");
        let expected = folder.0.join("themanet.db");
        assert!(
            err.contains(&expected.display().to_string()) && err.contains("no database"),
            "{args:?} names the missing database: {err}"
        );
        assert_eq!(folder.files(), ["netwerken.csv"], "{args:?} made files");
    }
}

#[test]
fn create_admin_applies_the_api_rules_naming_the_field() {
    for backend in [
        themanet::db::Backend::Sqlite,
        themanet::db::Backend::Postgres,
    ] {
        let db = common::TestDb::new(backend);
        let folder = Folder::new("create-admin");
        let admin = |email: &str, password: &str| {
            run_in(
                &folder.0,
                Some(&db.url),
                &["create-admin", "--email", email, "--name", "Beheer"],
                &[("ADMIN_PASSWORD", password)],
            )
        };
        let (ok, _, err) = admin("not-an-email", "een lange zin voor beheer");
        assert!(!ok && err.contains("--email"), "{err}");
        let (ok, _, err) = admin("beheer@example.org", "password");
        assert!(
            !ok && err.contains("password") && err.contains("most used"),
            "{err}"
        );
        let (ok, _, err) = admin("not-an-email", "kort");
        assert!(
            !ok && err.contains("--email") && err.contains("at least 8"),
            "every bad field at once: {err}"
        );
        let mut conn = db.conn();
        themanet::migrate(&mut conn).unwrap();
        let users: i64 = themanet::db::schema::users::table
            .count()
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(users, 0, "{backend:?}: nothing was made");
        let (ok, out, err) = admin("beheer@example.org", "een lange zin voor beheer");
        assert!(ok && out.contains("now a platform admin"), "{err}");
    }
}

#[test]
fn the_version_help_and_migrate_speak_for_themselves() {
    let folder = Folder::new("cli");
    let (ok, out, _) = run_in(&folder.0, None, &["--version"], &[]);
    assert!(ok, "--version");
    let version = format!("themanet {}", env!("CARGO_PKG_VERSION"));
    assert!(
        out.starts_with(&version) && out.contains("schema 2"),
        "{out}"
    );

    let (ok, out, _) = run_in(&folder.0, None, &["help", "import"], &[]);
    assert!(ok && out.starts_with("themanet import KIND FILE"), "{out}");

    // `themanet -h | head`: the reader has gone before the help is written.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_themanet"))
        .arg("-h")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");

    let url = format!("sqlite://{}", folder.0.join("m.db").display());
    let (ok, out, err) = run_in(&folder.0, Some(&url), &["migrate"], &[]);
    assert!(ok, "{err}");
    assert!(
        out.contains("Applied 12 migration(s)") || out.contains("Applied"),
        "{out}"
    );
    assert!(out.contains("2026-11-23-000001_init"), "{out}");
    let (ok, out, _) = run_in(&folder.0, Some(&url), &["migrate"], &[]);
    assert!(ok && out.contains("up to date"), "{out}");
}

#[test]
fn other_databases_than_postgres_and_sqlite_are_refused_by_name() {
    let folder = Folder::new("mysql");
    let (ok, _, err) = run_in(
        &folder.0,
        Some("mysql://themanet:geheim@db:3306/themanet"),
        &["migrate"],
        &[],
    );
    assert!(!ok);
    assert!(
        err.contains("DATABASE_URL") && err.contains("postgres://") && err.contains("sqlite://"),
        "{err}"
    );
    assert!(folder.files().is_empty(), "{:?}", folder.files());
}

/// Records a migration this program does not know, as a newer version would.
fn migrate_ahead(conn: &mut themanet::db::DbConn) {
    themanet::migrate(conn).unwrap();
    diesel::sql_query(
        "INSERT INTO __diesel_schema_migrations (version, run_on) VALUES ('20991231000099', CURRENT_TIMESTAMP)",
    )
    .execute(conn)
    .unwrap();
}

#[test]
fn a_schema_newer_than_the_program_is_refused_naming_both() {
    for backend in [
        themanet::db::Backend::Sqlite,
        themanet::db::Backend::Postgres,
    ] {
        let db = common::TestDb::new(backend);
        migrate_ahead(&mut db.conn());
        let folder = Folder::new("newer");
        for args in [&["serve"][..], &["migrate"], &["export", "networks"]] {
            let (ok, _, err) = run_in(
                &folder.0,
                Some(&db.url),
                args,
                &[("BIND_ADDRESS", "127.0.0.1:0"), ("DEMO_DATA", "off")],
            );
            assert!(!ok, "{backend:?} {args:?} accepted a newer schema");
            assert!(
                err.contains("20991231000099")
                    && err.contains(themanet::db::version::program_schema()),
                "{backend:?} {args:?} names both versions: {err}"
            );
        }
    }
}

#[test]
fn production_never_loads_the_demo_data() {
    // An empty SQLite database and DEMO_DATA left out (auto): a try-out
    // gets the demo data, production never.
    let db = common::TestDb::new(themanet::db::Backend::Sqlite);
    let secret = "Zq3v9PfL0xRk2mWb8sTy4nHc6jUe1aDgHq7";
    let production = [
        ("THEMANET_ENV", "production"),
        ("PUBLIC_URL", "https://themanet.example.nl"),
        ("JWT_SECRET", secret),
        ("DEMO_DATA", "auto"),
    ];
    let (_server, address, _) = start_with(&db.url, &production);
    wait_for(&address, "/health/ready", 200);
    let mut conn = db.conn();
    let users: i64 = themanet::db::schema::users::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(users, 0, "production loaded demo accounts");
    // Asking for it in production stops the program.
    let folder = Folder::new("demo");
    let mut asked = production.to_vec();
    asked[3] = ("DEMO_DATA", "on");
    let (ok, _, err) = run_in(&folder.0, Some(&db.url), &["serve"], &asked);
    assert!(!ok && err.contains("DEMO_DATA"), "{err}");
    let (ok, _, err) = run_in(&folder.0, Some(&db.url), &["demo"], &production);
    assert!(!ok && err.contains("production"), "{err}");
}

#[test]
fn a_missing_web_folder_is_named_at_start() {
    let db = common::TestDb::new(themanet::db::Backend::Sqlite);
    let missing = "/nonexistent/themanet-web";
    let (_server, address, log) = start_with(&db.url, &[("WEB_DIR", missing)]);
    wait_for(&address, "/health/live", 200);
    let warned = log
        .lines()
        .into_iter()
        .find(|l| l.contains("WARN") && l.contains(missing));
    let warned = warned.unwrap_or_else(|| panic!("no warning: {:?}", log.lines()));
    assert!(warned.contains("WEB_DIR"), "{warned}");
}

#[test]
fn health_and_metrics_tell_the_version() {
    let db = common::TestDb::new(themanet::db::Backend::Sqlite);
    let (_server, address) = start(&db.url);
    wait_for(&address, "/health/live", 200);
    let (_, live, _) = timed_get(&address, "/health/live").unwrap();
    let body = live.split("\r\n\r\n").nth(1).unwrap_or("");
    let body: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"), "{live}");
    assert_eq!(
        body["schema"],
        themanet::db::version::program_schema(),
        "{live}"
    );
    let (status, metrics, _) = timed_get(&address, "/metrics").unwrap();
    assert_eq!(status, 200);
    assert!(
        metrics.contains(&format!(
            "themanet_build_info{{version=\"{}\",schema=\"{}\"}} 1",
            env!("CARGO_PKG_VERSION"),
            themanet::db::version::program_schema()
        )),
        "{metrics}"
    );
}

#[test]
fn restore_is_refused_while_the_server_runs_and_no_write_is_lost() {
    let db = common::TestDb::new(themanet::db::Backend::Sqlite);
    let folder = Folder::new("restore-running");
    let (ok, _, err) = run_in(&folder.0, Some(&db.url), &["migrate"], &[]);
    assert!(ok, "{err}");
    let (ok, _, err) = run_in(&folder.0, Some(&db.url), &["backup", "kopie.db"], &[]);
    assert!(ok, "{err}");
    let (_server, address) = start(&db.url);
    wait_for(&address, "/health/ready", 200);

    let register = r#"{"email": "nieuw@example.org", "password": "een lange zin om te onthouden", "displayName": "Nieuw"}"#;
    let login = r#"{"email": "nieuw@example.org", "password": "een lange zin om te onthouden"}"#;
    let post = |path: &str, body: &str| -> u16 {
        let mut stream = TcpStream::connect(&address).unwrap();
        write!(
            stream,
            "POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response.split_whitespace().nth(1).unwrap().parse().unwrap()
    };
    assert_eq!(post("/api/v1/auth/register", register), 201);
    let (ok, _, err) = run_in(&folder.0, Some(&db.url), &["restore", "kopie.db"], &[]);
    assert!(!ok, "a restore under a running server was accepted");
    assert!(err.contains("stop the server"), "{err}");
    // The account made before (and writes after) are still there.
    assert_eq!(post("/api/v1/auth/login", login), 200);
    let mut conn = db.conn();
    let users: i64 = themanet::db::schema::users::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(users, 1);
}

/// A raw HTTP/1.1 request with a JSON body; returns the status and the
/// body read as JSON.
fn send(
    address: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &serde_json::Value,
) -> (u16, serde_json::Value) {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let body = body.to_string();
    let auth = token.map_or(String::new(), |t| format!("Authorization: Bearer {t}\r\n"));
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let json = response
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or_default();
    (status, json)
}

/// Registers an account through the instance at `address` (the password
/// is [`PASSWORD`]); returns its access token.
fn register(address: &str, email: &str, name: &str) -> String {
    let (status, account) = send(
        address,
        "POST",
        "/api/v1/auth/register",
        None,
        &serde_json::json!({"email": email, "password": PASSWORD, "displayName": name}),
    );
    assert_eq!(status, 201, "{account}");
    account["accessToken"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The password of the accounts [`register`] makes.
const PASSWORD: &str = "een lange zin als wachtwoord";

/// Two instances on one PostgreSQL database, each keeping answers for
/// anonymous readers for five minutes: a change through one is seen
/// through the other at once (LISTEN/NOTIFY), while a change that no
/// instance made (straight in the database) is not, which shows the other
/// really kept its answer.
#[test]
fn a_change_through_one_instance_is_seen_through_the_other_at_once() {
    let db = common::TestDb::new(themanet::db::Backend::Postgres);
    let settings = [("PUBLIC_CACHE_SECONDS", "300"), ("RATE_LIMIT_WRITES", "0")];
    let (_a, a, _) = start_with(&db.url, &settings);
    let (_b, b, _) = start_with(&db.url, &settings);
    let token = register(&a, "anna@example.org", "Anna");
    let (status, network) = send(
        &a,
        "POST",
        "/api/v1/networks",
        Some(&token),
        &serde_json::json!({"name": "Eerste naam", "theme": "Toegankelijk vervoer", "scope": "national"}),
    );
    assert_eq!(status, 201, "{network}");
    let path = format!("/api/v1/networks/{}", network["id"]);
    // The notices of the writes above reach B in a moment; one that came
    // after B kept its answer would empty it and spoil the check below.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let name_through_b = || {
        let (_, answer, _) = timed_get(&b, &path).expect("an answer from B");
        answer
            .split_once("\r\n\r\n")
            .and_then(|(_, body)| serde_json::from_str::<serde_json::Value>(body).ok())
            .map(|n| n["name"].as_str().unwrap_or_default().to_string())
            .unwrap_or_default()
    };
    assert_eq!(name_through_b(), "Eerste naam");

    // Changed behind both instances' backs: B keeps its answer.
    let mut conn = db.conn();
    let themanet::db::DbConn::Pg(pg) = &mut conn else {
        unreachable!("a PostgreSQL database")
    };
    diesel::sql_query(format!(
        "UPDATE networks SET name = 'Stille naam' WHERE id = {}",
        network["id"]
    ))
    .execute(pg)
    .unwrap();
    assert_eq!(name_through_b(), "Eerste naam", "B kept its answer");

    // Changed through A: B drops what it kept.
    let (status, _) = send(
        &a,
        "PATCH",
        &path,
        Some(&token),
        &serde_json::json!({"name": "Nieuwe naam"}),
    );
    assert_eq!(status, 200);
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let seen = name_through_b();
        if seen == "Nieuwe naam" {
            break;
        }
        assert!(Instant::now() < deadline, "B still answers {seen:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Two instances on one PostgreSQL database count the same failed
/// sign-ins: five wrong passwords through A, and the sixth try through B
/// is refused, even with the right password.
#[test]
fn failed_sign_ins_through_one_instance_block_the_account_on_the_other() {
    let db = common::TestDb::new(themanet::db::Backend::Postgres);
    let (_a, a, _) = start_with(&db.url, &[]);
    let (_b, b, _) = start_with(&db.url, &[]);
    let password = PASSWORD;
    register(&a, "bert@example.org", "Bert");
    let login = |address: &str, password: &str| {
        send(
            address,
            "POST",
            "/api/v1/auth/login",
            None,
            &serde_json::json!({"email": "bert@example.org", "password": password}),
        )
        .0
    };
    for _ in 0..5 {
        assert_eq!(login(&a, "niet het goede wachtwoord"), 401);
    }
    assert_eq!(
        login(&b, "niet het goede wachtwoord"),
        401,
        "the sixth failure"
    );
    assert_eq!(
        login(&b, password),
        429,
        "blocked on B too, even with the right password"
    );
    assert_eq!(login(&a, password), 429);
}

/// Two instances on one PostgreSQL database share a client's rate limit:
/// ten writes a minute through A leave none for B, where each instance on
/// its own would still allow ten.
#[test]
fn writes_through_one_instance_count_against_the_limit_on_the_other() {
    let db = common::TestDb::new(themanet::db::Backend::Postgres);
    let settings = [("RATE_LIMIT_WRITES", "10")];
    let (_a, a, _) = start_with(&db.url, &settings);
    let (_b, b, _) = start_with(&db.url, &settings);
    let write = |address: &str| {
        send(
            address,
            "POST",
            "/api/v1/networks",
            None,
            &serde_json::json!({"name": "Zonder aanmelding", "theme": "Telt mee", "scope": "national"}),
        )
        .0
    };
    for _ in 0..10 {
        assert_eq!(write(&a), 401, "counted, then refused for want of a token");
    }
    assert_eq!(write(&a), 429, "A's budget is spent");
    // B hears of it within about 50 ms; on its own it would allow ten.
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(write(&b), 429, "B refuses the client whose budget A spent");
}

/// Two instances on one PostgreSQL database, each with its webhook worker:
/// 200 events written through both are delivered to a real receiver on a
/// loopback port exactly once between them, each with a valid signature.
#[test]
fn webhooks_are_delivered_once_between_two_instances() {
    use common::receiver::Receiver;
    let db = common::TestDb::new(themanet::db::Backend::Postgres);
    // One signing key, as every instance behind a load balancer has.
    let settings = [
        ("WEBHOOK_ALLOW_LOOPBACK", "true"),
        ("RATE_LIMIT_WRITES", "0"),
        (
            "JWT_SECRET",
            "een gedeelde sleutel van ruim tweeendertig tekens lang",
        ),
    ];
    let (_a, a, _) = start_with(&db.url, &settings);
    let (_b, b, _) = start_with(&db.url, &settings);
    let token = register(&a, "carla@example.org", "Carla");
    let post = |address: &str, path: &str, body: serde_json::Value| {
        let (status, answer) = send(address, "POST", path, Some(&token), &body);
        assert_eq!(status / 100, 2, "{path}: {answer}");
        answer
    };
    let network = post(
        &a,
        "/api/v1/networks",
        serde_json::json!({"name": "Werk voor iedereen", "theme": "Werk", "scope": "national"}),
    )["id"]
        .clone();
    let org = post(
        &a,
        "/api/v1/stakeholders",
        serde_json::json!({"kind": "municipality", "name": "Gemeente Zwolle"}),
    )["id"]
        .clone();
    let client = post(
        &a,
        "/api/v1/api-clients",
        serde_json::json!({"stakeholderId": org, "name": "Zaaksysteem"}),
    );
    let receiver = Receiver::start("/hooks");
    let hook = post(
        &b,
        &format!("/api/v1/api-clients/{}/webhooks", client["id"]),
        serde_json::json!({"url": receiver.url, "events": ["goal.created"]}),
    );
    let secret = hook["secret"].as_str().unwrap().to_string();
    for i in 0..200 {
        let through = if i % 2 == 0 { &a } else { &b };
        post(
            through,
            &format!("/api/v1/networks/{network}/goals"),
            serde_json::json!({"title": format!("Stap {i}")}),
        );
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while receiver.received().len() < 200 {
        assert!(
            Instant::now() < deadline,
            "only {} of 200 arrived",
            receiver.received().len()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // Nothing comes twice, also after a while.
    std::thread::sleep(Duration::from_secs(3));
    let got = receiver.received();
    assert_eq!(got.len(), 200, "each event once");
    let ids: std::collections::HashSet<&str> = got
        .iter()
        .map(|r| r.headers["webhook-id"].as_str())
        .collect();
    assert_eq!(ids.len(), 200);
    for r in &got {
        let timestamp: i64 = r.headers["webhook-timestamp"].parse().unwrap();
        assert_eq!(
            r.headers["webhook-signature"],
            themanet::webhooks::sign::signature(
                &secret,
                &r.headers["webhook-id"],
                timestamp,
                &r.body
            )
        );
        assert_eq!(r.json()["type"], "goal.created");
    }
}

/// Mail waiting in the outbox when two instances start on one PostgreSQL
/// database, both with a mailer: their workers race for it, and a real SMTP
/// server receives every mail exactly once.
#[test]
fn waiting_mail_is_sent_once_between_two_instances() {
    let db = common::TestDb::new(themanet::db::Backend::Postgres);
    {
        // Without a mailer, the mails wait.
        let (_a, a, _) = start_with(&db.url, &[("RATE_LIMIT_WRITES", "0")]);
        for n in 0..8 {
            let email = format!("persoon{n}@example.org");
            register(&a, &email, &format!("Persoon {n}"));
            let (status, _) = send(
                &a,
                "POST",
                "/api/v1/auth/password-reset",
                None,
                &serde_json::json!({ "email": email }),
            );
            assert_eq!(status, 202);
        }
    }
    let waiting: i64 = {
        let mut conn = db.conn();
        let themanet::db::DbConn::Pg(pg) = &mut conn else {
            unreachable!("a PostgreSQL database")
        };
        themanet::db::schema::outbox::table
            .count()
            .get_result(pg)
            .unwrap()
    };
    assert!(waiting >= 8, "the reset mails wait ({waiting})");

    let smtp = common::smtp::SmtpReceiver::start();
    let settings = [
        ("SMTP_URL", smtp.url()),
        ("MAIL_FROM", "themanet <noreply@example.org>".to_string()),
    ];
    let settings: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (_b, _, _) = start_with(&db.url, &settings);
    let (_c, _, _) = start_with(&db.url, &settings);
    let deadline = Instant::now() + Duration::from_secs(30);
    while (smtp.received().len() as i64) < waiting && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    // Time for a second copy, were one on its way.
    std::thread::sleep(Duration::from_millis(500));
    let received = smtp.received();
    let mut ids: Vec<String> = received
        .iter()
        .map(|m| {
            m["headers"]["message-id"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(received.len() as i64, waiting, "every mail arrived, once");
    assert_eq!(ids.len(), received.len(), "no mail twice");
}
