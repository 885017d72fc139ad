//! What a client holds once signed in, as `/auth` (register, login,
//! refresh) and `/me/password` answer it: the account (`MeOut`, which
//! `GET /me` answers too), a short-lived access token and the session's
//! refresh token (`TokenOut`), and that refresh token again as an HttpOnly
//! cookie for browsers.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::accounts::sessions::{Issued, COOKIE};
use crate::db::models::User;
use crate::domain::MailLanguage;
use crate::web::error::ApiError;
use crate::web::http::utc;
use crate::AppState;

/// Your account.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeOut {
    pub id: i64,
    #[schema(format = "email")]
    pub email: String,
    pub display_name: String,
    /// Platform admins are made from the command line, never through the API.
    pub is_admin: bool,
    /// Your own stakeholder profile (see `/stakeholders/{stakeholderId}`).
    pub stakeholder_id: Option<i64>,
    /// Whether you confirmed your address (`POST
    /// /auth/email-verification/confirm`); notices go only to a confirmed
    /// address.
    pub email_verified: bool,
    /// The language of your mail.
    pub language: MailLanguage,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

impl MeOut {
    pub fn new(u: User, stakeholder_id: Option<i64>) -> MeOut {
        MeOut {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            is_admin: u.is_admin,
            stakeholder_id,
            email_verified: u.email_verified_at.is_some(),
            language: MailLanguage::from_db(&u.language),
            created_at: utc(u.created_at),
            updated_at: utc(u.updated_at),
        }
    }
}

/// An access token, the refresh token of the session, and the account.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenOut {
    /// Send it as `Authorization: Bearer <accessToken>`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Trade it for a new access token at `/auth/refresh`; it works once.
    /// Browsers get it as an HttpOnly cookie too.
    pub refresh_token: String,
    /// When the session ends at the latest; then sign in again.
    pub refresh_expires_at: chrono::DateTime<chrono::Utc>,
    pub user: MeOut,
}

impl TokenOut {
    pub fn new(
        state: &AppState,
        user: User,
        stakeholder_id: Option<i64>,
        session: Issued,
    ) -> Result<TokenOut, ApiError> {
        Ok(TokenOut {
            access_token: state.keys.issue(user.id, user.session_epoch)?,
            token_type: "Bearer".into(),
            expires_in: state.keys.ttl(),
            refresh_token: session.token,
            refresh_expires_at: utc(session.expires_at),
            user: MeOut::new(user, stakeholder_id),
        })
    }
}

fn secure(req: &HttpRequest) -> bool {
    crate::web::pagination::base_url(req).starts_with("https://")
}

/// The session cookie: HttpOnly, SameSite=Strict, only sent to /api/v1/auth.
/// An empty value with no time left clears it.
pub fn session_cookie(req: &HttpRequest, value: &str, max_age_seconds: i64) -> Cookie<'static> {
    Cookie::build(COOKIE, value.to_string())
        .path("/api/v1/auth")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure(req))
        .max_age(actix_web::cookie::time::Duration::seconds(
            max_age_seconds.max(0),
        ))
        .finish()
}

/// A response with tokens: the body, and the refresh token as cookie.
pub fn token_response(
    req: &HttpRequest,
    mut response: HttpResponseBuilder,
    out: &TokenOut,
) -> HttpResponse {
    let remaining = (out.refresh_expires_at - Utc::now()).num_seconds();
    response
        .cookie(session_cookie(req, &out.refresh_token, remaining))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(out)
}
