//! `PUT /networks/{networkId}/house-rules`: new house rules, as a new
//! version.

use actix_web::{put, web, HttpResponse};

use super::read::current;
use super::types::{HouseRulesInput, HouseRulesOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db::schema::networks;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::{may_edit_house_rules, network_access};
use crate::queries;
use crate::routes::update_row;
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::AppState;

/// Change the house rules
///
/// Coordinators. Each change makes a new version (old ones are kept); the
/// coordinator who writes it accepts it, every other member accepts it
/// again before reading the members' messages.
#[utoipa::path(
    tag = "House rules",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), IfMatch),
    request_body = HouseRulesInput,
    responses(
        (status = 200, description = "The new version.", body = HouseRulesOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only coordinators change the house rules."),
        (status = 404, description = "No such network, or it is for members only."),
        (status = 412, description = "They changed since you read them."),
    ),
    security(("bearer" = [])),
)]
#[put("/networks/{networkId}/house-rules")]
pub async fn update_house_rules(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<HouseRulesInput>,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    let (input, mut errors) = body.with_errors();
    let lock = versioned::locker!(networks, network_id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let access = network_access(conn, viewer, network_id)?;
        if !may_edit_house_rules(&access) {
            return Err(ApiError::Forbidden(
                "Only coordinators of this network change its house rules.".into(),
            ));
        }
        let text = input.body.unwrap_or_default().trim().to_string();
        if text.is_empty() && !errors.iter().any(|e| e.name == "body") {
            errors.push(InvalidParam::new("body", Code::Required, "is required"));
        }
        let version = queries::house_rules::current_version(conn, network_id)?;
        precondition.check(errors, &etag("house-rules", network_id, version))?;
        let by = viewer.stakeholder_id.filter(|_| access.is_member());
        let new = queries::house_rules::write(conn, network_id, &text, by)?;
        audit::record(
            conn,
            viewer,
            "house_rules.changed",
            "house_rules",
            Some(new),
            Some(network_id),
        )?;
        current(conn, viewer, &access)
    })
    .await
}
