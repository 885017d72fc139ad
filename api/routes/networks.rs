//! Theme networks: list and search, create, read, edit, delete.

use std::collections::HashMap;

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::accounts::auth::Auth;
use crate::db::models::{Network, NetworkValues};
use crate::db::schema::{memberships, network_counts, network_topics, networks};
use crate::db::versioned::{self, Precondition};
use crate::db::{self, queries, DbConn};
use crate::domain::{GoalStatus, NetworkStatus, Role, Scope, StakeholderKind, Visibility};
use crate::permissions::{network_access, visible_networks, Viewer};
use crate::reference::{municipalities_of, municipality, province};
use crate::routes::{check_topics, clean_tags, non_empty, rank_page, validate_tag_list};
use crate::web::error::ensure_valid;
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::{merge, merge_opt, nullable, Body, JsonBody, Query};
use crate::web::http::{created, etag, ok_with_etag, utc};
use crate::web::pagination::{Cursor, PageLinks, PageRequest};
use crate::web::params;
use crate::{page_type, search, AppState};

/// A network named by id and name (parent and children).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkRef {
    pub id: i64,
    pub name: String,
    pub scope: Scope,
}

/// How many members a network has of one kind.
#[derive(Debug, Serialize, ToSchema)]
pub struct KindCount {
    pub kind: StakeholderKind,
    pub count: i64,
}

/// How many goals of a network have one status.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusCount {
    pub status: GoalStatus,
    pub count: i64,
}

/// A theme network.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkOut {
    pub id: i64,
    /// Readable identifier for addresses, unique.
    #[schema(example = "toegankelijke-musea-utrecht")]
    pub slug: String,
    pub name: String,
    /// The concrete theme the network works on.
    pub theme: String,
    /// Topic slugs (see `/topics`).
    pub topics: Vec<String>,
    pub scope: Scope,
    /// CBS code of the municipality (local networks in the Netherlands).
    pub municipality_code: Option<String>,
    /// The region, for regional networks and networks outside the Netherlands.
    pub region: Option<String>,
    /// CBS province code: a local network's follows from its municipality;
    /// a regional network gives its own. None for national networks.
    #[schema(example = "PV23")]
    pub province_code: Option<String>,
    pub description: String,
    /// The goal or ambition the network works towards.
    pub ambition: String,
    /// What the theme needs (a route map, organised experience expertise, ...).
    pub needs: String,
    pub status: NetworkStatus,
    pub visibility: Visibility,
    /// The wider network this one belongs to (local -> regional -> national).
    pub parent_id: Option<i64>,
    /// Public contact point of the network (not a person's private details).
    pub contact: Option<String>,
    /// How members are kept informed (newsletter, meetings, calls).
    pub communication: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
    /// Only on a single network: the wider network.
    pub parent: Option<NetworkRef>,
    /// Only on a single network: the narrower networks you may see.
    pub children: Option<Vec<NetworkRef>>,
    /// Only on a single network: members per kind.
    pub member_counts: Option<Vec<KindCount>>,
    /// Only on a single network: goals per status.
    pub goal_counts: Option<Vec<StatusCount>>,
    /// Your role in it, if you are signed in and a member (also in lists).
    pub my_role: Option<Role>,
}

page_type!(NetworkPage, NetworkOut, "A page of networks.");

impl NetworkOut {
    fn new(n: Network) -> NetworkOut {
        let topics = db::split_list(&n.topic_list);
        let province_code = province_of(n.municipality_code.as_deref(), n.province_code);
        NetworkOut {
            id: n.id,
            slug: n.slug,
            name: n.name,
            theme: n.theme,
            topics,
            scope: Scope::from_db(&n.scope),
            municipality_code: n.municipality_code,
            region: n.region,
            province_code,
            description: n.description,
            ambition: n.ambition,
            needs: n.needs,
            status: NetworkStatus::from_db(&n.status),
            visibility: Visibility::from_db(&n.visibility),
            parent_id: n.parent_id,
            contact: n.contact,
            communication: n.communication,
            created_at: utc(n.created_at),
            updated_at: utc(n.updated_at),
            parent: None,
            children: None,
            member_counts: None,
            goal_counts: None,
            my_role: None,
        }
    }
}

/// A network, as sent to create one (POST: `name`, `theme` and `scope` are
/// required) or to change one (PATCH: JSON merge patch, every field optional;
/// `null` clears a field that may be empty).
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkInput {
    #[validate(length(min = 3, max = 120, message = "must have 3 to 120 characters"))]
    #[schema(min_length = 3, max_length = 120, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub name: Option<Option<String>>,
    /// Made from the name when left out.
    #[validate(custom(function = "validate_slug"))]
    #[schema(
        min_length = 3,
        max_length = 60,
        pattern = "^[a-z0-9]+(-[a-z0-9]+)*$",
        nullable = false
    )]
    #[serde(default, deserialize_with = "nullable")]
    pub slug: Option<Option<String>>,
    #[validate(length(min = 3, max = 200, message = "must have 3 to 200 characters"))]
    #[schema(min_length = 3, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub theme: Option<Option<String>>,
    #[validate(custom(function = "validate_tag_list"))]
    #[schema(max_items = 20, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub topics: Option<Option<Vec<String>>>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub scope: Option<Option<Scope>>,
    /// Required for a local network in the Netherlands (or give a `region`).
    #[schema(pattern = "^GM[0-9]{4}$", example = "GM0344")]
    #[serde(default, deserialize_with = "nullable")]
    pub municipality_code: Option<Option<String>>,
    #[validate(length(max = 100, message = "must have at most 100 characters"))]
    #[schema(max_length = 100)]
    #[serde(default, deserialize_with = "nullable")]
    pub region: Option<Option<String>>,
    /// CBS province code, for a network without a municipality (a regional
    /// one); a local network's province follows from its municipality
    /// (give that one, or leave it out). Not for national networks.
    #[schema(pattern = "^PV[0-9]{2}$", example = "PV23")]
    #[serde(default, deserialize_with = "nullable")]
    pub province_code: Option<Option<String>>,
    #[validate(length(max = 5000, message = "must have at most 5000 characters"))]
    #[schema(max_length = 5000)]
    #[serde(default, deserialize_with = "nullable")]
    pub description: Option<Option<String>>,
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(max_length = 2000)]
    #[serde(default, deserialize_with = "nullable")]
    pub ambition: Option<Option<String>>,
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(max_length = 2000)]
    #[serde(default, deserialize_with = "nullable")]
    pub needs: Option<Option<String>>,
    /// Default `forming`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub status: Option<Option<NetworkStatus>>,
    /// Default `public`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub visibility: Option<Option<Visibility>>,
    #[validate(range(min = 1, message = "must be a network id"))]
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "nullable")]
    pub parent_id: Option<Option<i64>>,
    #[validate(length(max = 200, message = "must have at most 200 characters"))]
    #[schema(max_length = 200)]
    #[serde(default, deserialize_with = "nullable")]
    pub contact: Option<Option<String>>,
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000)]
    #[serde(default, deserialize_with = "nullable")]
    pub communication: Option<Option<String>>,
}

impl Body for NetworkInput {
    const REQUIRED: &'static [&'static str] = &["name", "theme", "scope"];
}

fn validate_slug(slug: &str) -> Result<(), validator::ValidationError> {
    if (3..=60).contains(&slug.len()) && crate::domain::is_slug(slug) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("slug")
            .with_message("must be 3 to 60 lowercase letters, digits and single hyphens".into()))
    }
}

fn trimmed(v: Option<Option<String>>) -> Option<Option<String>> {
    v.map(|inner| inner.map(|s| s.trim().to_string()))
}

impl NetworkInput {
    /// Applies this input to current values, collecting every problem.
    /// Returns the province it gives, if any, for `check_values`.
    fn apply(
        self,
        v: &mut NetworkValues,
        topics: &mut Vec<String>,
        errors: &mut Vec<InvalidParam>,
    ) -> Option<String> {
        merge(&mut v.name, trimmed(self.name), "name", errors);
        merge(&mut v.slug, self.slug, "slug", errors);
        merge(&mut v.theme, trimmed(self.theme), "theme", errors);
        if let Some(t) = self.topics {
            *topics = clean_tags(t.unwrap_or_default());
        }
        let mut scope = Scope::from_db(&v.scope);
        merge(&mut scope, self.scope, "scope", errors);
        v.scope = scope.as_str().into();
        merge_opt(&mut v.municipality_code, self.municipality_code);
        merge_opt(&mut v.region, trimmed(self.region));
        v.region = non_empty(v.region.take());
        let text = |target: &mut String, field: Option<Option<String>>| {
            if let Some(f) = field {
                *target = f.unwrap_or_default().trim().to_string();
            }
        };
        text(&mut v.description, self.description);
        text(&mut v.ambition, self.ambition);
        text(&mut v.needs, self.needs);
        text(&mut v.communication, self.communication);
        let mut status = NetworkStatus::from_db(&v.status);
        merge(&mut status, self.status, "status", errors);
        v.status = status.as_str().into();
        let mut visibility = Visibility::from_db(&v.visibility);
        merge(&mut visibility, self.visibility, "visibility", errors);
        v.visibility = visibility.as_str().into();
        merge_opt(&mut v.parent_id, self.parent_id);
        merge_opt(&mut v.contact, trimmed(self.contact));
        v.contact = non_empty(v.contact.take());
        let given = self.province_code.clone().flatten();
        merge_opt(&mut v.province_code, self.province_code);
        given
    }
}

/// A network's province: its municipality's, or the one stored for it.
fn province_of(municipality_code: Option<&str>, stored: Option<String>) -> Option<String> {
    match municipality_code.and_then(municipality) {
        Some(m) => Some(m.province_code.clone()),
        None => stored,
    }
}

impl From<&Network> for NetworkValues {
    fn from(n: &Network) -> Self {
        NetworkValues {
            slug: n.slug.clone(),
            name: n.name.clone(),
            theme: n.theme.clone(),
            scope: n.scope.clone(),
            municipality_code: n.municipality_code.clone(),
            region: n.region.clone(),
            description: n.description.clone(),
            ambition: n.ambition.clone(),
            needs: n.needs.clone(),
            status: n.status.clone(),
            visibility: n.visibility.clone(),
            parent_id: n.parent_id,
            contact: n.contact.clone(),
            communication: n.communication.clone(),
            province_code: n.province_code.clone(),
        }
    }
}

/// Rules that need the database or several fields at once.
fn check_values(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: Option<i64>,
    v: &mut NetworkValues,
    topics: &[String],
    province_given: Option<String>,
    errors: &mut Vec<InvalidParam>,
) -> Result<(), ApiError> {
    let scope = Scope::from_db(&v.scope);
    settle_province(id, v, scope, province_given, errors);
    if let Some(code) = &v.municipality_code {
        if municipality(code).is_none() {
            errors.push(
                InvalidParam::new(
                    "municipalityCode",
                    Code::Reference,
                    "is not a CBS municipality code (see GET /municipalities)",
                )
                .expected("municipality"),
            );
        }
    }
    let scope_unknown = errors.iter().any(|e| e.name == "scope");
    if scope == Scope::Local
        && !scope_unknown
        && v.municipality_code.is_none()
        && v.region.is_none()
    {
        let reason = "is required for a local network (or give a region, for places outside the Netherlands)";
        // A new network: the body alone is wrong. A change: at odds with the
        // stored network.
        errors.push(
            match id {
                None => InvalidParam::new("municipalityCode", Code::Required, reason),
                Some(_) => InvalidParam::conflict("municipalityCode", Code::Required, reason),
            }
            .expected("localPlace"),
        );
    }
    check_topics(conn, topics, errors)?;
    if let Some(parent_id) = v.parent_id {
        let parent = if Some(parent_id) == id {
            None
        } else {
            network_access(conn, viewer, parent_id)
                .ok()
                .map(|a| a.network)
        };
        match parent {
            None => errors.push(
                InvalidParam::conflict("parentId", Code::Reference, "is not a network you can see")
                    .expected("network"),
            ),
            Some(p) if Scope::from_db(&p.scope).rank() <= scope.rank() => errors.push(
                InvalidParam::conflict(
                    "parentId",
                    Code::Rule,
                    "must reach further than this network (local -> regional -> national)",
                )
                .expected("parentScope"),
            ),
            Some(_) => {}
        }
    }
    if let Some(id) = id {
        let child_scopes: Vec<String> = networks::table
            .filter(networks::parent_id.eq(id))
            .select(networks::scope)
            .load(conn)?;
        if child_scopes
            .iter()
            .any(|s| Scope::from_db(s).rank() >= scope.rank())
        {
            errors.push(
                InvalidParam::conflict(
                    "scope",
                    Code::Rule,
                    "must reach further than every narrower network below it",
                )
                .expected("childScope"),
            );
        }
    }
    Ok(())
}

/// Checks the province: a known code; the municipality's, when there is one
/// (then it is not stored: it follows the municipality); none for a
/// national network (a stored one goes when a network becomes national).
fn settle_province(
    id: Option<i64>,
    v: &mut NetworkValues,
    scope: Scope,
    given: Option<String>,
    errors: &mut Vec<InvalidParam>,
) {
    // A new network: the body alone is wrong. A change: perhaps at odds
    // with what is stored.
    let wrong = |code, reason: String| match id {
        None => InvalidParam::new("provinceCode", code, reason),
        Some(_) => InvalidParam::conflict("provinceCode", code, reason),
    };
    if let Some(p) = &given {
        if province(p).is_none() {
            errors.push(
                InvalidParam::new(
                    "provinceCode",
                    Code::Reference,
                    "is not a CBS province code, such as PV23 (see GET /municipalities)",
                )
                .expected("province"),
            );
            return;
        }
    }
    if scope == Scope::National {
        if given.is_some() {
            errors.push(wrong(
                Code::Rule,
                "must be left out: a national network reaches every province".into(),
            ));
        }
        v.province_code = None;
    } else if let Some(m) = v.municipality_code.as_deref().and_then(municipality) {
        if given.as_ref().is_some_and(|p| *p != m.province_code) {
            // At odds with the reference list, whatever the request.
            errors.push(
                InvalidParam::conflict(
                    "provinceCode",
                    Code::Rule,
                    format!(
                        "must be the province of municipalityCode ({}), or left out",
                        m.province_code
                    ),
                )
                .expected("province"),
            );
        }
        v.province_code = None;
    }
}

fn save_topics(conn: &mut DbConn, network_id: i64, topics: &[String]) -> Result<(), ApiError> {
    diesel::delete(network_topics::table.filter(network_topics::network_id.eq(network_id)))
        .execute(conn)?;
    for topic in topics {
        diesel::insert_into(network_topics::table)
            .values((
                network_topics::network_id.eq(network_id),
                network_topics::topic.eq(topic),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Unique slug: the wanted one, or with `-2`, `-3`, ... added.
fn free_slug(conn: &mut DbConn, wanted: &str, own_id: Option<i64>) -> Result<String, ApiError> {
    let mut candidate = wanted.to_string();
    for n in 2..1000 {
        let taken = networks::table
            .filter(networks::slug.eq(&candidate))
            .filter(networks::id.ne(own_id.unwrap_or(0)))
            .select(count_star())
            .first::<i64>(conn)?
            > 0;
        if !taken {
            return Ok(candidate);
        }
        candidate = format!("{wanted}-{n}");
    }
    Err(ApiError::Conflict("Choose another slug.".into()))
}

/// The full single-network view: parent, children, counts.
///
/// The parent and children the viewer may see, members per kind and goals
/// per status (kept by the database in `network_counts`) come from one
/// statement (a `UNION ALL` of three parts, each row tagged with its part),
/// built with the query builder and without SQL literals so that both
/// backends keep it prepared.
pub fn detail(
    conn: &mut DbConn,
    viewer: &Viewer,
    network: Network,
    role: Option<Role>,
) -> Result<NetworkOut, ApiError> {
    let id = network.id;
    let parent_id = network.parent_id.unwrap_or(0);
    // The same code on each concrete connection: diesel's UNION is not
    // available on the shared connection type.
    macro_rules! run {
        ($c:expr) => {{
            use diesel::sql_types::{BigInt, Text};
            let zero = || 0_i64.into_sql::<BigInt>();
            let tag = |part: &'static str| part.into_sql::<Text>();
            let visible = || visible_networks(viewer);
            let parent = networks::table
                .filter(networks::id.eq(parent_id))
                .filter(visible())
                .select((
                    tag("parent"),
                    networks::id,
                    networks::name,
                    networks::scope,
                    zero(),
                ));
            let children = networks::table
                .filter(networks::parent_id.eq(id))
                .filter(visible())
                .select((
                    tag("child"),
                    networks::id,
                    networks::name,
                    networks::scope,
                    zero(),
                ));
            // Members per kind and goals per status, kept by the database
            // (network_counts); the part's name is the row's tag.
            let counts = network_counts::table
                .filter(network_counts::network_id.eq(id))
                .select((
                    network_counts::part,
                    zero(),
                    network_counts::value,
                    tag(""),
                    network_counts::count,
                ));
            parent
                .union_all(children)
                .union_all(counts)
                .load::<(String, i64, String, String, i64)>($c)?
        }};
    }
    let mut rows = db::on_each!(conn, c => run!(c));
    // Children by id (both backends compare bytes).
    rows.sort_by(|a, b| (&a.0, a.1, &a.2).cmp(&(&b.0, b.1, &b.2)));
    let mut parent = None;
    let mut children = Vec::new();
    let mut by_kind: HashMap<String, i64> = HashMap::new();
    let mut by_status: HashMap<String, i64> = HashMap::new();
    for (part, id, name, extra, n) in rows {
        match part.as_str() {
            "parent" => {
                parent = Some(NetworkRef {
                    id,
                    name,
                    scope: Scope::from_db(&extra),
                })
            }
            "child" => children.push(NetworkRef {
                id,
                name,
                scope: Scope::from_db(&extra),
            }),
            "member" => {
                by_kind.insert(name, n);
            }
            _ => {
                by_status.insert(name, n);
            }
        }
    }
    let mut out = NetworkOut::new(network);
    out.my_role = role;
    out.parent = parent;
    out.children = Some(children);
    out.member_counts = Some(
        StakeholderKind::ALL
            .iter()
            .map(|k| KindCount {
                kind: *k,
                count: by_kind.get(k.as_str()).copied().unwrap_or(0),
            })
            .collect(),
    );
    out.goal_counts = Some(
        GoalStatus::ALL
            .iter()
            .map(|s| StatusCount {
                status: *s,
                count: by_status.get(s.as_str()).copied().unwrap_or(0),
            })
            .collect(),
    );
    Ok(out)
}

/// The viewer's role in each of these networks they are a member of, in
/// one statement (none for anonymous viewers).
fn my_roles(
    conn: &mut DbConn,
    viewer: &Viewer,
    rows: &[Network],
) -> Result<HashMap<i64, Role>, ApiError> {
    let Some(me) = viewer.stakeholder_id else {
        return Ok(HashMap::new());
    };
    if rows.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<i64> = rows.iter().map(|n| n.id).collect();
    let found: Vec<(i64, String)> = db::on_each!(conn, c => memberships::table
        .filter(memberships::stakeholder_id.eq(me))
        .filter(db::in_ids(memberships::network_id, &ids))
        .select((memberships::network_id, memberships::role))
        .load(c))?;
    Ok(found
        .into_iter()
        .map(|(id, role)| (id, Role::from_db(&role)))
        .collect())
}

/// Filters for the network list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct NetworkFilters {
    /// Search text (Dutch-aware: `gemeenten` finds `gemeente`, `cafe` finds `café`); results are then sorted by relevance.
    #[param(max_length = 200)]
    #[serde(default, deserialize_with = "params::text")]
    pub q: Option<String>,
    #[serde(default, deserialize_with = "params::choice")]
    pub scope: Option<Scope>,
    /// CBS municipality code.
    #[param(example = "GM0344")]
    #[serde(default, deserialize_with = "params::municipality")]
    pub municipality: Option<String>,
    /// CBS province code: the networks in it (local networks in its
    /// municipalities, and networks given this province, such as regional
    /// ones). With `scope=regional`: the regional networks of a province.
    #[param(example = "PV23", pattern = "^PV[0-9]{2}$")]
    #[serde(default, deserialize_with = "params::province")]
    pub province: Option<String>,
    /// Topic slug.
    #[serde(default, deserialize_with = "params::text")]
    pub topic: Option<String>,
    #[serde(default, deserialize_with = "params::choice")]
    pub status: Option<NetworkStatus>,
    /// Only the narrower networks of this network.
    #[param(minimum = 1)]
    #[serde(default, deserialize_with = "params::id")]
    pub parent: Option<i64>,
    /// `me`: only the networks you are a member of (sign in first).
    #[param(pattern = "^me$")]
    #[serde(default, deserialize_with = "only_me")]
    pub member: Option<String>,
    /// Only networks changed at or after this time (incremental sync).
    #[serde(default, deserialize_with = "params::date_time")]
    pub updated_since: Option<DateTime<Utc>>,
    /// Results per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    #[serde(default, deserialize_with = "params::page_size")]
    pub page_size: Option<i64>,
    /// Where the page starts; take it from `_links.next`.
    #[serde(default, deserialize_with = "params::cursor")]
    pub cursor: Option<String>,
}

/// `member=me`, the one value `member` takes.
fn only_me<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    params::exactly(d, "me")
}

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
    let mut query = Query::new(&req);
    let NetworkFilters {
        q,
        scope,
        municipality: municipality_code,
        province: province_code,
        topic,
        status,
        parent,
        member,
        updated_since,
        page_size,
        cursor,
    } = query.read();
    // The province's local networks are found by their municipality.
    let province_places: Vec<String> = province_code
        .as_deref()
        .map(municipalities_of)
        .unwrap_or_default();
    let only_mine = member.is_some();
    let page = PageRequest::new(page_size, cursor.as_deref());
    if q.is_some() && matches!(page.after, Some(Cursor::Id(_))) {
        query.push(
            InvalidParam::new(
                "cursor",
                Code::Format,
                "belongs to another listing; follow _links.next",
            )
            .expected("cursor"),
        );
    }
    query.finish()?;

    let stats = state.search_stats.clone();
    let (items, next) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
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
                    .filter(visible_networks(&viewer))
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
        let roles = my_roles(conn, &viewer, &rows)?;
        let items: Vec<NetworkOut> = rows
            .into_iter()
            .map(|n| {
                let role = roles.get(&n.id).copied();
                let mut out = NetworkOut::new(n);
                out.my_role = role;
                out
            })
            .collect();
        Ok((items, next))
    })
    .await?;
    let links = PageLinks::new(&req, &query, &page, next);
    Ok(HttpResponse::Ok().json(NetworkPage { items, links }))
}

/// Starts a network with the viewer as coordinator: the rules of
/// `POST /networks`, also used by the CSV import.
pub fn create(
    conn: &mut DbConn,
    viewer: &Viewer,
    input: NetworkInput,
    parse_errors: Vec<InvalidParam>,
) -> Result<i64, ApiError> {
    let wanted_slug = input.slug.clone().flatten();
    let me = viewer
        .stakeholder_id
        .ok_or_else(|| ApiError::Forbidden("Your account has no stakeholder profile.".into()))?;
    let mut v = NetworkValues {
        slug: String::new(),
        name: String::new(),
        theme: String::new(),
        scope: Scope::Local.as_str().into(),
        municipality_code: None,
        region: None,
        description: String::new(),
        ambition: String::new(),
        needs: String::new(),
        status: NetworkStatus::Forming.as_str().into(),
        visibility: Visibility::Public.as_str().into(),
        parent_id: None,
        contact: None,
        communication: String::new(),
        province_code: None,
    };
    let mut topics = Vec::new();
    let mut errors = parse_errors;
    let province = input.apply(&mut v, &mut topics, &mut errors);
    check_values(conn, viewer, None, &mut v, &topics, province, &mut errors)?;
    ensure_valid(errors)?;
    v.slug = match wanted_slug {
        Some(slug) => {
            if networks::table
                .filter(networks::slug.eq(&slug))
                .select(count_star())
                .first::<i64>(conn)?
                > 0
            {
                return Err(ApiError::Conflict(format!(
                    "The slug {slug} is taken; choose another."
                )));
            }
            slug
        }
        None => free_slug(conn, &crate::domain::slugify(&v.name), None)?,
    };
    let now = db::now();
    let id: i64 = diesel::insert_into(networks::table)
        .values((
            &v,
            networks::created_by.eq(viewer.user_id),
            networks::created_at.eq(now),
            networks::updated_at.eq(now),
        ))
        .returning(networks::id)
        .get_result(conn)?;
    save_topics(conn, id, &topics)?;
    queries::memberships::insert(conn, id, me, Role::Coordinator, "", true)?;
    queries::networks::index(conn, id, &v)?;
    crate::audit::record(
        conn,
        viewer.user_id,
        "network.created",
        "network",
        Some(id),
        Some(id),
    )?;
    Ok(id)
}

/// Start a network
///
/// You become its coordinator. Needs a signed-in account.
#[utoipa::path(
    tag = "Networks",
    request_body = NetworkInput,
    responses(
        (status = 201, description = "The network was created.", body = NetworkOut,
            headers(("Location" = String, description = "Address of the new network"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Your account has no stakeholder profile."),
        (status = 409, description = "The slug is taken, or a field is at odds with what is stored (invalidParams names it)."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks")]
pub async fn create_network(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<NetworkInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let (input, parse_errors) = body.with_errors();
    let out = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let id = create(conn, &viewer, input, parse_errors)?;
        let network = networks::table
            .find(id)
            .select(Network::as_select())
            .first(conn)?;
        detail(conn, &viewer, network, Some(Role::Coordinator))
    })
    .await?;
    let tag = etag("network", out.id, 1);
    Ok(created(
        &req,
        &format!("/networks/{}", out.id),
        &out,
        Some(&tag),
    ))
}

/// Read a network
///
/// With its wider and narrower networks, members per kind and goals per status.
#[utoipa::path(
    tag = "Networks",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    responses(
        (status = 200, description = "The network.", body = NetworkOut,
            headers(("ETag" = String, description = "Version tag, for If-Match"))),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}")]
pub async fn get_network(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (out, version) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, id)?;
        let version = access.network.version;
        Ok((detail(conn, &viewer, access.network, access.role)?, version))
    })
    .await?;
    Ok(ok_with_etag(&out, &etag("network", id, version)))
}

/// Change a network
///
/// JSON merge patch. Coordinators only. Send `If-Match` with the ETag you
/// read, so you never overwrite someone else's change.
#[utoipa::path(
    tag = "Networks",
    params(
        ("networkId" = i64, Path, description = "Network id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    request_body(content = NetworkInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed network.", body = NetworkOut,
            headers(("ETag" = String, description = "New version tag"))),
        (status = 403, description = "You are not a coordinator of this network."),
        (status = 404, description = "No such network, or it is for members only."),
        (status = 409, description = "The slug is taken, or a field is at odds with what is stored (invalidParams names it)."),
        (status = 412, description = "The network changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/networks/{networkId}")]
pub async fn update_network(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<NetworkInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let (input, parse_errors) = body.with_errors();
    let (out, version) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, networks::table.find(id).select(networks::id));
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, id)?;
        access.ensure_coordinator()?;
        let current = access.network;
        let mut v = NetworkValues::from(&current);
        let mut topics = db::split_list(&current.topic_list);
        let mut errors = parse_errors;
        let slug_changed = input
            .slug
            .as_ref()
            .is_some_and(|s| s.as_deref() != Some(current.slug.as_str()));
        let province = input.apply(&mut v, &mut topics, &mut errors);
        check_values(
            conn,
            &viewer,
            Some(id),
            &mut v,
            &topics,
            province,
            &mut errors,
        )?;
        precondition.check(errors, &etag("network", id, current.version))?;
        if slug_changed
            && networks::table
                .filter(networks::slug.eq(&v.slug))
                .filter(networks::id.ne(id))
                .select(count_star())
                .first::<i64>(conn)?
                > 0
        {
            return Err(ApiError::Conflict(format!(
                "The slug {} is taken; choose another.",
                v.slug
            )));
        }
        let changed = diesel::update(
            networks::table
                .filter(networks::id.eq(id))
                .filter(networks::version.eq(current.version)),
        )
        .set((
            &v,
            networks::updated_at.eq(db::now()),
            networks::version.eq(current.version + 1),
        ))
        .execute(conn)?;
        versioned::one_row(changed)?;
        save_topics(conn, id, &topics)?;
        queries::networks::index(conn, id, &v)?;
        crate::audit::record(
            conn,
            viewer.user_id,
            "network.updated",
            "network",
            Some(id),
            Some(id),
        )?;
        let network = networks::table
            .find(id)
            .select(Network::as_select())
            .first(conn)?;
        let version = network.version;
        Ok((detail(conn, &viewer, network, access.role)?, version))
    })
    .await?;
    Ok(ok_with_etag(&out, &etag("network", id, version)))
}

/// Delete a network
///
/// Coordinators only. Its memberships, goals and links go with it; narrower
/// networks stay and lose their parent.
#[utoipa::path(
    tag = "Networks",
    params(
        ("networkId" = i64, Path, description = "Network id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    responses(
        (status = 204, description = "The network was deleted."),
        (status = 403, description = "You are not a coordinator of this network."),
        (status = 404, description = "No such network, or it is for members only."),
        (status = 412, description = "The network changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/networks/{networkId}")]
pub async fn delete_network(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    db::write(&state.pool, move |conn| {
        versioned::lock!(conn, networks::table.find(id).select(networks::id));
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, id)?;
        access.ensure_coordinator()?;
        let version = access.network.version;
        precondition.matches(&etag("network", id, version))?;
        let link_ids: Vec<i64> = crate::db::schema::knowledge_links::table
            .filter(crate::db::schema::knowledge_links::network_id.eq(id))
            .select(crate::db::schema::knowledge_links::id)
            .load(conn)?;
        for link in link_ids {
            search::remove(conn, search::documents::KNOWLEDGE_LINK, link)?;
        }
        versioned::one_row(
            diesel::delete(
                networks::table
                    .filter(networks::id.eq(id))
                    .filter(networks::version.eq(version)),
            )
            .execute(conn)?,
        )?;
        crate::audit::record(
            conn,
            viewer.user_id,
            "network.deleted",
            "network",
            Some(id),
            Some(id),
        )?;
        search::remove(conn, search::documents::NETWORK, id)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
