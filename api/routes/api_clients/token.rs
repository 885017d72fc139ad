//! `POST /oauth/token`: an API client trades its id and secret for a
//! short-lived access token (OAuth 2.0 client credentials grant, RFC 6749
//! section 4.4, as the Dutch government's OAuth profile uses it for
//! system-to-system access).
//!
//! The client authenticates with HTTP Basic (`client_secret_basic`) or with
//! `client_id` and `client_secret` in the form (`client_secret_post`).
//! Failures answer as RFC 6749 section 5.2 says (`error`,
//! `error_description`), inside a problem+json body like every other error.
//! Failed attempts are throttled per client id and per address, as
//! sign-ins are.

use actix_web::http::{header, StatusCode};
use actix_web::{post, web, HttpRequest, HttpResponse};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use diesel::prelude::*;

use super::types::ClientTokenOut;
use crate::accounts::clients::{scope_bits, scopes_of, secret_matches};
use crate::accounts::throttle;
use crate::db::models::ApiClient;
use crate::db::schema::api_clients;
use crate::web::error::{problem_json, ApiError};
use crate::web::http::client_address;
use crate::{audit, db, AppState};

/// The form of a token request.
#[derive(Debug, utoipa::ToSchema)]
#[expect(
    dead_code,
    reason = "documents the form for OpenAPI; read by read_request"
)]
pub struct ClientTokenForm {
    /// Always `client_credentials`.
    #[schema(example = "client_credentials")]
    pub grant_type: String,
    /// Optional: fewer scopes than the client has, separated by spaces.
    #[schema(example = "read")]
    pub scope: Option<String>,
    /// When not sent with HTTP Basic.
    pub client_id: Option<String>,
    /// When not sent with HTTP Basic.
    pub client_secret: Option<String>,
}

/// Get an access token for an API client
///
/// OAuth 2.0 client credentials (RFC 6749 section 4.4). Send
/// `grant_type=client_credentials` as `application/x-www-form-urlencoded`,
/// with the client id and secret as HTTP Basic or in the form. The token
/// lasts as long as a person's (`expires_in`); ask for a new one then.
#[utoipa::path(
    tag = "API clients",
    request_body(content = ClientTokenForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "An access token.", body = ClientTokenOut),
        (status = 400, description = "`invalid_request`, `unsupported_grant_type` or `invalid_scope` (RFC 6749 section 5.2), in a problem+json body."),
        (status = 401, description = "`invalid_client`: unknown client, wrong or expired secret."),
        (status = 429, description = "Too many failed attempts; wait Retry-After seconds."),
    ),
    security(()),
)]
#[post("/oauth/token")]
pub async fn issue_client_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let form = match read_request(&req, &body) {
        Ok(form) => form,
        Err(refusal) => return Ok(refusal.answer()),
    };
    let keys = [
        format!("client:{}", form.client_id),
        format!("client-address:{}", client_address(&req)),
    ];
    if let Some(wait) = state.throttle.blocked(&keys).await {
        return Err(ApiError::TooManyRequests(wait));
    }
    let now = db::now();
    let client_id = form.client_id.clone();
    let client: Option<ApiClient> = db::read(&state.pool, move |conn| {
        Ok(api_clients::table
            .filter(api_clients::client_id.eq(client_id))
            .select(ApiClient::as_select())
            .first(conn)
            .optional()?)
    })
    .await?;
    let Some(client) = client.filter(|c| secret_matches(c, &form.secret, now)) else {
        state.throttle.record(&keys[0], throttle::ACCOUNT).await;
        state.throttle.record(&keys[1], throttle::ADDRESS).await;
        return Ok(Refusal::client().answer());
    };
    let has = scopes_of(&client.scopes);
    let asked: Vec<String> = match &form.scope {
        Some(s) => s.split_whitespace().map(str::to_string).collect(),
        None => has.clone(),
    };
    if let Some(extra) = asked.iter().find(|s| !has.contains(s)) {
        return Ok(Refusal::new(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            format!("This client does not have the scope {extra}."),
        )
        .answer());
    }
    let token = state.keys.issue_client(
        client.id,
        client.epoch,
        scope_bits(asked.iter().map(String::as_str)),
    )?;
    let id = client.id;
    db::write(&state.pool, move |conn| {
        diesel::update(api_clients::table.find(id))
            .set(api_clients::last_used_at.eq(db::now()))
            .execute(conn)?;
        let actor = audit::Actor {
            user_id: None,
            client_id: Some(id),
        };
        audit::record(
            conn,
            actor,
            "api_client.token_issued",
            "api_client",
            Some(id),
            None,
        )
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::PRAGMA, "no-cache"))
        .json(ClientTokenOut {
            access_token: token,
            token_type: "Bearer".into(),
            expires_in: state.keys.ttl(),
            scope: asked.join(" "),
        }))
}

/// A well-formed request: who asks, with what secret, for which scopes.
struct TokenRequest {
    client_id: String,
    secret: String,
    scope: Option<String>,
}

/// Reads the form and the client's credentials from either place.
fn read_request(req: &HttpRequest, body: &[u8]) -> Result<TokenRequest, Refusal> {
    let form_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form_type {
        return Err(Refusal::request(
            "Send the request as application/x-www-form-urlencoded.",
        ));
    }
    let mut fields = std::collections::HashMap::new();
    for (key, value) in url::form_urlencoded::parse(body) {
        if fields.insert(key.to_string(), value.to_string()).is_some() {
            return Err(Refusal::request(&format!("{key} is sent twice.")));
        }
    }
    match fields.get("grant_type").map(String::as_str) {
        Some("client_credentials") => {}
        Some(_) => {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "Only grant_type=client_credentials is supported.".into(),
            ))
        }
        None => return Err(Refusal::request("grant_type is required.")),
    }
    let basic = basic_credentials(req)?;
    let posted = (fields.remove("client_id"), fields.remove("client_secret"));
    let (client_id, secret) = match (basic, posted) {
        (Some(_), (Some(_), _) | (_, Some(_))) => {
            return Err(Refusal::request(
                "Send the client's credentials one way: HTTP Basic or the form.",
            ))
        }
        (Some(pair), _) => pair,
        (None, (Some(id), Some(secret))) => (id, secret),
        (None, _) => return Err(Refusal::client()),
    };
    Ok(TokenRequest {
        client_id,
        secret,
        scope: fields.remove("scope"),
    })
}

/// `Authorization: Basic`, with id and secret form-encoded first (RFC 6749
/// section 2.3.1).
fn basic_credentials(req: &HttpRequest) -> Result<Option<(String, String)>, Refusal> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let encoded = value
        .to_str()
        .ok()
        .and_then(|v| {
            v.strip_prefix("Basic ")
                .or_else(|| v.strip_prefix("basic "))
        })
        .ok_or_else(Refusal::client)?;
    let decoded = STANDARD
        .decode(encoded.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(Refusal::client)?;
    let (id, secret) = decoded.split_once(':').ok_or_else(Refusal::client)?;
    let unform = |s: &str| -> String {
        url::form_urlencoded::parse(format!("x={s}").as_bytes())
            .next()
            .map(|(_, v)| v.to_string())
            .unwrap_or_default()
    };
    Ok(Some((unform(id), unform(secret))))
}

/// A refusal as RFC 6749 section 5.2 words it.
struct Refusal {
    status: StatusCode,
    error: &'static str,
    description: String,
}

impl Refusal {
    fn new(status: StatusCode, error: &'static str, description: String) -> Refusal {
        Refusal {
            status,
            error,
            description,
        }
    }

    fn request(description: &str) -> Refusal {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            description.into(),
        )
    }

    fn client() -> Refusal {
        Refusal::new(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "The client id or secret is wrong, or the secret no longer works.".into(),
        )
    }

    /// The problem+json answer, with RFC 6749's members added.
    fn answer(self) -> HttpResponse {
        let body = problem_json(self.status, "oauth", self.description.clone());
        let mut value: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        if let Some(object) = value.as_object_mut() {
            object.insert("error".into(), self.error.into());
            object.insert("error_description".into(), self.description.into());
        }
        let mut answer = HttpResponse::build(self.status);
        answer
            .content_type(crate::web::error::PROBLEM_JSON)
            .insert_header((header::CACHE_CONTROL, "no-store"));
        if self.status == StatusCode::UNAUTHORIZED {
            answer.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"themanet\""));
        }
        answer.body(value.to_string())
    }
}
