//! `GET /webhooks/{webhookId}/deliveries`: the delivery log, every try of
//! every delivery, the newest first.

use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::types::{DeliveryAttemptFilters, DeliveryAttemptOut, DeliveryAttemptPage};
use crate::accounts::auth::Auth;
use crate::db::schema::{webhook_attempts, webhook_deliveries};
use crate::permissions::webhook_access;
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::http::utc;
use crate::web::pagination::Cursor;
use crate::AppState;

/// One row of the log.
type Row = (
    i64,
    String,
    String,
    i32,
    NaiveDateTime,
    Option<i32>,
    i64,
    Option<String>,
    Option<NaiveDateTime>,
    String,
);

/// Read a webhook's delivery log
///
/// Every try: the event and its `webhook-id`, the answer's status code (none
/// when the receiver could not be reached or did not answer in time), how
/// long it took, what went wrong, and when it is tried again.
#[utoipa::path(
    tag = "API clients",
    params(("webhookId" = i64, Path, description = "Webhook id", minimum = 1), DeliveryAttemptFilters),
    responses(
        (status = 200, description = "A page of the log.", body = DeliveryAttemptPage),
        (status = 404, description = "No such subscription, or not one you manage."),
    ),
    security(("bearer" = [])),
)]
#[get("/webhooks/{webhookId}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    list::<_, DeliveryAttemptPage>(
        &state,
        &req,
        auth,
        move |conn, viewer, _: DeliveryAttemptFilters, page| {
            webhook_access(conn, viewer, id)?;
            let before = page.after.map(Cursor::after_id).unwrap_or(i64::MAX);
            let mut rows: Vec<Row> = webhook_attempts::table
                .inner_join(webhook_deliveries::table)
                .filter(webhook_attempts::subscription_id.eq(id))
                .filter(webhook_attempts::id.lt(before))
                .order(webhook_attempts::id.desc())
                .limit(page.fetch_limit())
                .select((
                    webhook_attempts::id,
                    webhook_deliveries::event_id,
                    webhook_deliveries::event_type,
                    webhook_attempts::attempt,
                    webhook_attempts::at,
                    webhook_attempts::status_code,
                    webhook_attempts::duration_ms,
                    webhook_attempts::error,
                    webhook_attempts::next_attempt_at,
                    webhook_deliveries::status,
                ))
                .load(conn)?;
            let next = page.finish(&mut rows, |r| Cursor::Id(r.0));
            let items = rows
                .into_iter()
                .map(|r| DeliveryAttemptOut {
                    id: r.0,
                    event_id: r.1,
                    event_type: r.2,
                    attempt: r.3,
                    at: utc(r.4),
                    status_code: r.5,
                    duration_ms: r.6,
                    error: r.7,
                    next_attempt_at: r.8.map(utc),
                    delivery_status: r.9,
                })
                .collect();
            Ok((items, next))
        },
    )
    .await
}
