//! What a client sends to register, sign in, renew or end a session.

use actix_web::HttpRequest;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::domain::{MailLanguage, StakeholderKind};
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::Body;

/// A new account.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisterInput {
    #[validate(
        email(message = "must be an e-mail address"),
        length(max = 254, message = "must have at most 254 characters")
    )]
    #[schema(format = "email", max_length = 254, nullable = false)]
    pub email: Option<String>,
    /// At least 8 characters; a long sentence is stronger than a short code.
    #[validate(custom(function = "crate::accounts::passwords::length"))]
    #[schema(
        format = "password",
        min_length = 8,
        max_length = 1024,
        nullable = false
    )]
    pub password: Option<String>,
    /// The name others see.
    #[validate(length(min = 1, max = 100, message = "must have 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100, nullable = false)]
    pub display_name: Option<String>,
    /// What kind of stakeholder you are; default `experience_expert`.
    #[schema(nullable = false)]
    pub kind: Option<StakeholderKind>,
    /// The language of your mail; default `nl`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub language: Option<MailLanguage>,
}

impl Body for RegisterInput {
    const REQUIRED: &'static [&'static str] = &["email", "password", "displayName"];
}

/// E-mail and password.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoginInput {
    #[validate(length(
        min = 1,
        max = 254,
        message = "is required, with at most 254 characters"
    ))]
    #[schema(format = "email", max_length = 254, nullable = false)]
    pub email: Option<String>,
    #[validate(length(
        min = 1,
        max = 1024,
        message = "is required, with at most 1024 characters"
    ))]
    #[schema(format = "password", max_length = 1024, nullable = false)]
    pub password: Option<String>,
}

impl Body for LoginInput {
    const REQUIRED: &'static [&'static str] = &["email", "password"];
}

/// A refresh token to trade for new tokens; browsers may leave it out and
/// send the session cookie instead.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefreshInput {
    #[validate(length(max = 1000, message = "is not a refresh token"))]
    #[schema(max_length = 1000, nullable = false)]
    pub refresh_token: Option<String>,
}

impl Body for RefreshInput {}

impl RefreshInput {
    /// The refresh token a request carries: in the body, or else the cookie.
    pub fn presented(self, req: &HttpRequest) -> Option<String> {
        self.refresh_token
            .filter(|t| !t.is_empty())
            .or_else(|| {
                req.cookie(crate::accounts::sessions::COOKIE)
                    .map(|c| c.value().to_string())
            })
            .filter(|t| !t.is_empty())
    }
}

/// A display name as sent, trimmed: 1 to 100 characters.
pub fn display_name(sent: String) -> Result<String, ApiError> {
    let name = sent.trim().to_string();
    if name.is_empty() {
        return Err(ApiError::Invalid(vec![InvalidParam::new(
            "displayName",
            Code::Length,
            "must have 1 to 100 characters",
        )
        .bounds(Some(1), Some(100))]));
    }
    Ok(name)
}

/// The address of an account whose password is forgotten.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PasswordResetInput {
    #[validate(
        email(message = "must be an e-mail address"),
        length(max = 254, message = "must have at most 254 characters")
    )]
    #[schema(format = "email", max_length = 254, nullable = false)]
    pub email: Option<String>,
}

impl Body for PasswordResetInput {
    const REQUIRED: &'static [&'static str] = &["email"];
}

/// The token from a reset link, and the new password.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewPasswordInput {
    /// The `token` of the link in the mail.
    #[validate(length(min = 1, max = 200, message = "is not a token from a mail"))]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub token: Option<String>,
    /// At least 8 characters.
    #[validate(custom(function = "crate::accounts::passwords::length"))]
    #[schema(
        format = "password",
        min_length = 8,
        max_length = 1024,
        nullable = false
    )]
    pub password: Option<String>,
}

impl Body for NewPasswordInput {
    const REQUIRED: &'static [&'static str] = &["token", "password"];
}

/// The token from an address verification link.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VerificationInput {
    /// The `token` of the link in the mail.
    #[validate(length(min = 1, max = 200, message = "is not a token from a mail"))]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub token: Option<String>,
}

impl Body for VerificationInput {
    const REQUIRED: &'static [&'static str] = &["token"];
}

/// Asking for a new verification link.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResendInput {
    /// The language of the mail (it becomes the language of your mail from
    /// now on); left out: as before.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub language: Option<MailLanguage>,
}

impl Body for ResendInput {}
