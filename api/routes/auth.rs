//! Registering and signing in.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{hash_password, verify_password};
use crate::db::models::{NewUser, User};
use crate::db::schema::{stakeholders, users};
use crate::db::{self, DbConn};
use crate::domain::StakeholderKind;
use crate::error::ApiError;
use crate::extract::{present, Body, JsonBody};
use crate::routes::me::MeOut;
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
    #[validate(length(min = 8, max = 1024, message = "must have at least 8 characters"))]
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
    #[validate(length(max = 254, message = "must have at most 254 characters"))]
    #[schema(format = "email", max_length = 254, nullable = false)]
    pub email: Option<String>,
    #[validate(length(max = 1024, message = "must have at most 1024 characters"))]
    #[schema(format = "password", max_length = 1024, nullable = false)]
    pub password: Option<String>,
}

impl Body for LoginInput {
    const REQUIRED: &'static [&'static str] = &["email", "password"];
}

/// An access token and the account it belongs to.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenOut {
    /// Send it as `Authorization: Bearer <accessToken>`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: i64,
    pub user: MeOut,
}

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
            stakeholders::created_at.eq(now),
            stakeholders::updated_at.eq(now),
        ))
        .returning(stakeholders::id)
        .get_result(conn)?;
    crate::search::index(conn, "stakeholder", stakeholder, &[(name, 3)])?;
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
        return Err(ApiError::invalid(
            "password",
            "must have at least 8 characters",
        ));
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

fn token_out(
    state: &AppState,
    user: User,
    stakeholder_id: Option<i64>,
) -> Result<TokenOut, ApiError> {
    Ok(TokenOut {
        access_token: state.keys.issue(user.id)?,
        token_type: "Bearer".into(),
        expires_in: state.keys.ttl(),
        user: MeOut::new(user, stakeholder_id),
    })
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
    ),
)]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RegisterInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner()?;
    let email = normalise_email(&present(input.email, "email")?);
    let password = present(input.password, "password")?;
    let name = present(input.display_name, "displayName")?
        .trim()
        .to_string();
    if name.is_empty() {
        return Err(ApiError::invalid(
            "displayName",
            "must have 1 to 100 characters",
        ));
    }
    let kind = input.kind.unwrap_or(StakeholderKind::ExperienceExpert);
    let hash = web::block(move || hash_password(&password))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))??;
    let (user, stakeholder) = db::write(&state.pool, move |conn| {
        let id = insert_account(conn, &email, &hash, &name, kind, false)?;
        let user = users::table
            .find(id)
            .select(User::as_select())
            .first(conn)?;
        let stakeholder = stakeholders::table
            .filter(stakeholders::user_id.eq(id))
            .select(stakeholders::id)
            .first::<i64>(conn)?;
        Ok((user, stakeholder))
    })
    .await?;
    let out = token_out(&state, user, Some(stakeholder))?;
    Ok(crate::http::created(&req, "/me", &out, None))
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
    ),
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    body: JsonBody<LoginInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner()?;
    let email = normalise_email(&present(input.email, "email")?);
    let password = present(input.password, "password")?;
    let found = db::read(&state.pool, move |conn| {
        let user = users::table
            .filter(users::email.eq(&email))
            .select(User::as_select())
            .first(conn)
            .optional()?;
        let stakeholder = match &user {
            Some(u) => stakeholders::table
                .filter(stakeholders::user_id.eq(u.id))
                .select(stakeholders::id)
                .first::<i64>(conn)
                .optional()?,
            None => None,
        };
        Ok((user, stakeholder))
    })
    .await?;
    let (user, stakeholder) = found;
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let ok = web::block(move || verify_password(&password, hash.as_deref()))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    match user {
        Some(user) if ok => Ok(HttpResponse::Ok().json(token_out(&state, user, stakeholder)?)),
        _ => Err(ApiError::Unauthorized(
            "The e-mail address or the password is wrong.".into(),
        )),
    }
}
