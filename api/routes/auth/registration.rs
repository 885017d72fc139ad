use actix_web::http::header;
use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::accounts::auth::{hash_password, password_work};
use crate::accounts::throttle;
use crate::accounts::tokens::{token_response, TokenOut};
use crate::db;
use crate::db::schema::users;
use crate::domain::{MailLanguage, StakeholderKind};
use crate::queries::accounts;
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::{present, JsonBody};
use crate::web::http::client_address;
use crate::web::pagination::base_url;
use crate::AppState;
use diesel::prelude::*;

use super::{display_name, RegisterInput};

/// Create an account
///
/// Creates your account and your own stakeholder profile (not listed
/// publicly until you say so), and signs you in. A mail with a link to
/// confirm your address goes out.
#[utoipa::path(
    tag = "Accounts",
    request_body = RegisterInput,
    responses(
        (status = 201, description = "The account was created; you are signed in.", body = TokenOut,
            headers(("Location" = String, description = "Address of your account"))),
        (status = 409, description = "An account with this e-mail address already exists."),
        (status = 429, description = "Too many registrations from your address; wait Retry-After seconds."),
    ),
)]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RegisterInput>,
) -> Result<HttpResponse, ApiError> {
    let key = format!("register:{}", client_address(&req));
    state.throttle.record(&key, throttle::REGISTRATION).await;
    if let Some(wait) = state.throttle.blocked(std::slice::from_ref(&key)).await {
        return Err(ApiError::TooManyRequests(wait));
    }
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
    let email = accounts::normalise_email(&present(input.email, "email")?);
    let password = present(input.password, "password")?;
    let name = display_name(present(input.display_name, "displayName")?)?;
    let kind = input.kind.unwrap_or(StakeholderKind::ExperienceExpert);
    let hash = password_work(move || hash_password(&password)).await??;
    let days = state.config.refresh_token_days;
    let language = input.language.unwrap_or(MailLanguage::Nl);
    let base = base_url(&req);
    let (user, stakeholder, session) = db::write(&state.pool, move |conn| {
        let id = accounts::insert(conn, &email, &hash, &name, kind, false)?;
        diesel::update(users::table.find(id))
            .set(users::language.eq(language.as_str()))
            .execute(conn)?;
        super::send_link(conn, &base, id)?;
        accounts::sign_in(conn, id, days)
    })
    .await?;
    let out = TokenOut::new(&state, user, stakeholder, session)?;
    let location = format!("{}/api/v1/me", base_url(&req));
    let mut response = HttpResponse::Created();
    response.insert_header((header::LOCATION, location));
    Ok(token_response(&req, response, &out))
}
