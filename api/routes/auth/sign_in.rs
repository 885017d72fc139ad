use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::{password_work, verify_password};
use crate::accounts::throttle;
use crate::accounts::tokens::{token_response, TokenOut};
use crate::db;
use crate::db::models::User;
use crate::db::schema::users;
use crate::queries::accounts;
use crate::web::error::ApiError;
use crate::web::extract::{present, JsonBody};
use crate::web::http::client_address;
use crate::AppState;

use super::LoginInput;

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
        (status = 429, description = "Too many failed attempts; wait Retry-After seconds. Also with the right password."),
    ),
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<LoginInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner()?;
    let email = accounts::normalise_email(&present(input.email, "email")?);
    let password = present(input.password, "password")?;
    // The account and the client address are throttled separately; during
    // a block even the right password is refused.
    let keys = [
        format!("login:{email}"),
        format!("address:{}", client_address(&req)),
    ];
    if let Some(wait) = state.throttle.blocked(&keys).await {
        return Err(ApiError::TooManyRequests(wait));
    }
    let user = db::read(&state.pool, move |conn| {
        Ok(users::table
            .filter(users::email.eq(&email))
            .select(User::as_select())
            .first(conn)
            .optional()?)
    })
    .await?;
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let ok = password_work(move || verify_password(&password, hash.as_deref())).await?;
    let user_id = match user {
        Some(user) if ok && !user.disabled => user.id,
        other => {
            state.throttle.record(&keys[0], throttle::ACCOUNT).await;
            state.throttle.record(&keys[1], throttle::ADDRESS).await;
            let known = other.map(|u| u.id);
            db::write(&state.pool, move |conn| {
                crate::audit::record(conn, None, "login.failed", "user", known, None)
            })
            .await?;
            return Err(ApiError::Unauthorized(
                "The e-mail address or the password is wrong.".into(),
            ));
        }
    };
    state.throttle.clear(&keys[0]).await;
    let days = state.config.refresh_token_days;
    let (user, stakeholder, session) = db::write(&state.pool, move |conn| {
        crate::audit::record(
            conn,
            Some(user_id),
            "login.succeeded",
            "user",
            Some(user_id),
            None,
        )?;
        accounts::sign_in(conn, user_id, days)
    })
    .await?;
    let out = TokenOut::new(&state, user, stakeholder, session)?;
    Ok(token_response(&req, HttpResponse::Ok(), &out))
}
