//! `GET /meetings` and `GET /networks/{networkId}/meetings`: meetings,
//! upcoming (soonest first) or past (latest first).

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{MeetingFilters, MeetingOut, MeetingPage, When};
use crate::accounts::auth::Auth;
use crate::db::models::Meeting;
use crate::db::schema::{meeting_registrations, meetings, network_topics, networks};
use crate::db::{self, DbConn};
use crate::permissions::{network_access, organises, visible_meetings, Viewer};
use crate::queries;
use crate::routes;
use crate::web::error::ApiError;
use crate::web::pagination::{Cursor, PageRequest};
use crate::AppState;

/// Meetings of all networks
///
/// The meetings you may see: public ones of public networks, and those of
/// your own networks. Filter by municipality, network, topic, time,
/// format and what the venue offers; `registrant=me` gives your own.
#[utoipa::path(
    tag = "Meetings",
    params(MeetingFilters),
    responses((status = 200, description = "A page of meetings.", body = MeetingPage)),
    security((), ("bearer" = [])),
)]
#[get("/meetings")]
pub async fn list_meetings(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    list(state, req, auth, None).await
}

/// A network's meetings
///
/// Its meetings that you may see: upcoming ones soonest first, or past
/// ones (`when=past`) latest first, with the same filters as `/meetings`.
#[utoipa::path(
    tag = "Meetings",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), MeetingFilters),
    responses(
        (status = 200, description = "A page of meetings.", body = MeetingPage),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/meetings")]
pub async fn list_network_meetings(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    list(state, req, auth, Some(path.into_inner())).await
}

async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    network: Option<i64>,
) -> Result<HttpResponse, ApiError> {
    routes::synced_list::<MeetingFilters, MeetingPage>(
        &state,
        &req,
        auth,
        move |conn, viewer, filters, page| {
            if let Some(id) = network {
                network_access(conn, viewer, id)?;
            }
            if filters.registrant.is_some() {
                viewer.user()?;
            }
            let mut rows = select(conn, viewer, network, &filters, &page)?;
            let next = page.finish(&mut rows, |m| Cursor::at(m.starts_at, m.id));
            Ok((present(conn, viewer, rows)?, next))
        },
    )
    .await
}

/// The rows of one page: visible to the viewer, filtered, in the order
/// `when` asks for, after the cursor.
fn select(
    conn: &mut DbConn,
    viewer: &Viewer,
    network: Option<i64>,
    f: &MeetingFilters,
    page: &PageRequest,
) -> Result<Vec<Meeting>, ApiError> {
    let now = db::now();
    let mut sql = meetings::table
        .filter(visible_meetings(viewer))
        .select(Meeting::as_select())
        .into_boxed();
    if let Some(id) = network.or(f.network_id) {
        sql = sql.filter(meetings::network_id.eq(id));
    }
    if let Some(code) = &f.municipality {
        sql = sql.filter(
            meetings::municipality_code
                .eq(code.clone())
                .or(meetings::network_id.eq_any(
                    networks::table
                        .filter(networks::municipality_code.eq(code.clone()))
                        .select(networks::id),
                )),
        );
    }
    if let Some(topic) = &f.topic {
        sql = sql.filter(
            meetings::network_id.eq_any(
                network_topics::table
                    .filter(network_topics::topic.eq(topic.clone()))
                    .select(network_topics::network_id),
            ),
        );
    }
    if let Some(t) = f.from {
        sql = sql.filter(meetings::starts_at.ge(t.naive_utc()));
    }
    if let Some(t) = f.to {
        sql = sql.filter(meetings::starts_at.lt(t.naive_utc()));
    }
    if let Some(format) = f.format {
        sql = sql.filter(meetings::format.eq(format.as_str()));
    }
    if let Some(status) = f.status {
        sql = sql.filter(meetings::status.eq(status.as_str()));
    }
    for feature in f.access_features.iter().flatten() {
        sql = sql.filter(meetings::access_features.like(format!("%,{},%", feature.as_str())));
    }
    if let Some(t) = f.updated_since {
        sql = sql.filter(meetings::updated_at.ge(t.naive_utc()));
    }
    if f.registrant.is_some() {
        let me = viewer.stakeholder_id.unwrap_or(0);
        sql = sql.filter(
            meetings::id.eq_any(
                meeting_registrations::table
                    .filter(meeting_registrations::stakeholder_id.eq(me))
                    .select(meeting_registrations::meeting_id),
            ),
        );
    }
    let after = page.after.and_then(|c| c.time().map(|t| (t, c.after_id())));
    let sql = match f.when.unwrap_or(When::Upcoming) {
        When::Past => {
            let mut sql = sql.filter(meetings::ends_at.lt(now));
            if let Some((t, id)) = after {
                sql = sql.filter(
                    meetings::starts_at
                        .lt(t)
                        .or(meetings::starts_at.eq(t).and(meetings::id.lt(id))),
                );
            }
            sql.order((meetings::starts_at.desc(), meetings::id.desc()))
        }
        when => {
            let mut sql = sql;
            if when == When::Upcoming {
                sql = sql.filter(meetings::ends_at.ge(now));
            }
            if let Some((t, id)) = after {
                sql = sql.filter(
                    meetings::starts_at
                        .gt(t)
                        .or(meetings::starts_at.eq(t).and(meetings::id.gt(id))),
                );
            }
            sql.order((meetings::starts_at.asc(), meetings::id.asc()))
        }
    };
    Ok(sql.limit(page.fetch_limit()).load(conn)?)
}

/// Meetings as the viewer sees them.
pub fn present(
    conn: &mut DbConn,
    viewer: &Viewer,
    rows: Vec<Meeting>,
) -> Result<Vec<MeetingOut>, ApiError> {
    let mut network_ids: Vec<i64> = rows.iter().map(|m| m.network_id).collect();
    network_ids.sort_unstable();
    network_ids.dedup();
    let roles = viewer.roles_in(conn, &network_ids)?;
    let organiser = |n: i64| organises(viewer.is_admin, roles.get(&n).copied());
    let views = queries::meetings::views(conn, viewer, &rows, organiser)?;
    Ok(rows
        .into_iter()
        .zip(views)
        .map(|(m, v)| MeetingOut::new(m, v))
        .collect())
}
