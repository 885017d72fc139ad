//! `DELETE /meetings/{meetingId}/registrations/{stakeholderId}`: cancel a
//! registration; the first one waiting moves up in the same transaction.

use actix_web::{delete, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::schema::{meeting_registrations, meetings};
use crate::db::versioned;
use crate::permissions::{may_see_registration, meeting_access, Viewer};
use crate::queries;
use crate::web::error::ApiError;
use crate::AppState;

/// Cancel a registration
///
/// Your own, or (organisers) anyone's. The needs stated with it are erased
/// with it; the first one on the waiting list gets the place.
#[utoipa::path(
    tag = "Meetings",
    params(
        ("meetingId" = i64, Path, description = "Meeting id", minimum = 1),
        ("stakeholderId" = i64, Path, description = "The registered person's stakeholder id", minimum = 1),
    ),
    responses(
        (status = 204, description = "The registration was cancelled."),
        (status = 401, description = "Sign in first."),
        (status = 404, description = "No such registration, or not one you may cancel."),
    ),
    security(("bearer" = [])),
)]
#[delete("/meetings/{meetingId}/registrations/{stakeholderId}")]
pub async fn cancel_registration(
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let (meeting_id, stakeholder_id) = path.into_inner();
    db::write(&state.pool, move |conn| {
        versioned::lock!(conn, meetings, meeting_id);
        let viewer = Viewer::load(conn, auth)?;
        let (meeting, access) = meeting_access(conn, &viewer, meeting_id)?;
        let gone = || ApiError::not_found("This registration");
        if !may_see_registration(&access, &viewer, stakeholder_id) {
            return Err(gone());
        }
        let r = queries::meetings::registration_of(conn, meeting_id, stakeholder_id)?
            .ok_or_else(gone)?;
        diesel::delete(meeting_registrations::table.find(r.id)).execute(conn)?;
        queries::meetings::move_up_waiting(conn, meeting_id)?;
        audit::record(
            conn,
            &viewer,
            "meeting.registration_cancelled",
            "meeting",
            Some(meeting_id),
            Some(meeting.network_id),
        )?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
