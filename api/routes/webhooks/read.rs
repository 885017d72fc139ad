//! `GET /webhooks/{webhookId}`: one subscription, without its secret.

use actix_web::{get, web, HttpResponse};

use super::types::WebhookOut;
use crate::accounts::auth::Auth;
use crate::permissions::{webhook_access, Viewer};
use crate::web::error::ApiError;
use crate::web::http::{etag, ok_with_etag};
use crate::{db, AppState};

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
    let (out, tag) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let row = webhook_access(conn, &viewer, id)?;
        let tag = etag("webhook", id, row.version);
        Ok((WebhookOut::from(row), tag))
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}
