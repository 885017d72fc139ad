//! The HTTP server: the app (`router::app`) on actix-http's HTTP/1.1
//! service, set up as actix-web's `HttpServer` sets it up, with one addition
//! that `HttpServer` has no place for: a request line too long for
//! actix-http's parser gets `414 URI Too Long` as problem+json, like every
//! other error of the API.
//!
//! actix-http reads a request's address with the `http` crate, which takes
//! at most 65,534 bytes; for a longer one its parser answers a bare `400`
//! (or, past 128 KiB, `431`) with an empty body, before any middleware or
//! error handler of the app sees the request. So the connection itself is
//! watched ([`RequestLineLimit`]): when a line that starts like a request
//! line (`GET /...`) grows past [`MAX_REQUEST_LINE`] bytes, the server
//! answers 414 itself and closes the connection, and the parser never sees
//! that request.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use actix_http::{HttpService, Protocol};
use actix_service::{fn_service, map_config, IntoServiceFactory, ServiceFactoryExt};
use actix_web::dev::{AppConfig, Server};
use actix_web::http::StatusCode;
use actix_web::rt::net::TcpStream;
use actix_web::web;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::AppState;

/// The longest request line (method, address and version, without the line
/// end) that is read; longer ones get 414. Every address that fits passes
/// the `http` crate's limit of 65,534 bytes.
pub const MAX_REQUEST_LINE: usize = 65_534;

/// How many of a line's first bytes tell whether it is a request line: the
/// longest method (`OPTIONS`) and a space.
const START: usize = 8;

/// A server bound to its addresses, ready to run (`.await` it).
pub struct Listening {
    pub server: Server,
    pub addrs: Vec<SocketAddr>,
}

/// Binds `bind` and builds the server: `blocking_threads` per worker for
/// database work; a client has 5 s to send its request head (then 408 and
/// the connection is closed), so slow-header clients cannot hold
/// connections; heads over 128 KiB or 96 headers get 431. Must be called
/// inside an actix system.
pub fn bind(
    state: web::Data<AppState>,
    bind: &str,
    blocking_threads: usize,
) -> Result<Listening, String> {
    let cannot = |e: io::Error| format!("cannot listen on {bind}: {e}");
    let mut builder = Server::build().worker_max_blocking_threads(blocking_threads);
    let mut addrs = Vec::new();
    for addr in std::net::ToSocketAddrs::to_socket_addrs(bind).map_err(cannot)? {
        let listener = listener(addr).map_err(cannot)?;
        let local = listener.local_addr().map_err(cannot)?;
        addrs.push(local);
        let state = state.clone();
        let shutdown = builder.graceful_shutdown_signal();
        builder = builder
            .listen(format!("themanet-{local}"), listener, move || {
                let shutdown = shutdown.clone();
                let app = crate::web::router::app(state.clone())
                    .into_factory()
                    .map_err(|e: actix_web::Error| e.error_response());
                let http = HttpService::build()
                    .graceful_shutdown_signal(move || {
                        let shutdown = shutdown.clone();
                        async move { shutdown.notified().await }
                    })
                    .client_request_timeout(Duration::from_secs(5))
                    .client_disconnect_timeout(Duration::from_secs(1))
                    .local_addr(local)
                    .finish(map_config(app, |_| AppConfig::default()));
                fn_service(|io: TcpStream| async move {
                    let peer = io.peer_addr().ok();
                    Ok::<_, actix_http::error::DispatchError>((
                        RequestLineLimit::new(io),
                        Protocol::Http1,
                        peer,
                    ))
                })
                .and_then(http)
            })
            .map_err(cannot)?;
    }
    Ok(Listening {
        server: builder.run(),
        addrs,
    })
}

/// A listening socket as actix-web makes one: the address reusable at once
/// after a restart, a backlog of 1,024 connections.
fn listener(addr: SocketAddr) -> io::Result<std::net::TcpListener> {
    use socket2::{Domain, Protocol, Socket, Type};
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    socket.set_reuse_address(true)?;
    socket.bind(&addr.into())?;
    socket.listen(1024)?;
    Ok(socket.into())
}

/// The whole `414` answer, sent as is before the connection is closed.
fn refusal() -> Vec<u8> {
    let body = crate::web::error::problem_json(
        StatusCode::URI_TOO_LONG,
        "uri-too-long",
        format!(
            "The address is too long: a request line may have at most {MAX_REQUEST_LINE} bytes. \
             Send fewer or shorter query parameters."
        ),
    );
    format!(
        "HTTP/1.1 414 URI Too Long\r\ncontent-type: {}\r\ncontent-length: {}\r\n\
         api-version: {}\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n{body}",
        crate::web::error::PROBLEM_JSON,
        body.len(),
        crate::API_VERSION,
    )
    .into_bytes()
}

/// A connection whose request lines are checked for length as they are
/// read (see the module's documentation).
///
/// Each read is scanned for line ends. A line counts as a request line
/// when it starts with an upper-case method and a space; header lines
/// (`Name: value`) and JSON bodies never do. Lines start again after every
/// answer written, for a client that sends its next request after reading
/// the last answer (browsers and HTTP libraries do). A request line sent
/// right behind an unfinished body (pipelining) is left to actix-http.
pub struct RequestLineLimit<T> {
    inner: T,
    /// Bytes of the current line so far.
    line: usize,
    /// Its first bytes.
    start: [u8; START],
    /// The 414 answer, once a request line is too long, and how much of it
    /// has been written.
    refusal: Option<(Vec<u8>, usize)>,
}

impl<T> RequestLineLimit<T> {
    pub fn new(inner: T) -> Self {
        RequestLineLimit {
            inner,
            line: 0,
            start: [0; START],
            refusal: None,
        }
    }

    /// Follows the lines of bytes just read; true when a request line has
    /// grown too long.
    fn too_long(&mut self, mut bytes: &[u8]) -> bool {
        loop {
            let end = bytes.iter().position(|&b| b == b'\n');
            let part = &bytes[..end.unwrap_or(bytes.len())];
            if self.line < START {
                let take = (START - self.line).min(part.len());
                self.start[self.line..self.line + take].copy_from_slice(&part[..take]);
            }
            self.line += part.len();
            if self.line > MAX_REQUEST_LINE && is_request_line(&self.start) {
                return true;
            }
            match end {
                Some(i) => {
                    self.line = 0;
                    bytes = &bytes[i + 1..];
                }
                None => return false,
            }
        }
    }
}

/// `GET /...`: one to seven upper-case letters, then a space.
fn is_request_line(start: &[u8; START]) -> bool {
    let letters = start.iter().take_while(|b| b.is_ascii_uppercase()).count();
    (1..START).contains(&letters) && start[letters] == b' '
}

impl<T: AsyncRead + AsyncWrite + Unpin> RequestLineLimit<T> {
    /// Writes what is left of the 414 answer; then the connection reads as
    /// ended, so actix-http closes it without answering itself.
    fn poll_refuse(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Some((answer, sent)) = &mut self.refusal {
            while *sent < answer.len() {
                let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &answer[*sent..]))?;
                if n == 0 {
                    return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
                }
                *sent += n;
            }
        }
        ready!(Pin::new(&mut self.inner).poll_flush(cx))?;
        Poll::Ready(Ok(()))
    }
}

impl<T: AsyncRead + AsyncWrite + Unpin> AsyncRead for RequestLineLimit<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.refusal.is_some() {
            return this.poll_refuse(cx);
        }
        let before = buf.filled().len();
        ready!(Pin::new(&mut this.inner).poll_read(cx, buf))?;
        if this.too_long(&buf.filled()[before..]) {
            // Nothing of this read reaches the parser.
            buf.set_filled(before);
            this.refusal = Some((refusal(), 0));
            return this.poll_refuse(cx);
        }
        Poll::Ready(Ok(()))
    }
}

impl<T: AsyncRead + AsyncWrite + Unpin> AsyncWrite for RequestLineLimit<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.refusal.is_some() {
            // The connection is answered and closing: nothing else goes out.
            return Poll::Ready(Ok(buf.len()));
        }
        // An answer goes out: what the client sends next starts a line.
        this.line = 0;
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_request_lines_are_refused() {
        let mut limit = RequestLineLimit::new(());
        assert!(!limit.too_long(b"GET /api/v1/networks HTTP/1.1\r\nHost: x\r\n\r\n"));
        // A long header line or body line is left to actix-http.
        let header = format!("X-Big: {}", "a".repeat(MAX_REQUEST_LINE + 10));
        assert!(!limit.too_long(header.as_bytes()));
        assert!(!limit.too_long(b"\r\n"));
        let body = format!("{{\"a\": \"{}\"}}", "b".repeat(MAX_REQUEST_LINE + 10));
        assert!(!limit.too_long(body.as_bytes()));
        assert!(!limit.too_long(b"\n"));
        // A request line, read in pieces: refused once it passes the limit.
        assert!(!limit.too_long(b"GE"));
        assert!(!limit.too_long(b"T /api/v1/networks?q="));
        let so_far = limit.line;
        assert!(!limit.too_long("a".repeat(MAX_REQUEST_LINE - so_far).as_bytes()));
        assert!(limit.too_long(b"a"));
        // One that ends in time passes.
        let mut limit = RequestLineLimit::new(());
        let line = format!("PATCH /{} HTTP/1.1\r\n", "a".repeat(MAX_REQUEST_LINE - 20));
        assert!(!limit.too_long(line.as_bytes()));
        assert!(is_request_line(b"OPTIONS "));
        assert!(!is_request_line(b"OPTIONSX"));
        assert!(!is_request_line(b" GET /ab"));
        assert!(!is_request_line(b"Host: ab"));
    }
}
