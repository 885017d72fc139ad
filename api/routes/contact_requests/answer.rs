//! `PATCH /contact-requests/{requestId}`: the person accepts or declines.

use actix_web::{patch, web, HttpResponse};
use diesel::prelude::*;

use super::types::{present, ContactAnswerInput, ContactRequestOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::models::{ContactRequest, Stakeholder};
use crate::db::schema::{contact_requests, stakeholders};
use crate::db::versioned;
use crate::domain::ContactRequestStatus;
use crate::permissions::{may_answer_contact_request, Viewer};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::AppState;

/// Answer a contact request
///
/// Only the person asked: `accepted` shows both sides each other's contact
/// details (as each shared them), `declined` shows nothing. Answered once.
#[utoipa::path(
    tag = "Talents",
    params(("requestId" = i64, Path, description = "Contact request id", minimum = 1)),
    request_body(content = ContactAnswerInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The request as answered.", body = ContactRequestOut),
        (status = 404, description = "No such request addressed to you."),
        (status = 409, description = "You answered it already; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/contact-requests/{requestId}")]
pub async fn answer_contact_request(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<ContactAnswerInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let out = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, contact_requests, id);
        let viewer = Viewer::load(conn, auth)?;
        let gone = || ApiError::not_found("This contact request");
        let row: ContactRequest = contact_requests::table
            .find(id)
            .select(ContactRequest::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(gone)?;
        let to: Stakeholder = stakeholders::table
            .find(row.to_stakeholder_id)
            .select(Stakeholder::as_select())
            .first(conn)?;
        if !may_answer_contact_request(&viewer, &to) {
            return Err(gone());
        }
        let mut errors = parse_errors;
        if input.status == Some(ContactRequestStatus::Pending) {
            errors.push(
                InvalidParam::new("status", Code::Enum, "must be accepted or declined")
                    .allowed(["accepted", "declined"]),
            );
        }
        if row.status != ContactRequestStatus::Pending.as_str() {
            errors.push(
                InvalidParam::conflict("requestId", Code::Rule, "is answered already")
                    .expected("contactRequestOpen"),
            );
        }
        ensure_valid(errors)?;
        let status = input.status.unwrap_or(ContactRequestStatus::Declined);
        diesel::update(contact_requests::table.find(id))
            .set((
                contact_requests::status.eq(status.as_str()),
                contact_requests::answered_at.eq(Some(db::now())),
                contact_requests::version.eq(row.version + 1),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &viewer,
            "contact_request.answered",
            "contact_request",
            Some(id),
            None,
        )?;
        let row: ContactRequest = contact_requests::table
            .find(id)
            .select(ContactRequest::as_select())
            .first(conn)?;
        present(conn, &viewer, vec![row])?.pop().ok_or_else(gone)
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}
