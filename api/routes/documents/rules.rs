//! Checks on a document that need the database: the goal and the meeting it
//! is attached to belong to its network, and an image says what it shows.

use diesel::prelude::*;

use crate::db::models::DocumentValues;
use crate::db::schema::{goals, meetings};
use crate::db::DbConn;
use crate::web::error::{ApiError, Code, InvalidParam};

pub fn check(
    conn: &mut DbConn,
    network_id: i64,
    v: &DocumentValues,
    image: bool,
    errors: &mut Vec<InvalidParam>,
) -> Result<(), ApiError> {
    if image && v.alt_text.trim().is_empty() {
        errors.push(
            InvalidParam::new(
                "altText",
                Code::Required,
                "is required for an image: say in words what it shows",
            )
            .expected("altText"),
        );
    }
    if let Some(goal) = v.goal_id {
        let found: i64 = goals::table
            .filter(goals::id.eq(goal))
            .filter(goals::network_id.eq(network_id))
            .count()
            .get_result(conn)?;
        if found == 0 {
            errors.push(
                InvalidParam::new("goalId", Code::Reference, "is not a goal of this network")
                    .expected("goal"),
            );
        }
    }
    if let Some(meeting) = v.meeting_id {
        let found: i64 = meetings::table
            .filter(meetings::id.eq(meeting))
            .filter(meetings::network_id.eq(network_id))
            .count()
            .get_result(conn)?;
        if found == 0 {
            errors.push(
                InvalidParam::new(
                    "meetingId",
                    Code::Reference,
                    "is not a meeting of this network",
                )
                .expected("meeting"),
            );
        }
    }
    Ok(())
}
