use actix_web::{delete, web, HttpRequest, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db::schema::invitations;
use crate::db::versioned::{self, Precondition};

use crate::permissions::{invitation_party, InvitationParty};
use crate::queries::invitations::{ensure_open, load};
use crate::routes::{delete_row, Deleted};
use crate::web::error::ApiError;
use crate::AppState;

use super::present::tag;

/// Withdraw an invitation
///
/// A coordinator withdraws an invitation that has not been answered. A
/// declined one stays, so the person is not asked again.
#[utoipa::path(
    tag = "Members",
    params(
        ("invitationId" = i64, Path, description = "Invitation id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    responses(
        (status = 204, description = "The invitation was withdrawn."),
        (status = 403, description = "Only coordinators withdraw invitations."),
        (status = 404, description = "No such invitation, or it is not yours to see."),
        (status = 409, description = "It was answered already."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/invitations/{invitationId}")]
pub async fn withdraw_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let lock = versioned::locker!(invitations, id);
    delete_row(&state, auth, lock, move |conn, viewer| {
        let current = load(conn, id)?;
        if let InvitationParty::Invitee = invitation_party(conn, viewer, &current)? {
            if !viewer.is_admin {
                return Err(ApiError::Forbidden(
                    "Decline the invitation instead (PATCH with status declined).".into(),
                ));
            }
        }
        precondition.matches(&tag(&current))?;
        ensure_open(&current)?;
        versioned::delete!(conn, invitations, id, current.version);
        Ok(Deleted {
            action: "invitation.withdrawn",
            object: ("invitation", id),
            network_id: Some(current.network_id),
        })
    })
    .await
}
