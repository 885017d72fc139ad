//! `POST /meetings/{meetingId}/registrations`: register yourself.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::read::answer;
use super::types::{RegistrationInput, RegistrationOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::models::AccessNeeds;
use crate::db::schema::{meeting_access_needs, meeting_registrations, meetings};
use crate::db::versioned;
use crate::domain::{MeetingStatus, RegistrationStatus};
use crate::permissions::{meeting_access, registrant, Viewer};
use crate::queries;
use crate::routes::meetings::store_features;
use crate::web::error::{ensure_valid, ensure_well_formed, ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::created;
use crate::AppState;

/// Register for a meeting
///
/// A place while there is one, otherwise a place on the waiting list: when
/// someone cancels, the first one waiting moves up. Anyone signed in for a
/// public meeting; members for a members-only one.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    request_body = RegistrationInput,
    responses(
        (status = 201, description = "Registered: `status` says whether with a place or waiting.", body = RegistrationOut,
            headers(("Location" = String, description = "Address of the registration"))),
        (status = 400, description = "Needs stated without `needsConsent`; invalidParams names it."),
        (status = 403, description = "This account has no profile to register with."),
        (status = 404, description = "No such meeting, or it is for members only."),
        (status = 409, description = "Already registered, or the meeting was cancelled or has begun; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/meetings/{meetingId}/registrations")]
pub async fn register_for_meeting(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<RegistrationInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let meeting_id = path.into_inner();
    let (input, mut errors) = body.with_errors();
    let needs = input.access_needs.clone().unwrap_or_default();
    let note = input
        .access_note
        .clone()
        .unwrap_or_default()
        .trim()
        .to_string();
    let stating = !needs.is_empty() || !note.is_empty();
    if stating && input.needs_consent != Some(true) {
        errors.push(
            InvalidParam::new(
                "needsConsent",
                Code::Consent,
                "must be true to state what you need: it is stored for this meeting only",
            )
            .expected("needsConsent"),
        );
    }
    ensure_well_formed(&errors)?;
    let out = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, meetings, meeting_id);
        let viewer = Viewer::load(conn, auth)?;
        let (meeting, _) = meeting_access(conn, &viewer, meeting_id)?;
        let me = registrant(&viewer)?;
        let mut errors = errors;
        let closed = |reason: &str| {
            InvalidParam::conflict("meetingId", Code::Rule, reason).expected("meetingOpen")
        };
        if meeting.status == MeetingStatus::Cancelled.as_str() {
            errors.push(closed("is cancelled"));
        } else if meeting.status == MeetingStatus::Held.as_str() || meeting.starts_at <= db::now() {
            errors.push(closed("has already begun"));
        }
        if queries::meetings::registration_of(conn, meeting_id, me)?.is_some() {
            errors.push(
                InvalidParam::conflict("meetingId", Code::Duplicate, "you are registered already")
                    .expected("registration"),
            );
        }
        ensure_valid(errors)?;
        let taken = queries::meetings::registered_count(conn, meeting_id)?;
        let status = match meeting.capacity {
            Some(c) if taken >= i64::from(c) => RegistrationStatus::Waiting,
            _ => RegistrationStatus::Registered,
        };
        let now = db::now();
        let id: i64 = diesel::insert_into(meeting_registrations::table)
            .values((
                meeting_registrations::meeting_id.eq(meeting_id),
                meeting_registrations::stakeholder_id.eq(me),
                meeting_registrations::status.eq(status.as_str()),
                meeting_registrations::created_at.eq(now),
                meeting_registrations::updated_at.eq(now),
            ))
            .returning(meeting_registrations::id)
            .get_result(conn)?;
        if stating {
            diesel::insert_into(meeting_access_needs::table)
                .values(AccessNeeds {
                    registration_id: id,
                    needs: store_features(&needs),
                    note,
                    share_name: input.share_name_with_needs == Some(true),
                })
                .execute(conn)?;
        }
        audit::record(
            conn,
            &viewer,
            "meeting.registered",
            "meeting",
            Some(meeting_id),
            Some(meeting.network_id),
        )?;
        answer(conn, &viewer, meeting_id, me)
    })
    .await?;
    Ok(created(
        &req,
        &format!(
            "/meetings/{}/registrations/{}",
            out.meeting_id, out.stakeholder_id
        ),
        &out,
        None,
    ))
}
