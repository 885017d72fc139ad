//! What the endorsement endpoints take and answer, and the list's filters.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{Endorsement, Stakeholder};
use crate::domain::{ReactionVisibility, Stance};
use crate::page_type;
use crate::permissions::may_see_reaction_writer;
use crate::web::extract::Body;
use crate::web::http::utc;
use crate::web::params;

/// A member's view of a goal.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EndorsementOut {
    pub goal_id: i64,
    /// The member; hidden from outsiders unless they agreed to be listed.
    pub stakeholder_id: Option<i64>,
    pub name: Option<String>,
    pub stance: Stance,
    pub comment: String,
    /// Who sees this reaction: the network's `members`, or everyone.
    pub visibility: ReactionVisibility,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(EndorsementPage, EndorsementOut, "A page of endorsements.");

impl EndorsementOut {
    /// A reaction as the viewer sees it: `insider` of the goal's network or not.
    pub fn new((e, writer): (Endorsement, Stakeholder), insider: bool) -> EndorsementOut {
        let shown = may_see_reaction_writer(insider, &writer);
        EndorsementOut {
            goal_id: e.goal_id,
            stakeholder_id: shown.then_some(writer.id),
            name: shown.then_some(writer.name),
            stance: Stance::from_db(&e.stance),
            comment: e.comment,
            visibility: ReactionVisibility::from_db(&e.visibility),
            created_at: utc(e.created_at),
            updated_at: utc(e.updated_at),
        }
    }
}

/// Your view of a goal: support or concern, with a comment.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EndorsementInput {
    #[schema(nullable = false)]
    pub stance: Option<Stance>,
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(max_length = 2000, nullable = false)]
    pub comment: Option<String>,
    /// Who sees your reaction: the network's `members` (default) or
    /// `public`, everyone who may see the goal.
    #[schema(nullable = false)]
    pub visibility: Option<ReactionVisibility>,
}

impl Body for EndorsementInput {
    const REQUIRED: &'static [&'static str] = &["stance"];
}

crate::list_filters! {
    /// Filters for the endorsement list.
    pub struct EndorsementFilters {
        #[serde(default, deserialize_with = "params::choice")]
        pub stance: Option<Stance>,
        /// Only endorsements changed at or after this time.
        #[serde(default, deserialize_with = "params::date_time")]
        pub updated_since: Option<DateTime<Utc>>,
    }
}
