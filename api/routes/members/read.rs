use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::schema::stakeholders;
use crate::permissions::network_access;
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::AppState;

use super::present::one;
use super::MemberOut;

/// One member of a network
///
/// As in the list: members see everyone, others only members who agreed to
/// be listed. The ETag is what `PATCH` wants in `If-Match`.
#[utoipa::path(
    tag = "Members",
    params(
        ("networkId" = i64, Path, description = "Network id", minimum = 1),
        ("stakeholderId" = i64, Path, description = "Stakeholder id of the member", minimum = 1),
    ),
    responses(
        (status = 200, description = "The membership.", body = MemberOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such network or member, or you may not see them."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/members/{stakeholderId}")]
pub async fn get_member(
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let (network_id, stakeholder_id) = path.into_inner();
    read_row(&state, auth, move |conn, viewer| {
        let access = network_access(conn, viewer, network_id)?;
        if !access.is_insider() {
            let listed: bool = stakeholders::table
                .find(stakeholder_id)
                .select(stakeholders::listed)
                .first(conn)
                .optional()?
                .unwrap_or(false);
            if !listed {
                return Err(ApiError::not_found("This member"));
            }
        }
        one(conn, viewer, &access, network_id, stakeholder_id)
    })
    .await
}
