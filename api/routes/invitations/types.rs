//! The invitations' wire types: an invitation as its parties see it, the
//! invited person's answer, the lists' filters.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::domain::{InvitationStatus, Role};
use crate::page_type;
use crate::web::extract::Body;
use crate::web::params;

/// An invitation to join a network.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvitationOut {
    pub id: i64,
    pub network_id: i64,
    pub network_name: String,
    /// The invited person's stakeholder profile.
    pub stakeholder_id: i64,
    /// The invited person's name.
    pub name: String,
    /// The role they get when they accept.
    pub role: Role,
    /// A word from whoever invited them.
    pub message: String,
    /// Who invited them (their display name), while that account exists.
    pub invited_by: Option<String>,
    pub status: InvitationStatus,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(InvitationPage, InvitationOut, "A page of invitations.");

/// Your answer to an invitation.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvitationInput {
    /// `accepted` makes you a member with the role offered; `declined` ends
    /// the invitation.
    #[schema(nullable = false, required = true)]
    pub status: Option<Answer>,
    /// Why you connect to the theme, in your own words (when accepting).
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    pub commitment: Option<String>,
}

/// An answer to an invitation: the statuses a person may give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = InvitationAnswer)]
pub enum Answer {
    Accepted,
    Declined,
}

impl Answer {
    pub fn status(self) -> InvitationStatus {
        match self {
            Answer::Accepted => InvitationStatus::Accepted,
            Answer::Declined => InvitationStatus::Declined,
        }
    }
}

impl Body for InvitationInput {
    const REQUIRED: &'static [&'static str] = &["status"];
}

crate::list_filters! {
    /// Filters for lists of invitations.
    pub struct InvitationFilters {
        #[serde(default, deserialize_with = "params::choice")]
        pub status: Option<InvitationStatus>,
    }
}
