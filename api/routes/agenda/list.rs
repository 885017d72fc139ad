//! `GET /meetings/{meetingId}/agenda-items`: the agenda and its proposals.

use std::collections::{HashMap, HashSet};

use actix_web::{get, web, HttpResponse};
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::types::{AgendaItemList, AgendaItemOut};
use crate::accounts::auth::Auth;
use crate::db::models::AgendaItem;
use crate::db::schema::{agenda_items, agenda_supports};
use crate::db::{self, DbConn};
use crate::domain::AgendaStatus;
use crate::permissions::{meeting_access, Viewer};
use crate::web::error::ApiError;
use crate::AppState;

/// A meeting's agenda
///
/// Accepted items in their order, then proposals (most supported first),
/// then declined ones with the reason. Whoever sees the meeting sees them.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    responses(
        (status = 200, description = "The agenda.", body = AgendaItemList),
        (status = 404, description = "No such meeting, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/meetings/{meetingId}/agenda-items")]
pub async fn list_agenda_items(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let meeting_id = path.into_inner();
    let items = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        meeting_access(conn, &viewer, meeting_id)?;
        let rows: Vec<AgendaItem> = agenda_items::table
            .filter(agenda_items::meeting_id.eq(meeting_id))
            .select(AgendaItem::as_select())
            .order(agenda_items::id)
            .load(conn)?;
        present(conn, &viewer, rows)
    })
    .await?;
    Ok(HttpResponse::Ok().json(AgendaItemList { items }))
}

/// Agenda items as the viewer sees them, in the agenda's order.
pub fn present(
    conn: &mut DbConn,
    viewer: &Viewer,
    rows: Vec<AgendaItem>,
) -> Result<Vec<AgendaItemOut>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|i| i.id).collect();
    let counts: HashMap<i64, i64> = agenda_supports::table
        .filter(db::in_ids(agenda_supports::item_id, &ids))
        .group_by(agenda_supports::item_id)
        .select((agenda_supports::item_id, count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let mine: HashSet<i64> = match viewer.stakeholder_id {
        Some(me) => agenda_supports::table
            .filter(db::in_ids(agenda_supports::item_id, &ids))
            .filter(agenda_supports::stakeholder_id.eq(me))
            .select(agenda_supports::item_id)
            .load::<i64>(conn)?
            .into_iter()
            .collect(),
        None => HashSet::new(),
    };
    let mut items: Vec<AgendaItemOut> = rows
        .into_iter()
        .map(|i| {
            let support = counts.get(&i.id).copied().unwrap_or(0);
            let by_me = i.proposed_by.is_some() && i.proposed_by == viewer.stakeholder_id;
            let supported = mine.contains(&i.id);
            AgendaItemOut::new(i, support, supported, by_me)
        })
        .collect();
    let rank = |s: AgendaStatus| match s {
        AgendaStatus::Accepted => 0,
        AgendaStatus::Proposed => 1,
        AgendaStatus::Declined => 2,
    };
    items.sort_by(|a, b| {
        rank(a.status)
            .cmp(&rank(b.status))
            .then(if a.status == AgendaStatus::Accepted {
                a.position.cmp(&b.position)
            } else {
                b.support_count.cmp(&a.support_count)
            })
            .then(a.id.cmp(&b.id))
    });
    Ok(items)
}
