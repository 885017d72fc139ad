//! What the expert search answers, and its filters.

use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::StakeholderKind;
use crate::page_type;
use crate::routes::stakeholders::AvailabilityOut;
use crate::web::params;

/// A person who chose to be findable: what they are found by, never how
/// to reach them (ask with `POST /contact-requests`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExpertOut {
    pub stakeholder_id: i64,
    pub name: String,
    pub kind: StakeholderKind,
    /// The talents they offer.
    pub talents: Vec<String>,
    /// The talents searched for that they offer.
    pub matching_talents: Vec<String>,
    /// CBS municipality code, where they live.
    pub municipality_code: Option<String>,
    pub availability: Option<AvailabilityOut>,
}

page_type!(ExpertPage, ExpertOut, "Findable people, best match first.");

crate::list_filters! {
    /// Filters for the expert search.
    pub struct ExpertFilters {
        /// A talent (`ervaringsdeskundigheid`, `ngt`); word forms and
        /// capitals do not matter. Without it: every findable person.
        #[param(max_length = 40)]
        #[serde(default, deserialize_with = "params::text")]
        pub talent: Option<String>,
        /// CBS municipality code: people who live there.
        #[serde(default, deserialize_with = "params::municipality")]
        pub municipality: Option<String>,
        /// CBS province code: people who live in one of its municipalities.
        #[serde(default, deserialize_with = "params::province")]
        pub province: Option<String>,
    }
}
