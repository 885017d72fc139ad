//! What the network endpoints answer, and the list's filters.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::models::Network;
use crate::domain::{
    GoalStatus, NetworkStatus, OnlyMine, Role, Scope, StakeholderKind, Visibility,
};
use crate::queries::networks::{Relative, Surroundings};
use crate::reference::municipality;
use crate::web::error::{Code, InvalidParam};
use crate::web::http::utc;
use crate::web::pagination::{Cursor, PageRequest, Paged, Synced};
use crate::web::params;
use crate::{db, page_type};

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
    /// The articles of the UN Convention it works on (see
    /// `/convention-articles`), in order.
    #[schema(example = json!([9, 30]))]
    pub articles: Vec<i64>,
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

page_type!(NetworkPage, NetworkOut, "A page of networks.", synced: Network);

impl NetworkOut {
    /// A network as lists show it, with the viewer's role in it.
    pub fn new(n: Network, my_role: Option<Role>) -> NetworkOut {
        let topics = db::split_list(&n.topic_list);
        let province_code = province_of(n.municipality_code.as_deref(), n.province_code);
        NetworkOut {
            id: n.id,
            slug: n.slug,
            name: n.name,
            theme: n.theme,
            topics,
            articles: crate::convention::split(&n.articles),
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
            my_role,
        }
    }

    /// A single network: as in lists, with its relatives and counts.
    pub fn detail(n: Network, my_role: Option<Role>, s: Surroundings) -> NetworkOut {
        let named = |r: Relative| NetworkRef {
            id: r.id,
            name: r.name,
            scope: Scope::from_db(&r.scope),
        };
        NetworkOut {
            parent: s.parent.map(named),
            children: Some(s.children.into_iter().map(named).collect()),
            member_counts: Some(
                StakeholderKind::ALL
                    .iter()
                    .map(|k| KindCount {
                        kind: *k,
                        count: s.members.get(k.as_str()).copied().unwrap_or(0),
                    })
                    .collect(),
            ),
            goal_counts: Some(
                GoalStatus::ALL
                    .iter()
                    .map(|g| StatusCount {
                        status: *g,
                        count: s.goals.get(g.as_str()).copied().unwrap_or(0),
                    })
                    .collect(),
            ),
            ..NetworkOut::new(n, my_role)
        }
    }
}

/// A network's province: its municipality's, or the one stored for it.
fn province_of(municipality_code: Option<&str>, stored: Option<String>) -> Option<String> {
    match municipality_code.and_then(municipality) {
        Some(m) => Some(m.province_code.clone()),
        None => stored,
    }
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
    #[param(example = "PV23", pattern = "^(PV[0-9]{2}|[0-9]{5})$")]
    #[serde(default, deserialize_with = "params::province")]
    pub province: Option<String>,
    /// Topic slug.
    #[serde(default, deserialize_with = "params::text")]
    pub topic: Option<String>,
    /// An article of the UN Convention (1 to 33): the networks tagged with
    /// it, or with a goal tagged with it.
    #[param(minimum = 1, maximum = 33)]
    #[serde(default, deserialize_with = "params::article")]
    pub article: Option<i64>,
    #[serde(default, deserialize_with = "params::choice")]
    pub status: Option<NetworkStatus>,
    /// Only the narrower networks of this network.
    #[param(minimum = 1)]
    #[serde(default, deserialize_with = "params::id")]
    pub parent: Option<i64>,
    /// `me`: only the networks you are a member of (sign in first).
    #[param(inline)]
    #[serde(default, deserialize_with = "params::choice")]
    pub member: Option<OnlyMine>,
    /// Only networks changed at or after this time (incremental sync). The
    /// first page then also lists what was deleted since (`deleted`); at
    /// most `DELETION_RETENTION_DAYS` (90) ago, else 400.
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

impl Paged for NetworkFilters {
    fn page(&self) -> PageRequest {
        PageRequest::new(self.page_size, self.cursor.as_deref())
    }

    /// A search's pages run by relevance: a cursor of the list by id
    /// belongs to another listing.
    fn check(&self, page: &PageRequest) -> Option<InvalidParam> {
        let by_id = matches!(page.after, Some(Cursor::Id(_)));
        (self.q.is_some() && by_id).then(|| {
            InvalidParam::new(
                "cursor",
                Code::Format,
                "belongs to another listing; follow _links.next",
            )
            .expected("cursor")
        })
    }
}

impl Synced for NetworkFilters {
    fn updated_since(&self) -> Option<DateTime<Utc>> {
        self.updated_since
    }
}
