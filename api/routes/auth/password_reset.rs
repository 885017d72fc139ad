use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::links::{self, Purpose, RESET_MINUTES};
use crate::accounts::throttle;
use crate::db;
use crate::db::schema::users;
use crate::domain::{MailKind, MailLanguage};
use crate::mail::{self, texts, Outgoing};
use crate::queries::accounts;
use crate::web::error::ApiError;
use crate::web::extract::{present, JsonBody};
use crate::web::http::client_address;
use crate::web::pagination::base_url;
use crate::AppState;

use super::PasswordResetInput;

/// Ask for a new password
///
/// Sends a link to choose a new password to the address, when an account
/// has it. The answer is the same whether or not it does. The link works
/// once, for 30 minutes; asking again ends the earlier link. A few mails an
/// hour per address at most; more asks from one client are refused (429).
#[utoipa::path(
    tag = "Accounts",
    request_body = PasswordResetInput,
    responses(
        (status = 202, description = "If an account has this address, a link is on its way."),
        (status = 429, description = "Too many asks from your address; wait Retry-After seconds."),
    ),
)]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<PasswordResetInput>,
) -> Result<HttpResponse, ApiError> {
    let client = format!("reset:{}", client_address(&req));
    state
        .throttle
        .record(&client, throttle::MAIL_PER_ADDRESS)
        .await;
    if let Some(wait) = state.throttle.blocked(std::slice::from_ref(&client)).await {
        return Err(ApiError::TooManyRequests(wait));
    }
    let input = body.into_inner()?;
    let email = accounts::normalise_email(&present(input.email, "email")?);
    // Per address: more asks send nothing more, with the same answer.
    let key = format!("reset-mail:{email}");
    state
        .throttle
        .record(&key, throttle::MAIL_PER_ACCOUNT)
        .await;
    if state
        .throttle
        .blocked(std::slice::from_ref(&key))
        .await
        .is_none()
    {
        let base = base_url(&req);
        db::write(&state.pool, move |conn| {
            let account: Option<(i64, String, String)> = users::table
                .filter(users::email.eq(&email))
                .filter(users::disabled.eq(false))
                .select((users::id, users::display_name, users::language))
                .first(conn)
                .optional()?;
            let Some((id, name, language)) = account else {
                return Ok(());
            };
            let token = links::issue(conn, id, Purpose::PasswordReset, &email)?;
            let language = MailLanguage::from_db(&language);
            let url = format!("{base}/wachtwoord-herstellen.html#token={token}");
            mail::enqueue(
                conn,
                Outgoing {
                    kind: MailKind::PasswordReset,
                    user_id: Some(id),
                    to: email,
                    letter: texts::password_reset(language, &name, url, RESET_MINUTES),
                    unsubscribe_url: None,
                    unsubscribe_page: None,
                },
            )?;
            Ok(())
        })
        .await?;
    }
    Ok(HttpResponse::Accepted().finish())
}
