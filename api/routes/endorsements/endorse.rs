//! `POST /goals/{goalId}/endorsements`: endorse a goal, or change your
//! endorsement.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{EndorsementInput, EndorsementOut};
use crate::accounts::auth::Auth;
use crate::db;
use crate::db::models::{Endorsement, Stakeholder};
use crate::db::schema::{endorsements, stakeholders};
use crate::domain::ReactionVisibility;
use crate::permissions::{goal_access, Viewer};
use crate::web::error::ApiError;
use crate::web::extract::{present, JsonBody};
use crate::web::http::created;
use crate::AppState;

/// Endorse a goal, or change your endorsement
///
/// Members of the network only; one endorsement per member per goal. The
/// first time answers 201, a change 200.
#[utoipa::path(
    tag = "Goals",
    params(("goalId" = i64, Path, description = "Goal id", minimum = 1)),
    request_body = EndorsementInput,
    responses(
        (status = 201, description = "Your endorsement was recorded.", body = EndorsementOut,
            headers(("Location" = String, description = "The goal's endorsements"))),
        (status = 200, description = "Your endorsement was changed.", body = EndorsementOut),
        (status = 403, description = "Only members of the network endorse its goals."),
        (status = 404, description = "No such goal, or its network is for members only."),
    ),
    security(("bearer" = [])),
)]
#[post("/goals/{goalId}/endorsements")]
pub async fn endorse_goal(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<EndorsementInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let goal_id = path.into_inner();
    let input = body.into_inner()?;
    let stance = present(input.stance, "stance")?;
    let comment = input.comment.unwrap_or_default().trim().to_string();
    let visibility = input.visibility.unwrap_or(ReactionVisibility::Members);
    let (out, is_new) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (_, access) = goal_access(conn, &viewer, goal_id)?;
        let me = access.endorser(&viewer)?;
        // An upsert: of many equal requests at once, one inserts and the
        // others (waiting on the key, on PostgreSQL) change what it wrote.
        let now = db::now();
        let inserted = db::on_each!(conn, c => diesel::insert_into(endorsements::table)
            .values((
                endorsements::goal_id.eq(goal_id),
                endorsements::stakeholder_id.eq(me),
                endorsements::stance.eq(stance.as_str()),
                endorsements::comment.eq(&comment),
                endorsements::visibility.eq(visibility.as_str()),
                endorsements::created_at.eq(now),
                endorsements::updated_at.eq(now),
            ))
            .on_conflict((endorsements::goal_id, endorsements::stakeholder_id))
            .do_nothing()
            .execute(c))?;
        if inserted == 0 {
            diesel::update(
                endorsements::table
                    .filter(endorsements::goal_id.eq(goal_id))
                    .filter(endorsements::stakeholder_id.eq(me)),
            )
            .set((
                endorsements::stance.eq(stance.as_str()),
                endorsements::comment.eq(&comment),
                endorsements::visibility.eq(visibility.as_str()),
                endorsements::updated_at.eq(now),
            ))
            .execute(conn)?;
        }
        let row: (Endorsement, Stakeholder) = endorsements::table
            .inner_join(stakeholders::table)
            .filter(endorsements::goal_id.eq(goal_id))
            .filter(endorsements::stakeholder_id.eq(me))
            .select((Endorsement::as_select(), Stakeholder::as_select()))
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::Internal("endorsement vanished".into()))?;
        // The writer is the viewer: they see their own name.
        Ok((EndorsementOut::new(row, true), inserted == 1))
    })
    .await?;
    if is_new {
        Ok(created(
            &req,
            &format!("/goals/{goal_id}/endorsements"),
            &out,
            None,
        ))
    } else {
        Ok(HttpResponse::Ok().json(out))
    }
}
