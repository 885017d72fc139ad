//! `DELETE /goals/{goalId}`: delete a goal with its steps and endorsements.

use actix_web::{delete, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db::schema::goals;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::goal_access;
use crate::routes::{delete_row, Deleted};
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::AppState;

/// Delete a goal
///
/// Core group and coordinators. Its steps and endorsements go with it.
#[utoipa::path(
    tag = "Goals",
    params(
        ("goalId" = i64, Path, description = "Goal id", minimum = 1),
        IfMatch,
    ),
    responses(
        (status = 204, description = "The goal was deleted."),
        (status = 403, description = "Only the core group and coordinators delete goals."),
        (status = 404, description = "No such goal, or its network is for members only."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/goals/{goalId}")]
pub async fn delete_goal(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    delete_row(
        &state,
        auth,
        versioned::locker!(goals, id),
        move |conn, viewer| {
            let (current, access) = goal_access(conn, viewer, id)?;
            access.ensure_goal_editor()?;
            precondition.matches(&etag("goal", id, current.version))?;
            versioned::delete!(conn, goals, id, current.version);
            Ok(Deleted {
                action: "goal.deleted",
                object: ("goal", id),
                network_id: Some(current.network_id),
            })
        },
    )
    .await
}
