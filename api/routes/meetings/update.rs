//! `PATCH /meetings/{meetingId}`: change, cancel or close a meeting (JSON
//! merge patch).

use actix_web::{patch, web, HttpRequest, HttpResponse};

use super::read::answer;
use super::rules;
use super::types::MeetingOut;
use super::MeetingInput;
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db::models::MeetingValues;
use crate::db::schema::meetings;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::domain::{MeetingStatus, Visibility};
use crate::permissions::meeting_access;
use crate::queries;
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::webhooks::{self, Event};
use crate::AppState;

/// Change a meeting
///
/// The core group and coordinators. Cancel it with `status: cancelled` and
/// a `cancelReason`: it stays visible as cancelled, and calendars show it
/// so. More places move people up from the waiting list.
#[utoipa::path(
    tag = "Meetings",
    params(
        ("meetingId" = i64, Path, description = "Meeting id", minimum = 1),
        IfMatch,
    ),
    request_body(content = MeetingInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed meeting.", body = MeetingOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the core group and coordinators change meetings."),
        (status = 404, description = "No such meeting, or it is for members only."),
        (status = 409, description = "A field is at odds with what is stored (fewer places than people with one, an organiser who is not a member); invalidParams names it."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/meetings/{meetingId}")]
pub async fn update_meeting(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<MeetingInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = crate::web::pagination::base_url(&req);
    let lock = versioned::locker!(meetings, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let (current, access) = meeting_access(conn, viewer, id)?;
        access.ensure_organiser()?;
        let mut v = MeetingValues::from(&current);
        let mut errors = parse_errors;
        input.apply(&mut v, &mut errors);
        rules::check(conn, current.network_id, Some(id), &v, &mut errors)?;
        precondition.check(errors, &etag("meeting", id, current.version))?;
        let action = if v.status == MeetingStatus::Cancelled.as_str()
            && current.status != MeetingStatus::Cancelled.as_str()
        {
            "meeting.cancelled"
        } else {
            "meeting.updated"
        };
        versioned::update!(conn, meetings, id, current.version, &v);
        queries::meetings::move_up_waiting(conn, id)?;
        audit::record(
            conn,
            viewer,
            action,
            "meeting",
            Some(id),
            Some(current.network_id),
        )?;
        if action == "meeting.cancelled" {
            let cancelled = Event {
                members_only: v.visibility != Visibility::Public.as_str(),
                ..Event::of(
                    action,
                    format!("/meetings/{id}"),
                    id,
                    Some(current.network_id),
                    &base,
                )
            };
            webhooks::emit(conn, &cancelled)?;
        }
        answer(conn, viewer, id)
    })
    .await
}
