//! The wire types of a person's preferences.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::domain::{ContactChannel, ContactFormat, MailLanguage, NoticeFrequency};
use crate::web::extract::Body;

/// How you are reached.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PreferencesOut {
    /// The language of your mail.
    pub language: MailLanguage,
    /// How often you hear of what happens in your networks, unless you chose
    /// otherwise for a network: `immediate` (a mail each time), `daily` or
    /// `weekly` (a digest), `never`.
    pub notices: NoticeFrequency,
    /// How the coordinators of your networks best reach you outside the
    /// platform; only they see it.
    pub contact_channel: ContactChannel,
    /// The form you read best: mail comes in large print with
    /// `large_print`; the coordinators see it, to reach you that way.
    pub contact_format: ContactFormat,
    /// Whether your address is confirmed: notices go only to a confirmed
    /// address.
    pub email_verified: bool,
    /// The networks you are a member of, each with your own choice.
    pub networks: Vec<NetworkNoticesOut>,
}

/// Your notices for one network.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkNoticesOut {
    pub network_id: i64,
    pub network_name: String,
    /// Your choice for this network; `null`: as in general (`notices`).
    pub notices: Option<NoticeFrequency>,
}

/// Changes to how you are reached (JSON merge patch); `networks` names only
/// the networks whose choice changes.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreferencesInput {
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub language: Option<MailLanguage>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub notices: Option<NoticeFrequency>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub contact_channel: Option<ContactChannel>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub contact_format: Option<ContactFormat>,
    #[schema(nullable = false, max_items = 500)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub networks: Option<Vec<NetworkNoticesInput>>,
}

impl Body for PreferencesInput {}

/// Your choice for one network.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkNoticesInput {
    #[schema(minimum = 1)]
    pub network_id: i64,
    /// `null`: as in general.
    pub notices: Option<NoticeFrequency>,
}

/// Which notices a one-click unsubscribe stops.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UnsubscribeParams {
    /// Only this network's notices; without it, all notices.
    #[param(minimum = 1)]
    #[serde(default, deserialize_with = "crate::web::params::id")]
    pub network_id: Option<i64>,
}
