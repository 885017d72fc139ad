//! `POST /api-clients/{apiClientId}/secret`: a new secret. The previous one
//! keeps working for the hours asked (default 24), so the system can be
//! switched over without a gap; 0 ends it at once.

use actix_web::{post, web, HttpResponse};
use chrono::Duration;

use super::types::{ApiClientSecretOut, RotationInput};
use crate::accounts::auth::Auth;
use crate::accounts::clients::{hash_secret, new_secret, DEFAULT_OVERLAP_HOURS};
use crate::db::schema::api_clients;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::client_access;
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::{audit, db, AppState};

/// Rotate an API client's secret
///
/// A new secret, shown in this answer only. The previous one works for
/// `previousSecretValidHours` more (default 24, 0 to 168; send `{}` for the
/// default); the one before that stops now. Access tokens already out stay valid until they expire;
/// to end them at once, delete the client.
#[utoipa::path(
    tag = "API clients",
    params(("apiClientId" = i64, Path, description = "API client id", minimum = 1), IfMatch),
    request_body = RotationInput,
    responses(
        (status = 200, description = "The client with its new secret (shown once).", body = ApiClientSecretOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such client, or not one you manage."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[post("/api-clients/{apiClientId}/secret")]
pub async fn rotate_api_client_secret(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<RotationInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let (input, errors) = body.with_errors();
    let lock = versioned::locker!(api_clients, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let current = client_access(conn, viewer, id)?;
        precondition.check(errors, &etag("api-client", id, current.version))?;
        let hours = input
            .previous_secret_valid_hours
            .unwrap_or(DEFAULT_OVERLAP_HOURS);
        let now = db::now();
        let secret = new_secret();
        versioned::update!(
            conn,
            api_clients,
            id,
            current.version,
            (
                api_clients::secret_hash.eq(hash_secret(&secret)),
                api_clients::previous_secret_hash.eq((hours > 0).then_some(current.secret_hash)),
                api_clients::previous_secret_expires_at
                    .eq((hours > 0).then(|| now + Duration::hours(hours))),
            )
        );
        audit::record(
            conn,
            viewer,
            "api_client.secret_rotated",
            "api_client",
            Some(id),
            None,
        )?;
        let (client, tag) = super::read::reread(conn, id, now)?;
        let out = ApiClientSecretOut {
            client,
            client_secret: secret,
        };
        Ok((out, tag))
    })
    .await
}
