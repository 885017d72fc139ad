//! `POST /api-clients`: a system gets its own sign-in, for one
//! organisation.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{ApiClientInput, ApiClientSecretOut};
use crate::accounts::auth::Auth;
use crate::accounts::clients::{hash_secret, new_client_id, new_secret, store_scopes};
use crate::db::models::Stakeholder;
use crate::db::schema::{api_clients, stakeholders};
use crate::permissions::{may_manage_clients, Viewer};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::{present, JsonBody};
use crate::web::http::created;
use crate::{audit, db, AppState};

/// Make an API client
///
/// For whoever manages an organisation's profile, and admins: a client id
/// and a secret for the organisation's system, which trades them for
/// access tokens at `POST /oauth/token`. The secret is in this answer
/// only; only its hash is kept.
#[utoipa::path(
    tag = "API clients",
    request_body = ApiClientInput,
    responses(
        (status = 201, description = "The client, with its secret (shown once).", body = ApiClientSecretOut,
            headers(("Location" = String, description = "Address of the client"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only people make API clients."),
        (status = 409, description = "`stakeholderId` is not an organisation whose profile you manage."),
    ),
    security(("bearer" = [])),
)]
#[post("/api-clients")]
pub async fn create_api_client(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<ApiClientInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let (input, mut errors) = body.with_errors();
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let scopes = input.checked_scopes(&mut errors).unwrap_or_default();
        ensure_valid(errors)?;
        let stakeholder_id = present(input.stakeholder_id, "stakeholderId")?;
        let name = present(input.name, "name")?;
        let organisation: Option<Stakeholder> = stakeholders::table
            .find(stakeholder_id)
            .select(Stakeholder::as_select())
            .first(conn)
            .optional()?;
        if !organisation.is_some_and(|o| may_manage_clients(&viewer, &o)) {
            return Err(ApiError::ConflictingFields(vec![InvalidParam::conflict(
                "stakeholderId",
                Code::Reference,
                "is not an organisation whose profile you manage",
            )
            .expected("stakeholder")]));
        }
        let secret = new_secret();
        let now = db::now();
        let id: i64 = diesel::insert_into(api_clients::table)
            .values((
                api_clients::stakeholder_id.eq(stakeholder_id),
                api_clients::name.eq(name.trim()),
                api_clients::client_id.eq(new_client_id()),
                api_clients::secret_hash.eq(hash_secret(&secret)),
                api_clients::scopes.eq(store_scopes(&scopes)),
                api_clients::created_by.eq(viewer.user_id),
                api_clients::created_at.eq(now),
                api_clients::updated_at.eq(now),
            ))
            .returning(api_clients::id)
            .get_result(conn)?;
        audit::record(
            conn,
            &viewer,
            "api_client.created",
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
    .await?;
    Ok(created(
        &req,
        &format!("/api-clients/{}", out.client.id),
        &out,
        Some(&tag),
    ))
}
