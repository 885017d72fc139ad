//! Logs with `tracing`: the subscriber (plain lines or JSON, filtered by
//! `RUST_LOG`) and the access log, one line per request inside a span that
//! carries the request id, so every event of a request can be found by it.
//!
//! What a request line holds: the request id, the method, the route pattern
//! (`/api/v1/networks/{networkId}`, never the concrete path, which a client
//! can fill with anything), the status and the duration. Never query
//! strings, headers, bodies or addresses: they can hold personal data.

use std::future::Future;
use std::time::Instant;

use actix_web::dev::{Service, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use tracing::{Instrument, Subscriber};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// The filter when `RUST_LOG` is not set.
pub const DEFAULT_FILTER: &str = "info,actix_server=warn";

/// The target of the request lines (`RUST_LOG=info,themanet::access=warn`
/// keeps only the failed ones).
pub const ACCESS_TARGET: &str = "themanet::access";

/// How log lines look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One readable line per event.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

impl Format {
    /// `LOG_FORMAT`: `text` (or unset) or `json`.
    pub fn parse(value: Option<&str>) -> Result<Format, String> {
        match value.map(str::trim) {
            None | Some("") | Some("text") => Ok(Format::Text),
            Some("json") => Ok(Format::Json),
            Some(other) => Err(format!("LOG_FORMAT must be text or json (it is {other:?})")),
        }
    }
}

/// The filter from `RUST_LOG` (or [`DEFAULT_FILTER`]), with a clear error.
pub fn filter(value: Option<&str>) -> Result<EnvFilter, String> {
    let directives = value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .unwrap_or(DEFAULT_FILTER);
    EnvFilter::builder()
        .parse(directives)
        .map_err(|e| format!("RUST_LOG is not a valid log filter ({directives:?}): {e}"))
}

/// A layer that writes every event to `writer` in the given format. Events
/// inside a request show the request's span (`request{request_id=.. ..}`;
/// in JSON under `span`).
pub fn layer<S, W>(format: Format, writer: W, ansi: bool) -> Box<dyn Layer<S> + Send + Sync>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let fmt = tracing_subscriber::fmt::layer().with_writer(writer);
    match format {
        Format::Text => fmt.with_ansi(ansi).boxed(),
        Format::Json => fmt
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .boxed(),
    }
}

/// Sends the logs to standard error, configured by `RUST_LOG` and
/// `LOG_FORMAT`; records of the `log` crate (actix, r2d2) come along.
pub fn init() -> Result<(), String> {
    use std::io::IsTerminal;
    let filter = filter(std::env::var("RUST_LOG").ok().as_deref())?;
    let format = Format::parse(std::env::var("LOG_FORMAT").ok().as_deref())?;
    let ansi = std::io::stderr().is_terminal();
    tracing_subscriber::registry()
        .with(filter)
        .with(layer(format, std::io::stderr, ansi))
        .try_init()
        .map_err(|e| format!("cannot start logging: {e}"))
}

/// The id of a request, as the client or proxy sent it in `X-Request-Id`
/// (8 to 64 letters, digits and dashes), or a new random one.
fn request_id(req: &ServiceRequest) -> String {
    req.headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            (8..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        .map(str::to_string)
        .unwrap_or_else(|| format!("{:016x}", rand::random::<u64>()))
}

/// The access-log middleware (`App::wrap_fn(access_log)`, outermost): runs
/// the request in a span with its id, method and route, writes one line
/// when it is answered (a 5xx as an error), and sends the id back in
/// `X-Request-Id` so an operator can find the log of a reported problem.
pub fn access_log<S, B>(
    req: ServiceRequest,
    srv: &S,
) -> impl Future<Output = Result<ServiceResponse<B>, actix_web::Error>> + 'static
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
    S::Future: 'static,
    B: 'static,
{
    let started = Instant::now();
    let id = request_id(&req);
    // The frontend's files are one service without a pattern of its own.
    let route = match req.match_pattern() {
        Some(pattern) if pattern.is_empty() => "/{file}".to_string(),
        Some(pattern) => pattern,
        None => "unmatched".to_string(),
    };
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %req.method(),
        route = %route,
    );
    let fut = span.in_scope(|| srv.call(req));
    async move {
        let result = fut.await;
        let status = match &result {
            Ok(res) => res.status(),
            Err(e) => e.as_response_error().status_code(),
        };
        let duration_ms = (started.elapsed().as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0;
        if status.is_server_error() {
            tracing::error!(target: ACCESS_TARGET, status = status.as_u16(), duration_ms);
        } else {
            tracing::info!(target: ACCESS_TARGET, status = status.as_u16(), duration_ms);
        }
        let mut res = result?;
        if let Ok(value) = HeaderValue::from_str(&id) {
            res.headers_mut()
                .insert(HeaderName::from_static("x-request-id"), value);
        }
        Ok(res)
    }
    .instrument(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_values_name_the_variable() {
        assert_eq!(Format::parse(None), Ok(Format::Text));
        assert_eq!(Format::parse(Some("json")), Ok(Format::Json));
        assert!(Format::parse(Some("xml"))
            .unwrap_err()
            .contains("LOG_FORMAT"));
        assert!(filter(None).is_ok());
        assert!(filter(Some("info,themanet::access=warn")).is_ok());
        assert!(filter(Some("info,themanet=loud"))
            .unwrap_err()
            .contains("RUST_LOG"));
    }
}
