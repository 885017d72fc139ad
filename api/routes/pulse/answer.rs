//! `POST /meetings/{meetingId}/pulse`: answer the pulse, once.

use actix_web::{post, web, HttpResponse};
use diesel::prelude::*;
use serde_json::json;

use super::types::PulseInput;
use crate::accounts::auth::Auth;
use crate::db;
use crate::db::schema::meeting_pulses;
use crate::domain::RegistrationStatus;
use crate::permissions::{meeting_access, registrant, Viewer};
use crate::queries;
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::{present, JsonBody};
use crate::AppState;

/// Answer the pulse
///
/// People who had a place, once the meeting has begun; once each. Your
/// answer is never shown: only aggregates, from five answers on.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    request_body = PulseInput,
    responses(
        (status = 201, description = "Thank you: the answer is kept, without your name shown."),
        (status = 404, description = "No such meeting, or it is for members only."),
        (status = 409, description = "You had no place, you answered already, or the meeting has not begun; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/meetings/{meetingId}/pulse")]
pub async fn answer_pulse(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<PulseInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let meeting_id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (meeting, _) = meeting_access(conn, &viewer, meeting_id)?;
        let me = registrant(&viewer)?;
        let mut errors = parse_errors;
        let placed = queries::meetings::registration_of(conn, meeting_id, me)?
            .is_some_and(|r| r.status == RegistrationStatus::Registered.as_str());
        let conflict = |code, reason: &str, expected| {
            InvalidParam::conflict("meetingId", code, reason).expected(expected)
        };
        if meeting.starts_at > db::now() {
            errors.push(conflict(Code::Rule, "has not begun yet", "meetingHeld"));
        } else if !placed {
            errors.push(conflict(
                Code::Rule,
                "is one you had no place at",
                "registration",
            ));
        } else {
            let answered: i64 = meeting_pulses::table
                .filter(meeting_pulses::meeting_id.eq(meeting_id))
                .filter(meeting_pulses::stakeholder_id.eq(me))
                .count()
                .get_result(conn)?;
            if answered > 0 {
                errors.push(conflict(Code::Duplicate, "you answered already", "pulse"));
            }
        }
        ensure_valid(errors)?;
        // Both are required (`PulseInput::REQUIRED`): a missing one is in
        // `errors` already.
        let took_part = present(input.took_part, "tookPart")?;
        let heard = present(input.heard, "heard")?;
        diesel::insert_into(meeting_pulses::table)
            .values((
                meeting_pulses::meeting_id.eq(meeting_id),
                meeting_pulses::stakeholder_id.eq(me),
                meeting_pulses::took_part.eq(took_part),
                meeting_pulses::heard.eq(heard),
                meeting_pulses::comment.eq(input.comment.unwrap_or_default().trim()),
                meeting_pulses::created_at.eq(db::now()),
            ))
            .execute(conn)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Created().json(json!({ "answered": true })))
}
