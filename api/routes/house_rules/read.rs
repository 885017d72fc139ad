//! `GET /networks/{networkId}/house-rules` and its versions.

use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;

use super::types::{HouseRulesList, HouseRulesOut};
use crate::accounts::auth::Auth;
use crate::db::models::{HouseRules, Stakeholder};
use crate::db::schema::{house_rule_acceptances, house_rules, stakeholders};
use crate::db::{self, DbConn};
use crate::permissions::{may_see_message_author, network_access, NetworkAccess, Viewer};
use crate::queries;
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::web::http::{etag, utc};
use crate::AppState;

/// A network's house rules
///
/// The current version, its number, and who changed it when. Whoever may
/// see the network reads them; members see whether they accepted them.
#[utoipa::path(
    tag = "House rules",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    responses(
        (status = 200, description = "The current house rules.", body = HouseRulesOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/house-rules")]
pub async fn get_house_rules(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    read_row(&state, auth, move |conn, viewer| {
        let access = network_access(conn, viewer, network_id)?;
        current(conn, viewer, &access)
    })
    .await
}

/// Earlier house rules
///
/// Every version of a network's house rules, newest first: old versions
/// are kept.
#[utoipa::path(
    tag = "House rules",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    responses(
        (status = 200, description = "Every version.", body = HouseRulesList),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/house-rules/versions")]
pub async fn list_house_rule_versions(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    let items = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        let mut rows: Vec<HouseRules> = house_rules::table
            .filter(house_rules::network_id.eq(network_id))
            .order(house_rules::version.desc())
            .select(HouseRules::as_select())
            .load(conn)?;
        if rows.is_empty() {
            rows.push(queries::house_rules::current(conn, network_id)?);
        }
        let latest = rows.first().map(|r| r.version).unwrap_or(0);
        present(conn, &viewer, &access, rows, latest)
    })
    .await?;
    Ok(HttpResponse::Ok().json(HouseRulesList { items }))
}

/// The current rules as the viewer sees them, with their ETag.
pub fn current(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &NetworkAccess,
) -> Result<(HouseRulesOut, String), ApiError> {
    let network_id = access.network.id;
    let row = queries::house_rules::current(conn, network_id)?;
    let version = row.version;
    let out = present(conn, viewer, access, vec![row], version)?
        .pop()
        .ok_or_else(|| ApiError::Internal("house rules vanished".into()))?;
    Ok((out, etag("house-rules", network_id, version)))
}

fn present(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &NetworkAccess,
    rows: Vec<HouseRules>,
    latest: i64,
) -> Result<Vec<HouseRulesOut>, ApiError> {
    let network_id = access.network.id;
    let accepted: Vec<i64> = match (viewer.stakeholder_id, access.is_member()) {
        (Some(me), true) => house_rule_acceptances::table
            .filter(house_rule_acceptances::network_id.eq(network_id))
            .filter(house_rule_acceptances::stakeholder_id.eq(me))
            .select(house_rule_acceptances::version)
            .load(conn)?,
        _ => Vec::new(),
    };
    let writers: Vec<i64> = rows.iter().filter_map(|r| r.changed_by).collect();
    let writers: Vec<Stakeholder> = stakeholders::table
        .filter(db::in_ids(stakeholders::id, &writers))
        .select(Stakeholder::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| HouseRulesOut {
            network_id,
            version: r.version,
            body_html: crate::markdown::render(&r.body),
            body: r.body,
            changed_by_name: writers
                .iter()
                .find(|s| Some(s.id) == r.changed_by)
                .filter(|s| may_see_message_author(access.is_insider(), s))
                .map(|s| s.name.clone()),
            changed_at: utc(r.created_at),
            current: r.version == latest,
            accepted_by_me: access.is_member().then(|| accepted.contains(&r.version)),
        })
        .collect())
}
