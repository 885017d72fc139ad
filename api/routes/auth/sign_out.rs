use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::accounts::sessions;
use crate::accounts::tokens::session_cookie;
use crate::db;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::AppState;

use super::RefreshInput;

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
    if let Some(token) = input.presented(&req) {
        db::write(&state.pool, move |conn| {
            sessions::revoke_family_of(conn, &token)
        })
        .await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(session_cookie(&req, "", 0))
        .finish())
}
