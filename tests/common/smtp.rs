//! A real SMTP server for the tests: aiosmtpd (from PyPI, installed by
//! `scripts/smtp-venv.sh` into target/smtp-venv) running
//! `tests/smtp/receiver.py` on a free loopback port. What it receives is
//! read back as parsed by Python's e-mail package.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

pub struct SmtpReceiver {
    child: Child,
    pub port: u16,
    folder: PathBuf,
}

impl SmtpReceiver {
    /// Starts the receiver and waits until it listens.
    pub fn start() -> SmtpReceiver {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let python = std::env::var("SMTP_RECEIVER_PYTHON")
            .map(PathBuf::from)
            .unwrap_or_else(|_| root.join("target/smtp-venv/bin/python"));
        assert!(
            python.exists(),
            "the SMTP receiver's Python is missing at {}: run `bash scripts/smtp-venv.sh` (scripts/test.sh does)",
            python.display()
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let folder = std::env::temp_dir().join(format!(
            "themanet-smtp-{}-{port}-{:x}",
            std::process::id(),
            rand::random::<u32>()
        ));
        let child = Command::new(&python)
            .arg(root.join("tests/smtp/receiver.py"))
            .arg(port.to_string())
            .arg(&folder)
            .stdin(Stdio::piped())
            .spawn()
            .expect("the SMTP receiver starts");
        let started = Instant::now();
        while !folder.join("ready").exists() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the SMTP receiver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        SmtpReceiver {
            child,
            port,
            folder,
        }
    }

    /// The address the platform's mailer is given.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every mail received so far, in arrival order.
    pub fn received(&self) -> Vec<Value> {
        let mut out = Vec::new();
        for n in 1.. {
            let path = self.folder.join(format!("{n}.json"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                break;
            };
            out.push(serde_json::from_str(&text).expect("the receiver writes JSON"));
        }
        out
    }

    /// The raw bytes of mail `n` (from 1).
    pub fn raw(&self, n: usize) -> String {
        std::fs::read_to_string(self.folder.join(format!("{n}.eml"))).expect("the mail's bytes")
    }
}

impl Drop for SmtpReceiver {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
