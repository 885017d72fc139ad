//! What a client sends to make or change an API client, and what it gets
//! back: the secret only in the answer that makes it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::accounts::clients::{scopes_of, SCOPES};
use crate::db::models::ApiClient;
use crate::page_type;
use crate::web::error::{Code, InvalidParam};
use crate::web::extract::{not_null, Body};
use crate::web::http::utc;
use crate::web::params;

/// A system that signs in as itself for one organisation.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiClientOut {
    pub id: i64,
    /// The organisation it acts for, with that organisation's place in
    /// networks.
    pub stakeholder_id: i64,
    #[schema(example = "Zaaksysteem gemeente Utrecht")]
    pub name: String,
    /// Send it with the secret to `POST /oauth/token`.
    #[schema(example = "tmc_4f1c9a0b2d3e4f56")]
    pub client_id: String,
    /// `read`, and the write scopes it was given.
    #[schema(example = json!(["read", "goals:write"]))]
    pub scopes: Vec<String>,
    /// Until when the secret before the last rotation still works; null
    /// when only the current one does.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    /// When it last got an access token; null if never.
    pub last_used_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

impl ApiClientOut {
    /// The client as its managers see it; `now` decides whether a previous
    /// secret still works.
    pub fn new(c: ApiClient, now: chrono::NaiveDateTime) -> ApiClientOut {
        ApiClientOut {
            id: c.id,
            stakeholder_id: c.stakeholder_id,
            name: c.name,
            client_id: c.client_id,
            scopes: scopes_of(&c.scopes),
            previous_secret_expires_at: c
                .previous_secret_expires_at
                .filter(|until| *until > now)
                .map(utc),
            last_used_at: c.last_used_at.map(utc),
            created_at: utc(c.created_at),
            updated_at: utc(c.updated_at),
        }
    }
}

/// An API client with its new secret: shown this once, never again.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiClientSecretOut {
    #[serde(flatten)]
    pub client: ApiClientOut,
    /// Keep it in the system's secret store; it cannot be read again. Lost:
    /// rotate it (`POST /api-clients/{apiClientId}/secret`).
    #[schema(example = "tms_Yp3Qm0rXW3wO9y2v0cJtL1H3gk7hZb9cQ5nV1sE2aRk")]
    pub client_secret: String,
}

page_type!(ApiClientPage, ApiClientOut, "API clients.");

crate::list_filters! {
    /// Filters for the API clients.
    pub struct ApiClientFilters {
        /// Only the clients of this organisation.
        #[param(minimum = 1)]
        #[serde(default, deserialize_with = "params::id")]
        pub stakeholder_id: Option<i64>,
    }
}

/// An API client to make, or the changes to one (a JSON merge patch:
/// absent fields stay). Its organisation is fixed once made.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiClientInput {
    /// The organisation it acts for: an organisation stakeholder whose
    /// profile you manage (any, as admin). Only when making it.
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "not_null")]
    pub stakeholder_id: Option<i64>,
    /// What the system is, so its managers recognise it.
    #[validate(length(min = 3, max = 100, message = "must have 3 to 100 characters"))]
    #[schema(
        min_length = 3,
        max_length = 100,
        example = "Zaaksysteem gemeente Utrecht"
    )]
    #[serde(default, deserialize_with = "not_null")]
    pub name: Option<String>,
    /// The scopes: `read` (always given), `networks:write`,
    /// `goals:write`, `knowledge-links:write`, `meetings:write`,
    /// `webhooks:write` (its own webhook subscriptions). Default `read`
    /// only.
    #[schema(example = json!(["read", "goals:write"]))]
    #[serde(default, deserialize_with = "not_null")]
    pub scopes: Option<Vec<String>>,
}

impl Body for ApiClientInput {
    const REQUIRED: &'static [&'static str] = &["stakeholderId", "name"];
}

impl ApiClientInput {
    /// The scopes, each one checked; an unknown one is named in `errors`.
    pub fn checked_scopes(&self, errors: &mut Vec<InvalidParam>) -> Option<Vec<String>> {
        let scopes = self.scopes.as_ref()?;
        for (i, s) in scopes.iter().enumerate() {
            if !SCOPES.contains(&s.as_str()) {
                errors.push(
                    InvalidParam::new(format!("scopes[{i}]"), Code::Enum, "is not a scope")
                        .allowed(SCOPES.iter()),
                );
            }
        }
        Some(scopes.clone())
    }
}

/// How long the secret before this rotation keeps working.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RotationInput {
    /// Hours, 0 to 168; default 24. 0 ends the old secret at once (when it
    /// leaked).
    #[validate(range(min = 0, max = 168, message = "must be between 0 and 168"))]
    #[schema(minimum = 0, maximum = 168, example = 24)]
    #[serde(default, deserialize_with = "not_null")]
    pub previous_secret_valid_hours: Option<i64>,
}

impl Body for RotationInput {}

/// An access token for an API client (RFC 6749 section 5.1).
#[derive(Debug, Serialize, ToSchema)]
pub struct ClientTokenOut {
    /// Send it as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until it expires; then ask for a new one.
    #[schema(example = 900)]
    pub expires_in: i64,
    /// The scopes it carries, separated by spaces.
    #[schema(example = "read goals:write")]
    pub scope: String,
}
