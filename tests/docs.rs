//! The integration guide's examples work: every ```sh block of docs/api.md
//! runs, in order, in one bash session (`set -euo pipefail`, so tokens and
//! ids flow from one example into the next) against the real program on a
//! fresh SQLite database with the demo data. A failing `curl` or an
//! unexpected status fails the test, naming the example's line.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A server process, stopped when the test ends, also when it fails.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A folder of its own, removed when the test ends.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Starts `themanet serve` with the demo data on a free port; returns the
/// server, its address and its log so far (kept for a failure message).
fn start(dir: &Path) -> (Server, String, Arc<Mutex<Vec<String>>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_themanet"))
        .arg("serve")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("docs.db").display()),
        )
        .env("BIND_ADDRESS", "127.0.0.1:0")
        .env("DEMO_DATA", "on")
        .env("WEBHOOK_ALLOW_LOOPBACK", "true")
        .env("RUST_LOG", "info")
        .env("WEB_DIR", dir.join("no-web"))
        .env_remove("PUBLIC_URL")
        .env_remove("LOG_FORMAT")
        .current_dir(dir)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start themanet");
    let stderr = child.stderr.take().expect("stderr");
    let server = Server(child);
    let mut lines = BufReader::new(stderr).lines();
    let log = Arc::new(Mutex::new(Vec::new()));
    let deadline = Instant::now() + Duration::from_secs(30);
    let address = loop {
        assert!(Instant::now() < deadline, "the server did not start");
        let line = lines
            .next()
            .expect("the server stopped before it listened")
            .expect("a line");
        log.lock().unwrap().push(line.clone());
        if let Some(rest) = line.split("listens on http://").nth(1) {
            break rest.trim().to_string();
        }
    };
    // Keep reading its log so the pipe never fills.
    let kept = log.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            kept.lock().unwrap().push(line);
        }
    });
    (server, address, log)
}

/// A receiver for the webhook example on a free loopback port: it keeps
/// each request it gets (headers and body) and answers 204.
fn receiver() -> (String, Arc<Mutex<Vec<String>>>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let url = format!("http://{}/themanet", listener.local_addr().unwrap());
    let got = Arc::new(Mutex::new(Vec::new()));
    let kept = got.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
            let mut request = Vec::new();
            let mut chunk = [0; 4096];
            // Until the body is in (the request is small), or a pause.
            while let Ok(n) = stream.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                request.extend_from_slice(&chunk[..n]);
                let text = String::from_utf8_lossy(&request);
                if text.contains("\r\n\r\n") && text.trim_end().ends_with('}') {
                    break;
                }
            }
            kept.lock()
                .unwrap()
                .push(String::from_utf8_lossy(&request).to_lowercase());
            let _ = stream.write_all(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        }
    });
    (url, got)
}

/// The ```sh and ```bash blocks of a Markdown text, with the line each
/// starts on.
fn shell_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (number, line) in markdown.lines().enumerate() {
        let fence = line.trim_start();
        match current.take() {
            None if fence == "```sh" || fence == "```bash" => {
                current = Some((number + 2, String::new()));
            }
            None => {}
            Some(block) if fence.starts_with("```") => blocks.push(block),
            Some((start, mut text)) => {
                text.push_str(line);
                text.push('\n');
                current = Some((start, text));
            }
        }
    }
    assert!(current.is_none(), "a code block is not closed");
    blocks
}

#[test]
fn the_integration_guides_examples_work() {
    for tool in ["bash", "curl", "jq"] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            found,
            "the examples need {tool}: apt-get install {tool} (scripts/deps.sh does)"
        );
    }
    let guide = std::fs::read_to_string("docs/api.md").expect("docs/api.md");
    let blocks = shell_blocks(&guide);
    let all: String = blocks.iter().map(|(_, text)| text.as_str()).collect();
    // The guide shows what the integration guide promises, with examples.
    for (topic, text) in [
        ("signing in", "/auth/login"),
        ("refreshing tokens", "/auth/refresh"),
        ("an API client", "/oauth/token"),
        ("rotating a client secret", "/secret"),
        ("paging", "_links.next.href"),
        ("incremental sync", "updatedSince="),
        ("the deletion feed", ".deleted[]"),
        ("If-Match", "If-Match: $ETAG"),
        ("errors", "problem.json"),
    ] {
        assert!(all.contains(text), "docs/api.md has no example of {topic}");
    }

    let dir = TempDir(std::env::temp_dir().join(format!(
        "themanet-docs-{}-{:x}",
        std::process::id(),
        rand::random::<u32>()
    )));
    std::fs::create_dir_all(&dir.0).expect("a temporary folder");
    let (_server, address, log) = start(&dir.0);
    let (webhook_url, hooks) = receiver();

    let mut script = String::from(
        "set -euo pipefail\n\
         trap 'echo \"docs/api.md: the example on line $EXAMPLE failed\" >&2' ERR\n",
    );
    for (line, text) in &blocks {
        script.push_str(&format!("EXAMPLE={line}\n{text}"));
    }
    // `timeout`: a hanging request fails the test instead of stalling it.
    let out = Command::new("timeout")
        .args(["120", "bash", "-c", &script])
        .env("BASE_URL", format!("http://{address}/api/v1"))
        .env("WEBHOOK_URL", &webhook_url)
        .current_dir(&dir.0)
        .stdin(Stdio::null())
        .output()
        .expect("run bash");
    assert!(
        out.status.success(),
        "the examples of docs/api.md failed ({:?}).\n--- output:\n{}\n--- errors:\n{}\n--- server log:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        log.lock().unwrap().join("\n"),
    );
    assert!(blocks.len() >= 10, "only {} examples", blocks.len());
    let hooks = hooks.lock().unwrap();
    assert!(
        hooks
            .iter()
            .any(|h| h.contains("webhook.ping") && h.contains("webhook-signature")),
        "the webhook example's test event reached the receiver: {hooks:?}"
    );
}
