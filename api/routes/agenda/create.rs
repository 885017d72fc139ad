//! `POST /meetings/{meetingId}/agenda-items`: propose an agenda item.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::list::present;
use super::types::{AgendaItemInput, AgendaItemOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::models::{AgendaItem, AgendaItemValues};
use crate::db::schema::{agenda_items, meetings};
use crate::db::versioned;
use crate::domain::{AgendaStatus, MeetingStatus};
use crate::permissions::{meeting_access, Viewer};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::{created, etag};
use crate::AppState;

/// Items a meeting's agenda holds at most, proposals included.
const MAX_ITEMS: i64 = 200;

/// Propose an agenda item
///
/// Members of the network, for a meeting that has not ended and is not
/// cancelled. The core group may accept it at once (`status`).
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    request_body = AgendaItemInput,
    responses(
        (status = 201, description = "The proposal.", body = AgendaItemOut,
            headers(("Location" = String, description = "Address of the item"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only members make the agenda; only the core group decides on it."),
        (status = 404, description = "No such meeting, or it is for members only."),
        (status = 409, description = "The meeting is over or cancelled, or its agenda is full; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/meetings/{meetingId}/agenda-items")]
pub async fn propose_agenda_item(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<AgendaItemInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let meeting_id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let (out, tag) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, meetings, meeting_id);
        let viewer = Viewer::load(conn, auth)?;
        let (meeting, access) = meeting_access(conn, &viewer, meeting_id)?;
        let me = access.proposer(&viewer)?;
        if input.decides() {
            access.ensure_organiser()?;
        }
        let mut v = AgendaItemValues {
            title: String::new(),
            description: String::new(),
            minutes_asked: None,
            status: AgendaStatus::Proposed.as_str().into(),
            decline_reason: String::new(),
            position: 0,
            minutes_planned: None,
            notes: String::new(),
        };
        let mut errors = parse_errors;
        input.apply(&mut v, &mut errors);
        if meeting.status == MeetingStatus::Cancelled.as_str() || meeting.ends_at <= db::now() {
            errors.push(
                InvalidParam::conflict("meetingId", Code::Rule, "is cancelled or over")
                    .expected("meetingOpen"),
            );
        }
        let count: i64 = agenda_items::table
            .filter(agenda_items::meeting_id.eq(meeting_id))
            .count()
            .get_result(conn)?;
        if count >= MAX_ITEMS {
            errors.push(
                InvalidParam::conflict("meetingId", Code::Range, "has a full agenda (200 items)")
                    .bounds(None, Some(MAX_ITEMS))
                    .expected("agendaItems"),
            );
        }
        ensure_valid(errors)?;
        let now = db::now();
        let id: i64 = diesel::insert_into(agenda_items::table)
            .values((
                &v,
                agenda_items::meeting_id.eq(meeting_id),
                agenda_items::proposed_by.eq(me),
                agenda_items::created_at.eq(now),
                agenda_items::updated_at.eq(now),
            ))
            .returning(agenda_items::id)
            .get_result(conn)?;
        audit::record(
            conn,
            &viewer,
            "agenda_item.proposed",
            "agenda_item",
            Some(id),
            Some(meeting.network_id),
        )?;
        answer(conn, &viewer, id)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/agenda-items/{}", out.id),
        &out,
        Some(&tag),
    ))
}

/// One item as `viewer` sees it, with its ETag.
pub fn answer(
    conn: &mut db::DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<(AgendaItemOut, String), ApiError> {
    let row: AgendaItem = agenda_items::table
        .find(id)
        .select(AgendaItem::as_select())
        .first(conn)?;
    let tag = etag("agenda-item", id, row.version);
    let out = present(conn, viewer, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::not_found("This agenda item"))?;
    Ok((out, tag))
}
