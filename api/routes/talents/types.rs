//! What the talent endpoints answer, and their filters.

use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::{GoalStatus, HelperStatus};
use crate::page_type;
use crate::routes::stakeholders::AvailabilityOut;
use crate::web::params;

/// A talent of the vocabulary, with how often it is used.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TalentOut {
    #[schema(example = "schrijven")]
    pub name: String,
    /// How many people show it to everyone, and goals you may see need it.
    pub uses: i64,
}

page_type!(TalentPage, TalentOut, "Talents, most used first.");

/// A member whose talents a step needs, and why they match.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MatchOut {
    pub stakeholder_id: i64,
    pub name: String,
    /// The step's needed talents they offer.
    pub matching_talents: Vec<String>,
    /// They live in the network's municipality (as far as they show it).
    pub same_municipality: bool,
    /// They live in the network's province (as far as they show it).
    pub same_province: bool,
    /// How much time they have, if they said.
    pub availability: Option<AvailabilityOut>,
    /// Open steps they already lead or help on.
    pub carried_steps: i64,
    /// Their offer of help on this step, if they made one.
    pub offer: Option<HelperStatus>,
}

page_type!(MatchPage, MatchOut, "Members who match, best first.");

/// An open step where your talents are wanted.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NeedOut {
    pub goal_id: i64,
    /// The goal it is a step towards.
    pub parent_id: Option<i64>,
    pub title: String,
    pub status: GoalStatus,
    pub network_id: i64,
    pub network_name: String,
    /// Whether it is one of your own networks (otherwise a public network:
    /// join it to offer help).
    pub own_network: bool,
    /// The talents it needs that you offer.
    pub matching_talents: Vec<String>,
    /// Your offer of help on it, if you made one.
    pub offer: Option<HelperStatus>,
}

page_type!(
    NeedPage,
    NeedOut,
    "Open steps that need your talents, best first."
);

crate::list_filters! {
    /// Filters for the talent suggestions.
    pub struct TalentFilters {
        /// What is typed so far: each word the start of a word of the
        /// talent; accents, capitals and word forms do not matter.
        #[param(max_length = 200)]
        #[serde(default, deserialize_with = "params::text")]
        pub q: Option<String>,
    }
}

crate::list_filters! {
    /// The pages of a list of matches.
    pub struct MatchFilters {}
}
