use actix_web::{delete, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::schema::{memberships, networks};
use crate::db::versioned;
use crate::domain::Role;
use crate::permissions::network_access;
use crate::queries::memberships::{coordinators, load};
use crate::routes::{delete_row, Deleted};
use crate::web::error::ApiError;
use crate::AppState;

/// Leave a network, or remove a member
///
/// Members leave themselves; coordinators remove others. The last
/// coordinator cannot leave.
#[utoipa::path(
    tag = "Members",
    params(
        ("networkId" = i64, Path, description = "Network id", minimum = 1),
        ("stakeholderId" = i64, Path, description = "Stakeholder id of the member", minimum = 1),
    ),
    responses(
        (status = 204, description = "The membership ended."),
        (status = 403, description = "Only coordinators remove others."),
        (status = 404, description = "No such network or member."),
        (status = 409, description = "This is the last coordinator."),
    ),
    security(("bearer" = [])),
)]
#[delete("/networks/{networkId}/members/{stakeholderId}")]
pub async fn remove_member(
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let (network_id, stakeholder_id) = path.into_inner();
    // The network's row, not only the membership's: the count of its
    // coordinators must not change between the check and the write.
    let lock = versioned::locker!(networks, network_id);
    delete_row(&state, auth, lock, move |conn, viewer| {
        let access = network_access(conn, viewer, network_id)?;
        let current = load(conn, network_id, stakeholder_id)?;
        if viewer.stakeholder_id != Some(stakeholder_id) {
            access.ensure_coordinator()?;
        }
        if Role::from_db(&current.role) == Role::Coordinator && coordinators(conn, network_id)? <= 1
        {
            return Err(ApiError::Conflict(
                "This is the last coordinator. Make someone else coordinator first.".into(),
            ));
        }
        diesel::delete(
            memberships::table
                .filter(memberships::network_id.eq(network_id))
                .filter(memberships::stakeholder_id.eq(stakeholder_id)),
        )
        .execute(conn)?;
        Ok(Deleted {
            action: "membership.removed",
            object: ("stakeholder", stakeholder_id),
            network_id: Some(network_id),
        })
    })
    .await
}
