//! `GET /me/contact-requests`: the requests you received and sent.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{present, ContactRequestFilters, ContactRequestPage, Direction};
use crate::accounts::auth::Auth;
use crate::db::models::ContactRequest;
use crate::db::schema::{contact_requests, stakeholders};
use crate::permissions::managed_by;
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

/// My contact requests
///
/// The requests addressed to you (and to profiles you manage), and the ones
/// you sent, oldest first. Contact details appear only on accepted ones.
#[utoipa::path(
    tag = "Talents",
    params(ContactRequestFilters),
    responses(
        (status = 200, description = "A page of contact requests.", body = ContactRequestPage),
        (status = 401, description = "Sign in first."),
    ),
    security(("bearer" = [])),
)]
#[get("/me/contact-requests")]
pub async fn list_my_contact_requests(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    list::<_, ContactRequestPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let me = viewer.user()?;
        let ContactRequestFilters {
            direction, status, ..
        } = filters;
        let mine: Vec<i64> = stakeholders::table
            .filter(managed_by(me))
            .select(stakeholders::id)
            .load(conn)?;
        let mut sql = contact_requests::table
            .filter(contact_requests::id.gt(page.after_id()))
            .select(ContactRequest::as_select())
            .into_boxed();
        sql = match direction {
            Some(Direction::Received) => {
                sql.filter(contact_requests::to_stakeholder_id.eq_any(mine))
            }
            Some(Direction::Sent) => sql.filter(contact_requests::from_user_id.eq(me)),
            None => sql.filter(
                contact_requests::to_stakeholder_id
                    .eq_any(mine)
                    .or(contact_requests::from_user_id.eq(me)),
            ),
        };
        if let Some(s) = status {
            sql = sql.filter(contact_requests::status.eq(s.as_str()));
        }
        let mut rows: Vec<ContactRequest> = sql
            .order(contact_requests::id)
            .limit(page.fetch_limit())
            .load(conn)?;
        let next = page.finish(&mut rows, |r| Cursor::Id(r.id));
        Ok((present(conn, viewer, rows)?, next))
    })
    .await
}
