//! `PATCH /api-clients/{apiClientId}`: a new name or other scopes. A scope
//! taken away counts from the next request, also for tokens already out.

use actix_web::{patch, web, HttpResponse};

use super::types::{ApiClientInput, ApiClientOut};
use crate::accounts::auth::Auth;
use crate::accounts::clients::store_scopes;
use crate::db::schema::api_clients;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::client_access;
use crate::routes::update_row;
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::{audit, db, AppState};

/// Change an API client
///
/// Its name or scopes (a JSON merge patch). Its organisation stays.
#[utoipa::path(
    tag = "API clients",
    params(("apiClientId" = i64, Path, description = "API client id", minimum = 1), IfMatch),
    request_body = ApiClientInput,
    responses(
        (status = 200, description = "The changed client.", body = ApiClientOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such client, or not one you manage."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/api-clients/{apiClientId}")]
pub async fn update_api_client(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<ApiClientInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let (input, mut errors) = body.with_errors();
    let lock = versioned::locker!(api_clients, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let current = client_access(conn, viewer, id)?;
        if input.stakeholder_id.is_some() {
            errors.push(InvalidParam::new(
                "stakeholderId",
                Code::Rule,
                "cannot change: make a new client for another organisation",
            ));
        }
        let scopes = input.checked_scopes(&mut errors);
        precondition.check(errors, &etag("api-client", id, current.version))?;
        let name = input.name.map_or(current.name, |n| n.trim().to_string());
        let scopes = scopes.map_or(current.scopes, |s| store_scopes(&s));
        versioned::update!(
            conn,
            api_clients,
            id,
            current.version,
            (api_clients::name.eq(name), api_clients::scopes.eq(scopes))
        );
        audit::record(
            conn,
            viewer,
            "api_client.updated",
            "api_client",
            Some(id),
            None,
        )?;
        super::read::reread(conn, id, db::now())
    })
    .await
}
