//! Answers to anonymous readers, kept for a moment: a public page that a
//! partner site embeds, or a network shared widely, is read by many
//! visitors at once, and every one of them would otherwise repeat the same
//! database work for the same bytes.
//!
//! What is kept: `200` answers to `GET` requests without `Authorization` or
//! `Cookie` on the public listings and pages (`PUBLIC_READS`), never a search
//! (`q=`; search keeps its own answers) and never what a signed-in person
//! sees. Anonymous answers hold only public data, so they are the same for
//! every anonymous visitor; the key is the address as the visitor sees it
//! (scheme, host and path with the query), since the answer's links are
//! built from it.
//!
//! When an answer is dropped: every API request that wrote (`db::write`,
//! including the `visit` of a knowledge link, a GET that counts a click)
//! bumps the server's generation when it has been answered, that is after
//! its transaction ended, and an answer read before that is not used again,
//! so a change shows in the next read. Changes made by other instances on
//! the same PostgreSQL database drop them too, within about 50 ms
//! (`db::changes`: LISTEN/NOTIFY). Changes made by the command-line tools
//! show after at most `PUBLIC_CACHE_SECONDS` (default 10; 0 turns the cache
//! off), and so does a meeting that ends and leaves the upcoming ones.
//! Calendars (`.ics`) are not kept: they answer `If-None-Match` themselves.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::body::{self, BoxBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap};
use actix_web::http::{Method, StatusCode};
use actix_web::web::Bytes;
use actix_web::HttpResponse;

/// At most this many answers, of at most `MAX_ANSWER` bytes each and
/// `MAX_BYTES` in all (a page of 100 networks is about 100 KB); a full cache
/// starts again empty.
const MAX_ANSWERS: usize = 512;
const MAX_ANSWER: usize = 256 * 1024;
const MAX_BYTES: usize = 8 * 1024 * 1024;

/// The paths whose anonymous answers are kept, as segments after `/api/v1/`
/// (`{id}` is a whole number).
const PUBLIC_READS: &[&[&str]] = &[
    &["networks"],
    &["networks", "{id}"],
    &["networks", "{id}", "goals"],
    &["networks", "{id}", "meetings"],
    &["networks", "{id}", "stakeholder-map"],
    &["networks", "{id}", "stakeholder-map.svg"],
    &["networks", "{id}", "open-seats"],
    &["meetings"],
    &["meetings", "{id}"],
    &["knowledge-links"],
    &["knowledge-links", "{id}"],
    &["map", "municipalities"],
    &["map", "municipalities.svg"],
    &["questions"],
    &["questions", "{id}"],
    &["topics"],
    &["convention-articles"],
    &["municipalities"],
];

#[derive(Default)]
struct Kept {
    answers: HashMap<String, Answer>,
    bytes: usize,
}

struct Answer {
    generation: u64,
    read_at: Instant,
    headers: HeaderMap,
    body: Bytes,
}

/// The answers of one server (in `AppState`), and how often they were used.
#[derive(Default)]
pub struct Answers {
    kept: Mutex<Kept>,
    /// Bumped when a request that wrote has been answered.
    generation: AtomicU64,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl Answers {
    /// Drops every kept answer: another instance changed something.
    pub fn forget_all(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// Answers served from the cache, and public reads that went to the
    /// database (for `/metrics`).
    pub fn counts(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }

    fn get(&self, key: &str, ttl: Duration) -> Option<HttpResponse> {
        let generation = self.generation.load(Ordering::Acquire);
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        let answer = kept
            .answers
            .get(key)
            .filter(|a| a.generation == generation && a.read_at.elapsed() < ttl)?;
        let mut response = HttpResponse::with_body(StatusCode::OK, answer.body.clone());
        for (name, value) in &answer.headers {
            response.headers_mut().append(name.clone(), value.clone());
        }
        Some(response.map_into_boxed_body())
    }

    /// Keeps an answer read at `generation`, whose reading began at `read_at`.
    fn put(&self, key: String, generation: u64, read_at: Instant, headers: HeaderMap, body: Bytes) {
        if body.len() > MAX_ANSWER {
            return;
        }
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(old) = kept.answers.remove(&key) {
            kept.bytes -= old.body.len();
        }
        if kept.answers.len() >= MAX_ANSWERS || kept.bytes + body.len() > MAX_BYTES {
            kept.answers.clear();
            kept.bytes = 0;
        }
        kept.bytes += body.len();
        kept.answers.insert(
            key,
            Answer {
                generation,
                read_at,
                headers,
                body,
            },
        );
    }
}

/// Whether a path (with its query) is one of `PUBLIC_READS` and not a search.
fn is_public_read(path: &str, query: &str) -> bool {
    let Some(rest) = path.strip_prefix("/api/v1/") else {
        return false;
    };
    let segments: Vec<&str> = rest.split('/').collect();
    let listed = PUBLIC_READS
        .iter()
        .any(|template| crate::web::http::fits_template(template, &segments, true));
    let search = query
        .split('&')
        .any(|pair| pair.starts_with("q=") && pair.len() > 2);
    listed && !search
}

/// The key of a request whose answer may be kept, or `None`.
fn key_of(req: &ServiceRequest) -> Option<String> {
    let anonymous = !req.headers().contains_key(header::AUTHORIZATION)
        && !req.headers().contains_key(header::COOKIE);
    if req.method() != Method::GET || !anonymous || !is_public_read(req.path(), req.query_string())
    {
        return None;
    }
    Some(format!(
        "{}{}",
        crate::web::pagination::base_url(req.request()),
        req.uri()
    ))
}

/// The middleware (on the `/api/v1` scope): answers a public read from the
/// cache, or keeps what the handler answered.
pub fn public_reads<S, B>(
    req: ServiceRequest,
    srv: &S,
) -> impl Future<Output = Result<ServiceResponse<BoxBody>, actix_web::Error>> + 'static
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
    S::Future: 'static,
    B: body::MessageBody + 'static,
{
    let state = req
        .app_data::<actix_web::web::Data<crate::AppState>>()
        .filter(|s| s.config.public_cache_seconds > 0)
        .cloned();
    let started = Instant::now();
    let key = state.as_ref().and_then(|_| key_of(&req));
    let generation = state
        .as_ref()
        .map_or(0, |s| s.answers.generation.load(Ordering::Acquire));
    let hit = match (&state, &key) {
        (Some(state), Some(key)) => state
            .answers
            .get(key, Duration::from_secs(state.config.public_cache_seconds)),
        _ => None,
    };
    let (fut, served) = match hit {
        Some(answer) => (None, Some(req.into_response(answer))),
        None => (Some(srv.call(req)), None),
    };
    async move {
        if let Some(served) = served {
            if let Some(state) = &state {
                state.answers.hits.fetch_add(1, Ordering::Relaxed);
            }
            return Ok(served);
        }
        let Some(fut) = fut else {
            unreachable!("a request is either served from the cache or by the handler")
        };
        let res = fut.await;
        if crate::db::take_wrote() {
            if let Some(state) = &state {
                state.answers.generation.fetch_add(1, Ordering::AcqRel);
            }
        }
        let res = res?;
        let (Some(state), Some(key)) = (state, key) else {
            return Ok(res.map_into_boxed_body());
        };
        state.answers.misses.fetch_add(1, Ordering::Relaxed);
        if res.status() != StatusCode::OK {
            return Ok(res.map_into_boxed_body());
        }
        let (req, response) = res.into_parts();
        let (head, body) = response.into_parts();
        let bytes = match body::to_bytes(body).await {
            Ok(bytes) => bytes,
            Err(_) => {
                return Err(actix_web::error::ErrorInternalServerError(
                    "the answer could not be read",
                ))
            }
        };
        state.answers.put(
            key,
            generation,
            started,
            head.headers().clone(),
            bytes.clone(),
        );
        let response = head.set_body(BoxBody::new(bytes));
        Ok(ServiceResponse::new(req, response))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_reads_without_search_are_kept() {
        assert!(is_public_read("/api/v1/networks", ""));
        assert!(is_public_read("/api/v1/networks", "municipality=GM0344"));
        assert!(is_public_read("/api/v1/networks/12", ""));
        assert!(is_public_read("/api/v1/networks/12/goals", "pageSize=5"));
        assert!(is_public_read("/api/v1/questions", "open=true"));
        assert!(is_public_read("/api/v1/questions/3", ""));
        assert!(!is_public_read("/api/v1/questions/3/supports", ""));
        assert!(is_public_read("/api/v1/knowledge-links", "topic=housing"));
        assert!(is_public_read("/api/v1/networks", "q="));
        assert!(!is_public_read("/api/v1/networks", "q=musea"));
        assert!(!is_public_read("/api/v1/networks", "scope=local&q=musea"));
        assert!(!is_public_read("/api/v1/networks/12/members", ""));
        assert!(!is_public_read("/api/v1/networks/x", ""));
        assert!(!is_public_read("/api/v1/networks/", ""));
        assert!(!is_public_read("/api/v1/stakeholders", ""));
        assert!(!is_public_read("/api/v1/me", ""));
        assert!(!is_public_read("/api/v1/knowledge-links/3/visit", ""));
        assert!(!is_public_read("/health/ready", ""));
    }

    #[test]
    fn a_write_drops_what_was_kept_before_it() {
        let answers = Answers::default();
        let ttl = Duration::from_secs(60);
        answers.put(
            "k".into(),
            0,
            Instant::now(),
            HeaderMap::new(),
            Bytes::from("a"),
        );
        assert!(answers.get("k", ttl).is_some());
        assert!(answers.get("k", Duration::ZERO).is_none(), "too old");
        answers.generation.fetch_add(1, Ordering::AcqRel);
        assert!(answers.get("k", ttl).is_none(), "read before a write");
    }

    #[test]
    fn large_answers_are_not_kept_and_a_full_cache_starts_again() {
        let answers = Answers::default();
        let now = Instant::now();
        answers.put(
            "big".into(),
            0,
            now,
            HeaderMap::new(),
            Bytes::from(vec![b' '; MAX_ANSWER + 1]),
        );
        assert!(answers.kept.lock().unwrap().answers.is_empty());
        for i in 0..MAX_ANSWERS + 1 {
            answers.put(format!("k{i}"), 0, now, HeaderMap::new(), Bytes::from("a"));
        }
        let kept = answers.kept.lock().unwrap();
        assert_eq!((kept.answers.len(), kept.bytes), (1, 1));
    }
}
