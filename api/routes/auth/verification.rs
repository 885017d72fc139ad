use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::accounts::links::{self, Purpose, VERIFICATION_HOURS};
use crate::accounts::throttle;
use crate::db::schema::users;
use crate::db::{self, DbConn};
use crate::domain::{MailKind, MailLanguage};
use crate::mail::{self, texts, Outgoing};
use crate::queries::accounts;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;

use super::ResendInput;
use crate::web::pagination::base_url;
use crate::AppState;

/// Send the verification mail again
///
/// A new link to confirm your address (the one sent when you registered
/// stops working). Notices from your networks go only to a confirmed
/// address.
#[utoipa::path(
    tag = "Accounts",
    request_body = ResendInput,
    responses(
        (status = 202, description = "A link is on its way to your address."),
        (status = 409, description = "Your address is already confirmed."),
        (status = 429, description = "You asked a few times this hour; wait Retry-After seconds."),
    ),
    security(("bearer" = [])),
)]
#[post("/auth/email-verification")]
pub async fn send_verification(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<ResendInput>,
) -> Result<HttpResponse, ApiError> {
    let user_id = auth.required()?;
    let input = body.into_inner()?;
    let key = format!("verify-mail:{user_id}");
    state
        .throttle
        .record(&key, throttle::MAIL_PER_ACCOUNT)
        .await;
    if let Some(wait) = state.throttle.blocked(std::slice::from_ref(&key)).await {
        return Err(ApiError::TooManyRequests(wait));
    }
    let base = base_url(&req);
    db::write(&state.pool, move |conn| {
        let (user, _) = accounts::current(conn, auth)?;
        let verified: Option<chrono::NaiveDateTime> = users::table
            .find(user.id)
            .select(users::email_verified_at)
            .first(conn)?;
        if verified.is_some() {
            return Err(ApiError::Conflict(
                "Your e-mail address is already confirmed.".into(),
            ));
        }
        if let Some(language) = input.language {
            diesel::update(users::table.find(user.id))
                .set(users::language.eq(language.as_str()))
                .execute(conn)?;
        }
        send_link(conn, &base, user.id)
    })
    .await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Writes a verification mail for an account's address to the outbox (in
/// the caller's transaction: registration calls it too).
pub fn send_link(conn: &mut DbConn, base: &str, user_id: i64) -> Result<(), ApiError> {
    let (email, name, language): (String, String, String) = users::table
        .find(user_id)
        .select((users::email, users::display_name, users::language))
        .first(conn)?;
    let token = links::issue(conn, user_id, Purpose::Verification, &email)?;
    let url = format!("{base}/e-mail-bevestigen.html#token={token}");
    let letter = texts::verification(
        MailLanguage::from_db(&language),
        &name,
        url,
        VERIFICATION_HOURS,
    );
    mail::enqueue(
        conn,
        Outgoing {
            kind: MailKind::Verification,
            user_id: Some(user_id),
            to: email,
            letter,
            unsubscribe_url: None,
            unsubscribe_page: None,
        },
    )?;
    Ok(())
}
