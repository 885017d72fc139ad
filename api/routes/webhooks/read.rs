//! `GET /webhooks/{webhookId}`: one subscription, without its secret.

use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;

use super::types::WebhookOut;
use crate::accounts::auth::Auth;
use crate::db::models::WebhookSubscription;
use crate::db::schema::webhook_subscriptions;
use crate::db::DbConn;
use crate::permissions::webhook_access;
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::AppState;

/// The subscription as the API answers it, with its ETag.
pub fn answer(row: WebhookSubscription) -> (WebhookOut, String) {
    let tag = etag("webhook", row.id, row.version);
    (WebhookOut::from(row), tag)
}

/// The stored subscription, read again after a change.
pub fn reread(conn: &mut DbConn, id: i64) -> Result<(WebhookOut, String), ApiError> {
    let row: WebhookSubscription = webhook_subscriptions::table
        .find(id)
        .select(WebhookSubscription::as_select())
        .first(conn)?;
    Ok(answer(row))
}

/// Read a webhook subscription
///
/// Its address, events and filters, and whether it is on or failing.
#[utoipa::path(
    tag = "API clients",
    params(("webhookId" = i64, Path, description = "Webhook id", minimum = 1)),
    responses(
        (status = 200, description = "The subscription.", body = WebhookOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such subscription, or not one you manage."),
    ),
    security(("bearer" = [])),
)]
#[get("/webhooks/{webhookId}")]
pub async fn get_webhook(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    read_row(&state, auth, move |conn, viewer| {
        Ok(answer(webhook_access(conn, viewer, id)?))
    })
    .await
}
