//! Reading the audit log: admins all of it, coordinators their network's part.

use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::accounts::auth::Auth;
use crate::db::schema::audit_events;
use crate::permissions::network_access;
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::http::utc;
use crate::web::pagination::Cursor;
use crate::web::params;
use crate::{page_type, AppState};

/// One thing that happened. Ids and names of actions only: no personal values.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditEventOut {
    pub id: i64,
    #[serde(serialize_with = "crate::web::http::time")]
    pub at: DateTime<Utc>,
    /// The account that acted (none: anonymous, or a failed sign-in).
    pub actor_id: Option<i64>,
    /// What happened, such as `network.updated` or `login.failed`.
    #[schema(example = "membership.role_changed")]
    pub action: String,
    #[schema(example = "network")]
    pub object_type: String,
    pub object_id: Option<i64>,
    pub network_id: Option<i64>,
    /// The API client that acted for its organisation, if a system did.
    pub client_id: Option<i64>,
}

/// One row of `audit_events`.
type EventRow = (
    i64,
    chrono::NaiveDateTime,
    Option<i64>,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

page_type!(
    AuditEventPage,
    AuditEventOut,
    "A page of audit events, newest first."
);

crate::list_filters! {
    /// Filters for the audit log.
    pub struct AuditFilters {
        /// Only this network's events; required unless you are a platform admin.
        #[param(minimum = 1)]
        #[serde(default, deserialize_with = "params::id")]
        pub network: Option<i64>,
        /// Only this action, such as `login.failed`.
        #[serde(default, deserialize_with = "params::text")]
        pub action: Option<String>,
    }
}

/// Read the audit log
///
/// Who did what and when, newest first. Platform admins read all of it;
/// coordinators the events of their network (give `network`).
#[utoipa::path(
    tag = "Accounts",
    params(AuditFilters),
    responses(
        (status = 200, description = "A page of audit events.", body = AuditEventPage),
        (status = 403, description = "Only admins, and coordinators for their network."),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security(("bearer" = [])),
)]
#[get("/audit-events")]
pub async fn list_audit_events(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    list::<_, AuditEventPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let AuditFilters {
            network, action, ..
        } = filters;
        match network {
            Some(id) => network_access(conn, viewer, id)?.ensure_coordinator()?,
            None if viewer.is_admin => {}
            None => {
                return Err(ApiError::Forbidden(
                    "Give the network whose log you coordinate (network=<id>).".into(),
                ))
            }
        }
        let before = page.after.map(Cursor::after_id).unwrap_or(i64::MAX);
        let mut sql = audit_events::table
            .filter(audit_events::id.lt(before))
            .select((
                audit_events::id,
                audit_events::at,
                audit_events::actor_id,
                audit_events::action,
                audit_events::object_type,
                audit_events::object_id,
                audit_events::network_id,
                audit_events::client_id,
            ))
            .into_boxed();
        if let Some(id) = network {
            sql = sql.filter(audit_events::network_id.eq(id));
        }
        if let Some(a) = action {
            sql = sql.filter(audit_events::action.eq(a));
        }
        let rows: Vec<EventRow> = sql
            .order(audit_events::id.desc())
            .limit(page.fetch_limit())
            .load(conn)?;
        let mut items: Vec<AuditEventOut> = rows
            .into_iter()
            .map(
                |(id, at, actor_id, action, object_type, object_id, network_id, client_id)| {
                    AuditEventOut {
                        id,
                        at: utc(at),
                        actor_id,
                        action,
                        object_type,
                        object_id,
                        network_id,
                        client_id,
                    }
                },
            )
            .collect();
        let next = page.finish(&mut items, |e| Cursor::Id(e.id));
        Ok((items, next))
    })
    .await
}
