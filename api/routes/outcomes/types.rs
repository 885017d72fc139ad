//! What the outcome endpoints take and answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::Outcome;
use crate::web::extract::{not_null, Body};
use crate::web::http::utc;

/// An outcome of a meeting.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeOut {
    pub id: i64,
    pub meeting_id: i64,
    /// The agenda item it came from, if any.
    pub agenda_item_id: Option<i64>,
    pub text: String,
    /// The goal or step it became, if any.
    pub goal_id: Option<i64>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
}

impl From<Outcome> for OutcomeOut {
    fn from(o: Outcome) -> Self {
        OutcomeOut {
            id: o.id,
            meeting_id: o.meeting_id,
            agenda_item_id: o.item_id,
            text: o.text,
            goal_id: o.goal_id,
            created_at: utc(o.created_at),
        }
    }
}

/// A meeting's outcomes, in the order they were written.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutcomeList {
    pub items: Vec<OutcomeOut>,
}

/// The goal or step an outcome becomes.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OutcomeGoal {
    #[validate(length(min = 3, max = 200, message = "must have 3 to 200 characters"))]
    #[schema(min_length = 3, max_length = 200)]
    pub title: String,
    /// A goal of the network: the new one becomes a step towards it.
    #[validate(range(min = 1, message = "must be a goal id"))]
    #[schema(minimum = 1, nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub parent_id: Option<i64>,
}

/// An outcome, as written after the meeting.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OutcomeInput {
    #[validate(length(min = 3, max = 2000, message = "must have 3 to 2000 characters"))]
    #[schema(min_length = 3, max_length = 2000)]
    pub text: Option<String>,
    /// The agenda item of this meeting it came from.
    #[validate(range(min = 1, message = "must be an agenda item id"))]
    #[schema(minimum = 1, nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub agenda_item_id: Option<i64>,
    /// Make it a goal (or a step) of the network at once.
    #[validate(nested)]
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub goal: Option<OutcomeGoal>,
}

impl Body for OutcomeInput {
    const REQUIRED: &'static [&'static str] = &["text"];
}
