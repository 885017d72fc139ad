use actix_web::{patch, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::models::Network;
use crate::db::schema::{invitations, networks};
use crate::db::versioned::{self, Precondition};
use crate::domain::{InvitationStatus, NetworkStatus, Role};
use crate::permissions::{invitation_party, InvitationParty};
use crate::queries::invitations::{ensure_open, load};
use crate::queries::memberships;
use crate::routes::update_row;
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::{present, JsonBody};
use crate::AppState;

use super::present::{one, tag};
use super::{Answer, InvitationInput, InvitationOut};

/// Accept or decline an invitation
///
/// Only the invited person answers. Accepting makes you a member with the
/// role offered; only then do your contact details and access needs reach
/// the network, as far as your consents allow.
#[utoipa::path(
    tag = "Members",
    params(
        ("invitationId" = i64, Path, description = "Invitation id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    request_body(content = InvitationInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The answered invitation.", body = InvitationOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the invited person answers."),
        (status = 404, description = "No such invitation, or it is not yours to see."),
        (status = 409, description = "It was answered already, you are a member already, or the network is closed."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/invitations/{invitationId}")]
pub async fn answer_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<InvitationInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let (input, mut errors) = body.with_errors();
    if input.status == Some(Answer::Declined) && input.commitment.is_some() {
        errors.push(
            InvalidParam::new("commitment", Code::Rule, "goes with accepting only")
                .expected("accepting"),
        );
    }
    ensure_valid(errors)?;
    let answer = present(input.status, "status")?.status();
    let commitment = input.commitment.unwrap_or_default();
    let lock = versioned::locker!(invitations, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let current = load(conn, id)?;
        if let InvitationParty::Coordinator = invitation_party(conn, viewer, &current)? {
            return Err(ApiError::Forbidden(
                "Only the invited person accepts or declines an invitation.".into(),
            ));
        }
        precondition.matches(&tag(&current))?;
        ensure_open(&current)?;
        if answer == InvitationStatus::Accepted {
            let network: Network = networks::table
                .find(current.network_id)
                .select(Network::as_select())
                .first(conn)?;
            if NetworkStatus::from_db(&network.status) == NetworkStatus::Closed {
                return Err(ApiError::Conflict(
                    "This network is closed and takes no new members.".into(),
                ));
            }
            memberships::insert(
                conn,
                current.network_id,
                current.stakeholder_id,
                Role::from_db(&current.role),
                &commitment,
                true,
            )?;
        }
        versioned::update!(
            conn,
            invitations,
            id,
            current.version,
            (invitations::status.eq(answer.as_str()))
        );
        let action = match answer {
            InvitationStatus::Accepted => "invitation.accepted",
            _ => "invitation.declined",
        };
        crate::audit::record(
            conn,
            viewer,
            action,
            "invitation",
            Some(id),
            Some(current.network_id),
        )?;
        let answered = load(conn, id)?;
        one(conn, answered)
    })
    .await
}
