//! `POST /webhooks/{webhookId}/ping`: a test event, delivered like any
//! other (signed, logged, tried again), to see that the receiver works.

use actix_web::{post, web, HttpResponse};

use super::types::PingOut;
use crate::accounts::auth::Auth;
use crate::permissions::{webhook_access, Viewer};
use crate::web::error::ApiError;
use crate::webhooks::{events, PING};
use crate::{db, AppState};

/// Send a test event
///
/// `webhook.ping`, delivered at once like every event; its tries are in
/// the delivery log. Also to a switched-off subscription, to see whether
/// its receiver works again.
#[utoipa::path(
    tag = "API clients",
    params(("webhookId" = i64, Path, description = "Webhook id", minimum = 1)),
    responses(
        (status = 202, description = "The test event is on its way.", body = PingOut),
        (status = 404, description = "No such subscription, or not one you manage."),
    ),
    security(("bearer" = [])),
)]
#[post("/webhooks/{webhookId}/ping")]
pub async fn ping_webhook(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    let out = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        webhook_access(conn, &viewer, id)?;
        let payload = serde_json::json!({
            "type": PING,
            "timestamp": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "data": { "webhookId": id },
        })
        .to_string();
        let event_id = events::write(conn, id, PING, &payload)?;
        db::after_write(crate::webhooks::worker::wake);
        Ok(PingOut { event_id })
    })
    .await?;
    Ok(HttpResponse::Accepted().json(out))
}
