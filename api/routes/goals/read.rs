//! `GET /goals/{goalId}`: a goal with its endorsements counted.

use actix_web::{get, web, HttpResponse};

use super::types::GoalOut;
use crate::accounts::auth::Auth;
use crate::db::DbConn;
use crate::permissions::goal_access;
use crate::queries;
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::AppState;

/// A goal as the goal endpoints answer it, with its ETag.
pub(super) fn answer(conn: &mut DbConn, id: i64) -> Result<(GoalOut, String), ApiError> {
    let counted = queries::goals::one(conn, id)?;
    let tag = etag("goal", id, counted.goal.version);
    Ok((counted.into(), tag))
}

/// Read a goal
///
/// With its status, target date and how many members support it or raise a concern.
#[utoipa::path(
    tag = "Goals",
    params(("goalId" = i64, Path, description = "Goal id", minimum = 1)),
    responses(
        (status = 200, description = "The goal.", body = GoalOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such goal, or its network is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/goals/{goalId}")]
pub async fn get_goal(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    read_row(&state, auth, move |conn, viewer| {
        goal_access(conn, viewer, id)?;
        answer(conn, id)
    })
    .await
}
