//! The knowledge platform: a start page of links for experience experts,
//! municipalities, employers and professionals, platform-wide or per network.
//! Clicks go through `visit`, which counts them ("doorclicks").

use std::collections::HashMap;
use std::net::IpAddr;

use actix_web::http::header;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::dsl::exists;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::accounts::auth::Auth;
use crate::db::models::{KnowledgeLink, KnowledgeLinkValues};
use crate::db::schema::{knowledge_link_audiences, knowledge_link_topics, knowledge_links};
use crate::db::versioned::{self, Precondition};
use crate::db::{self, queries, DbConn};
use crate::domain::{Audience, Role, LANGUAGES};
use crate::permissions::{network_access, visible_links, Viewer};
use crate::routes::{check_topics, clean_tags, rank_page, validate_tag_list};
use crate::web::error::ensure_valid;
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::{merge, merge_opt};
use crate::web::extract::{nullable, Body, JsonBody, Query};
use crate::web::http::{created, etag, ok_with_etag, utc};
use crate::web::pagination::{base_url, Cursor, PageLinks, PageRequest};
use crate::{page_type, search, AppState};

/// A link on the knowledge platform.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct KnowledgeLinkOut {
    pub id: i64,
    /// Where the link points (http or https).
    #[schema(format = "uri")]
    pub url: String,
    /// Follow this to open the link: it counts the click.
    #[schema(format = "uri")]
    pub visit_url: String,
    pub title: String,
    pub summary: String,
    /// Language of the linked page (ISO 639-1).
    pub language: String,
    pub audiences: Vec<Audience>,
    /// Topic slugs (see `/topics`).
    pub topics: Vec<String>,
    /// The network this link belongs to; none for the platform-wide start page.
    pub network_id: Option<i64>,
    /// How many visitors followed the link: each visitor counts once a day,
    /// crawlers not at all.
    pub clicks: i64,
    /// Whether you may change this link.
    pub can_edit: bool,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(
    KnowledgeLinkPage,
    KnowledgeLinkOut,
    "A page of knowledge links."
);

/// A link as sent to add one (POST: `url` and `title` required) or to change
/// one (PATCH: JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KnowledgeLinkInput {
    /// An http or https address of a public site.
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(format = "uri", max_length = 2000, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub url: Option<Option<String>>,
    #[validate(length(min = 3, max = 200, message = "must have 3 to 200 characters"))]
    #[schema(min_length = 3, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub title: Option<Option<String>>,
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(max_length = 2000)]
    #[serde(default, deserialize_with = "nullable")]
    pub summary: Option<Option<String>>,
    /// Default `nl`.
    #[schema(nullable = false, example = "nl")]
    #[serde(default, deserialize_with = "nullable")]
    pub language: Option<Option<String>>,
    /// Default `everyone`.
    #[schema(max_items = 5, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub audiences: Option<Option<Vec<Audience>>>,
    #[validate(custom(function = "validate_tag_list"))]
    #[schema(max_items = 20, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub topics: Option<Option<Vec<String>>>,
    /// The network the link belongs to; leave out for the platform-wide
    /// start page (platform admins only).
    #[validate(range(min = 1, message = "must be a network id"))]
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "nullable")]
    pub network_id: Option<Option<i64>>,
}

impl Body for KnowledgeLinkInput {
    const REQUIRED: &'static [&'static str] = &["url", "title"];
}

/// Accepts only http(s) addresses of public hosts.
/// Why an address that does not lead to a public site is refused.
const NOT_PUBLIC: &str = "must point to a public site";

pub fn check_url(raw: &str) -> Result<String, &'static str> {
    let url = url::Url::parse(raw.trim())
        .map_err(|_| "must be a full web address, such as https://example.org/page")?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("must start with http:// or https://");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("may not contain a user name or password");
    }
    let host = match url.host() {
        None => return Err("must name a host"),
        Some(url::Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            if d == "localhost"
                || d.ends_with(".localhost")
                || d.ends_with(".local")
                || d.ends_with(".internal")
                || !d.contains('.')
            {
                return Err(NOT_PUBLIC);
            }
            None
        }
        Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
    };
    if let Some(ip) = host {
        let private = match ip {
            IpAddr::V4(v4) => {
                v4.is_private()
                    || v4.is_loopback()
                    || v4.is_link_local()
                    || v4.is_unspecified()
                    || v4.is_broadcast()
                    || v4.octets()[0] == 0
            }
            IpAddr::V6(v6) => {
                v6.is_loopback()
                    || v6.is_unspecified()
                    || (v6.segments()[0] & 0xfe00) == 0xfc00
                    || (v6.segments()[0] & 0xffc0) == 0xfe80
            }
        };
        if private {
            return Err(NOT_PUBLIC);
        }
    }
    Ok(url.to_string())
}

impl KnowledgeLinkInput {
    fn apply(
        self,
        v: &mut KnowledgeLinkValues,
        audiences: &mut Vec<Audience>,
        topics: &mut Vec<String>,
        errors: &mut Vec<InvalidParam>,
    ) {
        let mut url = None;
        merge(&mut url, self.url.map(|u| u.map(Some)), "url", errors);
        if let Some(raw) = url {
            match check_url(&raw) {
                Ok(u) => v.url = u,
                Err(reason) => {
                    errors.push(InvalidParam::new("url", Code::Format, reason).expected(
                        if reason == NOT_PUBLIC {
                            "publicUrl"
                        } else {
                            "url"
                        },
                    ))
                }
            }
        }
        merge(
            &mut v.title,
            self.title.map(|t| t.map(|s| s.trim().to_string())),
            "title",
            errors,
        );
        if let Some(s) = self.summary {
            v.summary = s.unwrap_or_default().trim().to_string();
        }
        merge(
            &mut v.language,
            self.language.map(|l| l.map(|s| s.trim().to_lowercase())),
            "language",
            errors,
        );
        if !LANGUAGES.contains(&v.language.as_str()) {
            errors.push(
                InvalidParam::new(
                    "language",
                    Code::Enum,
                    format!("must be one of {}", LANGUAGES.join(", ")),
                )
                .allowed(LANGUAGES.iter()),
            );
        }
        if let Some(a) = self.audiences {
            let mut list = a.unwrap_or_default();
            list.sort();
            list.dedup();
            if list.is_empty() {
                errors.push(
                    InvalidParam::new("audiences", Code::Required, "needs at least one audience")
                        .expected("audience"),
                );
            }
            *audiences = list;
        }
        if let Some(t) = self.topics {
            *topics = clean_tags(t.unwrap_or_default());
        }
        merge_opt(&mut v.network_id, self.network_id);
    }
}

/// May the viewer change this link? The network's core group and
/// coordinators, whoever added it while still a member, and admins.
fn may_edit(conn: &mut DbConn, viewer: &Viewer, link: &KnowledgeLink) -> Result<bool, ApiError> {
    let role = match link.network_id {
        Some(network_id) => viewer.role_in(conn, network_id)?,
        None => None,
    };
    Ok(may_edit_with(viewer, link, role))
}

/// The rule of [`may_edit`], given the viewer's role in the link's network.
fn may_edit_with(viewer: &Viewer, link: &KnowledgeLink, role: Option<Role>) -> bool {
    viewer.is_admin
        || role.is_some_and(Role::is_core)
        || (role.is_some() && link.added_by.is_some() && link.added_by == viewer.user_id)
}

/// Who may add a link to this place: members to their network, admins to
/// the platform-wide start page.
fn may_add(conn: &mut DbConn, viewer: &Viewer, network_id: Option<i64>) -> Result<(), ApiError> {
    match network_id {
        None if viewer.is_admin => Ok(()),
        None => Err(ApiError::Forbidden(
            "Only platform admins add links to the platform-wide start page; add it to one of your networks (networkId).".into(),
        )),
        Some(id) => match network_access(conn, viewer, id) {
            Ok(access) => access.ensure_member(),
            Err(_) => Err(ApiError::ConflictingFields(vec![InvalidParam::conflict(
                "networkId",
                Code::Reference,
                "is not a network you can see",
            ).expected("network")])),
        },
    }
}

fn present(
    conn: &mut DbConn,
    req_base: &str,
    viewer: &Viewer,
    rows: Vec<KnowledgeLink>,
) -> Result<Vec<KnowledgeLinkOut>, ApiError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    // The viewer's roles in the networks of these links, in one query.
    let roles: HashMap<i64, Role> = match viewer.stakeholder_id {
        None => HashMap::new(),
        Some(me) => {
            let networks: Vec<i64> = rows.iter().filter_map(|l| l.network_id).collect();
            crate::db::schema::memberships::table
                .filter(crate::db::schema::memberships::stakeholder_id.eq(me))
                .filter(crate::db::schema::memberships::network_id.eq_any(networks))
                .select((
                    crate::db::schema::memberships::network_id,
                    crate::db::schema::memberships::role,
                ))
                .load::<(i64, String)>(conn)?
                .into_iter()
                .map(|(n, r)| (n, Role::from_db(&r)))
                .collect()
        }
    };
    let mut out = Vec::with_capacity(rows.len());
    for l in rows {
        let role = l.network_id.and_then(|n| roles.get(&n).copied());
        let can_edit = may_edit_with(viewer, &l, role);
        out.push(KnowledgeLinkOut {
            visit_url: format!("{req_base}/api/v1/knowledge-links/{}/visit", l.id),
            audiences: audiences_of(&l),
            topics: db::split_list(&l.topic_list),
            can_edit,
            id: l.id,
            url: l.url,
            title: l.title,
            summary: l.summary,
            language: l.language,
            network_id: l.network_id,
            clicks: l.clicks,
            created_at: utc(l.created_at),
            updated_at: utc(l.updated_at),
        });
    }
    Ok(out)
}

/// A link's audiences, sorted, from the list kept with its row.
fn audiences_of(link: &KnowledgeLink) -> Vec<Audience> {
    db::split_list(&link.audience_list)
        .iter()
        .map(|a| Audience::from_db(a))
        .collect()
}

fn save_lists(
    conn: &mut DbConn,
    id: i64,
    audiences: &[Audience],
    topics: &[String],
) -> Result<(), ApiError> {
    diesel::delete(
        knowledge_link_audiences::table.filter(knowledge_link_audiences::link_id.eq(id)),
    )
    .execute(conn)?;
    for a in audiences {
        diesel::insert_into(knowledge_link_audiences::table)
            .values((
                knowledge_link_audiences::link_id.eq(id),
                knowledge_link_audiences::audience.eq(a.as_str()),
            ))
            .execute(conn)?;
    }
    diesel::delete(knowledge_link_topics::table.filter(knowledge_link_topics::link_id.eq(id)))
        .execute(conn)?;
    for t in topics {
        diesel::insert_into(knowledge_link_topics::table)
            .values((
                knowledge_link_topics::link_id.eq(id),
                knowledge_link_topics::topic.eq(t),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Loads a link the viewer may see: platform-wide, or in a visible network.
fn visible(conn: &mut DbConn, viewer: &Viewer, id: i64) -> Result<KnowledgeLink, ApiError> {
    let link: KnowledgeLink = knowledge_links::table
        .find(id)
        .select(KnowledgeLink::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("This link"))?;
    if let Some(network_id) = link.network_id {
        network_access(conn, viewer, network_id).map_err(|_| ApiError::not_found("This link"))?;
    }
    Ok(link)
}

fn one(
    conn: &mut DbConn,
    base: &str,
    viewer: &Viewer,
    id: i64,
) -> Result<(KnowledgeLinkOut, String), ApiError> {
    let link = knowledge_links::table
        .find(id)
        .select(KnowledgeLink::as_select())
        .first(conn)?;
    let tag = etag("knowledge-link", id, link.version);
    let out = present(conn, base, viewer, vec![link])?
        .pop()
        .ok_or_else(|| ApiError::Internal("link vanished".into()))?;
    Ok((out, tag))
}

/// Filters for the knowledge links.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
#[expect(
    dead_code,
    reason = "documents the query for OpenAPI; read by extract::Query"
)]
pub struct KnowledgeLinkFilters {
    /// Search text in title, summary and topics (Dutch-aware); sorts by relevance.
    #[param(max_length = 200)]
    q: Option<String>,
    /// Links for this audience, and links for `everyone`.
    audience: Option<Audience>,
    /// Topic slug.
    topic: Option<String>,
    /// A network id, or `none` for the platform-wide start page only.
    #[param(example = "none", pattern = "^([1-9][0-9]{0,17}|none)$")]
    network: Option<String>,
    /// Language of the linked page (ISO 639-1).
    language: Option<String>,
    /// Only links changed at or after this time.
    updated_since: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<i64>,
    cursor: Option<String>,
}

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
    let mut query = Query::new(&req);
    let q = query.text("q");
    let audience = query.parse::<Audience>("audience", Audience::NAMES);
    let topic = query.text("topic");
    let network = match query.typed("network") {
        None => None,
        Some(n) if n == "none" => Some(None),
        Some(n) => match n.parse::<i64>() {
            Ok(id) if id > 0 => Some(Some(id)),
            _ => {
                query.push(
                    InvalidParam::new("network", Code::Format, "must be a network id or none")
                        .expected("wholeNumber"),
                );
                None
            }
        },
    };
    let language = query.text("language").map(|l| l.to_lowercase());
    let updated_since = query.datetime("updatedSince");
    let page = PageRequest::read(&mut query);
    query.finish()?;
    let base = base_url(&req);
    let stats = state.search_stats.clone();
    let (items, next) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
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
                links = links.filter(visible_links(&viewer));
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
                    Some(None) => links = links.filter(knowledge_links::network_id.is_null()),
                    Some(Some(id)) => links = links.filter(knowledge_links::network_id.eq(id)),
                    None => {}
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
        Ok((present(conn, &base, &viewer, rows)?, next))
    })
    .await?;
    let links = PageLinks::new(&req, &query, &page, next);
    Ok(HttpResponse::Ok().json(KnowledgeLinkPage { items, links }))
}

/// Adds a knowledge link: the rules of `POST /knowledge-links`, also used
/// by the CSV import.
pub fn create(
    conn: &mut DbConn,
    viewer: &Viewer,
    input: KnowledgeLinkInput,
    parse_errors: Vec<InvalidParam>,
) -> Result<i64, ApiError> {
    let mut v = KnowledgeLinkValues {
        url: String::new(),
        title: String::new(),
        summary: String::new(),
        language: "nl".into(),
        network_id: None,
    };
    let (mut audiences, mut topics, mut errors) =
        (vec![Audience::Everyone], Vec::new(), parse_errors);
    input.apply(&mut v, &mut audiences, &mut topics, &mut errors);
    check_topics(conn, &topics, &mut errors)?;
    ensure_valid(errors)?;
    may_add(conn, viewer, v.network_id)?;
    let now = db::now();
    let id: i64 = diesel::insert_into(knowledge_links::table)
        .values((
            &v,
            knowledge_links::added_by.eq(viewer.user_id),
            knowledge_links::created_at.eq(now),
            knowledge_links::updated_at.eq(now),
        ))
        .returning(knowledge_links::id)
        .get_result(conn)?;
    save_lists(conn, id, &audiences, &topics)?;
    queries::knowledge_links::index(conn, id, &v.title, &v.summary, &topics)?;
    crate::audit::record(
        conn,
        viewer.user_id,
        "knowledge_link.created",
        "knowledge_link",
        Some(id),
        v.network_id,
    )?;
    Ok(id)
}

/// Add a knowledge link
///
/// Members add links to their network; platform admins to the platform-wide
/// start page.
#[utoipa::path(
    tag = "Knowledge links",
    request_body = KnowledgeLinkInput,
    responses(
        (status = 201, description = "The link was added.", body = KnowledgeLinkOut,
            headers(("Location" = String, description = "Address of the link"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "You may not add links there."),
        (status = 409, description = "A field refers to something that is not there, or is at odds with what is stored; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/knowledge-links")]
pub async fn create_knowledge_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<KnowledgeLinkInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let (input, parse_errors) = body.with_errors();
    let base = base_url(&req);
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let id = create(conn, &viewer, input, parse_errors)?;
        one(conn, &base, &viewer, id)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/knowledge-links/{}", out.id),
        &out,
        Some(&tag),
    ))
}

/// Read a knowledge link
///
/// Platform-wide links, and links of networks you may see.
#[utoipa::path(
    tag = "Knowledge links",
    params(("linkId" = i64, Path, description = "Link id", minimum = 1)),
    responses(
        (status = 200, description = "The link.", body = KnowledgeLinkOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such link, or its network is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/knowledge-links/{linkId}")]
pub async fn get_knowledge_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let base = base_url(&req);
    let (out, tag) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        visible(conn, &viewer, id)?;
        one(conn, &base, &viewer, id)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// Change a knowledge link
///
/// The network's core group and coordinators, the member who added it, or
/// platform admins.
#[utoipa::path(
    tag = "Knowledge links",
    params(
        ("linkId" = i64, Path, description = "Link id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    request_body(content = KnowledgeLinkInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed link.", body = KnowledgeLinkOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "You may not change this link."),
        (status = 409, description = "A field refers to something that is not there, or is at odds with what is stored; invalidParams names it."),
        (status = 404, description = "No such link, or its network is for members only."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/knowledge-links/{linkId}")]
pub async fn update_knowledge_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<KnowledgeLinkInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let (input, parse_errors) = body.with_errors();
    let base = base_url(&req);
    let (out, tag) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, knowledge_links::table.find(id).select(knowledge_links::id));
        let viewer = Viewer::load(conn, auth)?;
        let current = visible(conn, &viewer, id)?;
        if !may_edit(conn, &viewer, &current)? {
            return Err(ApiError::Forbidden("Only the network's core group, the member who added it, or admins change this link.".into()));
        }
        let mut v = KnowledgeLinkValues {
            url: current.url.clone(),
            title: current.title.clone(),
            summary: current.summary.clone(),
            language: current.language.clone(),
            network_id: current.network_id,
        };
        let mut audiences = audiences_of(&current);
        let mut topics = db::split_list(&current.topic_list);
        let mut errors = parse_errors;
        input.apply(&mut v, &mut audiences, &mut topics, &mut errors);
        check_topics(conn, &topics, &mut errors)?;
        precondition.check(errors, &etag("knowledge-link", id, current.version))?;
        if v.network_id != current.network_id {
            may_add(conn, &viewer, v.network_id)?;
        }
        let changed = diesel::update(knowledge_links::table.filter(knowledge_links::id.eq(id)).filter(knowledge_links::version.eq(current.version)))
            .set((&v, knowledge_links::updated_at.eq(db::now()), knowledge_links::version.eq(current.version + 1)))
            .execute(conn)?;
        versioned::one_row(changed)?;
        save_lists(conn, id, &audiences, &topics)?;
        queries::knowledge_links::index(conn, id, &v.title, &v.summary, &topics)?;
        crate::audit::record(conn, viewer.user_id, "knowledge_link.updated", "knowledge_link", Some(id), v.network_id)?;
        one(conn, &base, &viewer, id)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// Delete a knowledge link
///
/// The network's core group and coordinators, the member who added it, or platform admins.
#[utoipa::path(
    tag = "Knowledge links",
    params(
        ("linkId" = i64, Path, description = "Link id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    responses(
        (status = 204, description = "The link was deleted."),
        (status = 403, description = "You may not delete this link."),
        (status = 404, description = "No such link, or its network is for members only."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/knowledge-links/{linkId}")]
pub async fn delete_knowledge_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    db::write(&state.pool, move |conn| {
        versioned::lock!(conn, knowledge_links::table.find(id).select(knowledge_links::id));
        let viewer = Viewer::load(conn, auth)?;
        let current = visible(conn, &viewer, id)?;
        if !may_edit(conn, &viewer, &current)? {
            return Err(ApiError::Forbidden("Only the network's core group, the member who added it, or admins delete this link.".into()));
        }
        precondition.matches(&etag("knowledge-link", id, current.version))?;
        versioned::one_row(
            diesel::delete(
                knowledge_links::table
                    .filter(knowledge_links::id.eq(id))
                    .filter(knowledge_links::version.eq(current.version)),
            )
            .execute(conn)?,
        )?;
        crate::audit::record(conn, viewer.user_id, "knowledge_link.deleted", "knowledge_link", Some(id), current.network_id)?;
        search::remove(conn, search::documents::KNOWLEDGE_LINK, id)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

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
        let link = visible(conn, &viewer, id)?;
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
