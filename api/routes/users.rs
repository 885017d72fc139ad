//! User management for platform admins: list accounts, disable and enable
//! them. Making someone admin is done from the command line only.

use actix_web::{get, patch, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::accounts::auth::Auth;
use crate::db::models::User;
use crate::db::schema::users;
use crate::db::versioned::{self, Precondition};
use crate::db::{self, DbConn};
use crate::permissions::Viewer;
use crate::web::error::ApiError;
use crate::web::extract::{Body, JsonBody, Query};
use crate::web::http::{etag, ok_with_etag, utc};
use crate::web::pagination::{Cursor, PageLinks, PageRequest};
use crate::{page_type, AppState};

/// An account, as platform admins see it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserOut {
    pub id: i64,
    #[schema(format = "email")]
    pub email: String,
    pub display_name: String,
    pub is_admin: bool,
    /// A disabled account cannot sign in; its sessions have ended.
    pub disabled: bool,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

impl From<User> for UserOut {
    fn from(u: User) -> Self {
        UserOut {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            is_admin: u.is_admin,
            disabled: u.disabled,
            created_at: utc(u.created_at),
            updated_at: utc(u.updated_at),
        }
    }
}

page_type!(UserPage, UserOut, "A page of accounts.");

/// A change to an account (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserInput {
    /// `true` disables the account and ends all its sessions.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub disabled: Option<bool>,
}

impl Body for UserInput {}

fn ensure_admin(conn: &mut DbConn, auth: Auth) -> Result<Viewer, ApiError> {
    let viewer = Viewer::load(conn, auth)?;
    if viewer.is_admin {
        Ok(viewer)
    } else {
        Err(ApiError::Forbidden(
            "Only platform admins manage accounts.".into(),
        ))
    }
}

/// Filters for the account list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
#[expect(
    dead_code,
    reason = "documents the query for OpenAPI; read by extract::Query"
)]
pub struct UserFilters {
    /// Part of the e-mail address.
    #[param(max_length = 200)]
    q: Option<String>,
    disabled: Option<bool>,
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<i64>,
    cursor: Option<String>,
}

/// List accounts
///
/// Platform admins only.
#[utoipa::path(
    tag = "Accounts",
    params(UserFilters),
    responses(
        (status = 200, description = "A page of accounts.", body = UserPage),
        (status = 403, description = "Only platform admins manage accounts."),
    ),
    security(("bearer" = [])),
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let mut query = Query::new(&req);
    let q = query.text("q").map(|q| q.to_lowercase());
    let disabled = query.parse::<bool>("disabled", "true false");
    let page = PageRequest::read(&mut query);
    query.finish()?;
    let (items, next) = db::read(&state.pool, move |conn| {
        ensure_admin(conn, auth)?;
        let mut sql = users::table
            .filter(users::id.gt(page.after_id()))
            .select(User::as_select())
            .into_boxed();
        if let Some(q) = q {
            let escaped = q
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            sql = sql.filter(users::email.like(format!("%{escaped}%")).escape('\\'));
        }
        if let Some(d) = disabled {
            sql = sql.filter(users::disabled.eq(d));
        }
        let mut rows: Vec<User> = sql.order(users::id).limit(page.fetch_limit()).load(conn)?;
        let next = page.finish(&mut rows, |u| Cursor::Id(u.id));
        Ok((
            rows.into_iter().map(UserOut::from).collect::<Vec<_>>(),
            next,
        ))
    })
    .await?;
    let links = PageLinks::new(&req, &query, &page, next);
    Ok(HttpResponse::Ok().json(UserPage { items, links }))
}

/// Disable or enable an account
///
/// Platform admins only. Disabling ends every session and access token of
/// the account at once. You cannot disable yourself.
#[utoipa::path(
    tag = "Accounts",
    params(
        ("userId" = i64, Path, description = "Account id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    request_body(content = UserInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed account.", body = UserOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only platform admins manage accounts."),
        (status = 404, description = "No such account."),
        (status = 409, description = "You cannot disable your own account."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/users/{userId}")]
pub async fn update_user(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<UserInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let input = body.into_inner()?;
    let user = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, users::table.find(id).select(users::id));
        let viewer = ensure_admin(conn, auth)?;
        let current: User = users::table
            .find(id)
            .select(User::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::not_found("This account"))?;
        precondition.matches(&etag("user", id, current.version))?;
        if let Some(disabled) = input.disabled {
            if disabled && viewer.user_id == Some(id) {
                return Err(ApiError::Conflict(
                    "You cannot disable your own account.".into(),
                ));
            }
            if disabled != current.disabled {
                versioned::one_row(
                    diesel::update(
                        users::table
                            .filter(users::id.eq(id))
                            .filter(users::version.eq(current.version)),
                    )
                    .set((
                        users::disabled.eq(disabled),
                        users::updated_at.eq(db::now()),
                        users::version.eq(current.version + 1),
                    ))
                    .execute(conn)?,
                )?;
                if disabled {
                    crate::accounts::sessions::end_all(conn, id)?;
                }
                let action = if disabled {
                    "account.disabled"
                } else {
                    "account.enabled"
                };
                crate::audit::record(conn, viewer.user_id, action, "user", Some(id), None)?;
            }
        }
        Ok(users::table
            .find(id)
            .select(User::as_select())
            .first::<User>(conn)?)
    })
    .await?;
    let tag = etag("user", user.id, user.version);
    Ok(ok_with_etag(&UserOut::from(user), &tag))
}
