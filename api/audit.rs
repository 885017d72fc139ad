//! The audit log: who did what and when. It holds ids and action names only,
//! never personal values (no names, e-mail addresses or texts). Admins read
//! all of it, coordinators their network's part (`routes::audit`). Old
//! events are removed by `themanet purge` after `AUDIT_RETENTION_DAYS`.

use chrono::Duration;
use diesel::prelude::*;

use crate::db::schema::audit_events;
use crate::db::{self, DbConn};
use crate::web::error::ApiError;

/// Who did it: a person's account, or an API client (`accounts::clients`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub client_id: Option<i64>,
}

impl From<Option<i64>> for Actor {
    fn from(user_id: Option<i64>) -> Actor {
        Actor {
            user_id,
            client_id: None,
        }
    }
}

impl From<&crate::permissions::Viewer> for Actor {
    fn from(viewer: &crate::permissions::Viewer) -> Actor {
        Actor {
            user_id: viewer.user_id,
            client_id: viewer.client_id,
        }
    }
}

/// Records one event, in the caller's transaction.
pub fn record(
    conn: &mut DbConn,
    actor: impl Into<Actor>,
    action: &str,
    object_type: &str,
    object_id: Option<i64>,
    network_id: Option<i64>,
) -> Result<(), ApiError> {
    let actor = actor.into();
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::at.eq(db::now()),
            audit_events::actor_id.eq(actor.user_id),
            audit_events::client_id.eq(actor.client_id),
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
