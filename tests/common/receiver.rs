//! A real HTTP receiver for webhooks on a free loopback port: it keeps
//! every request it gets and answers each as its script says (a status, or
//! no answer at all), then 200.

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the receiver answers one request.
#[derive(Debug, Clone, Copy)]
pub enum Answer {
    Status(u16),
    /// Reads the request and says nothing for this long.
    Silent(Duration),
}

/// One request as it arrived.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    /// Header names in lowercase.
    pub headers: HashMap<String, String>,
    pub body: String,
}

impl Received {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_default()
    }
}

pub struct Receiver {
    pub url: String,
    got: Arc<Mutex<Vec<Received>>>,
    script: Arc<Mutex<VecDeque<Answer>>>,
}

/// Reads one request, keeps it, and answers as the script says.
fn serve(
    mut stream: std::net::TcpStream,
    kept: &Mutex<Vec<Received>>,
    answers: &Mutex<VecDeque<Answer>>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.insert(name.trim().to_lowercase(), value.trim().to_string());
        }
    }
    let length = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    let answer = {
        let mut kept = kept.lock().unwrap();
        kept.push(Received {
            path,
            headers,
            body: String::from_utf8_lossy(&body).to_string(),
        });
        answers
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or(Answer::Status(200))
    };
    match answer {
        Answer::Status(code) => {
            let _ = write!(
                stream,
                "HTTP/1.1 {code} Answer\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
        Answer::Silent(wait) => std::thread::sleep(wait),
    }
}

impl Receiver {
    /// Starts listening on `127.0.0.1` on a free port; `path` is where
    /// the hooks go.
    pub fn start(path: &str) -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let url = format!("http://{}{path}", listener.local_addr().unwrap());
        let got = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(VecDeque::new()));
        let (kept, answers) = (got.clone(), script.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                // The answer is chosen in the order requests arrive; each
                // is then served on its own thread, so a silent answer
                // holds up nobody else.
                let (kept, answers) = (kept.clone(), answers.clone());
                std::thread::spawn(move || serve(stream, &kept, &answers));
            }
        });
        Receiver { url, got, script }
    }

    /// The answers to the next requests, in order.
    pub fn script(&self, answers: &[Answer]) {
        self.script.lock().unwrap().extend(answers.iter().copied());
    }

    /// Every request so far.
    pub fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }
}
