//! Goals as several handlers read them: with their endorsements counted.

use std::collections::HashMap;

use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::db::models::Goal;
use crate::db::schema::{endorsements, goals};
use crate::db::{self, DbConn};
use crate::domain::Stance;
use crate::web::error::ApiError;

/// A goal with how many endorsements support it and raise a concern, the
/// talents it needs and its accepted helpers.
pub struct CountedGoal {
    pub goal: Goal,
    pub support: i64,
    pub concern: i64,
    /// The talents it needs.
    pub needed_talents: Vec<String>,
    /// Its accepted helpers (stakeholder ids).
    pub helper_ids: Vec<i64>,
}

/// These goals with their endorsements counted, in one statement.
pub fn counted(conn: &mut DbConn, rows: Vec<Goal>) -> Result<Vec<CountedGoal>, ApiError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|g| g.id).collect();
    let counts: HashMap<(i64, String), i64> = endorsements::table
        .filter(db::in_ids(endorsements::goal_id, &ids))
        .group_by((endorsements::goal_id, endorsements::stance))
        .select((endorsements::goal_id, endorsements::stance, count_star()))
        .load::<(i64, String, i64)>(conn)?
        .into_iter()
        .map(|(g, s, n)| ((g, s), n))
        .collect();
    let count = |id: i64, stance: Stance| {
        counts
            .get(&(id, stance.as_str().into()))
            .copied()
            .unwrap_or(0)
    };
    let mut needed = crate::queries::talents::needed_of(conn, &ids)?;
    let mut helpers = crate::queries::talents::helpers_of(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|goal| CountedGoal {
            support: count(goal.id, Stance::Support),
            concern: count(goal.id, Stance::Concern),
            needed_talents: needed.remove(&goal.id).unwrap_or_default(),
            helper_ids: helpers.remove(&goal.id).unwrap_or_default(),
            goal,
        })
        .collect())
}

/// One goal with its endorsements counted.
pub fn one(conn: &mut DbConn, id: i64) -> Result<CountedGoal, ApiError> {
    let goal = goals::table
        .find(id)
        .select(Goal::as_select())
        .first(conn)?;
    counted(conn, vec![goal])?
        .pop()
        .ok_or_else(|| ApiError::Internal("goal vanished".into()))
}

/// Adds a goal to a network (values checked by the caller), with who added
/// it and the meeting it came out of, if any. Its id.
pub fn insert(
    conn: &mut DbConn,
    network_id: i64,
    values: &crate::db::models::GoalValues,
    created_by: Option<i64>,
    meeting_id: Option<i64>,
) -> Result<i64, ApiError> {
    let now = db::now();
    Ok(diesel::insert_into(goals::table)
        .values((
            values,
            goals::network_id.eq(network_id),
            goals::created_by.eq(created_by),
            goals::meeting_id.eq(meeting_id),
            goals::created_at.eq(now),
            goals::updated_at.eq(now),
        ))
        .returning(goals::id)
        .get_result(conn)?)
}
