//! A small HTTP/1.1 load generator with `oha`'s options and JSON output, for
//! when `oha` is not installed (the smoke run in the tests: `cargo install
//! oha` takes minutes). Std only: one keep-alive connection per thread.
//!
//! `load [-c CONNECTIONS] [-z DURATION] [-q RATE] [-m METHOD] [-d BODY]
//!       [-T CONTENT_TYPE] [-H "Name: value"]... [--output-format json]
//!       [--urls-from-file] URL`
//!
//! With `--urls-from-file`, URL is a file of URLs (one host), asked in turn.
//!
//! Closed loop by default; with `-q` requests are scheduled at that rate and
//! latency counts from the scheduled moment (like oha's latency correction),
//! so a slow server cannot hide its queue. Prints what `bench/run.sh` reads
//! from `oha --json`: `summary.requestsPerSec`, `summary.successRate`,
//! `latencyPercentiles.p50`/`p99` (seconds) and `statusCodeDistribution`.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Options {
    connections: usize,
    duration: Duration,
    rate: Option<f64>,
    method: String,
    body: Option<String>,
    headers: Vec<String>,
    host: String,
    port: u16,
    paths: Vec<String>,
}

fn duration(text: &str) -> Option<Duration> {
    let (number, unit) = text
        .find(|c: char| c.is_ascii_alphabetic())
        .map(|i| text.split_at(i))
        .unwrap_or((text, "s"));
    let n: f64 = number.parse().ok()?;
    let secs = match unit {
        "ms" => n / 1000.0,
        "s" => n,
        "m" => n * 60.0,
        _ => return None,
    };
    Some(Duration::from_secs_f64(secs))
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        connections: 50,
        duration: Duration::from_secs(10),
        rate: None,
        method: "GET".into(),
        body: None,
        headers: Vec::new(),
        host: String::new(),
        port: 80,
        paths: Vec::new(),
    };
    let mut url = None;
    let mut from_file = false;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let mut value = || {
            i += 1;
            args.get(i).cloned().ok_or(format!("{a} needs a value"))
        };
        match a {
            "-c" => o.connections = value()?.parse().map_err(|_| "-c: a number")?,
            "-z" => o.duration = duration(&value()?).ok_or("-z: a duration like 10s")?,
            "-q" => o.rate = Some(value()?.parse().map_err(|_| "-q: a number")?),
            "-m" => o.method = value()?,
            "-d" => o.body = Some(value()?),
            "-T" => o.headers.push(format!("Content-Type: {}", value()?)),
            "-H" => o.headers.push(value()?),
            "--output-format" => {
                if value()? != "json" {
                    return Err("--output-format: only json".into());
                }
            }
            "--urls-from-file" => from_file = true,
            "--no-tui" | "--latency-correction" => {}
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            other => url = Some(other.to_string()),
        }
        i += 1;
    }
    let url = url.ok_or("give a URL")?;
    let urls = if from_file {
        std::fs::read_to_string(&url)
            .map_err(|e| format!("{url}: {e}"))?
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.trim().to_string())
            .collect()
    } else {
        vec![url]
    };
    for url in &urls {
        let rest = url
            .strip_prefix("http://")
            .ok_or("only http:// URLs are supported")?;
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), p.parse().map_err(|_| "bad port")?),
            None => (authority.to_string(), 80),
        };
        o.host = host;
        o.port = port;
        o.paths.push(if path.is_empty() {
            "/".into()
        } else {
            path.into()
        });
    }
    if o.paths.is_empty() {
        return Err("no URLs".into());
    }
    o.connections = o.connections.max(1);
    Ok(o)
}

/// Reads one response; returns its status and whether the connection stays open.
fn read_response(reader: &mut BufReader<TcpStream>) -> std::io::Result<(u16, bool)> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (mut length, mut chunked, mut keep) = (0usize, false, true);
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let value = value.trim();
            match name.to_ascii_lowercase().as_str() {
                "content-length" => length = value.parse().unwrap_or(0),
                "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
                "connection" => keep = !value.eq_ignore_ascii_case("close"),
                _ => {}
            }
        }
    }
    if chunked {
        loop {
            line.clear();
            reader.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim(), 16).unwrap_or(0);
            let mut skip = vec![0u8; size + 2];
            reader.read_exact(&mut skip)?;
            if size == 0 {
                break;
            }
        }
    } else {
        std::io::copy(
            &mut reader.by_ref().take(length as u64),
            &mut std::io::sink(),
        )?;
    }
    Ok((status, keep))
}

struct Outcome {
    latencies: Vec<f64>,
    statuses: BTreeMap<u16, u64>,
    errors: u64,
}

fn worker(
    o: Arc<Options>,
    requests: Arc<Vec<Vec<u8>>>,
    start: Instant,
    slots: Arc<AtomicU64>,
    turn: Arc<AtomicU64>,
) -> Outcome {
    let deadline = start + o.duration;
    let mut out = Outcome {
        latencies: Vec::new(),
        statuses: BTreeMap::new(),
        errors: 0,
    };
    let mut conn: Option<(TcpStream, BufReader<TcpStream>)> = None;
    loop {
        let scheduled = match o.rate {
            Some(rate) => {
                let slot = slots.fetch_add(1, Ordering::Relaxed);
                let at = start + Duration::from_secs_f64(slot as f64 / rate);
                if at >= deadline {
                    break;
                }
                if let Some(wait) = at.checked_duration_since(Instant::now()) {
                    std::thread::sleep(wait);
                }
                at
            }
            None => Instant::now(),
        };
        if scheduled >= deadline {
            break;
        }
        if conn.is_none() {
            match TcpStream::connect((o.host.as_str(), o.port)) {
                Ok(s) => {
                    let _ = s.set_nodelay(true);
                    let _ = s.set_read_timeout(Some(Duration::from_secs(30)));
                    match s.try_clone() {
                        Ok(r) => conn = Some((s, BufReader::new(r))),
                        Err(_) => out.errors += 1,
                    }
                }
                Err(_) => {
                    out.errors += 1;
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
            }
        }
        let Some((stream, reader)) = conn.as_mut() else {
            continue;
        };
        let request = &requests[turn.fetch_add(1, Ordering::Relaxed) as usize % requests.len()];
        let result = stream
            .write_all(request)
            .and_then(|_| read_response(reader));
        match result {
            Ok((status, keep)) => {
                out.latencies.push(scheduled.elapsed().as_secs_f64());
                *out.statuses.entry(status).or_insert(0) += 1;
                if !keep {
                    conn = None;
                }
            }
            Err(_) => {
                out.errors += 1;
                conn = None;
            }
        }
    }
    out
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let o = match parse(&args) {
        Ok(o) => Arc::new(o),
        Err(e) => {
            eprintln!("load: {e}");
            std::process::exit(2);
        }
    };
    let body = o.body.clone().unwrap_or_default();
    let requests: Vec<Vec<u8>> = o
        .paths
        .iter()
        .map(|path| {
            let mut request = format!(
                "{} {path} HTTP/1.1\r\nHost: {}:{}\r\nUser-Agent: themanet-bench-load\r\nAccept: */*\r\n",
                o.method, o.host, o.port
            );
            for h in &o.headers {
                request.push_str(h);
                request.push_str("\r\n");
            }
            if o.body.is_some() {
                request.push_str(&format!("Content-Length: {}\r\n", body.len()));
            }
            request.push_str("\r\n");
            request.push_str(&body);
            request.into_bytes()
        })
        .collect();
    let requests = Arc::new(requests);
    let start = Instant::now();
    let slots = Arc::new(AtomicU64::new(0));
    let turn = Arc::new(AtomicU64::new(0));
    let handles: Vec<_> = (0..o.connections)
        .map(|_| {
            let (o, requests, slots, turn) =
                (o.clone(), requests.clone(), slots.clone(), turn.clone());
            std::thread::spawn(move || worker(o, requests, start, slots, turn))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut statuses: BTreeMap<u16, u64> = BTreeMap::new();
    let mut errors = 0;
    for h in handles {
        if let Ok(out) = h.join() {
            latencies.extend(out.latencies);
            for (s, n) in out.statuses {
                *statuses.entry(s).or_insert(0) += n;
            }
            errors += out.errors;
        }
    }
    let total = start.elapsed().as_secs_f64();
    latencies.sort_by(f64::total_cmp);
    let done = latencies.len() as u64;
    let ok: u64 = statuses
        .iter()
        .filter(|(s, _)| (200..400).contains(*s))
        .map(|(_, n)| n)
        .sum();
    let distribution: Vec<String> = statuses
        .iter()
        .map(|(s, n)| format!("\"{s}\":{n}"))
        .collect();
    println!(
        "{{\"summary\":{{\"successRate\":{},\"total\":{total},\"requestsPerSec\":{}}},\
         \"latencyPercentiles\":{{\"p50\":{},\"p99\":{}}},\
         \"statusCodeDistribution\":{{{}}},\"errorDistribution\":{{\"errors\":{errors}}}}}",
        ok as f64 / (done + errors).max(1) as f64,
        done as f64 / total.max(1e-9),
        percentile(&latencies, 50.0),
        percentile(&latencies, 99.0),
        distribution.join(",")
    );
}
