//! Registering and signing in.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::accounts::auth::{hash_password, verify_password};
use crate::accounts::sessions::{Issued, Rotation};
use crate::accounts::throttle;
use crate::db::models::{NewUser, User};
use crate::db::schema::{stakeholders, users};
use crate::db::{self, DbConn};
use crate::domain::{FieldVisibility, StakeholderKind};
use crate::routes::me::MeOut;
use crate::web::error::ApiError;
use crate::web::error::{Code, InvalidParam};
use crate::web::extract::{present, Body, JsonBody};
use crate::web::http::client_address;
use crate::AppState;

/// A new account.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisterInput {
    #[validate(
        email(message = "must be an e-mail address"),
        length(max = 254, message = "must have at most 254 characters")
    )]
    #[schema(format = "email", max_length = 254, nullable = false)]
    pub email: Option<String>,
    /// At least 8 characters; a long sentence is stronger than a short code.
    #[validate(custom(function = "crate::accounts::passwords::length"))]
    #[schema(
        format = "password",
        min_length = 8,
        max_length = 1024,
        nullable = false
    )]
    pub password: Option<String>,
    /// The name others see.
    #[validate(length(min = 1, max = 100, message = "must have 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100, nullable = false)]
    pub display_name: Option<String>,
    /// What kind of stakeholder you are; default `experience_expert`.
    #[schema(nullable = false)]
    pub kind: Option<StakeholderKind>,
}

impl Body for RegisterInput {
    const REQUIRED: &'static [&'static str] = &["email", "password", "displayName"];
}

/// E-mail and password.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoginInput {
    #[validate(length(
        min = 1,
        max = 254,
        message = "is required, with at most 254 characters"
    ))]
    #[schema(format = "email", max_length = 254, nullable = false)]
    pub email: Option<String>,
    #[validate(length(
        min = 1,
        max = 1024,
        message = "is required, with at most 1024 characters"
    ))]
    #[schema(format = "password", max_length = 1024, nullable = false)]
    pub password: Option<String>,
}

impl Body for LoginInput {
    const REQUIRED: &'static [&'static str] = &["email", "password"];
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

/// A refresh token to trade for new tokens; browsers may leave it out and
/// send the session cookie instead.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefreshInput {
    #[validate(length(max = 1000, message = "is not a refresh token"))]
    #[schema(max_length = 1000, nullable = false)]
    pub refresh_token: Option<String>,
}

impl Body for RefreshInput {}

fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn insert_account(
    conn: &mut DbConn,
    email: &str,
    hash: &str,
    name: &str,
    kind: StakeholderKind,
    admin: bool,
) -> Result<i64, ApiError> {
    let now = db::now();
    let taken = users::table
        .filter(users::email.eq(email))
        .select(users::id)
        .first::<i64>(conn)
        .optional()?;
    if taken.is_some() {
        return Err(ApiError::Conflict(
            "An account with this e-mail address already exists. Sign in instead.".into(),
        ));
    }
    let id: i64 = diesel::insert_into(users::table)
        .values(&NewUser {
            email,
            password_hash: hash,
            display_name: name,
            is_admin: admin,
            created_at: now,
            updated_at: now,
        })
        .returning(users::id)
        .get_result(conn)?;
    let stakeholder: i64 = diesel::insert_into(stakeholders::table)
        .values((
            stakeholders::kind.eq(kind.as_str()),
            stakeholders::name.eq(name),
            stakeholders::listed.eq(false),
            stakeholders::share_contact.eq(false),
            stakeholders::user_id.eq(id),
            stakeholders::created_by.eq(id),
            stakeholders::organisation_visibility.eq(FieldVisibility::default_for(kind).as_str()),
            stakeholders::expertise_visibility.eq(FieldVisibility::default_for(kind).as_str()),
            stakeholders::talents_visibility.eq(FieldVisibility::default_for(kind).as_str()),
            stakeholders::languages_visibility.eq(FieldVisibility::default_for(kind).as_str()),
            stakeholders::municipality_visibility.eq(FieldVisibility::default_for(kind).as_str()),
            stakeholders::created_at.eq(now),
            stakeholders::updated_at.eq(now),
        ))
        .returning(stakeholders::id)
        .get_result(conn)?;
    let text = crate::search::documents::StakeholderText {
        name,
        organisation: "",
        expertise: "",
        talents: "",
    };
    crate::search::index(
        conn,
        crate::search::documents::STAKEHOLDER,
        stakeholder,
        &text.fields(),
    )?;
    Ok(id)
}

/// Makes (or promotes) a platform admin; from the command line only.
pub fn make_admin(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    password: &str,
) -> Result<bool, ApiError> {
    let email = normalise_email(email);
    if password.chars().count() < 8 {
        return Err(ApiError::Invalid(vec![InvalidParam::new(
            "password",
            Code::Length,
            "must have at least 8 characters",
        )
        .bounds(Some(8), None)]));
    }
    let hash = hash_password(password)?;
    db::write_tx(conn, |conn| {
        let existing = users::table
            .filter(users::email.eq(&email))
            .select(users::id)
            .first::<i64>(conn)
            .optional()?;
        match existing {
            Some(id) => {
                diesel::update(users::table.find(id))
                    .set((
                        users::is_admin.eq(true),
                        users::updated_at.eq(db::now()),
                        users::version.eq(users::version + 1),
                    ))
                    .execute(conn)?;
                Ok(false)
            }
            None => insert_account(conn, &email, &hash, name, StakeholderKind::Other, true)
                .map(|_| true),
        }
    })
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
            refresh_expires_at: crate::web::http::utc(session.expires_at),
            user: MeOut::new(user, stakeholder_id),
        })
    }
}

fn secure(req: &HttpRequest) -> bool {
    crate::web::pagination::base_url(req).starts_with("https://")
}

/// The session cookie: HttpOnly, SameSite=Strict, only sent to /api/v1/auth.
fn session_cookie(req: &HttpRequest, value: &str, max_age_seconds: i64) -> Cookie<'static> {
    Cookie::build(crate::accounts::sessions::COOKIE, value.to_string())
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
    mut response: actix_web::HttpResponseBuilder,
    out: &TokenOut,
) -> HttpResponse {
    let remaining = (out.refresh_expires_at - chrono::Utc::now()).num_seconds();
    response
        .cookie(session_cookie(req, &out.refresh_token, remaining))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(out)
}

/// Loads an account with its stakeholder and starts a session.
pub fn sign_in(
    conn: &mut DbConn,
    user_id: i64,
    days: i64,
) -> Result<(User, Option<i64>, Issued), ApiError> {
    let user = users::table
        .find(user_id)
        .select(User::as_select())
        .first(conn)?;
    let stakeholder = stakeholders::table
        .filter(stakeholders::user_id.eq(user_id))
        .select(stakeholders::id)
        .first::<i64>(conn)
        .optional()?;
    let session = crate::accounts::sessions::start(conn, user_id, days)?;
    Ok((user, stakeholder, session))
}

/// Create an account
///
/// Creates your account and your own stakeholder profile (not listed
/// publicly until you say so), and signs you in.
#[utoipa::path(
    tag = "Accounts",
    request_body = RegisterInput,
    responses(
        (status = 201, description = "The account was created; you are signed in.", body = TokenOut,
            headers(("Location" = String, description = "Address of your account"))),
        (status = 409, description = "An account with this e-mail address already exists."),
        (status = 429, description = "Too many registrations from your address; wait Retry-After seconds."),
    ),
)]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RegisterInput>,
) -> Result<HttpResponse, ApiError> {
    let key = format!("register:{}", client_address(&req));
    state.throttle.record(&key, throttle::REGISTRATION);
    if let Some(wait) = state.throttle.blocked(std::slice::from_ref(&key)) {
        return Err(ApiError::TooManyRequests(wait));
    }
    let (input, mut errors) = body.with_errors();
    if let Some(password) = &input.password {
        if let Err((code, reason)) = crate::accounts::passwords::check(password) {
            let problem = InvalidParam::new("password", code, reason);
            errors.push(if code == Code::Length {
                problem.bounds(Some(8), None)
            } else {
                problem
            });
        }
    }
    crate::web::error::ensure_valid(errors)?;
    let email = normalise_email(&present(input.email, "email")?);
    let password = present(input.password, "password")?;
    let name = present(input.display_name, "displayName")?
        .trim()
        .to_string();
    if name.is_empty() {
        return Err(ApiError::Invalid(vec![InvalidParam::new(
            "displayName",
            Code::Length,
            "must have 1 to 100 characters",
        )
        .bounds(Some(1), Some(100))]));
    }
    let kind = input.kind.unwrap_or(StakeholderKind::ExperienceExpert);
    let hash = crate::accounts::auth::password_work(move || hash_password(&password)).await??;
    let days = state.config.refresh_token_days;
    let (user, stakeholder, session) = db::write(&state.pool, move |conn| {
        let id = insert_account(conn, &email, &hash, &name, kind, false)?;
        sign_in(conn, id, days)
    })
    .await?;
    let out = TokenOut::new(&state, user, stakeholder, session)?;
    let location = format!("{}/api/v1/me", crate::web::pagination::base_url(&req));
    let mut response = HttpResponse::Created();
    response.insert_header((actix_web::http::header::LOCATION, location));
    Ok(token_response(&req, response, &out))
}

/// Sign in
///
/// Gives a short-lived access token. A wrong e-mail address and a wrong
/// password get the same answer.
#[utoipa::path(
    tag = "Accounts",
    request_body = LoginInput,
    responses(
        (status = 200, description = "Signed in.", body = TokenOut),
        (status = 401, description = "The e-mail address or the password is wrong."),
        (status = 429, description = "Too many failed attempts; wait Retry-After seconds. Also with the right password."),
    ),
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<LoginInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner()?;
    let email = normalise_email(&present(input.email, "email")?);
    let password = present(input.password, "password")?;
    // The account and the client address are throttled separately; during
    // a block even the right password is refused.
    let keys = [
        format!("login:{email}"),
        format!("address:{}", client_address(&req)),
    ];
    if let Some(wait) = state.throttle.blocked(&keys) {
        return Err(ApiError::TooManyRequests(wait));
    }
    let user = db::read(&state.pool, move |conn| {
        Ok(users::table
            .filter(users::email.eq(&email))
            .select(User::as_select())
            .first(conn)
            .optional()?)
    })
    .await?;
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let ok =
        crate::accounts::auth::password_work(move || verify_password(&password, hash.as_deref()))
            .await?;
    let user_id = match user {
        Some(user) if ok && !user.disabled => user.id,
        other => {
            state.throttle.record(&keys[0], throttle::ACCOUNT);
            state.throttle.record(&keys[1], throttle::ADDRESS);
            let known = other.map(|u| u.id);
            db::write(&state.pool, move |conn| {
                crate::audit::record(conn, None, "login.failed", "user", known, None)
            })
            .await?;
            return Err(ApiError::Unauthorized(
                "The e-mail address or the password is wrong.".into(),
            ));
        }
    };
    state.throttle.clear(&keys[0]);
    let days = state.config.refresh_token_days;
    let (user, stakeholder, session) = db::write(&state.pool, move |conn| {
        crate::audit::record(
            conn,
            Some(user_id),
            "login.succeeded",
            "user",
            Some(user_id),
            None,
        )?;
        sign_in(conn, user_id, days)
    })
    .await?;
    let out = TokenOut::new(&state, user, stakeholder, session)?;
    Ok(token_response(&req, HttpResponse::Ok(), &out))
}

/// The refresh token a request carries: in the body, or else the cookie.
fn presented_token(req: &HttpRequest, input: RefreshInput) -> Option<String> {
    input
        .refresh_token
        .filter(|t| !t.is_empty())
        .or_else(|| {
            req.cookie(crate::accounts::sessions::COOKIE)
                .map(|c| c.value().to_string())
        })
        .filter(|t| !t.is_empty())
}

/// Renew the access token
///
/// Trades a refresh token (from the body, or the session cookie) for a new
/// access token and a new refresh token. Each refresh token works once; a
/// second use ends the session everywhere.
#[utoipa::path(
    tag = "Accounts",
    request_body = RefreshInput,
    responses(
        (status = 200, description = "New tokens.", body = TokenOut),
        (status = 401, description = "The session has ended: sign in again."),
    ),
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RefreshInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner()?;
    let token = presented_token(&req, input).ok_or_else(crate::accounts::sessions::ended)?;
    let rotated = db::write(
        &state.pool,
        move |conn| match crate::accounts::sessions::rotate(conn, &token)? {
            Rotation::Replayed => Ok(None),
            Rotation::Next(user_id, next) => {
                let user = users::table
                    .find(user_id)
                    .select(User::as_select())
                    .first(conn)?;
                let stakeholder = stakeholders::table
                    .filter(stakeholders::user_id.eq(user_id))
                    .select(stakeholders::id)
                    .first::<i64>(conn)
                    .optional()?;
                Ok(Some((user, stakeholder, next)))
            }
        },
    )
    .await?;
    let Some((user, stakeholder, session)) = rotated else {
        tracing::warn!("a used refresh token came back; its session was ended");
        return Err(crate::accounts::sessions::ended());
    };
    let out = TokenOut::new(&state, user, stakeholder, session)?;
    Ok(token_response(&req, HttpResponse::Ok(), &out))
}

/// Sign out
///
/// Ends the session of the refresh token (from the body, or the session
/// cookie). Access tokens already given out expire on their own, within
/// minutes.
#[utoipa::path(
    tag = "Accounts",
    request_body = RefreshInput,
    responses((status = 204, description = "Signed out.")),
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RefreshInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner()?;
    if let Some(token) = presented_token(&req, input) {
        db::write(&state.pool, move |conn| {
            crate::accounts::sessions::revoke_family_of(conn, &token)
        })
        .await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(session_cookie(&req, "", 0))
        .finish())
}
