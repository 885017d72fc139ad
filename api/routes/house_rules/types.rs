//! What the house rules' endpoints take and answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::web::extract::Body;

/// A version of a network's house rules (spelregels).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HouseRulesOut {
    pub network_id: i64,
    /// The version's number, from 1; each change makes a new one.
    pub version: i64,
    /// The text as written, in the message board's small Markdown.
    pub body: String,
    /// The text as safe HTML (see `MessageOut.bodyHtml`).
    pub body_html: String,
    /// Who wrote this version, when you may see their name; none for the
    /// default text.
    pub changed_by_name: Option<String>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub changed_at: DateTime<Utc>,
    /// Whether this is the current version.
    pub current: bool,
    /// For members: whether you accepted this version; absent for others.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub accepted_by_me: Option<bool>,
}

/// Every version of a network's house rules, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct HouseRulesList {
    pub items: Vec<HouseRulesOut>,
}

/// New house rules: a new version.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HouseRulesInput {
    /// In the message board's small Markdown.
    #[validate(length(min = 10, max = 10000, message = "must have 10 to 10000 characters"))]
    #[schema(min_length = 10, max_length = 10000)]
    pub body: Option<String>,
}

impl Body for HouseRulesInput {}

/// Which version you accept.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AcceptanceInput {
    /// The current version's number (`version` of the house rules).
    #[validate(range(min = 1, message = "must be a version number"))]
    #[schema(minimum = 1)]
    pub version: Option<i64>,
}

impl Body for AcceptanceInput {
    const REQUIRED: &'static [&'static str] = &["version"];
}
