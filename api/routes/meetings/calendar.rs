//! Calendars: a meeting, a network's meetings, and a person's own meetings
//! behind a secret address they can renew (`feed.rs`). Each answers
//! `If-None-Match` with 304.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::ical;
use crate::accounts::auth::Auth;
use crate::accounts::sessions::hash;
use crate::db;
use crate::db::models::Meeting;
use crate::db::schema::{calendar_feeds, meeting_registrations, meetings};
use crate::domain::RegistrationStatus;
use crate::permissions::{
    may_see_online_link, meeting_access, network_access, visible_meetings, Viewer,
};
use crate::queries;
use crate::web::error::ApiError;
use crate::web::pagination::base_url;
use crate::AppState;

/// A meeting in your calendar
///
/// One event (RFC 5545). The online joining link is in it for people with
/// a place and for the organisers.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    responses(
        (status = 200, description = "The meeting as iCalendar.", content_type = "text/calendar", body = String,
            headers(("ETag" = String, description = "Tag of this calendar"))),
        (status = 304, description = "Not changed since the tag in If-None-Match."),
        (status = 404, description = "No such meeting, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/meetings/{meetingId}/calendar.ics")]
pub async fn meeting_calendar(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let base = base_url(&req);
    let body = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (meeting, access) = meeting_access(conn, &viewer, id)?;
        let view = queries::meetings::view(conn, &viewer, &meeting, &access)?;
        let show = may_see_online_link(&access, view.mine);
        Ok(calendar(&base, &meeting.title.clone(), &[meeting], |_| {
            show
        }))
    })
    .await?;
    Ok(answer(&req, body))
}

/// A network's meetings in your calendar
///
/// A feed to subscribe to: the network's meetings that you may see, from
/// half a year ago on; cancelled ones marked so.
#[utoipa::path(
    tag = "Meetings",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    responses(
        (status = 200, description = "The meetings as iCalendar.", content_type = "text/calendar", body = String,
            headers(("ETag" = String, description = "Tag of this calendar"))),
        (status = 304, description = "Not changed since the tag in If-None-Match."),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/calendar.ics")]
pub async fn network_calendar(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let base = base_url(&req);
    let body = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, id)?;
        let rows: Vec<Meeting> = meetings::table
            .filter(visible_meetings(&viewer))
            .filter(meetings::network_id.eq(id))
            .filter(meetings::ends_at.ge(db::now() - chrono::Duration::days(183)))
            .order((meetings::starts_at, meetings::id))
            .limit(1000)
            .select(Meeting::as_select())
            .load(conn)?;
        let organiser = access.is_organiser();
        Ok(calendar(&base, &access.network.name, &rows, |_| organiser))
    })
    .await?;
    Ok(answer(&req, body))
}

/// My meetings in my calendar
///
/// The meetings you registered for (or wait for), at the secret address
/// that `POST /me/calendar-feed` gave you; no sign-in, so calendar apps
/// can read it. Make a new address when this one may have been shared.
#[utoipa::path(
    tag = "Meetings",
    params(("secret" = String, Path, description = "The secret of the address", min_length = 43, max_length = 43)),
    responses(
        (status = 200, description = "Your meetings as iCalendar.", content_type = "text/calendar", body = String,
            headers(("ETag" = String, description = "Tag of this calendar"))),
        (status = 304, description = "Not changed since the tag in If-None-Match."),
        (status = 404, description = "No such address (it may have been renewed)."),
    ),
)]
#[get("/calendars/{secret}/meetings.ics")]
pub async fn personal_calendar(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let secret = path.into_inner();
    let base = base_url(&req);
    let body = db::read(&state.pool, move |conn| {
        let (user, include_waiting): (i64, bool) = calendar_feeds::table
            .filter(calendar_feeds::secret_hash.eq(hash(&secret)))
            .select((calendar_feeds::user_id, calendar_feeds::include_waiting))
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::not_found("This calendar address"))?;
        let viewer = Viewer::load_user(conn, user)?;
        let me = viewer.stakeholder_id.unwrap_or(0);
        let rows: Vec<(Meeting, String)> = meetings::table
            .inner_join(meeting_registrations::table)
            .filter(meeting_registrations::stakeholder_id.eq(me))
            .filter(visible_meetings(&viewer))
            .order((meetings::starts_at, meetings::id))
            .limit(1000)
            .select((Meeting::as_select(), meeting_registrations::status))
            .load(conn)?;
        let placed: Vec<i64> = rows
            .iter()
            .filter(|(_, s)| s == RegistrationStatus::Registered.as_str())
            .map(|(m, _)| m.id)
            .collect();
        let rows: Vec<Meeting> = rows
            .into_iter()
            .filter(|(m, _)| include_waiting || placed.contains(&m.id))
            .map(|(m, _)| m)
            .collect();
        Ok(calendar(&base, "Mijn bijeenkomsten", &rows, |m| {
            placed.contains(&m.id)
        }))
    })
    .await?;
    Ok(answer(&req, body))
}

fn calendar(
    base: &str,
    name: &str,
    rows: &[Meeting],
    show_link: impl Fn(&Meeting) -> bool,
) -> String {
    let host = base.split("://").nth(1).unwrap_or("themanet").to_string();
    ical::calendar(
        name,
        rows,
        show_link,
        |id| format!("{base}/bijeenkomst.html?id={id}"),
        &host,
    )
}

/// 200 with the calendar and its tag, or 304 when the client has it.
fn answer(req: &HttpRequest, body: String) -> HttpResponse {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(body.as_bytes());
    let tag: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    let tag = format!("\"ics-{tag}\"");
    let cached = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    if cached {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, tag))
            .finish();
    }
    HttpResponse::Ok()
        .insert_header((header::ETAG, tag))
        .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
        .content_type("text/calendar; charset=utf-8")
        .body(body)
}
