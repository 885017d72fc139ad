//! `GET /networks`: list and search networks.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{NetworkFilters, NetworkOut, NetworkPage};
use crate::accounts::auth::Auth;
use crate::db::models::Network;
use crate::db::schema::{memberships, network_articles, network_topics, networks};
use crate::permissions::visible_networks;
use crate::reference::municipalities_of;
use crate::routes::{rank_page, synced_list};
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::{db, search, AppState};

/// List and search networks
///
/// Public networks, plus the members-only networks you belong to. Sorted by
/// id, or by relevance when `q` is given.
#[utoipa::path(
    tag = "Networks",
    params(NetworkFilters),
    responses((status = 200, description = "A page of networks.", body = NetworkPage)),
    security((), ("bearer" = [])),
)]
#[get("/networks")]
pub async fn list_networks(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let stats = state.search_stats.clone();
    synced_list::<_, NetworkPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let NetworkFilters {
            q,
            scope,
            municipality: municipality_code,
            province: province_code,
            topic,
            article,
            status,
            parent,
            member,
            updated_since,
            ..
        } = filters;
        // The province's local networks are found by their municipality.
        let province_places: Vec<String> = province_code
            .as_deref()
            .map(municipalities_of)
            .unwrap_or_default();
        let only_mine = member.is_some();
        if only_mine {
            viewer.user()?;
        }
        let ranked = match &q {
            Some(text) => Some(search::search(
                conn,
                &stats,
                search::documents::NETWORK,
                text,
            )?),
            None => None,
        };
        // The filtered query, built anew for each use (boxed queries are
        // consumed by loading) and for each backend's own connection: on
        // the shared connection type diesel writes a statement's whole SQL
        // text two or three times per run, also when it is kept prepared.
        macro_rules! filtered {
            () => {{
                // The viewer's networks as a subquery, not a list of ids: a
                // list makes diesel re-prepare the statement on every request
                // on SQLite.
                let mine = || {
                    memberships::table
                        .filter(memberships::stakeholder_id.eq(viewer.stakeholder_id.unwrap_or(0)))
                        .select(memberships::network_id)
                };
                let mut sql = networks::table
                    .select(Network::as_select())
                    .filter(visible_networks(viewer))
                    .into_boxed();
                if only_mine {
                    sql = sql.filter(networks::id.eq_any(mine()));
                }
                if let Some(s) = scope {
                    sql = sql.filter(networks::scope.eq(s.as_str()));
                }
                if let Some(code) = &municipality_code {
                    sql = sql.filter(networks::municipality_code.eq(code.clone()));
                }
                if let Some(code) = &province_code {
                    sql = sql.filter(
                        networks::province_code
                            .eq(code.clone())
                            .or(networks::municipality_code.eq_any(province_places.clone())),
                    );
                }
                if let Some(t) = &topic {
                    sql = sql.filter(
                        networks::id.eq_any(
                            network_topics::table
                                .filter(network_topics::topic.eq(t.clone()))
                                .select(network_topics::network_id),
                        ),
                    );
                }
                if let Some(a) = article {
                    // Tagged with it, or with a goal tagged with it: the
                    // rows the database keeps per article (migration 32).
                    sql = sql.filter(
                        networks::id.eq_any(
                            network_articles::table
                                .filter(network_articles::article.eq(crate::convention::number(a)))
                                .select(network_articles::network_id),
                        ),
                    );
                }
                if let Some(s) = status {
                    sql = sql.filter(networks::status.eq(s.as_str()));
                }
                if let Some(p) = parent {
                    sql = sql.filter(networks::parent_id.eq(p));
                }
                if let Some(t) = updated_since {
                    sql = sql.filter(networks::updated_at.ge(t.naive_utc()));
                }
                sql
            }};
        }
        let (rows, next) = match ranked {
            None => {
                let mut rows: Vec<Network> = db::on_each!(conn, c => filtered!()
                    .filter(networks::id.gt(page.after_id()))
                    .order(networks::id)
                    .limit(page.fetch_limit())
                    .load(c))?;
                let next = page.finish(&mut rows, |n| Cursor::Id(n.id));
                (rows, next)
            }
            Some(ranked) => rank_page(
                &ranked,
                &page,
                |n: &Network| n.id,
                |ids| {
                    Ok(db::on_each!(conn, c => filtered!()
                        .filter(db::in_ids(networks::id, &ids))
                        .load(c))?)
                },
            )?,
        };
        let ids: Vec<i64> = rows.iter().map(|n| n.id).collect();
        let roles = viewer.roles_in(conn, &ids)?;
        let items: Vec<NetworkOut> = rows
            .into_iter()
            .map(|n| {
                let role = roles.get(&n.id).copied();
                NetworkOut::new(n, role)
            })
            .collect();
        Ok((items, next))
    })
    .await
}
