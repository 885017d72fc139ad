//! `GET /meetings/{meetingId}/registrations/{stakeholderId}`: one
//! registration, for the person and the organisers.

use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;

use super::types::RegistrationOut;
use crate::accounts::auth::Auth;
use crate::db::models::{AccessNeeds, Registration};
use crate::db::schema::{meeting_access_needs, meeting_registrations, stakeholders};
use crate::db::{self, DbConn};
use crate::domain::RegistrationStatus;
use crate::permissions::{may_see_need_name, may_see_registration, meeting_access, Viewer};
use crate::queries;
use crate::web::error::ApiError;
use crate::AppState;

/// A registration
///
/// Yours (`stakeholderId` your profile's), or, for the organisers, anyone's.
#[utoipa::path(
    tag = "Meetings",
    params(
        ("meetingId" = i64, Path, description = "Meeting id", minimum = 1),
        ("stakeholderId" = i64, Path, description = "The registered person's stakeholder id", minimum = 1),
    ),
    responses(
        (status = 200, description = "The registration.", body = RegistrationOut),
        (status = 401, description = "Sign in first."),
        (status = 404, description = "No such registration, or not one you may see."),
    ),
    security(("bearer" = [])),
)]
#[get("/meetings/{meetingId}/registrations/{stakeholderId}")]
pub async fn get_registration(
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let (meeting_id, stakeholder_id) = path.into_inner();
    let out = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        answer(conn, &viewer, meeting_id, stakeholder_id)
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// The registration as `viewer` may see it; 404 when they may not.
pub fn answer(
    conn: &mut DbConn,
    viewer: &Viewer,
    meeting_id: i64,
    stakeholder_id: i64,
) -> Result<RegistrationOut, ApiError> {
    let gone = || ApiError::not_found("This registration");
    let (_, access) = meeting_access(conn, viewer, meeting_id)?;
    if !may_see_registration(&access, viewer, stakeholder_id) {
        return Err(gone());
    }
    let r =
        queries::meetings::registration_of(conn, meeting_id, stakeholder_id)?.ok_or_else(gone)?;
    let needs: Option<AccessNeeds> = meeting_access_needs::table
        .find(r.id)
        .select(AccessNeeds::as_select())
        .first(conn)
        .optional()?;
    let name: String = stakeholders::table
        .find(stakeholder_id)
        .select(stakeholders::name)
        .first(conn)?;
    let own = viewer.stakeholder_id == Some(stakeholder_id);
    let show = own || may_see_need_name(&access, needs.as_ref().is_some_and(|n| n.share_name));
    let position = waiting_position(conn, &r)?;
    Ok(RegistrationOut::new(r, name, needs, position, show))
}

/// Where a waiting registration stands in the queue (1 first).
pub fn waiting_position(conn: &mut DbConn, r: &Registration) -> Result<Option<i64>, ApiError> {
    if r.status != RegistrationStatus::Waiting.as_str() {
        return Ok(None);
    }
    let ahead: i64 = meeting_registrations::table
        .filter(meeting_registrations::meeting_id.eq(r.meeting_id))
        .filter(meeting_registrations::status.eq(RegistrationStatus::Waiting.as_str()))
        .filter(meeting_registrations::id.lt(r.id))
        .count()
        .get_result(conn)?;
    Ok(Some(ahead + 1))
}

/// Every registration of a person, with the needs they stated (for their
/// own export).
pub fn all_of(conn: &mut DbConn, stakeholder_id: i64) -> Result<Vec<RegistrationOut>, ApiError> {
    let rows: Vec<(Registration, String)> = meeting_registrations::table
        .inner_join(stakeholders::table)
        .filter(meeting_registrations::stakeholder_id.eq(stakeholder_id))
        .order(meeting_registrations::id)
        .select((Registration::as_select(), stakeholders::name))
        .load(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for (r, name) in rows {
        let needs: Option<AccessNeeds> = meeting_access_needs::table
            .find(r.id)
            .select(AccessNeeds::as_select())
            .first(conn)
            .optional()?;
        let position = waiting_position(conn, &r)?;
        out.push(RegistrationOut::new(r, name, needs, position, true));
    }
    Ok(out)
}
