//! Memberships as several resources write them: joining, accepting an
//! invitation, a coordinator adding an organisation, starting a network.

use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::db::models::Membership;
use crate::db::schema::memberships;
use crate::db::{self, DbConn};
use crate::domain::Role;
use crate::web::error::ApiError;

/// The membership of a stakeholder in a network, if any.
pub fn find(
    conn: &mut DbConn,
    network_id: i64,
    stakeholder_id: i64,
) -> Result<Option<Membership>, ApiError> {
    Ok(memberships::table
        .filter(memberships::network_id.eq(network_id))
        .filter(memberships::stakeholder_id.eq(stakeholder_id))
        .select(Membership::as_select())
        .first(conn)
        .optional()?)
}

/// The membership of a stakeholder in a network; 404 when there is none.
pub fn load(
    conn: &mut DbConn,
    network_id: i64,
    stakeholder_id: i64,
) -> Result<Membership, ApiError> {
    find(conn, network_id, stakeholder_id)?.ok_or_else(|| ApiError::not_found("This member"))
}

/// How many coordinators a network has.
pub fn coordinators(conn: &mut DbConn, network_id: i64) -> Result<i64, ApiError> {
    Ok(memberships::table
        .filter(memberships::network_id.eq(network_id))
        .filter(memberships::role.eq(Role::Coordinator.as_str()))
        .select(count_star())
        .first(conn)?)
}

/// The first network whose only coordinator the stakeholder is, if any:
/// they may not leave it, nor be erased, before someone else coordinates.
pub fn sole_coordinator_of(
    conn: &mut DbConn,
    stakeholder_id: i64,
) -> Result<Option<i64>, ApiError> {
    let coordinated: Vec<i64> = memberships::table
        .filter(memberships::stakeholder_id.eq(stakeholder_id))
        .filter(memberships::role.eq(Role::Coordinator.as_str()))
        .select(memberships::network_id)
        .order(memberships::network_id)
        .load(conn)?;
    for network in coordinated {
        if coordinators(conn, network)? <= 1 {
            return Ok(Some(network));
        }
    }
    Ok(None)
}

/// Makes a stakeholder a member; 409 when they already are. `by_consent`:
/// the person's own act (see `permissions`).
pub fn insert(
    conn: &mut DbConn,
    network_id: i64,
    stakeholder_id: i64,
    role: Role,
    commitment: &str,
    by_consent: bool,
) -> Result<(), ApiError> {
    if find(conn, network_id, stakeholder_id)?.is_some() {
        return Err(ApiError::Conflict(
            "This stakeholder is already a member of this network.".into(),
        ));
    }
    let now = db::now();
    diesel::insert_into(memberships::table)
        .values((
            memberships::network_id.eq(network_id),
            memberships::stakeholder_id.eq(stakeholder_id),
            memberships::role.eq(role.as_str()),
            memberships::commitment.eq(commitment.trim()),
            memberships::created_at.eq(now),
            memberships::updated_at.eq(now),
            memberships::by_consent.eq(by_consent),
        ))
        .execute(conn)?;
    Ok(())
}
