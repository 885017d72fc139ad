//! What a client sends to add an open seat, and what it gets back.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::OpenSeat;
use crate::domain::{Role, StakeholderKind};
use crate::page_type;
use crate::web::extract::{not_null, Body};
use crate::web::http::utc;

/// A seat at the table the core group still wants filled.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OpenSeatOut {
    pub id: i64,
    pub network_id: i64,
    /// Who they look for.
    pub kind: StakeholderKind,
    /// The role the seat is for.
    pub role: Role,
    /// In the core group's words.
    #[schema(example = "Een beleidsmedewerker van de gemeente")]
    pub description: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
}

impl From<OpenSeat> for OpenSeatOut {
    fn from(s: OpenSeat) -> Self {
        OpenSeatOut {
            id: s.id,
            network_id: s.network_id,
            kind: StakeholderKind::from_db(&s.kind),
            role: Role::from_db(&s.role),
            description: s.description,
            created_at: utc(s.created_at),
        }
    }
}

page_type!(OpenSeatPage, OpenSeatOut, "A network's open seats.");

crate::list_filters! {
    /// The open seats have no filters beyond the page.
    pub struct OpenSeatFilters {}
}

/// An open seat to add.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OpenSeatInput {
    #[serde(default, deserialize_with = "not_null")]
    pub kind: Option<StakeholderKind>,
    #[serde(default, deserialize_with = "not_null")]
    pub role: Option<Role>,
    /// Who you look for, in your own words.
    #[validate(length(min = 3, max = 200, message = "must have 3 to 200 characters"))]
    #[schema(
        min_length = 3,
        max_length = 200,
        example = "Een werkgever uit de regio"
    )]
    #[serde(default, deserialize_with = "not_null")]
    pub description: Option<String>,
}

impl Body for OpenSeatInput {
    const REQUIRED: &'static [&'static str] = &["kind", "role", "description"];
}
