//! `GET /meetings/{meetingId}/registrations`: who comes, for the
//! organisers, in the order they registered.

use std::collections::HashMap;

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{RegistrationFilters, RegistrationOut, RegistrationPage};
use crate::accounts::auth::Auth;
use crate::db::models::{AccessNeeds, Registration, Stakeholder};
use crate::db::schema::{meeting_access_needs, meeting_registrations, stakeholders};
use crate::db::{self, DbConn};
use crate::domain::RegistrationStatus;
use crate::permissions::{may_see_need_name, meeting_access, NetworkAccess, Viewer};
use crate::routes;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

/// Who registered
///
/// The organisers (core group, coordinators), in the order people
/// registered; `waitingPosition` gives the queue. Needs appear beside a
/// name only where the person agreed; the meeting's `needCounts` counts
/// them all.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1), RegistrationFilters),
    responses(
        (status = 200, description = "A page of registrations.", body = RegistrationPage),
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
    auth.signed_in()?;
    let meeting_id = path.into_inner();
    routes::list::<RegistrationFilters, RegistrationPage>(
        &state,
        &req,
        auth,
        move |conn, viewer, filters, page| {
            let (_, access) = meeting_access(conn, viewer, meeting_id)?;
            access.ensure_organiser()?;
            let mut rows = registrations(
                conn,
                meeting_id,
                filters.status,
                page.after_id(),
                page.fetch_limit(),
            )?;
            let next = page.finish(&mut rows, |r| Cursor::Id(r.registration.id));
            let items: Vec<RegistrationOut> = rows
                .into_iter()
                .map(|row| row.out(&access, viewer))
                .collect();
            Ok((items, next))
        },
    )
    .await
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

/// A meeting's registrations after registration `after` (in the order
/// people registered), at most `limit`, with their place in the queue.
pub fn registrations(
    conn: &mut DbConn,
    meeting_id: i64,
    status: Option<RegistrationStatus>,
    after: i64,
    limit: i64,
) -> Result<Vec<Row>, ApiError> {
    let waiting = RegistrationStatus::Waiting.as_str();
    let mut sql = meeting_registrations::table
        .inner_join(stakeholders::table)
        .filter(meeting_registrations::meeting_id.eq(meeting_id))
        .filter(meeting_registrations::id.gt(after))
        .select((Registration::as_select(), Stakeholder::as_select()))
        .into_boxed();
    if let Some(s) = status {
        sql = sql.filter(meeting_registrations::status.eq(s.as_str()));
    }
    let rows: Vec<(Registration, Stakeholder)> = sql
        .order(meeting_registrations::id)
        .limit(limit)
        .load(conn)?;
    let mut ahead: i64 = meeting_registrations::table
        .filter(meeting_registrations::meeting_id.eq(meeting_id))
        .filter(meeting_registrations::status.eq(waiting))
        .filter(meeting_registrations::id.le(after))
        .count()
        .get_result(conn)?;
    let ids: Vec<i64> = rows.iter().map(|(r, _)| r.id).collect();
    let mut needs: HashMap<i64, AccessNeeds> = meeting_access_needs::table
        .filter(db::in_ids(meeting_access_needs::registration_id, &ids))
        .select(AccessNeeds::as_select())
        .load::<AccessNeeds>(conn)?
        .into_iter()
        .map(|n| (n.registration_id, n))
        .collect();
    Ok(rows
        .into_iter()
        .map(|(registration, person)| {
            let waiting_position = (registration.status == waiting).then(|| {
                ahead += 1;
                ahead
            });
            Row {
                needs: needs.remove(&registration.id),
                registration,
                person,
                waiting_position,
            }
        })
        .collect())
}
