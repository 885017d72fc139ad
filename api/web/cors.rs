//! Cross-origin requests (CORS) to the API.
//!
//! - Public reads (`GET`/`HEAD` without `Authorization`) are open to every
//!   origin, without credentials: `Access-Control-Allow-Origin: *`. That is
//!   what partner sites' embeds and other sites' scripts use.
//! - Everything else (signed-in reads, writes) is answered cross-origin only
//!   for the origins an operator lists in `ALLOWED_ORIGINS`: the origin is
//!   echoed with `Access-Control-Allow-Credentials: true` and `Vary: Origin`.
//!   Never `*` with credentials.
//! - Preflights (`OPTIONS` with `Access-Control-Request-Method`) get 204 with
//!   what that origin may do, or 403 when it may do nothing of what it asks.

use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::Method;
use actix_web::HttpResponse;

use crate::web::error::ApiError;

/// Methods and headers a listed origin may use.
const PRIVATE_METHODS: &str = "GET, HEAD, POST, PUT, PATCH, DELETE";
const PRIVATE_HEADERS: &str =
    "Authorization, Content-Type, If-Match, If-None-Match, Accept-Language, X-Request-Id";
/// What any origin may use for public reads.
const PUBLIC_METHODS: &str = "GET, HEAD";
const PUBLIC_HEADERS: &str = "Content-Type, If-None-Match, Accept-Language, X-Request-Id";
/// Response headers scripts of other origins may read.
const EXPOSED: &str = "ETag, Location, Link, Retry-After, API-Version, X-Request-Id";
/// How long browsers may keep a preflight answer, in seconds.
const MAX_AGE: &str = "600";

/// What a request's origin may do.
#[derive(Debug, Clone, PartialEq)]
pub enum Access {
    /// No `Origin` header, or the API is not involved: nothing to add.
    None,
    /// An origin from `ALLOWED_ORIGINS`: everything, with credentials.
    Listed(HeaderValue),
    /// Any other origin: public reads only.
    Public,
}

impl Access {
    pub fn of(headers: &HeaderMap, allowed: &[String]) -> Access {
        match headers.get(header::ORIGIN) {
            None => Access::None,
            Some(origin) => match origin.to_str() {
                Ok(o) if allowed.iter().any(|a| a.eq_ignore_ascii_case(o)) => {
                    Access::Listed(origin.clone())
                }
                _ => Access::Public,
            },
        }
    }
}

/// The answer to a preflight request, or `None` when the request is not one.
pub fn preflight(method: &Method, headers: &HeaderMap, access: &Access) -> Option<HttpResponse> {
    let requested = headers.get(header::ACCESS_CONTROL_REQUEST_METHOD)?;
    if method != Method::OPTIONS || *access == Access::None {
        return None;
    }
    let mut response = HttpResponse::NoContent();
    response.insert_header((header::VARY, "Origin"));
    response.insert_header((header::ACCESS_CONTROL_MAX_AGE, MAX_AGE));
    match access {
        Access::Listed(origin) => {
            response
                .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone()))
                .insert_header((header::ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"))
                .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, PRIVATE_METHODS))
                .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, PRIVATE_HEADERS));
        }
        _ => {
            let asks_read = matches!(requested.as_bytes(), b"GET" | b"HEAD");
            let asks_headers: Vec<String> = headers
                .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .split(',')
                .map(|h| h.trim().to_ascii_lowercase())
                .filter(|h| !h.is_empty())
                .collect();
            let public = PUBLIC_HEADERS.to_ascii_lowercase();
            let headers_ok = asks_headers
                .iter()
                .all(|h| public.split(", ").any(|p| p == h));
            if !asks_read || !headers_ok {
                let refusal = ApiError::Forbidden(
                    "This site may only read public data from here. Signed-in requests and \
                     changes are open to the sites the operator lists in ALLOWED_ORIGINS."
                        .into(),
                );
                let mut refused = actix_web::ResponseError::error_response(&refusal);
                refused
                    .headers_mut()
                    .insert(header::VARY, HeaderValue::from_static("Origin"));
                return Some(refused);
            }
            response
                .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
                .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, PUBLIC_METHODS))
                .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, PUBLIC_HEADERS));
        }
    }
    Some(response.finish())
}

/// The CORS headers of an actual (not preflight) API response. `public` is
/// true for reads without credentials.
pub fn decorate(headers: &mut HeaderMap, access: &Access, public: bool, any_listed: bool) {
    if any_listed {
        // The answer depends on the origin: caches must keep them apart.
        headers.append(header::VARY, HeaderValue::from_static("Origin"));
    }
    let allow = match access {
        Access::Listed(origin) => {
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
                HeaderValue::from_static("true"),
            );
            origin.clone()
        }
        _ if public => HeaderValue::from_static("*"),
        _ => return,
    };
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, allow);
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSED),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(
                header::HeaderName::from_static(name),
                HeaderValue::from_static(value),
            );
        }
        map
    }

    const NONE_LISTED: &[String] = &[];

    #[test]
    fn origins_are_matched_exactly() {
        let allowed = vec!["https://gemeente.example.nl".to_string()];
        let h = headers(&[("origin", "https://gemeente.example.nl")]);
        assert!(matches!(Access::of(&h, &allowed), Access::Listed(_)));
        for other in [
            "https://gemeente.example.nl.evil.example",
            "http://gemeente.example.nl",
            "https://gemeente.example.nl:8443",
            "null",
        ] {
            let h = headers(&[("origin", other)]);
            assert_eq!(Access::of(&h, &allowed), Access::Public, "{other}");
        }
        assert_eq!(Access::of(&HeaderMap::new(), NONE_LISTED), Access::None);
    }

    #[test]
    fn credentials_never_go_with_a_wildcard() {
        let mut h = HeaderMap::new();
        decorate(&mut h, &Access::Public, false, true);
        assert!(h.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
        decorate(&mut h, &Access::Public, true, true);
        assert_eq!(h.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).unwrap(), "*");
        assert!(h.get(header::ACCESS_CONTROL_ALLOW_CREDENTIALS).is_none());
    }
}
