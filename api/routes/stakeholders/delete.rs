use actix_web::{delete, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::schema::{stakeholders, users};
use crate::db::versioned::{self, Precondition};

use crate::queries::memberships::sole_coordinator_of;
use crate::routes::{delete_row, Deleted};
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::{search, AppState};

use super::present::editable;

/// Remove a stakeholder
///
/// A profile you added (or any, as platform admin), with its memberships and
/// endorsements. Your own profile goes with your account (`DELETE /me`).
#[utoipa::path(
    tag = "Stakeholders",
    params(
        ("stakeholderId" = i64, Path, description = "Stakeholder id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    responses(
        (status = 204, description = "The stakeholder was removed."),
        (status = 403, description = "You may not remove this profile."),
        (status = 404, description = "No such stakeholder, or you may not see them."),
        (status = 409, description = "This is your own profile, or the last coordinator of a network."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/stakeholders/{stakeholderId}")]
pub async fn delete_stakeholder(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let lock = versioned::locker!(stakeholders, id);
    delete_row(&state, auth, lock, move |conn, viewer| {
        let current = editable(conn, viewer, id, "You may only remove profiles you added.")?;
        if current.user_id.is_some() && current.user_id == viewer.user_id {
            return Err(ApiError::Conflict(
                "This is your own profile; delete your account instead (DELETE /me).".into(),
            ));
        }
        precondition.matches(&etag("stakeholder", id, current.version))?;
        if let Some(network) = sole_coordinator_of(conn, id)? {
            return Err(ApiError::Conflict(format!(
                "This is the last coordinator of network {network}. Make someone else coordinator first."
            )));
        }
        crate::queries::meetings::release_places_of(conn, id)?;
        versioned::delete!(conn, stakeholders, id, current.version);
        if let Some(account) = current.user_id {
            // An admin erasing a person erases their account with it.
            diesel::delete(users::table.find(account)).execute(conn)?;
            crate::audit::record(
                conn,
                viewer,
                "account.erased",
                "user",
                Some(account),
                None,
            )?;
        }
        search::remove(conn, search::documents::STAKEHOLDER, id)?;
        Ok(Deleted {
            action: "stakeholder.erased",
            object: ("stakeholder", id),
            network_id: None,
        })
    })
    .await
}
