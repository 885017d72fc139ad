//! `GET /goals/{goalId}/matches`: the matchcentrum of a step, for its core
//! group.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::types::{MatchOut, MatchPage};
use crate::accounts::auth::Auth;
use crate::permissions::{goal_access, may_match};
use crate::queries::matches;
use crate::routes::stakeholders::AvailabilityOut;
use crate::routes::{list, rank_page};
use crate::web::error::ApiError;
use crate::AppState;

/// Who could help on a step
///
/// The members who offer a talent the step needs, best first: the most
/// needed talents, then living in the network's municipality or province,
/// then the most time, then the fewest open steps carried already. Each
/// says why. Only as far as each person shows their talents to the
/// network. For the core group and coordinators.
#[utoipa::path(
    tag = "Talents",
    params(("goalId" = i64, Path, description = "Goal id", minimum = 1), super::types::MatchFilters),
    responses(
        (status = 200, description = "Members who match, best first.", body = MatchPage),
        (status = 403, description = "Only the core group and coordinators see the matches."),
        (status = 404, description = "No such goal, or its network is for members only."),
    ),
    security(("bearer" = [])),
)]
#[get("/goals/{goalId}/matches")]
pub async fn list_step_matches(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    list::<super::types::MatchFilters, MatchPage>(
        &state,
        &req,
        auth,
        move |conn, viewer, _, page| {
            let (goal, access) = goal_access(conn, viewer, id)?;
            may_match(&access)?;
            let found =
                matches::for_step(conn, viewer, &goal, &access.network, access.is_member())?;
            let ranked: Vec<(i64, f64)> = found.iter().map(|m| (m.person.id, m.score)).collect();
            let mut by_id: std::collections::HashMap<i64, matches::PersonMatch> =
                found.into_iter().map(|m| (m.person.id, m)).collect();
            rank_page(
                &ranked,
                &page,
                |m: &MatchOut| m.stakeholder_id,
                |ids| {
                    Ok(ids
                        .into_iter()
                        .filter_map(|i| by_id.remove(&i))
                        .map(|m| MatchOut {
                            stakeholder_id: m.person.id,
                            name: m.person.name,
                            matching_talents: m.talents,
                            same_municipality: m.same_municipality,
                            same_province: m.same_province,
                            availability: AvailabilityOut::of(m.availability.0, m.availability.1),
                            carried_steps: m.carried,
                            offer: m.offer,
                        })
                        .collect())
                },
            )
        },
    )
    .await
}
