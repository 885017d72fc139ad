use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db;
use crate::permissions::Viewer;
use crate::queries;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::created;
use crate::AppState;

use super::{present::written, StakeholderInput, StakeholderOut};

/// Add a stakeholder
///
/// For an organisation, or a person without an account (with their
/// consent). You manage the profile you add.
#[utoipa::path(
    tag = "Stakeholders",
    request_body = StakeholderInput,
    responses((status = 201, description = "The stakeholder was added.", body = StakeholderOut,
        headers(("Location" = String, description = "Address of the new stakeholder"), ("ETag" = String, description = "Version tag")))),
    security(("bearer" = [])),
)]
#[post("/stakeholders")]
pub async fn create_stakeholder(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<StakeholderInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let (input, parse_errors) = body.with_errors();
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let profile = input.into_profile(parse_errors)?;
        let id = queries::stakeholders::create(conn, &viewer, &profile)?;
        written(conn, &viewer, id)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/stakeholders/{}", out.id),
        &out,
        Some(&tag),
    ))
}
