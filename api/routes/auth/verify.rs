use actix_web::{post, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::links::{self, Purpose};
use crate::db;
use crate::db::schema::users;
use crate::web::error::ApiError;
use crate::web::extract::{present, JsonBody};
use crate::AppState;

use super::new_password::invalid_link;
use super::VerificationInput;

/// Confirm your e-mail address
///
/// With the token of the verification link; no sign-in needed (the link
/// may be opened on another device). The link confirms the address it was
/// sent to, and only while the account still has it. An unknown, used or
/// expired token gets one and the same 400.
#[utoipa::path(
    tag = "Accounts",
    request_body = VerificationInput,
    responses(
        (status = 204, description = "The address is confirmed."),
        (status = 400, description = "The token is unknown, used or expired (invalidParams)."),
    ),
)]
#[post("/auth/email-verification/confirm")]
pub async fn confirm_email(
    state: web::Data<AppState>,
    body: JsonBody<VerificationInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner()?;
    let token = present(input.token, "token")?;
    db::write(&state.pool, move |conn| {
        let Some((user_id, email)) = links::consume(conn, &token, Purpose::Verification)? else {
            return Err(invalid_link());
        };
        let changed = diesel::update(users::table.find(user_id).filter(users::email.eq(&email)))
            .set(users::email_verified_at.eq(crate::db::now()))
            .execute(conn)?;
        if changed == 0 {
            return Err(invalid_link());
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
