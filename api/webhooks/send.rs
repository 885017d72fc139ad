//! One webhook request: a POST over HTTP/1.1 to the address that was
//! checked (`target::resolve`), with TLS for `https`, within a time limit.
//! Only the status code of the answer is read; redirects are not followed
//! (a 3xx is a failed try).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use url::Url;

/// Sends `body` with `headers`; the answer's status code, or what went
/// wrong.
pub fn post(
    url: &Url,
    address: SocketAddr,
    headers: &[(&str, String)],
    body: &str,
    timeout: Duration,
) -> Result<u16, String> {
    let stream = TcpStream::connect_timeout(&address, timeout)
        .map_err(|e| format!("could not connect: {e}"))?;
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|()| stream.set_write_timeout(Some(timeout)))
        .map_err(|e| e.to_string())?;
    let host = url.host_str().unwrap_or_default();
    let mut request = format!(
        "POST {}{} HTTP/1.1\r\nHost: {}\r\nUser-Agent: themanet-webhooks\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        url.path(),
        url.query().map(|q| format!("?{q}")).unwrap_or_default(),
        match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        },
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    if url.scheme() == "https" {
        let connector = native_tls::TlsConnector::new().map_err(|e| e.to_string())?;
        let tls = connector
            .connect(host, stream)
            .map_err(|e| format!("TLS: {e}"))?;
        exchange(tls, &request)
    } else {
        exchange(stream, &request)
    }
}

/// Writes the request and reads the status line of the answer.
fn exchange(mut stream: impl Read + Write, request: &str) -> Result<u16, String> {
    stream.write_all(request.as_bytes()).map_err(describe)?;
    stream.flush().map_err(describe)?;
    let mut line = String::new();
    BufReader::new(stream)
        .take(8 * 1024)
        .read_line(&mut line)
        .map_err(describe)?;
    line.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .filter(|_| line.starts_with("HTTP/"))
        .ok_or_else(|| "the answer was not HTTP".to_string())
}

fn describe(e: std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
            "no answer in time".to_string()
        }
        _ => e.to_string(),
    }
}
