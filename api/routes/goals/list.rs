//! `GET /networks/{networkId}/goals`: a network's goals and steps, flat.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{GoalFilters, GoalOut, GoalPage};
use crate::accounts::auth::Auth;
use crate::db::models::Goal;
use crate::db::schema::goals;
use crate::permissions::network_access;
use crate::queries;
use crate::routes::synced_list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

/// List a network's goals
///
/// Every goal and step, flat; build the tree with `parentId` and `position`.
#[utoipa::path(
    tag = "Goals",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), GoalFilters),
    responses(
        (status = 200, description = "A page of goals.", body = GoalPage),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/goals")]
pub async fn list_goals(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    synced_list::<_, GoalPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let GoalFilters {
            parent_id,
            top_level,
            status,
            article,
            updated_since,
            ..
        } = filters;
        network_access(conn, viewer, network_id)?;
        let mut sql = goals::table
            .filter(goals::network_id.eq(network_id))
            .filter(goals::id.gt(page.after_id()))
            .select(Goal::as_select())
            .into_boxed();
        if let Some(p) = parent_id {
            sql = sql.filter(goals::parent_id.eq(p));
        }
        if top_level == Some(true) {
            sql = sql.filter(goals::parent_id.is_null());
        } else if top_level == Some(false) {
            sql = sql.filter(goals::parent_id.is_not_null());
        }
        if let Some(s) = status {
            sql = sql.filter(goals::status.eq(s.as_str()));
        }
        if let Some(a) = article {
            sql = sql.filter(goals::articles.like(crate::convention::pattern(a)));
        }
        if let Some(t) = updated_since {
            sql = sql.filter(goals::updated_at.ge(t.naive_utc()));
        }
        let mut rows: Vec<Goal> = sql.order(goals::id).limit(page.fetch_limit()).load(conn)?;
        let next = page.finish(&mut rows, |g| Cursor::Id(g.id));
        let items: Vec<GoalOut> = queries::goals::counted(conn, rows)?
            .into_iter()
            .map(GoalOut::from)
            .collect();
        Ok((items, next))
    })
    .await
}
