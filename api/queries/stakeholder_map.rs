//! Who sits at a network's table, as its stakeholder map draws it: each
//! member's role and kind, named only when the member agreed to be listed
//! (`permissions::may_name_at_table`); the rest are counted.

use diesel::prelude::*;

use crate::db::models::OpenSeat;
use crate::db::schema::{memberships, open_seats, stakeholders};
use crate::db::DbConn;
use crate::domain::{Role, StakeholderKind};
use crate::permissions::may_name_at_table;
use crate::web::error::ApiError;

/// One member at the table.
pub struct AtTable {
    pub role: Role,
    pub kind: StakeholderKind,
    pub stakeholder_id: i64,
    /// Only for a member who agreed to be listed.
    pub name: Option<String>,
}

/// Every member of the network, by role and kind, in stakeholder order.
pub fn at_table(conn: &mut DbConn, network_id: i64) -> Result<Vec<AtTable>, ApiError> {
    let rows: Vec<(String, String, i64, String, bool)> = memberships::table
        .inner_join(stakeholders::table)
        .filter(memberships::network_id.eq(network_id))
        .order(memberships::stakeholder_id)
        .select((
            memberships::role,
            stakeholders::kind,
            stakeholders::id,
            stakeholders::name,
            stakeholders::listed,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(role, kind, id, name, listed)| AtTable {
            role: Role::from_db(&role),
            kind: StakeholderKind::from_db(&kind),
            stakeholder_id: id,
            name: may_name_at_table(listed).then_some(name),
        })
        .collect())
}

/// The network's open seats, in the order they were added.
pub fn open_seats_of(conn: &mut DbConn, network_id: i64) -> Result<Vec<OpenSeat>, ApiError> {
    Ok(open_seats::table
        .filter(open_seats::network_id.eq(network_id))
        .order(open_seats::id)
        .select(OpenSeat::as_select())
        .load(conn)?)
}
