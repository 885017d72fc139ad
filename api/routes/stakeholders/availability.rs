//! How much time a person has for a network's steps, as a profile takes it.

use serde::Deserialize;
use utoipa::ToSchema;

/// How much time a person has: some hours a month, or now and then.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AvailabilityInput {
    /// Hours a month, 1 to 160; `null` for no fixed number.
    #[schema(minimum = 1, maximum = 160)]
    #[serde(default)]
    pub hours_per_month: Option<i32>,
    /// Now and then (for a task once in a while); default false.
    #[serde(default)]
    pub occasional: bool,
}

/// The most hours a month a person can give.
pub const MAX_HOURS_PER_MONTH: i32 = 160;
