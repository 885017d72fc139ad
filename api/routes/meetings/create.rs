//! `POST /networks/{networkId}/meetings`: plan a meeting.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::read::answer;
use super::rules;
use super::types::MeetingOut;
use super::MeetingInput;
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::models::MeetingValues;
use crate::db::schema::meetings;
use crate::domain::NoticeKind;
use crate::domain::{MeetingFormat, MeetingKind, MeetingStatus, TimeZone, Visibility};
use crate::mail::notices::{self, Notice};
use crate::permissions::{network_access, Viewer};
use crate::web::error::{ensure_valid, ApiError};
use crate::web::extract::JsonBody;
use crate::web::http::created;
use crate::web::pagination::base_url;
use crate::webhooks::{self, Event};
use crate::AppState;

/// Plan a meeting
///
/// The core group and coordinators. Say what the venue offers so that
/// everyone can take part (`accessFeatures`, `accessNote`).
#[utoipa::path(
    tag = "Meetings",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    request_body = MeetingInput,
    responses(
        (status = 201, description = "The meeting was planned.", body = MeetingOut,
            headers(("Location" = String, description = "Address of the meeting"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the core group and coordinators plan meetings."),
        (status = 404, description = "No such network, or it is for members only."),
        (status = 409, description = "A field refers to something that is not there; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks/{networkId}/meetings")]
pub async fn create_meeting(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<MeetingInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let network_id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = base_url(&req);
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        access.ensure_organiser()?;
        let now = db::now();
        let mut v = MeetingValues {
            title: String::new(),
            description: String::new(),
            kind: MeetingKind::NetworkMeeting.as_str().into(),
            format: MeetingFormat::InPerson.as_str().into(),
            starts_at: now,
            ends_at: now,
            time_zone: TimeZone::Amsterdam.as_str().into(),
            venue_name: String::new(),
            venue_address: String::new(),
            municipality_code: access.network.municipality_code.clone(),
            online_url: None,
            visibility: Visibility::Public.as_str().into(),
            capacity: None,
            status: MeetingStatus::Planned.as_str().into(),
            cancel_reason: String::new(),
            access_features: String::new(),
            access_note: String::new(),
            organiser_id: viewer.stakeholder_id.filter(|_| access.is_member()),
        };
        let mut errors = parse_errors;
        input.apply(&mut v, &mut errors);
        rules::check(conn, network_id, None, &v, &mut errors)?;
        ensure_valid(errors)?;
        let id: i64 = diesel::insert_into(meetings::table)
            .values((
                &v,
                meetings::network_id.eq(network_id),
                meetings::created_by.eq(viewer.user_id),
                meetings::created_at.eq(now),
                meetings::updated_at.eq(now),
            ))
            .returning(meetings::id)
            .get_result(conn)?;
        audit::record(
            conn,
            &viewer,
            "meeting.created",
            "meeting",
            Some(id),
            Some(network_id),
        )?;
        let planned = Event {
            members_only: v.visibility != Visibility::Public.as_str(),
            ..Event::of(
                "meeting.planned",
                format!("/meetings/{id}"),
                id,
                Some(network_id),
                &base,
            )
        };
        webhooks::emit(conn, &planned)?;
        notices::announce(
            conn,
            &base,
            Notice {
                network_id,
                kind: NoticeKind::Meeting,
                title: &v.title,
                path: format!("/bijeenkomst.html?id={id}"),
                actor: viewer.user_id,
            },
        )?;
        answer(conn, &viewer, id)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/meetings/{}", out.id),
        &out,
        Some(&tag),
    ))
}
