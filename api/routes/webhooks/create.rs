//! `POST /api-clients/{apiClientId}/webhooks`: subscribe to events.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::check;
use super::types::{WebhookInput, WebhookSecretOut};
use crate::accounts::auth::Auth;
use crate::db::schema::webhook_subscriptions;
use crate::permissions::{webhook_owner_access, Viewer};
use crate::web::error::{ensure_valid, ApiError};
use crate::web::extract::{present, JsonBody};
use crate::web::http::created;
use crate::webhooks::{events, sign};
use crate::{audit, db, AppState};

/// Subscribe to events
///
/// For whoever manages the API client, and the client itself (scope
/// `webhooks:write`). Deliveries go to `url` signed with the secret in
/// this answer (shown once), as the Standard Webhooks specification says.
#[utoipa::path(
    tag = "API clients",
    params(("apiClientId" = i64, Path, description = "API client id", minimum = 1)),
    request_body = WebhookInput,
    responses(
        (status = 201, description = "The subscription, with its secret (shown once).", body = WebhookSecretOut,
            headers(("Location" = String, description = "Address of the subscription"), ("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such client, or not one you manage."),
        (status = 409, description = "`networkId` is not a network you can see."),
    ),
    security(("bearer" = [])),
)]
#[post("/api-clients/{apiClientId}/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<WebhookInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let client_id = path.into_inner();
    let (input, mut errors) = body.with_errors();
    errors.extend(check::url(input.url.clone(), state.config.webhook_allow_loopback).await?);
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        webhook_owner_access(conn, &viewer, client_id)?;
        if let Some(list) = &input.events {
            check::events(list, &mut errors);
        }
        let municipality = input.municipality.flatten();
        check::municipality(municipality.as_deref(), &mut errors);
        let network_id = input.network_id.flatten();
        check::network(conn, &viewer, network_id, &mut errors)?;
        ensure_valid(errors)?;
        let url = present(input.url, "url")?;
        let list = present(input.events, "events")?;
        let secret = sign::new_secret();
        let now = db::now();
        let id: i64 = diesel::insert_into(webhook_subscriptions::table)
            .values((
                webhook_subscriptions::api_client_id.eq(client_id),
                webhook_subscriptions::url.eq(url.trim()),
                webhook_subscriptions::events.eq(events::join(&list)),
                webhook_subscriptions::municipality_code.eq(municipality),
                webhook_subscriptions::network_id.eq(network_id),
                webhook_subscriptions::topic.eq(input.topic.flatten()),
                webhook_subscriptions::secret.eq(&secret),
                webhook_subscriptions::created_at.eq(now),
                webhook_subscriptions::updated_at.eq(now),
            ))
            .returning(webhook_subscriptions::id)
            .get_result(conn)?;
        audit::record(
            conn,
            &viewer,
            "webhook.created",
            "webhook",
            Some(id),
            network_id,
        )?;
        let (webhook, tag) = super::read::reread(conn, id)?;
        let out = WebhookSecretOut { webhook, secret };
        Ok((out, tag))
    })
    .await?;
    Ok(created(
        &req,
        &format!("/webhooks/{}", out.webhook.id),
        &out,
        Some(&tag),
    ))
}
