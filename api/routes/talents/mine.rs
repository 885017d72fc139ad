//! `GET /me/matches`: where my talents are wanted ("waar ben ik nodig").

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{MatchFilters, NeedOut, NeedPage};
use crate::accounts::auth::Auth;
use crate::db::models::Stakeholder;
use crate::db::schema::stakeholders;
use crate::domain::GoalStatus;
use crate::queries::matches;
use crate::routes::{list, rank_page};
use crate::web::error::ApiError;
use crate::AppState;

/// Where my talents are wanted
///
/// Open steps that need a talent you offer: in your own networks, and, when
/// you show your talents to the platform or to everyone, in public networks
/// (join one to offer help). Best first: the most of your talents, then
/// your own networks.
#[utoipa::path(
    tag = "Talents",
    params(MatchFilters),
    responses(
        (status = 200, description = "Open steps that need your talents.", body = NeedPage),
        (status = 401, description = "Sign in first."),
    ),
    security(("bearer" = [])),
)]
#[get("/me/matches")]
pub async fn list_my_matches(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    list::<MatchFilters, NeedPage>(&state, &req, auth, move |conn, viewer, _, page| {
        viewer.user()?;
        let Some(me) = viewer.stakeholder_id else {
            return Ok((Vec::new(), None));
        };
        let me: Stakeholder = stakeholders::table
            .find(me)
            .select(Stakeholder::as_select())
            .first(conn)?;
        let ranked = matches::for_person(conn, &me)?;
        let order: Vec<(i64, f64)> = ranked.iter().map(|r| (r.goal_id, r.score)).collect();
        let mut by_id: std::collections::HashMap<i64, matches::Ranked> =
            ranked.into_iter().map(|r| (r.goal_id, r)).collect();
        rank_page(
            &order,
            &page,
            |n: &NeedOut| n.goal_id,
            |ids| {
                let picked = ids.iter().filter_map(|i| by_id.remove(i)).collect();
                Ok(matches::needs(conn, me.id, picked)?
                    .into_iter()
                    .map(|n| NeedOut {
                        goal_id: n.goal.id,
                        parent_id: n.goal.parent_id,
                        title: n.goal.title,
                        status: GoalStatus::from_db(&n.goal.status),
                        network_id: n.goal.network_id,
                        network_name: n.network_name,
                        own_network: n.ranked.own_network,
                        matching_talents: n.ranked.talents,
                        offer: n.offer,
                    })
                    .collect())
            },
        )
    })
    .await
}
