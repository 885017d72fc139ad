//! `POST /networks/{networkId}/house-rules/acceptance`: a member accepts
//! the current house rules.

use actix_web::{post, web, HttpResponse};

use super::read::current;
use super::types::{AcceptanceInput, HouseRulesOut};
use crate::accounts::auth::Auth;
use crate::db;
use crate::permissions::{house_rules_acceptor, network_access, Viewer};
use crate::queries;
use crate::web::error::{ensure_valid, ApiError};
use crate::web::extract::JsonBody;
use crate::AppState;

/// Accept the house rules
///
/// Members, naming the version they read: it must be the current one
/// (409 otherwise: read them again). Until then the members' messages stay
/// closed to them.
#[utoipa::path(
    tag = "House rules",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    request_body = AcceptanceInput,
    responses(
        (status = 200, description = "Accepted; the rules as you now see them.", body = HouseRulesOut),
        (status = 403, description = "Only members accept the house rules."),
        (status = 404, description = "No such network, or it is for members only."),
        (status = 409, description = "That is not the current version; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks/{networkId}/house-rules/acceptance")]
pub async fn accept_house_rules(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<AcceptanceInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let network_id = path.into_inner();
    let (input, mut errors) = body.with_errors();
    let (out, _) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        let me = house_rules_acceptor(&access, &viewer)?;
        if let Some(version) = input.version {
            if let Some(problem) = queries::house_rules::check_version(conn, network_id, version)? {
                errors.push(problem);
            }
        }
        ensure_valid(errors)?;
        let version = queries::house_rules::current_version(conn, network_id)?;
        queries::house_rules::accept(conn, network_id, me, version)?;
        current(conn, &viewer, &access)
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}
