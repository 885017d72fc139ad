//! `GET /meetings/{meetingId}`: one meeting, as the viewer may see it.

use actix_web::{get, web, HttpResponse};

use super::types::MeetingOut;
use crate::accounts::auth::Auth;
use crate::db::DbConn;
use crate::permissions::{meeting_access, Viewer};
use crate::queries;
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::AppState;

/// A meeting
///
/// The online joining link is shown to people with a place and to the
/// organisers; the needs counted (`needCounts`) to the organisers only.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    responses(
        (status = 200, description = "The meeting.", body = MeetingOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such meeting, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/meetings/{meetingId}")]
pub async fn get_meeting(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    read_row(&state, auth, move |conn, viewer| answer(conn, viewer, id)).await
}

/// The meeting as `viewer` sees it, and its ETag.
pub fn answer(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<(MeetingOut, String), ApiError> {
    let (meeting, access) = meeting_access(conn, viewer, id)?;
    let view = queries::meetings::view(conn, viewer, &meeting, &access)?;
    let tag = etag("meeting", id, meeting.version);
    Ok((MeetingOut::new(meeting, view), tag))
}
