//! What the contact request endpoints take and answer.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{ContactRequest, Stakeholder};
use crate::db::schema::{stakeholders, users};
use crate::db::DbConn;
use crate::domain::{ContactRequestStatus, StakeholderKind};
use crate::permissions::{self, Viewer};
use crate::routes::stakeholders::ContactOut;
use crate::web::error::ApiError;
use crate::web::extract::{not_null, Body};
use crate::web::http::utc;
use crate::web::params;

/// One side of a contact request.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartyOut {
    pub stakeholder_id: i64,
    pub name: String,
    pub kind: StakeholderKind,
}

pub use crate::domain::ContactDirection as Direction;

/// A request for contact.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContactRequestOut {
    pub id: i64,
    pub direction: Direction,
    pub from: PartyOut,
    pub to: PartyOut,
    pub message: String,
    pub status: ContactRequestStatus,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
    /// The other side's contact details, as they shared them: only once
    /// the request is accepted; `null` before, and when they shared none.
    pub contact: Option<ContactOut>,
}

crate::page_type!(
    ContactRequestPage,
    ContactRequestOut,
    "A page of contact requests."
);

/// A request for contact with a findable person.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactRequestInput {
    /// The person (see `GET /experts`).
    #[validate(range(min = 1, message = "must be a stakeholder id"))]
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "not_null")]
    pub stakeholder_id: Option<i64>,
    /// Who you are and what you ask of them.
    #[validate(length(min = 10, max = 2000, message = "must have 10 to 2000 characters"))]
    #[schema(min_length = 10, max_length = 2000)]
    #[serde(default, deserialize_with = "not_null")]
    pub message: Option<String>,
    /// The organisation or municipality you act for (a profile you
    /// manage); without it, you ask for yourself.
    #[validate(range(min = 1, message = "must be a stakeholder id"))]
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "not_null")]
    pub on_behalf_of: Option<i64>,
}

impl Body for ContactRequestInput {
    const REQUIRED: &'static [&'static str] = &["stakeholderId", "message"];
}

/// The person's answer to a contact request.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactAnswerInput {
    /// `accepted` or `declined`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub status: Option<ContactRequestStatus>,
}

impl Body for ContactAnswerInput {
    const REQUIRED: &'static [&'static str] = &["status"];
}

crate::list_filters! {
    /// Filters for your contact requests.
    pub struct ContactRequestFilters {
        /// `received` or `sent`; without it, both.
        #[serde(default, deserialize_with = "params::choice")]
        pub direction: Option<Direction>,
        #[serde(default, deserialize_with = "params::choice")]
        pub status: Option<ContactRequestStatus>,
    }
}

fn party(s: &Stakeholder) -> PartyOut {
    PartyOut {
        stakeholder_id: s.id,
        name: s.name.clone(),
        kind: StakeholderKind::from_db(&s.kind),
    }
}

/// Requests as the viewer sees them: the other side's contact details only
/// once accepted (the person's as they shared them; the asker's profile's,
/// or else the address of the account that asked).
pub fn present(
    conn: &mut DbConn,
    viewer: &Viewer,
    rows: Vec<ContactRequest>,
) -> Result<Vec<ContactRequestOut>, ApiError> {
    let mut ids: Vec<i64> = rows
        .iter()
        .flat_map(|r| [r.from_stakeholder_id, r.to_stakeholder_id])
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let people: std::collections::HashMap<i64, Stakeholder> = stakeholders::table
        .filter(crate::db::in_ids(stakeholders::id, &ids))
        .select(Stakeholder::as_select())
        .load::<Stakeholder>(conn)?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    // The askers' account addresses, for the accepted requests they sent
    // to the viewer: one query for the page.
    let mut askers: Vec<i64> = rows
        .iter()
        .filter(|r| {
            permissions::may_see_requested_contact(ContactRequestStatus::from_db(&r.status))
        })
        .filter_map(|r| r.from_user_id)
        .collect();
    askers.sort_unstable();
    askers.dedup();
    let addresses: std::collections::HashMap<i64, String> = if askers.is_empty() {
        Default::default()
    } else {
        users::table
            .filter(crate::db::in_ids(users::id, &askers))
            .select((users::id, users::email))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect()
    };
    let mut out = Vec::new();
    for r in rows {
        let (Some(from), Some(to)) = (
            people.get(&r.from_stakeholder_id),
            people.get(&r.to_stakeholder_id),
        ) else {
            continue;
        };
        // Asked by the viewer: sent (also to a profile they manage).
        let direction = if r.from_user_id.is_some() && r.from_user_id == viewer.user_id {
            Direction::Sent
        } else {
            Direction::Received
        };
        let status = ContactRequestStatus::from_db(&r.status);
        let contact = if !permissions::may_see_requested_contact(status) {
            None
        } else if direction == Direction::Received {
            let account = r.from_user_id.and_then(|id| addresses.get(&id).cloned());
            Some(ContactOut {
                email: from.email.clone().or(account),
                phone: from.phone.clone(),
            })
        } else {
            (to.email.is_some() || to.phone.is_some()).then(|| ContactOut {
                email: to.email.clone(),
                phone: to.phone.clone(),
            })
        };
        out.push(ContactRequestOut {
            id: r.id,
            direction,
            from: party(from),
            to: party(to),
            message: r.message,
            status,
            created_at: utc(r.created_at),
            answered_at: r.answered_at.map(utc),
            contact,
        });
    }
    Ok(out)
}
