use actix_web::{get, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::accounts::tokens::MeOut;
use crate::db;
use crate::queries::accounts;
use crate::web::error::ApiError;
use crate::web::http::{etag, ok_with_etag};
use crate::AppState;

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
    auth.signed_in()?;
    let (user, stakeholder) =
        db::read(&state.pool, move |conn| accounts::current(conn, auth)).await?;
    let tag = etag("user", user.id, user.version);
    Ok(ok_with_etag(&MeOut::new(user, stakeholder), &tag))
}
