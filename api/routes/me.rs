//! Your own account.

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Auth;
use crate::db::models::User;
use crate::db::schema::{memberships, stakeholders, users};
use crate::db::{self, DbConn};
use crate::domain::Role;
use crate::error::ApiError;
use crate::extract::{Body, JsonBody};
use crate::http::{check_if_match, etag, if_match, ok_with_etag, utc};
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
    pub created_at: DateTime<Utc>,
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
            created_at: utc(u.created_at),
            updated_at: utc(u.updated_at),
        }
    }
}

/// Changes to your account (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeInput {
    #[validate(length(min = 1, max = 100, message = "must have 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100, nullable = false)]
    pub display_name: Option<String>,
}

impl Body for MeInput {}

/// Your account, as long as the token's session is still current.
fn load_me(conn: &mut DbConn, auth: Auth) -> Result<(User, Option<i64>), ApiError> {
    let user_id = auth.required()?;
    crate::permissions::Viewer::load(conn, auth)?;
    let user = users::table
        .find(user_id)
        .select(User::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::Unauthorized("This account no longer exists.".into()))?;
    let stakeholder = stakeholders::table
        .filter(stakeholders::user_id.eq(user_id))
        .select(stakeholders::id)
        .first::<i64>(conn)
        .optional()?;
    Ok((user, stakeholder))
}

/// Read your account
///
/// Your e-mail address, name, and the id of your own stakeholder profile.
#[utoipa::path(
    tag = "Accounts",
    responses((status = 200, description = "Your account.", body = MeOut, headers(("ETag" = String, description = "Version tag")))),
    security(("bearer" = [])),
)]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let (user, stakeholder) = db::read(&state.pool, move |conn| load_me(conn, auth)).await?;
    let tag = etag("user", user.id, user.version);
    Ok(ok_with_etag(&MeOut::new(user, stakeholder), &tag))
}

/// Change your account
///
/// JSON merge patch of your display name.
#[utoipa::path(
    tag = "Accounts",
    params(("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412")),
    request_body(content = MeInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "Your changed account.", body = MeOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 412, description = "Your account changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/me")]
pub async fn update_me(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<MeInput>,
) -> Result<HttpResponse, ApiError> {
    let user_id = auth.required()?;
    let expected = if_match(&req);
    let input = body.into_inner()?;
    let (user, stakeholder) = db::write(&state.pool, move |conn| {
        let (user, _) = load_me(conn, auth)?;
        check_if_match(&expected, &etag("user", user.id, user.version))?;
        if let Some(name) = input.display_name {
            let name = name.trim().to_string();
            if name.is_empty() {
                return Err(ApiError::invalid(
                    "displayName",
                    "must have 1 to 100 characters",
                ));
            }
            diesel::update(users::table.find(user_id))
                .set((
                    users::display_name.eq(&name),
                    users::updated_at.eq(db::now()),
                    users::version.eq(users::version + 1),
                ))
                .execute(conn)?;
        }
        load_me(conn, auth)
    })
    .await?;
    let tag = etag("user", user.id, user.version);
    Ok(ok_with_etag(&MeOut::new(user, stakeholder), &tag))
}

/// Delete your account
///
/// Removes your account, your profile and your memberships and
/// endorsements. Links you added stay, without your name. If you are the
/// last coordinator of a network, hand coordination over first (409).
#[utoipa::path(
    tag = "Accounts",
    responses(
        (status = 204, description = "Your account is gone."),
        (status = 409, description = "You are the last coordinator of a network."),
    ),
    security(("bearer" = [])),
)]
#[delete("/me")]
pub async fn delete_me(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, ApiError> {
    let user_id = auth.required()?;
    db::write(&state.pool, move |conn| {
        let (_, stakeholder) = load_me(conn, auth)?;
        if let Some(me) = stakeholder {
            let coordinated: Vec<i64> = memberships::table
                .filter(memberships::stakeholder_id.eq(me))
                .filter(memberships::role.eq(Role::Coordinator.as_str()))
                .select(memberships::network_id)
                .load(conn)?;
            for network in coordinated {
                let others = memberships::table
                    .filter(memberships::network_id.eq(network))
                    .filter(memberships::role.eq(Role::Coordinator.as_str()))
                    .filter(memberships::stakeholder_id.ne(me))
                    .select(count_star())
                    .first::<i64>(conn)?;
                if others == 0 {
                    return Err(ApiError::Conflict(format!(
                        "You are the last coordinator of network {network}. Make someone else coordinator first, or delete the network."
                    )));
                }
            }
            diesel::delete(stakeholders::table.find(me)).execute(conn)?;
            crate::search::remove(conn, "stakeholder", me)?;
        }
        diesel::delete(users::table.find(user_id)).execute(conn)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A new password, with the current one.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PasswordInput {
    #[validate(length(max = 1024, message = "must have at most 1024 characters"))]
    #[schema(format = "password", max_length = 1024, nullable = false)]
    pub current_password: Option<String>,
    /// At least 8 characters; a long sentence is stronger than a short code.
    #[validate(length(min = 8, max = 1024, message = "must have at least 8 characters"))]
    #[schema(
        format = "password",
        min_length = 8,
        max_length = 1024,
        nullable = false
    )]
    pub new_password: Option<String>,
}

impl Body for PasswordInput {
    const REQUIRED: &'static [&'static str] = &["currentPassword", "newPassword"];
}

/// Change your password
///
/// Needs your current password. Ends every other session and every access
/// token issued before; you get new tokens for this one.
#[utoipa::path(
    tag = "Accounts",
    request_body = PasswordInput,
    responses(
        (status = 200, description = "Password changed; new tokens.", body = crate::routes::auth::TokenOut),
        (status = 403, description = "The current password is wrong."),
    ),
    security(("bearer" = [])),
)]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<PasswordInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let input = body.into_inner()?;
    let current = crate::extract::present(input.current_password, "currentPassword")?;
    let new = crate::extract::present(input.new_password, "newPassword")?;
    let (user, _) = db::read(&state.pool, move |conn| load_me(conn, auth)).await?;
    let stored = user.password_hash.clone();
    let (ok, hash) = web::block(move || {
        (
            crate::auth::verify_password(&current, Some(&stored)),
            crate::auth::hash_password(&new),
        )
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?;
    if !ok {
        return Err(ApiError::Forbidden("The current password is wrong.".into()));
    }
    let hash = hash?;
    let days = state.config.refresh_token_days;
    let user_id = user.id;
    let (user, stakeholder, session) = db::write(&state.pool, move |conn| {
        load_me(conn, auth)?;
        diesel::update(users::table.find(user_id))
            .set((
                users::password_hash.eq(&hash),
                users::updated_at.eq(db::now()),
                users::version.eq(users::version + 1),
            ))
            .execute(conn)?;
        crate::sessions::end_all(conn, user_id)?;
        crate::routes::auth::sign_in(conn, user_id, days)
    })
    .await?;
    let out = crate::routes::auth::TokenOut::new(&state, user, stakeholder, session)?;
    Ok(crate::routes::auth::token_response(
        &req,
        HttpResponse::Ok(),
        &out,
    ))
}
