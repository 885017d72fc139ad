//! What the agenda endpoints take and answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{AgendaItem, AgendaItemValues};
use crate::domain::AgendaStatus;
use crate::web::error::{Code, InvalidParam};
use crate::web::extract::{merge, merge_opt, nullable, Body};
use crate::web::http::utc;

/// An item of a meeting's agenda, or a proposal for one.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItemOut {
    pub id: i64,
    pub meeting_id: i64,
    pub title: String,
    pub description: String,
    /// The minutes the proposer asked for.
    pub minutes_asked: Option<i32>,
    pub status: AgendaStatus,
    /// Why it was not taken (when `declined`).
    pub decline_reason: String,
    /// Order in the agenda, lowest first (accepted items).
    pub position: i32,
    /// The minutes the core group planned for it.
    pub minutes_planned: Option<i32>,
    /// Notes from the meeting.
    pub notes: String,
    /// Members who support it.
    pub support_count: i64,
    pub supported_by_me: bool,
    pub proposed_by_me: bool,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

/// A meeting's agenda: accepted items in their order, then proposals (most
/// supported first), then declined ones.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaItemList {
    pub items: Vec<AgendaItemOut>,
}

impl AgendaItemOut {
    pub fn new(
        i: AgendaItem,
        support_count: i64,
        supported_by_me: bool,
        proposed_by_me: bool,
    ) -> Self {
        AgendaItemOut {
            id: i.id,
            meeting_id: i.meeting_id,
            title: i.title,
            description: i.description,
            minutes_asked: i.minutes_asked,
            status: AgendaStatus::from_db(&i.status),
            decline_reason: i.decline_reason,
            position: i.position,
            minutes_planned: i.minutes_planned,
            notes: i.notes,
            support_count,
            supported_by_me,
            proposed_by_me,
            created_at: utc(i.created_at),
            updated_at: utc(i.updated_at),
        }
    }
}

/// An agenda item as proposed (POST: `title` required) or changed (PATCH:
/// JSON merge patch). Members give title, description and the minutes they
/// ask; the core group also `status`, `declineReason`, `position`,
/// `minutesPlanned` and `notes`.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgendaItemInput {
    #[validate(length(min = 3, max = 200, message = "must have 3 to 200 characters"))]
    #[schema(min_length = 3, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub title: Option<Option<String>>,
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(max_length = 2000)]
    #[serde(default, deserialize_with = "nullable")]
    pub description: Option<Option<String>>,
    #[validate(range(min = 1, max = 480, message = "must be from 1 to 480"))]
    #[schema(minimum = 1, maximum = 480)]
    #[serde(default, deserialize_with = "nullable")]
    pub minutes_asked: Option<Option<i32>>,
    /// Core group: `accepted` or `declined` (with `declineReason`).
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub status: Option<Option<AgendaStatus>>,
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000)]
    #[serde(default, deserialize_with = "nullable")]
    pub decline_reason: Option<Option<String>>,
    #[validate(range(min = 0, max = 1000, message = "must be from 0 to 1000"))]
    #[schema(minimum = 0, maximum = 1000, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub position: Option<Option<i32>>,
    #[validate(range(min = 1, max = 480, message = "must be from 1 to 480"))]
    #[schema(minimum = 1, maximum = 480)]
    #[serde(default, deserialize_with = "nullable")]
    pub minutes_planned: Option<Option<i32>>,
    #[validate(length(max = 5000, message = "must have at most 5000 characters"))]
    #[schema(max_length = 5000)]
    #[serde(default, deserialize_with = "nullable")]
    pub notes: Option<Option<String>>,
}

impl Body for AgendaItemInput {
    const REQUIRED: &'static [&'static str] = &["title"];
}

impl From<&AgendaItem> for AgendaItemValues {
    fn from(i: &AgendaItem) -> Self {
        AgendaItemValues {
            title: i.title.clone(),
            description: i.description.clone(),
            minutes_asked: i.minutes_asked,
            status: i.status.clone(),
            decline_reason: i.decline_reason.clone(),
            position: i.position,
            minutes_planned: i.minutes_planned,
            notes: i.notes.clone(),
        }
    }
}

fn text(value: Option<String>) -> String {
    value.unwrap_or_default().trim().to_string()
}

impl AgendaItemInput {
    /// Whether it changes what only the core group decides.
    pub fn decides(&self) -> bool {
        self.status.is_some()
            || self.decline_reason.is_some()
            || self.position.is_some()
            || self.minutes_planned.is_some()
            || self.notes.is_some()
    }

    /// Applies this input to current values, collecting every problem.
    pub fn apply(self, v: &mut AgendaItemValues, errors: &mut Vec<InvalidParam>) {
        merge(
            &mut v.title,
            self.title.map(|t| t.map(|s| s.trim().to_string())),
            "title",
            errors,
        );
        if let Some(d) = self.description {
            v.description = text(d);
        }
        merge_opt(&mut v.minutes_asked, self.minutes_asked);
        let mut status = AgendaStatus::from_db(&v.status);
        merge(&mut status, self.status, "status", errors);
        v.status = status.as_str().into();
        if let Some(r) = self.decline_reason {
            v.decline_reason = text(r);
        }
        if status != AgendaStatus::Declined {
            v.decline_reason.clear();
        }
        merge(&mut v.position, self.position, "position", errors);
        merge_opt(&mut v.minutes_planned, self.minutes_planned);
        if let Some(n) = self.notes {
            v.notes = text(n);
        }
        if status == AgendaStatus::Declined && v.decline_reason.is_empty() {
            errors.push(
                InvalidParam::new(
                    "declineReason",
                    Code::Required,
                    "is required when an item is declined: say why, so that the proposer knows",
                )
                .expected("declineReason"),
            );
        }
    }
}
