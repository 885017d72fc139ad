//! `PATCH /agenda-items/{itemId}`: change, accept, order, time or decline
//! an agenda item, or write its notes (JSON merge patch).

use actix_web::{patch, web, HttpResponse};

use super::create::answer;
use super::types::{AgendaItemInput, AgendaItemOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db::models::AgendaItemValues;
use crate::db::schema::agenda_items;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::domain::AgendaStatus;
use crate::permissions::{agenda_item_access, may_edit_agenda_item};
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::AppState;

/// Change an agenda item
///
/// The core group accepts it into the agenda (`status`, `position`,
/// `minutesPlanned`), declines it with a `declineReason`, and writes
/// `notes` after the meeting; the proposer changes its words while it is a
/// proposal.
#[utoipa::path(
    tag = "Meetings",
    params(("itemId" = i64, Path, description = "Agenda item id", minimum = 1), IfMatch),
    request_body(content = AgendaItemInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed item.", body = AgendaItemOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the core group decides on the agenda; the proposer changes only a proposal's words."),
        (status = 404, description = "No such item, or its meeting is for members only."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/agenda-items/{itemId}")]
pub async fn update_agenda_item(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<AgendaItemInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let lock = versioned::locker!(agenda_items, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let (current, meeting, access) = agenda_item_access(conn, viewer, id)?;
        let proposal = current.status == AgendaStatus::Proposed.as_str();
        if !may_edit_agenda_item(&access, viewer, current.proposed_by, proposal) {
            return Err(ApiError::Forbidden(
                "Only the core group changes the agenda; you may change your own proposal.".into(),
            ));
        }
        if input.decides() {
            access.ensure_organiser()?;
        }
        let mut v = AgendaItemValues::from(&current);
        let mut errors = parse_errors;
        input.apply(&mut v, &mut errors);
        precondition.check(errors, &etag("agenda-item", id, current.version))?;
        versioned::update!(conn, agenda_items, id, current.version, &v);
        audit::record(
            conn,
            viewer,
            "agenda_item.updated",
            "agenda_item",
            Some(id),
            Some(meeting.network_id),
        )?;
        answer(conn, viewer, id)
    })
    .await
}
