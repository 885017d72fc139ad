//! The audit log: who did what and when. It holds ids and action names only,
//! never personal values (no names, e-mail addresses or texts). Admins read
//! all of it, coordinators their network's part (`routes::audit`). Old
//! events are removed by `themanet purge` after `AUDIT_RETENTION_DAYS`.

use chrono::Duration;
use diesel::prelude::*;

use crate::db::schema::audit_events;
use crate::db::{self, DbConn};
use crate::web::error::ApiError;

/// Records one event, in the caller's transaction.
pub fn record(
    conn: &mut DbConn,
    actor: Option<i64>,
    action: &str,
    object_type: &str,
    object_id: Option<i64>,
    network_id: Option<i64>,
) -> Result<(), ApiError> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::at.eq(db::now()),
            audit_events::actor_id.eq(actor),
            audit_events::action.eq(action),
            audit_events::object_type.eq(object_type),
            audit_events::object_id.eq(object_id),
            audit_events::network_id.eq(network_id),
        ))
        .execute(conn)?;
    Ok(())
}

/// Removes events older than the retention period; returns how many.
pub fn purge(conn: &mut DbConn, retention_days: i64) -> Result<usize, ApiError> {
    let cutoff = db::now() - Duration::days(retention_days);
    Ok(diesel::delete(audit_events::table.filter(audit_events::at.lt(cutoff))).execute(conn)?)
}
