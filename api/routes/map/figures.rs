//! `GET /map/municipalities`: the figures of every municipality, for the
//! map's table and for municipal systems.

use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::db;
use crate::maps::figures::{by_municipality, Figures};
use crate::reference::municipalities;
use crate::web::error::ApiError;
use crate::web::extract::Query;
use crate::AppState;

use super::types::{FiguresQuery, MapFigures, MunicipalityFigures};

/// The figures per municipality
///
/// Every municipality of the Netherlands, Flanders and Brussels, with the
/// public local networks there (not closed, and active), their members,
/// the experience experts among them, and the goals achieved. Networks for
/// members only are not counted. One answer, sorted by code. With
/// `article`, only the networks that work on that article of the UN
/// Convention.
#[utoipa::path(
    tag = "Reference",
    params(FiguresQuery),
    responses((status = 200, description = "Every municipality with its figures.", body = MapFigures)),
    security((), ("bearer" = [])),
)]
#[get("/map/municipalities")]
pub async fn map_figures(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let mut query = Query::new(&req);
    let q: FiguresQuery = query.read();
    query.finish()?;
    let found = db::read(&state.pool, move |conn| by_municipality(conn, q.article)).await?;
    Ok(HttpResponse::Ok().json(figures_of_all(&found)))
}

/// Every municipality with its figures (zero where nothing is counted).
pub fn figures_of_all(found: &std::collections::HashMap<String, Figures>) -> MapFigures {
    let items: Vec<MunicipalityFigures> = municipalities()
        .iter()
        .map(|m| {
            let f = found.get(&m.code).copied().unwrap_or_default();
            MunicipalityFigures {
                code: m.code.clone(),
                name: m.name.clone(),
                country: m.country,
                province_code: m.province_code.clone(),
                province_name: m.province_name.clone(),
                networks: f.networks,
                active_networks: f.active_networks,
                members: f.members,
                experience_experts: f.experience_experts,
                goals_achieved: f.goals_achieved,
            }
        })
        .collect();
    MapFigures {
        municipalities_with_active_network: items.iter().filter(|m| m.active_networks > 0).count()
            as i64,
        active_networks: items.iter().map(|m| m.active_networks).sum(),
        experience_experts: items.iter().map(|m| m.experience_experts).sum(),
        goals_achieved: items.iter().map(|m| m.goals_achieved).sum(),
        items,
    }
}
