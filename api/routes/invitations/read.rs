use actix_web::{get, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::permissions::invitation_party;
use crate::queries::invitations::load;
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::AppState;

use super::present::one;
use super::InvitationOut;

/// Read an invitation
///
/// For the invited person, and the network's coordinators.
#[utoipa::path(
    tag = "Members",
    params(("invitationId" = i64, Path, description = "Invitation id", minimum = 1)),
    responses(
        (status = 200, description = "The invitation.", body = InvitationOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such invitation, or it is not yours to see."),
    ),
    security(("bearer" = [])),
)]
#[get("/invitations/{invitationId}")]
pub async fn get_invitation(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    read_row(&state, auth, move |conn, viewer| {
        let invitation = load(conn, id)?;
        invitation_party(conn, viewer, &invitation)?;
        one(conn, invitation)
    })
    .await
}
