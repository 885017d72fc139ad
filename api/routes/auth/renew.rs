use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::accounts::sessions::{self, Rotation};
use crate::accounts::tokens::{token_response, TokenOut};
use crate::db;
use crate::queries::accounts;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::AppState;

use super::RefreshInput;

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
    let token = input.presented(&req).ok_or_else(sessions::ended)?;
    let rotated = db::write(&state.pool, move |conn| {
        match sessions::rotate(conn, &token)? {
            Rotation::Replayed => Ok(None),
            Rotation::Next(user_id, next) => {
                let (user, stakeholder) = accounts::with_profile(conn, user_id)?;
                Ok(Some((user, stakeholder, next)))
            }
        }
    })
    .await?;
    let Some((user, stakeholder, session)) = rotated else {
        tracing::warn!("a used refresh token came back; its session was ended");
        return Err(sessions::ended());
    };
    let out = TokenOut::new(&state, user, stakeholder, session)?;
    Ok(token_response(&req, HttpResponse::Ok(), &out))
}
