//! `GET /goals/{goalId}/helpers`: the offers of help on a step.

use actix_web::{get, web, HttpResponse};

use super::types::{present, HelperList};
use crate::accounts::auth::Auth;
use crate::db;
use crate::permissions::{goal_access, Viewer};
use crate::web::error::ApiError;
use crate::AppState;

/// The offers of help on a step
///
/// The core group sees every offer with its message; a member sees their
/// own; whoever sees the step sees its accepted helpers (with their name
/// for the network's members, or when they agreed to be listed).
#[utoipa::path(
    tag = "Talents",
    params(("goalId" = i64, Path, description = "Goal id", minimum = 1)),
    responses(
        (status = 200, description = "The offers, in the order made.", body = HelperList),
        (status = 404, description = "No such goal, or its network is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/goals/{goalId}/helpers")]
pub async fn list_helpers(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let items = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (_, access) = goal_access(conn, &viewer, id)?;
        present(conn, &viewer, &access, id, None)
    })
    .await?;
    Ok(HttpResponse::Ok().json(HelperList { items }))
}
