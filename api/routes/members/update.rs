use actix_web::{patch, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db;
use crate::db::schema::{memberships, networks};
use crate::db::versioned::{self, Precondition};
use crate::domain::Role;
use crate::permissions::network_access;
use crate::queries::memberships::{coordinators, load};
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::AppState;

use super::present::{member_tag, one};
use super::{MemberOut, MemberPatch};

/// Change a member's role or commitment
///
/// Coordinators change roles; members change their own commitment. The last
/// coordinator cannot be demoted.
#[utoipa::path(
    tag = "Members",
    params(
        ("networkId" = i64, Path, description = "Network id", minimum = 1),
        ("stakeholderId" = i64, Path, description = "Stakeholder id of the member", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    request_body(content = MemberPatch, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed membership.", body = MemberOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "You may not change this membership."),
        (status = 404, description = "No such network or member."),
        (status = 409, description = "This is the last coordinator."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/networks/{networkId}/members/{stakeholderId}")]
pub async fn update_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(i64, i64)>,
    auth: Auth,
    body: JsonBody<MemberPatch>,
) -> Result<HttpResponse, ApiError> {
    // Signed in before the body is read: 401 comes before 400.
    auth.signed_in()?;
    let (network_id, stakeholder_id) = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let input = body.into_inner()?;
    // The network's row, not only the membership's: the count of its
    // coordinators must not change between the check and the write.
    let lock = versioned::locker!(networks, network_id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let access = network_access(conn, viewer, network_id)?;
        let current = load(conn, network_id, stakeholder_id)?;
        precondition.matches(&member_tag(&current))?;
        let is_self = viewer.stakeholder_id == Some(stakeholder_id);
        let mut role = Role::from_db(&current.role);
        if let Some(new_role) = input.role {
            if new_role != role {
                access.ensure_coordinator()?;
                if role == Role::Coordinator && coordinators(conn, network_id)? <= 1 {
                    return Err(ApiError::Conflict(
                        "This is the last coordinator. Make someone else coordinator first.".into(),
                    ));
                }
                role = new_role;
            }
        }
        let mut commitment = current.commitment.clone();
        if let Some(c) = input.commitment {
            if !is_self {
                access.ensure_coordinator()?;
            }
            commitment = c.trim().to_string();
        }
        let changed = diesel::update(
            memberships::table
                .filter(memberships::network_id.eq(network_id))
                .filter(memberships::stakeholder_id.eq(stakeholder_id))
                .filter(memberships::version.eq(current.version)),
        )
        .set((
            memberships::role.eq(role.as_str()),
            memberships::commitment.eq(commitment),
            memberships::updated_at.eq(db::now()),
            memberships::version.eq(current.version + 1),
        ))
        .execute(conn)?;
        versioned::one_row(changed)?;
        crate::audit::record(
            conn,
            viewer,
            if role != Role::from_db(&current.role) {
                "membership.role_changed"
            } else {
                "membership.updated"
            },
            "stakeholder",
            Some(stakeholder_id),
            Some(network_id),
        )?;
        one(conn, viewer, &access, network_id, stakeholder_id)
    })
    .await
}
