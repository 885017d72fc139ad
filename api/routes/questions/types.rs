//! What the raised-question endpoints answer, and the list's filters.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::{QuestionEventKind, QuestionStatus};
use crate::routes::networks::NetworkRef;
use crate::web::params;

/// A network's support for a question raised by another network.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct QuestionSupportOut {
    pub network: NetworkRef,
    /// What they add ("wij herkennen dit ook: ...").
    pub note: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
}

/// One step on a question's timeline: raised, supported by a network, or
/// moved to a status (with the answer or the reason when it ends).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct QuestionEventOut {
    pub kind: QuestionEventKind,
    /// The status it moved to (`moved`; `raised` for the first step).
    pub status: Option<QuestionStatus>,
    /// The network that acted: the one that raised it, supported it or
    /// moved it.
    pub network: Option<NetworkRef>,
    /// The support's note, or what the receiving network said with the
    /// step.
    pub note: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub at: DateTime<Utc>,
}

/// A question a network raised to the level above it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct QuestionOut {
    pub id: i64,
    pub title: String,
    /// The question itself.
    pub question: String,
    /// Why it goes beyond the raising network's own level.
    pub beyond: String,
    /// What the raising network tried already.
    pub tried: String,
    /// Web addresses that go with it (documents, reports).
    pub links: Vec<String>,
    pub status: QuestionStatus,
    /// The answer (`answered`) or why it was declined (`declined`).
    pub answer: String,
    /// The network that raised it.
    pub raised_by: NetworkRef,
    /// The network it was raised to: the parent, or a national network.
    pub raised_to: NetworkRef,
    /// The agenda item it is on, in a meeting of the receiving network.
    pub agenda_item_id: Option<i64>,
    /// Networks that support it, besides the one that raised it.
    pub support_count: i64,
    pub supported_by: Vec<QuestionSupportOut>,
    /// Every step, oldest first.
    pub timeline: Vec<QuestionEventOut>,
    /// Whether you may change its words or withdraw it (the raising
    /// network's core group, before it is received).
    pub may_edit: bool,
    /// Whether you may move it (the receiving network's core group).
    pub may_move: bool,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(
    QuestionPage,
    QuestionOut,
    "A page of raised questions, most supported first."
);

crate::list_filters! {
/// Filters for the lists of raised questions.
pub struct QuestionFilters {
    /// Only questions in this status.
    #[serde(default, deserialize_with = "params::choice")]
    pub status: Option<QuestionStatus>,
    /// `true`: only questions that are not yet answered or declined.
    #[serde(default, deserialize_with = "params::flag")]
    pub open: Option<bool>,
    /// Only questions raised by or to this network.
    #[param(minimum = 1)]
    #[serde(default, deserialize_with = "params::id")]
    pub network_id: Option<i64>,
    /// Only questions raised by networks in this municipality (CBS code).
    #[param(example = "GM0344")]
    #[serde(default, deserialize_with = "params::municipality")]
    pub municipality: Option<String>,
    /// Only questions raised by networks on this topic (slug).
    #[serde(default, deserialize_with = "params::text")]
    pub topic: Option<String>,
    /// Only questions changed at or after this time.
    #[serde(default, deserialize_with = "params::date_time")]
    pub updated_since: Option<DateTime<Utc>>,
}
}
