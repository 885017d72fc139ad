//! `GET /meetings/{meetingId}/outcomes`: what a meeting decided.

use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;

use super::types::{OutcomeList, OutcomeOut};
use crate::accounts::auth::Auth;
use crate::db;
use crate::db::models::Outcome;
use crate::db::schema::meeting_outcomes;
use crate::permissions::{meeting_access, Viewer};
use crate::web::error::ApiError;
use crate::AppState;

/// A meeting's outcomes
///
/// Whoever sees the meeting. An outcome that became a goal names it.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    responses(
        (status = 200, description = "The outcomes.", body = OutcomeList),
        (status = 404, description = "No such meeting, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/meetings/{meetingId}/outcomes")]
pub async fn list_outcomes(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let meeting_id = path.into_inner();
    let items = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        meeting_access(conn, &viewer, meeting_id)?;
        let rows: Vec<Outcome> = meeting_outcomes::table
            .filter(meeting_outcomes::meeting_id.eq(meeting_id))
            .order(meeting_outcomes::id)
            .limit(1000)
            .select(Outcome::as_select())
            .load(conn)?;
        Ok(rows.into_iter().map(OutcomeOut::from).collect::<Vec<_>>())
    })
    .await?;
    Ok(HttpResponse::Ok().json(OutcomeList { items }))
}
