//! `DELETE /webhooks/{webhookId}`: a subscription ended, with its
//! deliveries and their log.

use actix_web::{delete, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db::schema::webhook_subscriptions;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::webhook_access;
use crate::routes::{delete_row, Deleted};
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::AppState;

/// End a webhook subscription
///
/// Its waiting deliveries are dropped, with its delivery log.
#[utoipa::path(
    tag = "API clients",
    params(("webhookId" = i64, Path, description = "Webhook id", minimum = 1), IfMatch),
    responses(
        (status = 204, description = "The subscription ended."),
        (status = 404, description = "No such subscription, or not one you manage."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/webhooks/{webhookId}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    delete_row(
        &state,
        auth,
        versioned::locker!(webhook_subscriptions, id),
        move |conn, viewer| {
            let row = webhook_access(conn, viewer, id)?;
            precondition.check(Vec::new(), &etag("webhook", id, row.version))?;
            versioned::delete!(conn, webhook_subscriptions, id, row.version);
            Ok(Deleted {
                action: "webhook.deleted",
                object: ("webhook", id),
                network_id: None,
            })
        },
    )
    .await
}
