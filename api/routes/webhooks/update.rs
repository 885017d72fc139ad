//! `PATCH /webhooks/{webhookId}`: another address, other events or
//! filters; switched on again (`active: true`) or off.

use actix_web::{patch, web, HttpResponse};
use chrono::NaiveDateTime;

use super::check;
use super::types::{WebhookInput, WebhookOut};
use crate::accounts::auth::Auth;
use crate::db::schema::webhook_subscriptions;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::webhook_access;
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::webhooks::events;
use crate::{audit, db, AppState};

/// Change a webhook subscription
///
/// A JSON merge patch. `active: true` switches a subscription on again
/// after it was switched off; it starts with the events that happen from
/// then on.
#[utoipa::path(
    tag = "API clients",
    params(("webhookId" = i64, Path, description = "Webhook id", minimum = 1), IfMatch),
    request_body = WebhookInput,
    responses(
        (status = 200, description = "The changed subscription.", body = WebhookOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such subscription, or not one you manage."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/webhooks/{webhookId}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<WebhookInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (input, mut errors) = body.with_errors();
    errors.extend(check::url(input.url.clone(), state.config.webhook_allow_loopback).await?);
    let lock = versioned::locker!(webhook_subscriptions, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let current = webhook_access(conn, viewer, id)?;
        if let Some(list) = &input.events {
            check::events(list, &mut errors);
        }
        if let Some(m) = &input.municipality {
            check::municipality(m.as_deref(), &mut errors);
        }
        if let Some(n) = input.network_id {
            check::network(conn, viewer, n, &mut errors)?;
        }
        precondition.check(errors, &etag("webhook", id, current.version))?;
        let disabled_at = match input.active {
            Some(true) => None,
            Some(false) => current.disabled_at.or(Some(db::now())),
            None => current.disabled_at,
        };
        // Switched on again: its failures so far are forgiven.
        let failing_since = if input.active == Some(true) {
            None::<NaiveDateTime>
        } else {
            current.failing_since
        };
        versioned::update!(
            conn,
            webhook_subscriptions,
            id,
            current.version,
            (
                webhook_subscriptions::url
                    .eq(input.url.map_or(current.url, |u| u.trim().to_string())),
                webhook_subscriptions::events
                    .eq(input.events.map_or(current.events, |e| events::join(&e))),
                webhook_subscriptions::municipality_code
                    .eq(input.municipality.unwrap_or(current.municipality_code)),
                webhook_subscriptions::network_id
                    .eq(input.network_id.unwrap_or(current.network_id)),
                webhook_subscriptions::topic.eq(input.topic.unwrap_or(current.topic)),
                webhook_subscriptions::disabled_at.eq(disabled_at),
                webhook_subscriptions::failing_since.eq(failing_since),
            )
        );
        audit::record(conn, viewer, "webhook.updated", "webhook", Some(id), None)?;
        super::read::reread(conn, id)
    })
    .await
}
