use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::accounts::auth::{hash_password, password_work, verify_password, Auth};
use crate::accounts::sessions;
use crate::accounts::tokens::{token_response, TokenOut};
use crate::db;
use crate::db::schema::users;
use crate::db::versioned;
use crate::queries::accounts;
use crate::web::error::ApiError;
use crate::web::extract::{present, JsonBody};
use crate::AppState;

use super::PasswordInput;

/// Change your password
///
/// Needs your current password. Ends every other session and every access
/// token issued before; you get new tokens for this one.
#[utoipa::path(
    tag = "Accounts",
    request_body = PasswordInput,
    responses(
        (status = 200, description = "Password changed; new tokens.", body = TokenOut),
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
    auth.signed_in()?;
    let input = body.into_inner()?;
    let current = present(input.current_password, "currentPassword")?;
    let new = present(input.new_password, "newPassword")?;
    let (user, _) = db::read(&state.pool, move |conn| accounts::current(conn, auth)).await?;
    let stored = user.password_hash.clone();
    let (ok, hash) = password_work(move || {
        (
            verify_password(&current, Some(&stored)),
            hash_password(&new),
        )
    })
    .await?;
    if !ok {
        return Err(ApiError::Forbidden("The current password is wrong.".into()));
    }
    let hash = hash?;
    let days = state.config.refresh_token_days;
    let user_id = user.id;
    let (user, stakeholder, session) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, users::table.find(user_id).select(users::id));
        let (user, _) = accounts::current(conn, auth)?;
        let changes = accounts::Changes {
            password_hash: Some(&hash),
            ..Default::default()
        };
        accounts::update(conn, user_id, user.version, &changes)?;
        sessions::end_all(conn, user_id)?;
        accounts::sign_in(conn, user_id, days)
    })
    .await?;
    let out = TokenOut::new(&state, user, stakeholder, session)?;
    Ok(token_response(&req, HttpResponse::Ok(), &out))
}
