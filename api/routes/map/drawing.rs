//! `GET /map/municipalities.svg`: the map drawn by the server, shaded by
//! one measure, with every municipality a link to its networks.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::db;
use crate::domain::{MailLanguage, MapMeasure};
use crate::maps::figures::{by_municipality, Figures};
use crate::maps::svg::{draw, outlines, shade, Shaded};
use crate::web::error::ApiError;
use crate::web::extract::Query;
use crate::AppState;

use super::types::MapQuery;

/// The figure a measure reads, and its words (one, more).
fn measured(measure: MapMeasure, f: &Figures, nl: bool) -> (i64, &'static str, &'static str) {
    match (measure, nl) {
        (MapMeasure::ActiveNetworks, true) => {
            (f.active_networks, "actief netwerk", "actieve netwerken")
        }
        (MapMeasure::ActiveNetworks, false) => {
            (f.active_networks, "active network", "active networks")
        }
        (MapMeasure::GoalsAchieved, true) => (f.goals_achieved, "doel behaald", "doelen behaald"),
        (MapMeasure::GoalsAchieved, false) => (f.goals_achieved, "goal achieved", "goals achieved"),
        (MapMeasure::ExperienceExperts, true) => (
            f.experience_experts,
            "ervaringsdeskundige doet mee",
            "ervaringsdeskundigen doen mee",
        ),
        (MapMeasure::ExperienceExperts, false) => (
            f.experience_experts,
            "experience expert takes part",
            "experience experts take part",
        ),
    }
}

/// The map of municipalities as SVG
///
/// The Netherlands, Flanders and Brussels, each municipality shaded by
/// `measure` and a link to its networks, named with its figure (a keyboard
/// stop with an accessible name), the Dutch provinces outlined, and a
/// legend in words. Drawn from the project's own boundary files: it asks
/// nothing of another host. The same figures as a table:
/// `GET /map/municipalities`.
#[utoipa::path(
    tag = "Reference",
    params(MapQuery),
    responses((status = 200, description = "The map.", content_type = "image/svg+xml", body = String)),
    security((), ("bearer" = [])),
)]
#[get("/map/municipalities.svg")]
pub async fn map_drawing(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let mut query = Query::new(&req);
    let q: MapQuery = query.read();
    query.finish()?;
    let measure = q.measure.unwrap_or(MapMeasure::ActiveNetworks);
    let nl = q.lang != Some(MailLanguage::En);
    let article = q.article;
    let found = db::read(&state.pool, move |conn| by_municipality(conn, article)).await?;
    let mut shaded = Vec::new();
    let mut with = 0;
    for outline in &outlines().municipalities {
        let f = found.get(&outline.code).copied().unwrap_or_default();
        let (n, one, more) = measured(measure, &f, nl);
        if n > 0 {
            with += 1;
        }
        let words = if n == 1 { one } else { more };
        shaded.push(Shaded {
            outline,
            shade: shade(n),
            label: format!("{}: {n} {words}", outline.name),
            href: match article {
                Some(a) => format!("/?municipality={}&article={a}", outline.code),
                None => format!("/?municipality={}", outline.code),
            },
        });
    }
    let (_, one, more) = measured(measure, &Figures::default(), nl);
    let title = match (nl, article.and_then(crate::convention::article)) {
        (true, None) => format!("Kaart van de gemeenten: {more}"),
        (false, None) => format!("Map of the municipalities: {more}"),
        (true, Some(a)) => format!(
            "Kaart van de gemeenten: {more} aan artikel {} ({})",
            a.number, a.title_nl
        ),
        (false, Some(a)) => format!(
            "Map of the municipalities: {more} on article {} ({})",
            a.number, a.title_en
        ),
    };
    let description = if nl {
        format!("In {with} gemeenten in Nederland en Vlaanderen is er ten minste één. Elke gemeente is een link naar haar netwerken. Dezelfde cijfers staan in de tabel.")
    } else {
        format!("{with} municipalities in the Netherlands and Flanders have at least one. Each municipality links to its networks. The table has the same figures.")
    };
    let legend: Vec<(u8, String)> = [
        (0, "0"),
        (1, "1"),
        (2, "2–3"),
        (3, "4–7"),
        (4, if nl { "8 of meer" } else { "8 or more" }),
    ]
    .into_iter()
    .map(|(s, range)| (s, format!("{range} {}", if s == 1 { one } else { more })))
    .collect();
    let svg = draw(&title, &description, &shaded, &legend);
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"))
        .body(svg))
}
