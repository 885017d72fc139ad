use actix_web::{delete, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db;
use crate::db::schema::{stakeholders, users};
use crate::queries::accounts;
use crate::queries::memberships::sole_coordinator_of;
use crate::search::{self, documents::STAKEHOLDER};
use crate::web::error::ApiError;
use crate::AppState;

/// Delete your account
///
/// Removes your account, your profile and your memberships and
/// endorsements. Links you added stay, without your name. If you are the
/// last coordinator of a network, hand coordination over first (409).
#[utoipa::path(
    tag = "Accounts",
    responses(
        (status = 204, description = "Your account is gone."),
        (status = 409, description = "You are the last coordinator of a network."),
    ),
    security(("bearer" = [])),
)]
#[delete("/me")]
pub async fn delete_me(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, ApiError> {
    let user_id = auth.required()?;
    db::write(&state.pool, move |conn| {
        let (_, stakeholder) = accounts::current(conn, auth)?;
        if let Some(me) = stakeholder {
            if let Some(network) = sole_coordinator_of(conn, me)? {
                return Err(ApiError::Conflict(format!(
                    "You are the last coordinator of network {network}. Make someone else coordinator first, or delete the network."
                )));
            }
            crate::queries::meetings::release_places_of(conn, me)?;
            diesel::delete(stakeholders::table.find(me)).execute(conn)?;
            search::remove(conn, STAKEHOLDER, me)?;
        }
        diesel::delete(users::table.find(user_id)).execute(conn)?;
        crate::audit::record(conn, Some(user_id), "account.erased", "user", Some(user_id), None)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
