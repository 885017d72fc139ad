//! What the registration endpoints take and answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{AccessNeeds, Registration};
use crate::domain::{AccessFeature, RegistrationStatus};
use crate::page_type;
use crate::routes::meetings::features;
use crate::web::extract::{not_null, Body};
use crate::web::http::utc;
use crate::web::params;

/// A registration: yours, or (for organisers) one of a meeting's.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RegistrationOut {
    pub meeting_id: i64,
    pub stakeholder_id: i64,
    /// The person's name.
    pub name: String,
    /// `registered`: has a place; `waiting`: on the waiting list.
    pub status: RegistrationStatus,
    /// Place on the waiting list, 1 first; absent with a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, minimum = 1)]
    pub waiting_position: Option<i64>,
    /// What the person needs to take part: shown to them, and to the
    /// organisers only where they agreed to share their name with it
    /// (otherwise organisers see the needs only counted, on the meeting).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub access_needs: Option<Vec<AccessFeature>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub access_note: Option<String>,
    /// Whether the organisers may see the name beside the needs.
    pub share_name_with_needs: bool,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
}

page_type!(
    RegistrationPage,
    RegistrationOut,
    "A page of registrations."
);

impl RegistrationOut {
    /// `show_needs`: whether the reader may see the needs beside the name.
    pub fn new(
        r: Registration,
        name: String,
        needs: Option<AccessNeeds>,
        waiting_position: Option<i64>,
        show_needs: bool,
    ) -> RegistrationOut {
        let share = needs.as_ref().is_some_and(|n| n.share_name);
        let needs = needs.filter(|_| show_needs);
        RegistrationOut {
            meeting_id: r.meeting_id,
            stakeholder_id: r.stakeholder_id,
            name,
            status: RegistrationStatus::from_db(&r.status),
            waiting_position,
            access_needs: needs.as_ref().map(|n| features(&n.needs)),
            access_note: needs.map(|n| n.note),
            share_name_with_needs: share,
            created_at: utc(r.created_at),
        }
    }
}

/// Registering yourself for a meeting. Say what you need to take part
/// only if you want to: with `needsConsent: true`, the organisers see how
/// many people need each thing; with `shareNameWithNeeds: true` also your
/// name beside it. Needs are erased with the registration.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegistrationInput {
    #[schema(max_items = 11, nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub access_needs: Option<Vec<AccessFeature>>,
    /// Anything else you need, in your own words.
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub access_note: Option<String>,
    /// Required (`true`) when you state needs: you agree that they are
    /// stored for this meeting and counted for its organisers.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub needs_consent: Option<bool>,
    /// The organisers may see your name beside your needs. Default `false`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub share_name_with_needs: Option<bool>,
}

impl Body for RegistrationInput {
    const REQUIRED: &'static [&'static str] = &[];
}

crate::list_filters! {
    /// Filters for the list of registrations.
    pub struct RegistrationFilters {
        /// Only people with a place, or only the waiting list.
        #[serde(default, deserialize_with = "params::choice")]
        pub status: Option<RegistrationStatus>,
    }
}
