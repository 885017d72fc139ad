//! What a client sends to plan or change a meeting, and how it applies to
//! a meeting's values.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use super::types::store_features;
use crate::db::models::{Meeting, MeetingValues};
use crate::domain::{
    AccessFeature, MeetingFormat, MeetingKind, MeetingStatus, TimeZone, Visibility,
};
use crate::routes::knowledge_links::check_url;
use crate::web::error::{Code, InvalidParam};
use crate::web::extract::{merge, merge_opt, nullable, Body};

/// A meeting, as sent to plan one (POST: `title`, `kind`, `format`,
/// `startsAt` and `endsAt` required) or to change one (PATCH: JSON merge
/// patch). Cancel it with `status: cancelled` and a `cancelReason`.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeetingInput {
    #[validate(length(min = 3, max = 200, message = "must have 3 to 200 characters"))]
    #[schema(min_length = 3, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub title: Option<Option<String>>,
    #[validate(length(max = 5000, message = "must have at most 5000 characters"))]
    #[schema(max_length = 5000)]
    #[serde(default, deserialize_with = "nullable")]
    pub description: Option<Option<String>>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub kind: Option<Option<MeetingKind>>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub format: Option<Option<MeetingFormat>>,
    /// RFC 3339, with an offset (`2027-01-14T19:00:00+01:00`).
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub starts_at: Option<Option<DateTime<Utc>>>,
    /// After `startsAt`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub ends_at: Option<Option<DateTime<Utc>>>,
    /// How the times are shown. Default: Europe/Amsterdam.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub time_zone: Option<Option<TimeZone>>,
    #[validate(length(max = 200, message = "must have at most 200 characters"))]
    #[schema(max_length = 200)]
    #[serde(default, deserialize_with = "nullable")]
    pub venue_name: Option<Option<String>>,
    #[validate(length(max = 300, message = "must have at most 300 characters"))]
    #[schema(max_length = 300)]
    #[serde(default, deserialize_with = "nullable")]
    pub venue_address: Option<Option<String>>,
    /// CBS code of the venue's municipality.
    #[schema(pattern = "^GM[0-9]{4}$", example = "GM0106")]
    #[serde(default, deserialize_with = "nullable")]
    pub municipality_code: Option<Option<String>>,
    /// The online joining link (http or https), shown only to people with
    /// a place and to the organisers.
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(format = "uri", max_length = 2000)]
    #[serde(default, deserialize_with = "nullable")]
    pub online_url: Option<Option<String>>,
    /// Default `public`; `members`: for the network's members only.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub visibility: Option<Option<Visibility>>,
    /// Places; `null` for no limit. Not below the people with a place.
    #[validate(range(min = 1, max = 100000, message = "must be from 1 to 100000"))]
    #[schema(minimum = 1, maximum = 100000)]
    #[serde(default, deserialize_with = "nullable")]
    pub capacity: Option<Option<i32>>,
    /// Default `planned`. `cancelled` needs a `cancelReason`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub status: Option<Option<MeetingStatus>>,
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000)]
    #[serde(default, deserialize_with = "nullable")]
    pub cancel_reason: Option<Option<String>>,
    #[schema(max_items = 11)]
    #[serde(default, deserialize_with = "nullable")]
    pub access_features: Option<Option<Vec<AccessFeature>>>,
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(max_length = 2000)]
    #[serde(default, deserialize_with = "nullable")]
    pub access_note: Option<Option<String>>,
    /// A member (stakeholder id) of the network. Default: whoever plans it.
    #[validate(range(min = 1, message = "must be a stakeholder id"))]
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "nullable")]
    pub organiser_id: Option<Option<i64>>,
}

impl Body for MeetingInput {
    const REQUIRED: &'static [&'static str] = &["title", "kind", "format", "startsAt", "endsAt"];
}

impl From<&Meeting> for MeetingValues {
    fn from(m: &Meeting) -> Self {
        MeetingValues {
            title: m.title.clone(),
            description: m.description.clone(),
            kind: m.kind.clone(),
            format: m.format.clone(),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            time_zone: m.time_zone.clone(),
            venue_name: m.venue_name.clone(),
            venue_address: m.venue_address.clone(),
            municipality_code: m.municipality_code.clone(),
            online_url: m.online_url.clone(),
            visibility: m.visibility.clone(),
            capacity: m.capacity,
            status: m.status.clone(),
            cancel_reason: m.cancel_reason.clone(),
            access_features: m.access_features.clone(),
            access_note: m.access_note.clone(),
            organiser_id: m.organiser_id,
        }
    }
}

/// Text as stored: trimmed, `null` empty.
fn text(value: Option<String>) -> String {
    value.unwrap_or_default().trim().to_string()
}

impl MeetingInput {
    /// Applies this input to current values, collecting every problem
    /// that the values show by themselves.
    pub fn apply(self, v: &mut MeetingValues, errors: &mut Vec<InvalidParam>) {
        merge(
            &mut v.title,
            self.title.map(|t| t.map(|s| s.trim().to_string())),
            "title",
            errors,
        );
        if let Some(d) = self.description {
            v.description = text(d);
        }
        let mut kind = MeetingKind::from_db(&v.kind);
        merge(&mut kind, self.kind, "kind", errors);
        v.kind = kind.as_str().into();
        let mut format = MeetingFormat::from_db(&v.format);
        merge(&mut format, self.format, "format", errors);
        v.format = format.as_str().into();
        let mut starts = v.starts_at.and_utc();
        merge(&mut starts, self.starts_at, "startsAt", errors);
        v.starts_at = starts.naive_utc();
        let mut ends = v.ends_at.and_utc();
        merge(&mut ends, self.ends_at, "endsAt", errors);
        v.ends_at = ends.naive_utc();
        let mut zone = TimeZone::from_db(&v.time_zone);
        merge(&mut zone, self.time_zone, "timeZone", errors);
        v.time_zone = zone.as_str().into();
        if let Some(name) = self.venue_name {
            v.venue_name = text(name);
        }
        if let Some(address) = self.venue_address {
            v.venue_address = text(address);
        }
        merge_opt(&mut v.municipality_code, self.municipality_code);
        if let Some(url) = self.online_url {
            v.online_url = None;
            if let Some(raw) = url.filter(|u| !u.trim().is_empty()) {
                match check_url(&raw) {
                    Ok(u) => v.online_url = Some(u),
                    Err(reason) => errors
                        .push(InvalidParam::new("onlineUrl", Code::Format, reason).expected("url")),
                }
            }
        }
        let mut visibility = Visibility::from_db(&v.visibility);
        merge(&mut visibility, self.visibility, "visibility", errors);
        v.visibility = visibility.as_str().into();
        merge_opt(&mut v.capacity, self.capacity);
        let mut status = MeetingStatus::from_db(&v.status);
        merge(&mut status, self.status, "status", errors);
        v.status = status.as_str().into();
        if let Some(reason) = self.cancel_reason {
            v.cancel_reason = text(reason);
        }
        if status != MeetingStatus::Cancelled {
            v.cancel_reason.clear();
        }
        if let Some(list) = self.access_features {
            v.access_features = store_features(&list.unwrap_or_default());
        }
        if let Some(note) = self.access_note {
            v.access_note = text(note);
        }
        merge_opt(&mut v.organiser_id, self.organiser_id);
        if v.ends_at <= v.starts_at && !errors.iter().any(|e| e.name.ends_with("At")) {
            errors.push(
                InvalidParam::new("endsAt", Code::Rule, "must be after startsAt")
                    .expected("endsAfterStart"),
            );
        }
        if status == MeetingStatus::Cancelled && v.cancel_reason.is_empty() {
            errors.push(
                InvalidParam::new(
                    "cancelReason",
                    Code::Required,
                    "is required when a meeting is cancelled: say why, in a few words",
                )
                .expected("cancelReason"),
            );
        }
    }
}
