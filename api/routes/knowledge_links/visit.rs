//! `GET /knowledge-links/{linkId}/visit`: open a link, counting the click.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, Utc};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::schema::knowledge_links;
use crate::db::{self, DbConn};
use crate::permissions::{link_access, Viewer};
use crate::web::error::ApiError;
use crate::AppState;

/// User agents that say they are a crawler, a link preview or another bot:
/// their visits are not counted.
const CRAWLERS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "facebookexternalhit",
    "preview",
];

fn is_crawler(agent: &str) -> bool {
    let agent = agent.to_ascii_lowercase();
    CRAWLERS.iter().any(|c| agent.contains(c))
}

/// A visitor of a link on a day, as a keyed hash of their address, user
/// agent, the link and the day, keyed with the server's secret: the row
/// kept says nothing about who without that secret, and is deleted once the
/// day is over (`count_visit`).
fn visitor(secret: &[u8], address: &str, agent: &str, link: i64, day: NaiveDate) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    let (link, day) = (link.to_string(), day.to_string());
    for part in [
        b"themanet knowledge link visit".as_slice(),
        secret,
        address.as_bytes(),
        agent.as_bytes(),
        link.as_bytes(),
        day.as_bytes(),
    ] {
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(part);
    }
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Notes a visit; true when it is this visitor's first of this link today.
/// The visits of earlier days are deleted first.
fn count_visit(conn: &mut DbConn, link: i64, who: &str, day: NaiveDate) -> Result<bool, ApiError> {
    use crate::db::schema::knowledge_link_visits as visits;
    diesel::delete(visits::table.filter(visits::day.lt(day))).execute(conn)?;
    // ON CONFLICT exists on each backend's own connection only.
    let added = db::on_each!(conn, c => diesel::insert_into(visits::table)
        .values((visits::link_id.eq(link), visits::visitor.eq(who), visits::day.eq(day)))
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(added == 1)
}

/// Open a knowledge link
///
/// Counts the click, once per visitor a day (crawlers not at all), and
/// redirects to the link's address.
#[utoipa::path(
    tag = "Knowledge links",
    params(("linkId" = i64, Path, description = "Link id", minimum = 1)),
    responses(
        (status = 302, description = "Redirect to the link's address.", headers(("Location" = String, description = "The link's address"))),
        (status = 404, description = "No such link, or its network is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/knowledge-links/{linkId}/visit")]
pub async fn visit_knowledge_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let agent = req
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let day = Utc::now().date_naive();
    let who = (!is_crawler(agent)).then(|| {
        let address = crate::web::http::client_address(&req);
        visitor(&state.config.jwt_secret, &address, agent, id, day)
    });
    let url = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let link = link_access(conn, &viewer, id)?;
        if let Some(who) = who {
            if count_visit(conn, id, &who, day)? {
                diesel::update(knowledge_links::table.find(id))
                    .set(knowledge_links::clicks.eq(knowledge_links::clicks + 1))
                    .execute(conn)?;
            }
        }
        Ok(link.url)
    })
    .await?;
    Ok(HttpResponse::Found()
        .insert_header((header::LOCATION, url))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}
