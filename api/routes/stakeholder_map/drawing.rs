//! `GET /networks/{networkId}/stakeholder-map.svg`: the stakeholder map
//! drawn, to show beside its table and to download for a report.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};

use super::read::load;
use super::types::{DrawingQuery, StakeholderMapOut};
use super::words;
use crate::accounts::auth::Auth;
use crate::domain::{MailLanguage, Role, StakeholderKind};
use crate::maps::rings::{draw, Cell, Rings};
use crate::web::error::ApiError;
use crate::web::extract::Query;
use crate::{db, AppState};

/// The ring a role sits in: the core group inside, partners outside.
fn ring(role: Role) -> usize {
    match role {
        Role::Coordinator | Role::CoreGroup => 0,
        Role::Member => 1,
        Role::Partner => 2,
    }
}

/// The cells of the drawing: every ring and kind, with its members and its
/// open seats.
fn cells(map: &StakeholderMapOut, nl: bool) -> Vec<Cell> {
    let rings = words::rings(nl);
    let mut out = Vec::new();
    for (r, ring_name) in rings.iter().enumerate() {
        for (sector, kind) in StakeholderKind::ALL.iter().enumerate() {
            let here = map
                .places
                .iter()
                .filter(|p| p.kind == *kind && ring(p.role) == r);
            let count: i64 = here.clone().map(|p| p.count).sum();
            let names: Vec<&str> = here
                .flat_map(|p| p.named.iter().map(|n| n.name.as_str()))
                .collect();
            let mut label = format!("{ring_name}, {}: {count}", words::kind_plural(*kind, nl));
            if !names.is_empty() {
                label.push_str(&format!(" ({})", names.join(", ")));
            }
            let open = if nl { "Open plek" } else { "Open seat" };
            let seats = map
                .open_seats
                .iter()
                .filter(|s| s.kind == *kind && ring(s.role) == r)
                .map(|s| format!("{open}: {}", s.description))
                .collect();
            out.push(Cell {
                ring: r,
                sector,
                count,
                label,
                seats,
            });
        }
    }
    out
}

/// A network's stakeholder map as SVG
///
/// Three rings (core group inside, members, partners outside) in eight
/// sectors, one per kind; each cell shaded and marked with how many sit
/// there and named in words; open seats as dashed circles; the balance
/// warning on top. The same facts as `GET
/// /networks/{networkId}/stakeholder-map`. `download=true` sends it as a
/// file for a report.
#[utoipa::path(
    tag = "Networks",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), DrawingQuery),
    responses(
        (status = 200, description = "The drawing.", content_type = "image/svg+xml", body = String),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/stakeholder-map.svg")]
pub async fn stakeholder_map_drawing(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    let mut query = Query::new(&req);
    let q: DrawingQuery = query.read();
    query.finish()?;
    let nl = q.lang != Some(MailLanguage::En);
    let map = db::read(&state.pool, move |conn| load(conn, auth, network_id)).await?;
    let title = if nl {
        format!("Wie zit aan tafel bij {}?", map.network_name)
    } else {
        format!("Who is at the table of {}?", map.network_name)
    };
    let description = if nl {
        format!(
            "{} leden, van wie {} in de kerngroep. {} ervaringsdeskundigen, van wie {} in de kerngroep. {} open plekken. Dezelfde gegevens staan in de tabel.",
            map.members, map.core_group, map.experience_experts, map.experience_experts_in_core_group, map.open_seats.len()
        )
    } else {
        format!(
            "{} members, {} of them in the core group. {} experience experts, {} of them in the core group. {} open seats. The table has the same facts.",
            map.members, map.core_group, map.experience_experts, map.experience_experts_in_core_group, map.open_seats.len()
        )
    };
    let centre = if nl {
        format!("{} leden", map.members)
    } else {
        format!("{} members", map.members)
    };
    let svg = draw(&Rings {
        title: &title,
        description: &description,
        sectors: StakeholderKind::ALL
            .iter()
            .map(|k| words::kind_plural(*k, nl))
            .collect(),
        centre: &centre,
        cells: cells(&map, nl),
        warnings: map.signals.iter().map(|s| words::signal(*s, nl)).collect(),
        legend: words::legend(nl),
    });
    let mut answer = HttpResponse::Ok();
    answer.insert_header((header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"));
    if q.download == Some(true) {
        answer.insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"stakeholdersmap-{network_id}.svg\""),
        ));
    }
    Ok(answer.body(svg))
}
