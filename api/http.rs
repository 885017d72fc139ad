//! Small HTTP helpers shared by the handlers: ETags, `If-Match`, `201` with
//! `Location`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

use crate::error::ApiError;

/// A strong ETag from a resource's kind, key and version counter.
pub fn etag(kind: &str, key: impl std::fmt::Display, version: i64) -> String {
    format!("\"{kind}-{key}-{version}\"")
}

/// The tags a client sent in `If-Match`, if any (`*` matches anything).
pub fn if_match(req: &HttpRequest) -> Option<Vec<String>> {
    let value = req.headers().get(header::IF_MATCH)?.to_str().ok()?;
    Some(
        value
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
    )
}

/// 412 when the client's `If-Match` names another version.
pub fn check_if_match(expected: &Option<Vec<String>>, current: &str) -> Result<(), ApiError> {
    match expected {
        Some(tags) if !tags.iter().any(|t| t == "*" || t == current) => {
            Err(ApiError::PreconditionFailed)
        }
        _ => Ok(()),
    }
}

pub fn ok_with_etag<T: Serialize>(body: &T, etag: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, etag))
        .json(body)
}

/// `201 Created` with the absolute `Location` of the new resource.
pub fn created<T: Serialize>(
    req: &HttpRequest,
    path: &str,
    body: &T,
    etag: Option<&str>,
) -> HttpResponse {
    let location = format!("{}/api/v1{}", crate::pagination::base_url(req), path);
    let mut response = HttpResponse::Created();
    response.insert_header((header::LOCATION, location));
    if let Some(tag) = etag {
        response.insert_header((header::ETAG, tag));
    }
    response.json(body)
}

/// Times as RFC 3339 in UTC.
pub fn utc(t: chrono::NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    t.and_utc()
}

/// The client's address: the peer, or with `TRUSTED_PROXY=true` the address
/// the proxy reports (a header anyone could set is never trusted otherwise).
pub fn client_address(req: &HttpRequest) -> String {
    let behind_proxy = req
        .app_data::<actix_web::web::Data<crate::AppState>>()
        .is_some_and(|s| s.config.trusted_proxy);
    if behind_proxy {
        if let Some(address) = req.connection_info().realip_remote_addr() {
            return address.to_string();
        }
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}
