//! `GET /api-clients/{apiClientId}`: one API client, without its secret.

use actix_web::{get, web, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::types::ApiClientOut;
use crate::accounts::auth::Auth;
use crate::db::models::ApiClient;
use crate::db::schema::api_clients;
use crate::db::DbConn;
use crate::permissions::client_access;
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::{db, AppState};

/// The client as the API answers it, with its ETag: one shape for every
/// answer (read, and after create, change and rotation).
pub fn answer(client: ApiClient, now: NaiveDateTime) -> (ApiClientOut, String) {
    let tag = etag("api-client", client.id, client.version);
    (ApiClientOut::new(client, now), tag)
}

/// The stored client, read again after a change.
pub fn reread(
    conn: &mut DbConn,
    id: i64,
    now: NaiveDateTime,
) -> Result<(ApiClientOut, String), ApiError> {
    let client: ApiClient = api_clients::table
        .find(id)
        .select(ApiClient::as_select())
        .first(conn)?;
    Ok(answer(client, now))
}

/// Read an API client
///
/// Its scopes, when it last got a token, and until when a previous secret
/// works. Never its secret.
#[utoipa::path(
    tag = "API clients",
    params(("apiClientId" = i64, Path, description = "API client id", minimum = 1)),
    responses(
        (status = 200, description = "The client.", body = ApiClientOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such client, or not one you manage."),
    ),
    security(("bearer" = [])),
)]
#[get("/api-clients/{apiClientId}")]
pub async fn get_api_client(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    read_row(&state, auth, move |conn, viewer| {
        Ok(answer(client_access(conn, viewer, id)?, db::now()))
    })
    .await
}
