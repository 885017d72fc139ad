//! API clients: a system that signs in as itself (OAuth 2.0 client
//! credentials, RFC 6749 section 4.4), for one organisation stakeholder.
//!
//! A client has a public `client_id` and a secret of 32 random bytes, shown
//! once; only its SHA-256 is kept (a secret that long needs no slow hash).
//! During a rotation the previous secret keeps working for a while, so the
//! system can be switched without a gap. What a client may change is named
//! by its scopes; reading is always allowed (as far as the organisation
//! may see). The scope a request needs follows from its method and address
//! ([`needed_scope`]) and is checked when the viewer is loaded
//! (`permissions::Viewer::load`), so no handler can forget it.

use chrono::NaiveDateTime;

use crate::accounts::sessions::{hash, random_token};
use crate::db::models::ApiClient;

/// The token type (`typ` claim) of a client's access token: it never
/// stands in for a person's.
pub const CLIENT_TOKEN: &str = "client";

/// The scopes a client can be given: `read` (every client has it) and one
/// write scope per resource a municipality's system keeps.
pub const SCOPES: &[&str] = &[
    "read",
    "networks:write",
    "goals:write",
    "knowledge-links:write",
    "meetings:write",
    "webhooks:write",
];

/// The hours a previous secret works by default after a rotation.
pub const DEFAULT_OVERLAP_HOURS: i64 = 24;
/// The most hours a previous secret may keep working.
pub const MAX_OVERLAP_HOURS: i64 = 168;

/// A new client id: `tmc_` and 16 random hex digits.
pub fn new_client_id() -> String {
    format!("tmc_{}", crate::mail::outbox::random_hex(8))
}

/// A new secret: `tms_` and 32 random bytes, URL-safe.
pub fn new_secret() -> String {
    format!("tms_{}", random_token())
}

/// How a secret is stored.
pub fn hash_secret(secret: &str) -> String {
    hash(secret)
}

/// Whether `secret` is the client's current secret, or its previous one
/// while that still works. Compares in constant time.
pub fn secret_matches(client: &ApiClient, secret: &str, now: NaiveDateTime) -> bool {
    let offered = hash_secret(secret);
    let current = same(&offered, &client.secret_hash);
    let previous = match (
        &client.previous_secret_hash,
        client.previous_secret_expires_at,
    ) {
        (Some(h), Some(until)) if until > now => same(&offered, h),
        _ => false,
    };
    current | previous
}

fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// The stored scopes as a list, `read` first.
pub fn scopes_of(stored: &str) -> Vec<String> {
    let mut out = vec!["read".to_string()];
    out.extend(
        stored
            .split_whitespace()
            .filter(|s| *s != "read")
            .map(str::to_string),
    );
    out
}

/// Scopes as stored: the write scopes, sorted, separated by spaces.
pub fn store_scopes(scopes: &[String]) -> String {
    let mut out: Vec<&str> = scopes
        .iter()
        .map(String::as_str)
        .filter(|s| *s != "read")
        .collect();
    out.sort_unstable();
    out.dedup();
    out.join(" ")
}

/// The write scope a request needs, from its method and address below
/// `/api/v1`; `None` for reads. The resource is the last word of the path
/// that is not an id: `POST /networks/4/goals` and `PATCH /goals/9` need
/// `goals:write`. A write to anything else needs [`NO_SCOPE`], which no
/// client has.
pub fn needed_scope(method: &actix_web::http::Method, path: &str) -> Option<&'static str> {
    use actix_web::http::Method;
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return None;
    }
    let path = path.strip_prefix("/api/v1").unwrap_or(path);
    let resource = path
        .split('/')
        .rev()
        .find(|s| !s.is_empty() && !s.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or("");
    // A webhook's test event is a webhook write.
    let resource = if resource == "ping" {
        "webhooks"
    } else {
        resource
    };
    let wanted = format!("{resource}:write");
    Some(
        SCOPES
            .iter()
            .find(|s| **s == wanted)
            .copied()
            .unwrap_or(NO_SCOPE),
    )
}

/// Scopes as the bits of a token's `scp` claim, one per entry of
/// [`SCOPES`].
pub fn scope_bits<'a>(scopes: impl IntoIterator<Item = &'a str>) -> u32 {
    scopes
        .into_iter()
        .filter_map(|s| SCOPES.iter().position(|k| *k == s))
        .fold(0, |bits, i| bits | (1 << i))
}

/// Whether a token's scope bits hold `scope`.
pub fn granted(bits: u32, scope: &str) -> bool {
    SCOPES
        .iter()
        .position(|k| *k == scope)
        .is_some_and(|i| bits & (1 << i) != 0)
}

/// The scope of writes no client may make (accounts, memberships, ...).
pub const NO_SCOPE: &str = "";

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::Method;

    #[test]
    fn a_request_needs_the_scope_of_its_resource() {
        assert_eq!(needed_scope(&Method::GET, "/api/v1/networks"), None);
        assert_eq!(
            needed_scope(&Method::POST, "/api/v1/networks"),
            Some("networks:write")
        );
        assert_eq!(
            needed_scope(&Method::POST, "/api/v1/networks/4/goals"),
            Some("goals:write")
        );
        assert_eq!(
            needed_scope(&Method::DELETE, "/api/v1/knowledge-links/12"),
            Some("knowledge-links:write")
        );
        assert_eq!(
            needed_scope(&Method::POST, "/api/v1/networks/4/members"),
            Some(NO_SCOPE)
        );
        assert_eq!(
            needed_scope(&Method::POST, "/api/v1/webhooks/3/ping"),
            Some("webhooks:write")
        );
    }

    #[test]
    fn scopes_are_stored_sorted_without_read() {
        let given = vec!["read".into(), "goals:write".into(), "goals:write".into()];
        assert_eq!(store_scopes(&given), "goals:write");
        assert_eq!(scopes_of("goals:write"), vec!["read", "goals:write"]);
    }
}
