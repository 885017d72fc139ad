//! Memberships as several resources write them: joining, accepting an
//! invitation, a coordinator adding an organisation, starting a network.

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
