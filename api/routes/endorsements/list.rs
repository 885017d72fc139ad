//! `GET /goals/{goalId}/endorsements`: the reactions to a goal the viewer
//! may see.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{EndorsementFilters, EndorsementOut, EndorsementPage};
use crate::accounts::auth::Auth;
use crate::db::models::{Endorsement, Stakeholder};
use crate::db::schema::{endorsements, stakeholders};
use crate::domain::ReactionVisibility;
use crate::permissions::goal_access;
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

/// List a goal's endorsements
///
/// Members see every reaction and who wrote it. Others see only the
/// reactions their writers made public, with the writer's name when they
/// agreed to be listed.
#[utoipa::path(
    tag = "Goals",
    params(("goalId" = i64, Path, description = "Goal id", minimum = 1), EndorsementFilters),
    responses(
        (status = 200, description = "A page of endorsements.", body = EndorsementPage),
        (status = 404, description = "No such goal, or its network is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/goals/{goalId}/endorsements")]
pub async fn list_endorsements(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let goal_id = path.into_inner();
    list::<_, EndorsementPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let EndorsementFilters {
            stance,
            updated_since,
            ..
        } = filters;
        let (_, access) = goal_access(conn, viewer, goal_id)?;
        let insider = access.is_insider();
        let mut sql = endorsements::table
            .inner_join(stakeholders::table)
            .filter(endorsements::goal_id.eq(goal_id))
            .filter(endorsements::stakeholder_id.gt(page.after_id()))
            .select((Endorsement::as_select(), Stakeholder::as_select()))
            .into_boxed();
        if !insider {
            sql = sql.filter(endorsements::visibility.eq(ReactionVisibility::Public.as_str()));
        }
        if let Some(s) = stance {
            sql = sql.filter(endorsements::stance.eq(s.as_str()));
        }
        if let Some(t) = updated_since {
            sql = sql.filter(endorsements::updated_at.ge(t.naive_utc()));
        }
        let mut rows: Vec<(Endorsement, Stakeholder)> = sql
            .order(endorsements::stakeholder_id)
            .limit(page.fetch_limit())
            .load(conn)?;
        let next = page.finish(&mut rows, |(e, _)| Cursor::Id(e.stakeholder_id));
        let items: Vec<EndorsementOut> = rows
            .into_iter()
            .map(|row| EndorsementOut::new(row, insider))
            .collect();
        Ok((items, next))
    })
    .await
}
