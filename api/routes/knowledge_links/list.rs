//! `GET /knowledge-links`: list and search knowledge links.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::dsl::exists;
use diesel::prelude::*;

use super::read::present;
use super::types::{KnowledgeLinkFilters, KnowledgeLinkPage, Place};
use crate::accounts::auth::Auth;
use crate::db::models::KnowledgeLink;
use crate::db::schema::{knowledge_link_audiences, knowledge_link_topics, knowledge_links};
use crate::domain::Audience;
use crate::permissions::visible_links;
use crate::routes::{rank_page, synced_list};
use crate::web::error::ApiError;
use crate::web::pagination::{base_url, Cursor};
use crate::{db, search, AppState};

/// List and search knowledge links
///
/// The platform-wide start page and the links of networks you may see.
#[utoipa::path(
    tag = "Knowledge links",
    params(KnowledgeLinkFilters),
    responses((status = 200, description = "A page of links.", body = KnowledgeLinkPage)),
    security((), ("bearer" = [])),
)]
#[get("/knowledge-links")]
pub async fn list_knowledge_links(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let base = base_url(&req);
    let stats = state.search_stats.clone();
    synced_list::<_, KnowledgeLinkPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let KnowledgeLinkFilters {
            q,
            audience,
            topic,
            article,
            network,
            language,
            updated_since,
            ..
        } = filters;
        let language = language.map(|l| l.to_lowercase());
        // Applies the filters to a boxed query over the links (alone, or
        // joined to the tag table that drives the walk; `$driven` names the
        // tag filter that join already applies). Tags and the network's
        // visibility (`visible_links`) are correlated EXISTS probes on
        // primary keys, so the database walks the links (or one tag's index)
        // in id order and stops when the page is full, instead of first
        // collecting every public network and every link of the audience.
        macro_rules! filters {
            ($links:expr, $driven:expr) => {{
                let mut links = $links;
                let driven: Option<&str> = $driven;
                links = links.filter(visible_links(viewer));
                // A link for everyone is for every audience too.
                if let Some(a) = audience {
                    let tag = diesel::alias!(knowledge_link_audiences as audience_tag);
                    let audience = tag.field(knowledge_link_audiences::audience);
                    links = links.filter(exists(
                        tag.filter(
                            tag.field(knowledge_link_audiences::link_id)
                                .eq(knowledge_links::id),
                        )
                        .filter(
                            audience
                                .eq(a.as_str())
                                .or(audience.eq(Audience::Everyone.as_str())),
                        ),
                    ));
                }
                if let Some(t) = topic.as_ref().filter(|_| driven != Some("topic")) {
                    let tag = diesel::alias!(knowledge_link_topics as topic_tag);
                    links = links.filter(exists(
                        tag.filter(
                            tag.field(knowledge_link_topics::link_id)
                                .eq(knowledge_links::id),
                        )
                        .filter(tag.field(knowledge_link_topics::topic).eq(t.clone())),
                    ));
                }
                match network {
                    Some(Place::StartPage) => {
                        links = links.filter(knowledge_links::network_id.is_null())
                    }
                    Some(Place::Network(id)) => {
                        links = links.filter(knowledge_links::network_id.eq(id))
                    }
                    None => {}
                }
                if let Some(a) = article {
                    links =
                        links.filter(knowledge_links::articles.like(crate::convention::pattern(a)));
                }
                if let Some(l) = &language {
                    links = links.filter(knowledge_links::language.eq(l.clone()));
                }
                if let Some(t) = updated_since {
                    links = links.filter(knowledge_links::updated_at.ge(t.naive_utc()));
                }
                links
            }};
        }
        let (rows, next) = match q {
            None => {
                // With a topic the walk follows that tag's index, so it
                // reads only links that carry it. An audience (with the
                // links for everyone, a large share of all) is probed per
                // link instead: one tag's index would give a link twice.
                let (after, limit) = (page.after_id(), page.fetch_limit());
                let mut rows: Vec<KnowledgeLink> = if let Some(t) = &topic {
                    db::on_each!(conn, c => filters!(
                        knowledge_link_topics::table
                            .inner_join(knowledge_links::table)
                            .filter(knowledge_link_topics::topic.eq(t.clone()))
                            .select(KnowledgeLink::as_select())
                            .into_boxed(),
                        Some("topic")
                    )
                    .filter(knowledge_link_topics::link_id.gt(after))
                    .order(knowledge_link_topics::link_id)
                    .limit(limit)
                    .load(c))?
                } else {
                    db::on_each!(conn, c => filters!(
                        knowledge_links::table
                            .select(KnowledgeLink::as_select())
                            .into_boxed(),
                        None
                    )
                    .filter(knowledge_links::id.gt(after))
                    .order(knowledge_links::id)
                    .limit(limit)
                    .load(c))?
                };
                let next = page.finish(&mut rows, |l| Cursor::Id(l.id));
                (rows, next)
            }
            Some(text) => {
                let ranked =
                    search::search(conn, &stats, search::documents::KNOWLEDGE_LINK, &text)?;
                rank_page(
                    &ranked,
                    &page,
                    |l: &KnowledgeLink| l.id,
                    |ids| {
                        Ok(db::on_each!(conn, c => filters!(
                            knowledge_links::table
                                .select(KnowledgeLink::as_select())
                                .into_boxed(),
                            None
                        )
                        .filter(db::in_ids(knowledge_links::id, &ids))
                        .load(c))?)
                    },
                )?
            }
        };
        Ok((present(conn, &base, viewer, rows)?, next))
    })
    .await
}
