use actix_web::{post, web, HttpResponse};
use chrono::Utc;
use diesel::prelude::*;

use crate::accounts::auth::{hash_password, password_work};
use crate::accounts::links::{self, Purpose};
use crate::accounts::sessions;
use crate::db;
use crate::db::schema::users;
use crate::db::versioned;
use crate::queries::accounts;
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::{present, JsonBody};
use crate::AppState;

use super::NewPasswordInput;

/// Choose a new password
///
/// With the token of a reset link. Ends every session of the account, so
/// whoever knew the old password is signed out; sign in with the new one.
/// Reading the mail also proves the address, so it counts as verified. An
/// unknown, used or expired token gets one and the same 400.
#[utoipa::path(
    tag = "Accounts",
    request_body = NewPasswordInput,
    responses(
        (status = 204, description = "The password is changed; every session has ended."),
        (status = 400, description = "The token is unknown, used or expired, or the password is too weak (invalidParams)."),
    ),
)]
#[post("/auth/password-reset/confirm")]
pub async fn reset_password(
    state: web::Data<AppState>,
    body: JsonBody<NewPasswordInput>,
) -> Result<HttpResponse, ApiError> {
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
    ensure_valid(errors)?;
    let token = present(input.token, "token")?;
    let password = present(input.password, "password")?;
    let hash = password_work(move || hash_password(&password)).await??;
    db::write(&state.pool, move |conn| {
        let Some((user_id, email)) = links::consume(conn, &token, Purpose::PasswordReset)? else {
            return Err(invalid_link());
        };
        versioned::lock!(conn, users::table.find(user_id).select(users::id));
        let (version, current): (i64, String) = users::table
            .find(user_id)
            .select((users::version, users::email))
            .first(conn)?;
        let changes = accounts::Changes {
            password_hash: Some(&hash),
            ..Default::default()
        };
        accounts::update(conn, user_id, version, &changes)?;
        if current == email {
            diesel::update(
                users::table
                    .find(user_id)
                    .filter(users::email_verified_at.is_null()),
            )
            .set(users::email_verified_at.eq(Utc::now().naive_utc()))
            .execute(conn)?;
        }
        sessions::end_all(conn, user_id)?;
        crate::audit::record(
            conn,
            Some(user_id),
            "account.password_reset",
            "user",
            Some(user_id),
            None,
        )?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The one answer for a token that is unknown, used, expired or for
/// something else.
pub(super) fn invalid_link() -> ApiError {
    ApiError::invalid(
        "token",
        Code::Reference,
        "is unknown, used or expired; ask for a new link",
    )
}
