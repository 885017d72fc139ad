//! `GET /api-clients/{apiClientId}`: one API client, without its secret.

use actix_web::{get, web, HttpResponse};

use super::types::ApiClientOut;
use crate::accounts::auth::Auth;
use crate::permissions::{client_access, Viewer};
use crate::web::error::ApiError;
use crate::web::http::{etag, ok_with_etag};
use crate::{db, AppState};

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
    let (out, tag) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let client = client_access(conn, &viewer, id)?;
        let tag = etag("api-client", id, client.version);
        Ok((ApiClientOut::new(client, db::now()), tag))
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}
