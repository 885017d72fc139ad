//! What the helper endpoints take and answer.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{GoalHelper, Stakeholder};
use crate::db::schema::{goal_helpers, stakeholders};
use crate::db::DbConn;
use crate::domain::HelperStatus;
use crate::permissions::{self, NetworkAccess, Viewer};
use crate::web::error::ApiError;
use crate::web::extract::{not_null, Body};
use crate::web::http::utc;

/// An offer of help on a step.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HelperOut {
    pub goal_id: i64,
    pub stakeholder_id: i64,
    /// Their name, for the network's members, or when they agreed to be
    /// listed.
    pub name: Option<String>,
    pub status: HelperStatus,
    /// What they wrote with the offer: for the core group and themselves.
    pub message: Option<String>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    /// When the core group answered.
    pub decided_at: Option<DateTime<Utc>>,
}

/// The offers of help on a step.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelperList {
    pub items: Vec<HelperOut>,
}

/// An offer of help.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HelpOfferInput {
    /// What you would like to do, or when you can (optional).
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub message: Option<String>,
}

impl Body for HelpOfferInput {}

/// The core group's answer to an offer of help.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HelpAnswerInput {
    /// `accepted` or `declined`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub status: Option<HelperStatus>,
}

impl Body for HelpAnswerInput {
    const REQUIRED: &'static [&'static str] = &["status"];
}

/// The offers of a step as the viewer may see them, in the order made.
pub fn present(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &NetworkAccess,
    goal_id: i64,
    only: Option<i64>,
) -> Result<Vec<HelperOut>, ApiError> {
    let mut sql = goal_helpers::table
        .filter(goal_helpers::goal_id.eq(goal_id))
        .select(GoalHelper::as_select())
        .order((goal_helpers::created_at, goal_helpers::stakeholder_id))
        .into_boxed();
    if let Some(id) = only {
        sql = sql.filter(goal_helpers::stakeholder_id.eq(id));
    }
    let rows: Vec<GoalHelper> = sql.load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|h| h.stakeholder_id).collect();
    let people: std::collections::HashMap<i64, Stakeholder> = stakeholders::table
        .filter(crate::db::in_ids(stakeholders::id, &ids))
        .select(Stakeholder::as_select())
        .load::<Stakeholder>(conn)?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    Ok(rows
        .into_iter()
        .filter(|h| {
            let accepted = h.status == HelperStatus::Accepted.as_str();
            permissions::may_see_helper_offer(access, viewer, h.stakeholder_id, accepted)
        })
        .map(|h| {
            let own = viewer.stakeholder_id == Some(h.stakeholder_id);
            let name = people
                .get(&h.stakeholder_id)
                .filter(|s| permissions::may_see_reaction_writer(access.is_insider(), s))
                .map(|s| s.name.clone());
            HelperOut {
                goal_id: h.goal_id,
                stakeholder_id: h.stakeholder_id,
                name,
                status: HelperStatus::from_db(&h.status),
                message: (access.is_organiser() || own).then_some(h.message),
                created_at: utc(h.created_at),
                decided_at: h.decided_at.map(utc),
            }
        })
        .collect())
}
