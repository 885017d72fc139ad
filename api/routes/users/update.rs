use actix_web::{patch, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::accounts::sessions;
use crate::db;
use crate::db::models::User;
use crate::db::schema::users;
use crate::db::versioned::{self, Precondition};
use crate::permissions::ensure_admin;
use crate::queries::accounts;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::{etag, ok_with_etag};
use crate::AppState;

use super::{UserInput, UserOut};

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
    auth.signed_in()?;
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
                let changes = accounts::Changes {
                    disabled: Some(disabled),
                    ..Default::default()
                };
                accounts::update(conn, id, current.version, &changes)?;
                if disabled {
                    sessions::end_all(conn, id)?;
                }
                let action = if disabled {
                    "account.disabled"
                } else {
                    "account.enabled"
                };
                crate::audit::record(conn, &viewer, action, "user", Some(id), None)?;
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
