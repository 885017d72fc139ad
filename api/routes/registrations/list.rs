//! `GET /meetings/{meetingId}/registrations`: who comes, for the
//! organisers: people with a place, then the waiting list in its order.

use std::collections::HashMap;

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{RegistrationOut, RegistrationPage};
use crate::accounts::auth::Auth;
use crate::db::models::{AccessNeeds, Registration, Stakeholder};
use crate::db::schema::{meeting_access_needs, meeting_registrations, stakeholders};
use crate::db::{self, DbConn};
use crate::domain::RegistrationStatus;
use crate::permissions::{may_see_need_name, meeting_access, NetworkAccess, Viewer};
use crate::web::error::ApiError;
use crate::web::extract::Query;
use crate::web::pagination::{PageLinks, PageRequest};
use crate::AppState;

/// Who registered
///
/// The organisers (core group, coordinators). Needs appear beside a name
/// only where the person agreed; the meeting's `needCounts` counts them all.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    responses(
        (status = 200, description = "Everyone registered, with a place first, then the waiting list.", body = RegistrationPage),
        (status = 403, description = "Only the organisers see who registered."),
        (status = 404, description = "No such meeting, or it is for members only."),
    ),
    security(("bearer" = [])),
)]
#[get("/meetings/{meetingId}/registrations")]
pub async fn list_registrations(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let meeting_id = path.into_inner();
    let mut query = Query::new(&req);
    let () = query.read::<NoFilters>().into();
    query.finish()?;
    let items = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (_, access) = meeting_access(conn, &viewer, meeting_id)?;
        access.ensure_organiser()?;
        let rows = everyone(conn, meeting_id)?;
        Ok(rows
            .into_iter()
            .map(|row| row.out(&access, &viewer))
            .collect::<Vec<_>>())
    })
    .await?;
    let page = PageRequest::new(Some(items.len().max(1) as i64), None);
    let links = PageLinks::new(&req, Vec::new(), &page, None);
    Ok(HttpResponse::Ok().json(RegistrationPage { items, links }))
}

/// This list takes no parameters.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NoFilters {}

impl From<NoFilters> for () {
    fn from(_: NoFilters) {}
}

/// A registration with the person and their needs.
pub struct Row {
    pub registration: Registration,
    pub person: Stakeholder,
    pub needs: Option<AccessNeeds>,
    pub waiting_position: Option<i64>,
}

impl Row {
    pub fn shows_needs(&self, access: &NetworkAccess, viewer: &Viewer) -> bool {
        viewer.stakeholder_id == Some(self.person.id)
            || may_see_need_name(access, self.needs.as_ref().is_some_and(|n| n.share_name))
    }

    pub fn out(self, access: &NetworkAccess, viewer: &Viewer) -> RegistrationOut {
        let show = self.shows_needs(access, viewer);
        RegistrationOut::new(
            self.registration,
            self.person.name,
            self.needs,
            self.waiting_position,
            show,
        )
    }
}

/// Everyone registered for a meeting: with a place (in the order they
/// came), then waiting (in queue order).
pub fn everyone(conn: &mut DbConn, meeting_id: i64) -> Result<Vec<Row>, ApiError> {
    let rows: Vec<(Registration, Stakeholder)> = meeting_registrations::table
        .inner_join(stakeholders::table)
        .filter(meeting_registrations::meeting_id.eq(meeting_id))
        .order(meeting_registrations::id)
        .limit(10_000)
        .select((Registration::as_select(), Stakeholder::as_select()))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|(r, _)| r.id).collect();
    let mut needs: HashMap<i64, AccessNeeds> = meeting_access_needs::table
        .filter(db::in_ids(meeting_access_needs::registration_id, &ids))
        .select(AccessNeeds::as_select())
        .load::<AccessNeeds>(conn)?
        .into_iter()
        .map(|n| (n.registration_id, n))
        .collect();
    let (placed, waiting): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .partition(|(r, _)| r.status == RegistrationStatus::Registered.as_str());
    let placed = placed.into_iter().map(|(r, s)| (r, s, None));
    let waiting = waiting
        .into_iter()
        .enumerate()
        .map(|(i, (r, s))| (r, s, Some(i as i64 + 1)));
    Ok(placed
        .chain(waiting)
        .map(|(registration, person, waiting_position)| Row {
            needs: needs.remove(&registration.id),
            registration,
            person,
            waiting_position,
        })
        .collect())
}
