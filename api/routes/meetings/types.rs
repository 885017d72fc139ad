//! What the meeting endpoints answer, and the lists' filters.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::models::Meeting;
use crate::domain::{
    AccessFeature, MeetingFormat, MeetingKind, MeetingStatus, OnlyMine, RegistrationStatus,
    TimeZone, Visibility,
};
use crate::page_type;
use crate::queries::meetings::MeetingView;
use crate::web::http::utc;
use crate::web::params;

/// A meeting of a network.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeetingOut {
    pub id: i64,
    pub network_id: i64,
    pub network_name: String,
    pub title: String,
    pub description: String,
    pub kind: MeetingKind,
    pub format: MeetingFormat,
    /// In UTC; show it in `timeZone`.
    #[serde(serialize_with = "crate::web::http::time")]
    pub starts_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub ends_at: DateTime<Utc>,
    pub time_zone: TimeZone,
    /// The venue's name, such as "Bibliotheek Assen" (empty when online).
    pub venue_name: String,
    pub venue_address: String,
    /// CBS code of the venue's municipality.
    pub municipality_code: Option<String>,
    /// The online joining link: only for people with a place and the
    /// organisers, otherwise absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = "uri", nullable = false)]
    pub online_url: Option<String>,
    /// Whether a joining link exists, for everyone who sees the meeting.
    pub has_online_url: bool,
    /// `members`: seen by the network's members only.
    pub visibility: Visibility,
    /// Places; none for no limit.
    pub capacity: Option<i32>,
    pub status: MeetingStatus,
    /// Why it was cancelled (when `status` is `cancelled`).
    pub cancel_reason: String,
    /// What the venue and the meeting offer so that everyone can take part.
    pub access_features: Vec<AccessFeature>,
    /// More about accessibility, in words.
    pub access_note: String,
    /// The member (stakeholder) who organises it.
    pub organiser_id: Option<i64>,
    /// People with a place.
    pub registered_count: i64,
    /// People on the waiting list.
    pub waiting_count: i64,
    /// The viewer's own registration, if any.
    pub my_registration: Option<RegistrationStatus>,
    /// For organisers: how many people with a place need each thing
    /// (`{"sign_language": 2}`); absent for others.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, value_type = Option<Object>)]
    pub need_counts: Option<BTreeMap<AccessFeature, i64>>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(MeetingPage, MeetingOut, "A page of meetings.", synced: Meeting);

/// The features stored between commas, as a sorted list.
pub fn features(stored: &str) -> Vec<AccessFeature> {
    let mut list: Vec<AccessFeature> = stored.split(',').filter_map(|f| f.parse().ok()).collect();
    list.sort();
    list
}

/// A list of features as stored: between commas, or empty.
pub fn store_features(list: &[AccessFeature]) -> String {
    let mut list = list.to_vec();
    list.sort();
    list.dedup();
    if list.is_empty() {
        String::new()
    } else {
        let names: Vec<&str> = list.iter().map(|f| f.as_str()).collect();
        format!(",{},", names.join(","))
    }
}

impl MeetingOut {
    pub fn new(m: Meeting, view: MeetingView) -> MeetingOut {
        MeetingOut {
            id: m.id,
            network_id: m.network_id,
            network_name: view.network_name,
            title: m.title,
            description: m.description,
            kind: MeetingKind::from_db(&m.kind),
            format: MeetingFormat::from_db(&m.format),
            starts_at: utc(m.starts_at),
            ends_at: utc(m.ends_at),
            time_zone: TimeZone::from_db(&m.time_zone),
            venue_name: m.venue_name,
            venue_address: m.venue_address,
            municipality_code: m.municipality_code,
            has_online_url: m.online_url.is_some(),
            online_url: m.online_url.filter(|_| view.show_link),
            visibility: Visibility::from_db(&m.visibility),
            capacity: m.capacity,
            status: MeetingStatus::from_db(&m.status),
            cancel_reason: m.cancel_reason,
            access_features: features(&m.access_features),
            access_note: m.access_note,
            organiser_id: m.organiser_id,
            registered_count: view.registered,
            waiting_count: view.waiting,
            my_registration: view.mine,
            need_counts: view.need_counts,
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
        }
    }
}

/// Which meetings: upcoming (not yet ended, soonest first) or past (ended,
/// latest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum When {
    Upcoming,
    Past,
    All,
}

impl crate::domain::Choice for When {
    const NAMES: &'static str = "upcoming past all ";
}

impl std::str::FromStr for When {
    type Err = ();
    fn from_str(s: &str) -> Result<When, ()> {
        match s {
            "upcoming" => Ok(When::Upcoming),
            "past" => Ok(When::Past),
            "all" => Ok(When::All),
            _ => Err(()),
        }
    }
}

crate::list_filters! {
/// Filters for the meeting lists.
pub struct MeetingFilters {
    /// `upcoming` (default: not yet ended, soonest first), `past` (ended,
    /// latest first) or `all` (by start).
    #[param(inline, value_type = Option<When>)]
    #[serde(default, deserialize_with = "params::choice")]
    pub when: Option<When>,
    /// Only meetings of this network (the cross-network list).
    #[param(minimum = 1)]
    #[serde(default, deserialize_with = "params::id")]
    pub network_id: Option<i64>,
    /// Only meetings held in this municipality, or of networks there (CBS
    /// code).
    #[param(example = "GM0344")]
    #[serde(default, deserialize_with = "params::municipality")]
    pub municipality: Option<String>,
    /// Only meetings of networks on this topic (slug).
    #[serde(default, deserialize_with = "params::text")]
    pub topic: Option<String>,
    /// Only meetings that start at or after this time.
    #[serde(default, deserialize_with = "params::date_time")]
    pub from: Option<DateTime<Utc>>,
    /// Only meetings that start before this time.
    #[serde(default, deserialize_with = "params::date_time")]
    pub to: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "params::choice")]
    pub format: Option<MeetingFormat>,
    #[serde(default, deserialize_with = "params::choice")]
    pub status: Option<MeetingStatus>,
    /// Only meetings that offer all of these, separated by commas
    /// (`step_free,sign_language`).
    #[param(value_type = Option<String>)]
    #[serde(default, deserialize_with = "params::choices")]
    pub access_features: Option<Vec<AccessFeature>>,
    /// `me`: only the meetings you registered for, with a place or waiting
    /// (sign in first).
    #[param(inline)]
    #[serde(default, deserialize_with = "params::choice")]
    pub registrant: Option<OnlyMine>,
    /// Only meetings changed at or after this time. The first page then also
    /// lists what was deleted since (`deleted`); at most
    /// `DELETION_RETENTION_DAYS` (90) ago, else 400.
    #[serde(default, deserialize_with = "params::date_time")]
    pub updated_since: Option<DateTime<Utc>>,
}
}

impl crate::web::pagination::Synced for MeetingFilters {
    fn updated_since(&self) -> Option<DateTime<Utc>> {
        self.updated_since
    }
}
