//! `GET /networks/{networkId}/report`: a network's progress over a period,
//! as JSON, for municipal systems and the web.

use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db;
use crate::permissions::Viewer;
use crate::web::error::ApiError;
use crate::web::extract::Query;
use crate::AppState;

use super::gather::gather;
use super::types::{NetworkReport, ReportPeriod, ReportQuery};

/// A network's progress report
///
/// For a period (default: this calendar year up to today): the goals and
/// steps with their status and dates, and which were achieved in the
/// period; the meetings held, with the places taken, and how many were
/// cancelled; who takes part, counted by kind and role (never who); the
/// questions raised by and to the network; and the figures that sum it
/// up. What you may see of the network: members-only meetings and
/// questions only for those who may see them. The same report as CSV:
/// `report.csv`; as a printable page: `report.html`.
#[utoipa::path(
    tag = "Reports",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), ReportQuery),
    responses(
        (status = 200, description = "The report.", body = NetworkReport),
        (status = 400, description = "A date that is not one, `from` after `to`, or a period over five years; every such parameter named."),
        (status = 404, description = "No such network, or you may not see it."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/report")]
pub async fn get_report(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let mut query = Query::new(&req);
    let q: ReportQuery = query.read();
    let period = ReportPeriod::read(&mut query, q.from, q.to);
    query.finish()?;
    let report = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        gather(conn, &viewer, id, period)
    })
    .await?;
    Ok(HttpResponse::Ok().json(report))
}
