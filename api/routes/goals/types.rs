//! What the goal endpoints take and answer, and the list's filters.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{Goal, GoalValues};
use crate::domain::GoalStatus;
use crate::queries::goals::CountedGoal;
use crate::web::error::InvalidParam;
use crate::web::extract::{merge, merge_opt, nullable, Body};
use crate::web::http::utc;
use crate::web::params;
use crate::{db, page_type};

/// A goal or a step towards one.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GoalOut {
    pub id: i64,
    pub network_id: i64,
    /// The larger goal this is a step towards; none for a top-level ambition.
    pub parent_id: Option<i64>,
    pub title: String,
    pub description: String,
    pub status: GoalStatus,
    pub target_date: Option<NaiveDate>,
    /// When it was marked achieved (set by the platform).
    pub achieved_at: Option<DateTime<Utc>>,
    /// The member (stakeholder) who takes the lead.
    pub owner_id: Option<i64>,
    /// Order among its siblings, lowest first.
    pub position: i32,
    /// Endorsements that support the goal.
    pub support_count: i64,
    /// Endorsements that raise a concern.
    pub concern_count: i64,
    /// The meeting it came out of (an outcome made into a goal), if any.
    pub meeting_id: Option<i64>,
    /// The talents it needs (`GET /talents` suggests them), lowercase.
    pub needed_talents: Vec<String>,
    /// The articles of the UN Convention it works on (see
    /// `/convention-articles`), in order.
    #[schema(example = json!([27]))]
    pub articles: Vec<i64>,
    /// The members (stakeholder ids) whose offer of help the core group
    /// accepted (`/goals/{goalId}/helpers`).
    pub helper_ids: Vec<i64>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(GoalPage, GoalOut, "A page of goals.", synced: Goal);

impl From<CountedGoal> for GoalOut {
    fn from(
        CountedGoal {
            goal: g,
            support,
            concern,
            needed_talents,
            helper_ids,
        }: CountedGoal,
    ) -> Self {
        GoalOut {
            id: g.id,
            network_id: g.network_id,
            parent_id: g.parent_id,
            title: g.title,
            description: g.description,
            status: GoalStatus::from_db(&g.status),
            target_date: g.target_date,
            achieved_at: g.achieved_at.map(utc),
            owner_id: g.owner_id,
            position: g.position,
            support_count: support,
            concern_count: concern,
            meeting_id: g.meeting_id,
            needed_talents,
            articles: crate::convention::split(&g.articles),
            helper_ids,
            created_at: utc(g.created_at),
            updated_at: utc(g.updated_at),
        }
    }
}

/// A goal as sent to create one (POST: `title` required) or to change one
/// (PATCH: JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoalInput {
    #[validate(length(min = 3, max = 200, message = "must have 3 to 200 characters"))]
    #[schema(min_length = 3, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub title: Option<Option<String>>,
    #[validate(length(max = 5000, message = "must have at most 5000 characters"))]
    #[schema(max_length = 5000)]
    #[serde(default, deserialize_with = "nullable")]
    pub description: Option<Option<String>>,
    /// Default `proposed`. `achieved` sets `achievedAt`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub status: Option<Option<GoalStatus>>,
    #[serde(default, deserialize_with = "nullable")]
    pub target_date: Option<Option<NaiveDate>>,
    /// A goal of the same network; `null` makes it top-level.
    #[validate(range(min = 1, message = "must be a goal id"))]
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "nullable")]
    pub parent_id: Option<Option<i64>>,
    /// A member (stakeholder id) of the network.
    #[validate(range(min = 1, message = "must be a stakeholder id"))]
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "nullable")]
    pub owner_id: Option<Option<i64>>,
    #[validate(range(min = 0, max = 100000, message = "must be from 0 to 100000"))]
    #[schema(minimum = 0, maximum = 100000, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub position: Option<Option<i32>>,
    /// The talents it needs, at most 10, each 2 to 40 letters, digits,
    /// spaces, hyphens or apostrophes (`schrijven`, `ngt`, `juridische
    /// kennis`); stored lowercase. `null` or `[]`: none.
    #[schema(max_items = 10, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub needed_talents: Option<Option<Vec<String>>>,
    /// The articles of the UN Convention on the rights of persons with
    /// disabilities it works on, 1 to 33 (see `/convention-articles`); the
    /// list replaces the one before.
    #[validate(custom(function = "crate::convention::validate"))]
    #[schema(max_items = 33, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub articles: Option<Option<Vec<i64>>>,
}

impl Body for GoalInput {
    const REQUIRED: &'static [&'static str] = &["title"];
}

impl From<&Goal> for GoalValues {
    fn from(g: &Goal) -> Self {
        GoalValues {
            parent_id: g.parent_id,
            title: g.title.clone(),
            description: g.description.clone(),
            status: g.status.clone(),
            target_date: g.target_date,
            achieved_at: g.achieved_at,
            owner_id: g.owner_id,
            position: g.position,
            articles: g.articles.clone(),
        }
    }
}

impl GoalInput {
    /// The talents the input sets, cleaned and checked (`None`: left as
    /// they are).
    pub fn take_talents(&mut self, errors: &mut Vec<InvalidParam>) -> Option<Vec<String>> {
        self.needed_talents
            .take()
            .map(|t| crate::queries::talents::check_needed(t.unwrap_or_default(), errors))
    }

    /// Applies this input to current values, collecting every problem.
    pub fn apply(self, v: &mut GoalValues, errors: &mut Vec<InvalidParam>) {
        merge(
            &mut v.title,
            self.title.map(|t| t.map(|s| s.trim().to_string())),
            "title",
            errors,
        );
        if let Some(d) = self.description {
            v.description = d.unwrap_or_default().trim().to_string();
        }
        let before = GoalStatus::from_db(&v.status);
        let mut status = before;
        merge(&mut status, self.status, "status", errors);
        v.status = status.as_str().into();
        if status == GoalStatus::Achieved && before != GoalStatus::Achieved {
            v.achieved_at = Some(db::now());
        } else if status != GoalStatus::Achieved {
            v.achieved_at = None;
        }
        merge_opt(&mut v.target_date, self.target_date);
        merge_opt(&mut v.parent_id, self.parent_id);
        merge_opt(&mut v.owner_id, self.owner_id);
        merge(&mut v.position, self.position, "position", errors);
        if let Some(a) = self.articles {
            v.articles = crate::convention::join(&a.unwrap_or_default());
        }
    }
}

crate::list_filters! {
    /// Filters for the goal list.
    pub struct GoalFilters {
        /// Only the steps of this goal.
        #[param(minimum = 1)]
        #[serde(default, deserialize_with = "params::id")]
        pub parent_id: Option<i64>,
        /// `true`: only top-level goals (ambitions).
        #[serde(default, deserialize_with = "params::flag")]
        pub top_level: Option<bool>,
        #[serde(default, deserialize_with = "params::choice")]
        pub status: Option<GoalStatus>,
        /// Only goals tagged with this article of the UN Convention (1 to 33).
        #[param(minimum = 1, maximum = 33)]
        #[serde(default, deserialize_with = "params::article")]
        pub article: Option<i64>,
        /// Only goals changed at or after this time. The first page then also
        /// lists what was deleted since (`deleted`); at most
        /// `DELETION_RETENTION_DAYS` (90) ago, else 400.
        #[serde(default, deserialize_with = "params::date_time")]
        pub updated_since: Option<DateTime<Utc>>,
    }
}

impl crate::web::pagination::Synced for GoalFilters {
    fn updated_since(&self) -> Option<DateTime<Utc>> {
        self.updated_since
    }
}
