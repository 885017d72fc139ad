//! What the pulse endpoints take and answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::web::extract::{not_null, Body};

/// One answer to the pulse.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PulseInput {
    /// "Kon je goed meedoen?": 1 (not at all) to 5 (very well).
    #[validate(range(min = 1, max = 5, message = "must be from 1 to 5"))]
    #[schema(minimum = 1, maximum = 5)]
    pub took_part: Option<i32>,
    /// "Voelde je je gehoord?": 1 (not at all) to 5 (very much).
    #[validate(range(min = 1, max = 5, message = "must be from 1 to 5"))]
    #[schema(minimum = 1, maximum = 5)]
    pub heard: Option<i32>,
    /// Anything you want to say; shown without your name, and only once
    /// enough people answered.
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub comment: Option<String>,
}

impl Body for PulseInput {
    const REQUIRED: &'static [&'static str] = &["tookPart", "heard"];
}

/// The answers to one question, counted.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Scale {
    pub average: f64,
    /// How many answered 1, 2, 3, 4 and 5.
    pub counts: [i64; 5],
}

/// A meeting's pulse, for its organisers.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PulseOut {
    /// Answers needed before anything is shown.
    pub minimum: i64,
    /// Whether enough people answered; until then nothing else is shown.
    pub enough: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub answers: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub took_part: Option<Scale>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub heard: Option<Scale>,
    /// The comments, without names, in alphabetical order.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub comments: Option<Vec<String>>,
}

/// One meeting in a network's pulse trend.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PulseTrendItem {
    pub meeting_id: i64,
    pub title: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub starts_at: DateTime<Utc>,
    pub answers: i64,
    pub took_part_average: f64,
    pub heard_average: f64,
}

/// How people took part over a network's meetings: the meetings with
/// enough answers, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PulseTrend {
    pub items: Vec<PulseTrendItem>,
}
