//! `GET /map/municipalities/{code}`: one municipality's figures in detail,
//! for its page on the map and for municipal systems.

use actix_web::{get, web, HttpResponse};

use crate::domain::{GoalStatus, NetworkStatus, StakeholderKind};
use crate::maps::figures::of_municipality;
use crate::reference::municipality;
use crate::web::error::ApiError;
use crate::{db, AppState};

use super::types::{GoalsOfStatus, LocalNetwork, MembersOfKind, MunicipalityDetail};

/// One municipality's figures
///
/// The public local networks of a municipality (not closed), each with its
/// status; their memberships per kind of stakeholder and their goals and
/// steps per status, from the counts the database keeps with every
/// membership and goal. Networks for members only are not counted.
#[utoipa::path(
    tag = "Reference",
    params(("code" = String, Path, description = "CBS code (`GM0344`) or NIS code (`44021`)", example = "GM0344")),
    responses(
        (status = 200, description = "The municipality's figures.", body = MunicipalityDetail),
        (status = 404, description = "No municipality has this code."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/map/municipalities/{code}")]
pub async fn municipality_figures(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = path.into_inner();
    let place = municipality(&code).ok_or_else(|| ApiError::not_found("This municipality"))?;
    let detail = db::read(&state.pool, move |conn| of_municipality(conn, &code)).await?;
    let count = |part: &str, value: &str| {
        detail
            .counts
            .get(&(part.to_string(), value.to_string()))
            .copied()
            .unwrap_or(0)
    };
    let out = MunicipalityDetail {
        code: place.code.clone(),
        name: place.name.clone(),
        country: place.country,
        province_code: place.province_code.clone(),
        province_name: place.province_name.clone(),
        members_by_kind: StakeholderKind::ALL
            .iter()
            .map(|k| MembersOfKind {
                kind: *k,
                count: count("member", k.as_str()),
            })
            .collect(),
        goals_by_status: GoalStatus::ALL
            .iter()
            .map(|s| GoalsOfStatus {
                status: *s,
                count: count("goal", s.as_str()),
            })
            .collect(),
        networks: detail
            .networks
            .into_iter()
            .map(|(id, name, status)| LocalNetwork {
                id,
                name,
                status: NetworkStatus::from_db(&status),
            })
            .collect(),
    };
    Ok(HttpResponse::Ok().json(out))
}
