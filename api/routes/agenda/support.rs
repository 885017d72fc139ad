//! `POST` and `DELETE /agenda-items/{itemId}/support`: a member supports a
//! proposal, once, or takes the support back.

use actix_web::{delete, post, web, HttpResponse};
use diesel::prelude::*;

use super::create::answer;
use super::types::AgendaItemOut;
use crate::accounts::auth::Auth;
use crate::db;
use crate::db::schema::{agenda_items, agenda_supports};
use crate::db::versioned;
use crate::domain::AgendaStatus;
use crate::permissions::{agenda_item_access, Viewer};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::AppState;

/// Support a proposal
///
/// Members, once per proposal, while it is a proposal.
#[utoipa::path(
    tag = "Meetings",
    params(("itemId" = i64, Path, description = "Agenda item id", minimum = 1)),
    responses(
        (status = 201, description = "Supported; the item with its support counted.", body = AgendaItemOut),
        (status = 403, description = "Only members support proposals."),
        (status = 404, description = "No such item, or its meeting is for members only."),
        (status = 409, description = "You support it already, or it is no longer a proposal; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/agenda-items/{itemId}/support")]
pub async fn support_agenda_item(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    let (out, _) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, agenda_items, id);
        let viewer = Viewer::load(conn, auth)?;
        let (item, _, access) = agenda_item_access(conn, &viewer, id)?;
        let me = access.proposer(&viewer)?;
        let mut errors = Vec::new();
        if item.status != AgendaStatus::Proposed.as_str() {
            errors.push(
                InvalidParam::conflict("itemId", Code::Rule, "is no longer a proposal")
                    .expected("agendaOpen"),
            );
        }
        let already: i64 = agenda_supports::table
            .filter(agenda_supports::item_id.eq(id))
            .filter(agenda_supports::stakeholder_id.eq(me))
            .count()
            .get_result(conn)?;
        if already > 0 {
            errors.push(
                InvalidParam::conflict("itemId", Code::Duplicate, "you support it already")
                    .expected("support"),
            );
        }
        ensure_valid(errors)?;
        diesel::insert_into(agenda_supports::table)
            .values((
                agenda_supports::item_id.eq(id),
                agenda_supports::stakeholder_id.eq(me),
                agenda_supports::created_at.eq(db::now()),
            ))
            .execute(conn)?;
        answer(conn, &viewer, id)
    })
    .await?;
    Ok(HttpResponse::Created().json(out))
}

/// Take back my support
///
/// Members take back their support of a proposal whenever they like.
#[utoipa::path(
    tag = "Meetings",
    params(("itemId" = i64, Path, description = "Agenda item id", minimum = 1)),
    responses(
        (status = 204, description = "Your support is taken back (or there was none)."),
        (status = 403, description = "Only members support proposals."),
        (status = 404, description = "No such item, or its meeting is for members only."),
    ),
    security(("bearer" = [])),
)]
#[delete("/agenda-items/{itemId}/support")]
pub async fn withdraw_support(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (_, _, access) = agenda_item_access(conn, &viewer, id)?;
        let me = access.proposer(&viewer)?;
        diesel::delete(
            agenda_supports::table
                .filter(agenda_supports::item_id.eq(id))
                .filter(agenda_supports::stakeholder_id.eq(me)),
        )
        .execute(conn)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
