//! The parts of the export about talents: your offers of help on steps,
//! and the contact requests you received and sent.

use diesel::prelude::*;

use crate::db::models::{ContactRequest, GoalHelper};
use crate::db::schema::{contact_requests, goal_helpers, stakeholders};
use crate::db::DbConn;
use crate::domain::HelperStatus;
use crate::permissions::{managed_by, Viewer};
use crate::routes::contact_requests::{present, ContactRequestOut};
use crate::routes::helpers::HelperOut;
use crate::web::error::ApiError;
use crate::web::http::utc;

/// Your offers of help on steps ("Ik help mee"), with their answers.
pub fn help_offered(conn: &mut DbConn, me: i64, name: &str) -> Result<Vec<HelperOut>, ApiError> {
    let rows: Vec<GoalHelper> = goal_helpers::table
        .filter(goal_helpers::stakeholder_id.eq(me))
        .order(goal_helpers::goal_id)
        .select(GoalHelper::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|h| HelperOut {
            goal_id: h.goal_id,
            stakeholder_id: h.stakeholder_id,
            name: Some(name.to_string()),
            status: HelperStatus::from_db(&h.status),
            message: Some(h.message),
            created_at: utc(h.created_at),
            decided_at: h.decided_at.map(utc),
        })
        .collect())
}

/// The contact requests addressed to profiles you manage, and those you
/// sent.
pub fn contact_requests_of(
    conn: &mut DbConn,
    viewer: &Viewer,
    user_id: i64,
) -> Result<Vec<ContactRequestOut>, ApiError> {
    let mine: Vec<i64> = stakeholders::table
        .filter(managed_by(user_id))
        .select(stakeholders::id)
        .load(conn)?;
    let rows: Vec<ContactRequest> = contact_requests::table
        .filter(
            contact_requests::to_stakeholder_id
                .eq_any(mine)
                .or(contact_requests::from_user_id.eq(user_id)),
        )
        .order(contact_requests::id)
        .select(ContactRequest::as_select())
        .load(conn)?;
    present(conn, viewer, rows)
}
