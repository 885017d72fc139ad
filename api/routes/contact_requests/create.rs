//! `POST /contact-requests`: ask a findable person for contact.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{present, ContactRequestInput, ContactRequestOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::models::ContactRequest;
use crate::db::schema::contact_requests;
use crate::domain::ContactRequestStatus;
use crate::permissions::{contact_requester, findable_person, Viewer};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::created;
use crate::AppState;

/// Ask an expert for contact
///
/// For those who may search for experts (`GET /experts`), to a person who
/// chose to be findable, with a message. The person sees it at `GET
/// /me/contact-requests` (and hears of it by mail) and accepts or declines; contact details reach
/// either side only after they accept. One open request per person at a
/// time.
#[utoipa::path(
    tag = "Talents",
    request_body = ContactRequestInput,
    responses(
        (status = 201, description = "The request, waiting for the person's answer.", body = ContactRequestOut,
            headers(("Location" = String, description = "Address of your requests"))),
        (status = 403, description = "Only coordinators and people acting for an organisation or municipality ask experts for contact."),
        (status = 404, description = "No such person, or they are not findable."),
        (status = 409, description = "You asked this person already and they have not answered, or onBehalfOf is not a profile you manage; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/contact-requests")]
pub async fn create_contact_request(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<ContactRequestInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let (input, parse_errors) = body.with_errors();
    let base = crate::web::pagination::base_url(&req);
    let out = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let mut errors = parse_errors;
        let message = input.message.as_deref().map(str::trim).unwrap_or_default();
        if input.message.is_some() && message.chars().count() < 10 {
            errors.push(
                InvalidParam::new("message", Code::Length, "must have 10 to 2000 characters")
                    .bounds(Some(10), Some(2000)),
            );
        }
        let Some(to) = input.stakeholder_id else {
            crate::web::error::ensure_well_formed(&errors)?;
            return Err(ApiError::Internal("stakeholderId missing".into()));
        };
        crate::web::error::ensure_well_formed(&errors)?;
        let from = contact_requester(conn, &viewer, input.on_behalf_of)?;
        let person = findable_person(conn, to)?;
        if person.id == from {
            errors.push(InvalidParam::new(
                "stakeholderId",
                Code::Rule,
                "is yourself",
            ));
        }
        let open: i64 = contact_requests::table
            .filter(contact_requests::from_stakeholder_id.eq(from))
            .filter(contact_requests::to_stakeholder_id.eq(to))
            .filter(contact_requests::status.eq(ContactRequestStatus::Pending.as_str()))
            .count()
            .get_result(conn)?;
        if open > 0 {
            errors.push(
                InvalidParam::conflict(
                    "stakeholderId",
                    Code::Duplicate,
                    "you asked them already; wait for their answer",
                )
                .expected("contactRequest"),
            );
        }
        ensure_valid(errors)?;
        let id: i64 = diesel::insert_into(contact_requests::table)
            .values((
                contact_requests::from_user_id.eq(viewer.user_id),
                contact_requests::from_stakeholder_id.eq(from),
                contact_requests::to_stakeholder_id.eq(to),
                contact_requests::message.eq(message),
                contact_requests::status.eq(ContactRequestStatus::Pending.as_str()),
                contact_requests::created_at.eq(db::now()),
            ))
            .returning(contact_requests::id)
            .get_result(conn)?;
        let row: ContactRequest = contact_requests::table
            .find(id)
            .select(ContactRequest::as_select())
            .first(conn)?;
        audit::record(
            conn,
            &viewer,
            "contact_request.created",
            "contact_request",
            Some(row.id),
            None,
        )?;
        let out = present(conn, &viewer, vec![row])?
            .pop()
            .ok_or_else(|| ApiError::Internal("request vanished".into()))?;
        crate::mail::talents::contact_requested(conn, &base, to, &out.from.name, viewer.user_id)?;
        Ok(out)
    })
    .await?;
    Ok(created(&req, "/me/contact-requests", &out, None))
}
