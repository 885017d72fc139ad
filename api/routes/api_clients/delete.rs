//! `DELETE /api-clients/{apiClientId}`: a client revoked. Its secrets and
//! every access token it holds stop working at once; the audit log keeps
//! what it did.

use actix_web::{delete, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db::schema::api_clients;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::client_access;
use crate::routes::{delete_row, Deleted};
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::AppState;

/// Revoke an API client
///
/// Deletes it: its secrets and its access tokens stop working at once.
#[utoipa::path(
    tag = "API clients",
    params(("apiClientId" = i64, Path, description = "API client id", minimum = 1), IfMatch),
    responses(
        (status = 204, description = "The client is revoked."),
        (status = 404, description = "No such client, or not one you manage."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/api-clients/{apiClientId}")]
pub async fn delete_api_client(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    delete_row(
        &state,
        auth,
        versioned::locker!(api_clients, id),
        move |conn, viewer| {
            let client = client_access(conn, viewer, id)?;
            precondition.check(Vec::new(), &etag("api-client", id, client.version))?;
            versioned::delete!(conn, api_clients, id, client.version);
            Ok(Deleted {
                action: "api_client.revoked",
                object: ("api_client", id),
                network_id: None,
            })
        },
    )
    .await
}
