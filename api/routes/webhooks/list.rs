//! `GET /api-clients/{apiClientId}/webhooks`: an API client's
//! subscriptions.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{WebhookFilters, WebhookOut, WebhookPage};
use crate::accounts::auth::Auth;
use crate::db::models::WebhookSubscription;
use crate::db::schema::webhook_subscriptions;
use crate::permissions::webhook_owner_access;
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

/// List an API client's webhook subscriptions
///
/// Their addresses, events and filters, and whether each is on or failing;
/// never their secrets.
#[utoipa::path(
    tag = "API clients",
    params(("apiClientId" = i64, Path, description = "API client id", minimum = 1), WebhookFilters),
    responses(
        (status = 200, description = "A page of subscriptions.", body = WebhookPage),
        (status = 404, description = "No such client, or not one you manage."),
    ),
    security(("bearer" = [])),
)]
#[get("/api-clients/{apiClientId}/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let client_id = path.into_inner();
    list::<_, WebhookPage>(
        &state,
        &req,
        auth,
        move |conn, viewer, _: WebhookFilters, page| {
            webhook_owner_access(conn, viewer, client_id)?;
            let mut rows: Vec<WebhookSubscription> = webhook_subscriptions::table
                .filter(webhook_subscriptions::api_client_id.eq(client_id))
                .filter(webhook_subscriptions::id.gt(page.after_id()))
                .order(webhook_subscriptions::id)
                .limit(page.fetch_limit())
                .select(WebhookSubscription::as_select())
                .load(conn)?;
            let next = page.finish(&mut rows, |s| Cursor::Id(s.id));
            Ok((rows.into_iter().map(WebhookOut::from).collect(), next))
        },
    )
    .await
}
