//! What the knowledge link endpoints answer, and the list's filters.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::models::KnowledgeLink;
use crate::domain::Audience;
use crate::web::error::Code;
use crate::web::http::utc;
use crate::web::params;
use crate::{db, page_type};

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
    /// The articles of the UN Convention it is about (see
    /// `/convention-articles`), in order.
    #[schema(example = json!([9, 21]))]
    pub articles: Vec<i64>,
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
    "A page of knowledge links.",
    synced: KnowledgeLink
);

impl KnowledgeLinkOut {
    /// A link as the viewer sees it; `base` is the address of this API's
    /// host, for `visitUrl`.
    pub fn new(l: KnowledgeLink, base: &str, can_edit: bool) -> KnowledgeLinkOut {
        KnowledgeLinkOut {
            visit_url: format!("{base}/api/v1/knowledge-links/{}/visit", l.id),
            audiences: audiences_of(&l),
            topics: db::split_list(&l.topic_list),
            articles: crate::convention::split(&l.articles),
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
        }
    }
}

/// A link's audiences, sorted, from the list kept with its row.
pub fn audiences_of(link: &KnowledgeLink) -> Vec<Audience> {
    db::split_list(&link.audience_list)
        .iter()
        .map(|a| Audience::from_db(a))
        .collect()
}

crate::list_filters! {
    /// Filters for the knowledge links.
    pub struct KnowledgeLinkFilters {
        /// Search text in title, summary and topics (Dutch-aware); sorts by relevance.
        #[param(max_length = 200)]
        #[serde(default, deserialize_with = "params::text")]
        pub q: Option<String>,
        /// Links for this audience, and links for `everyone`.
        #[serde(default, deserialize_with = "params::choice")]
        pub audience: Option<Audience>,
        /// Topic slug.
        #[serde(default, deserialize_with = "params::text")]
        pub topic: Option<String>,
        /// Only links tagged with this article of the UN Convention (1 to 33).
        #[param(minimum = 1, maximum = 33)]
        #[serde(default, deserialize_with = "params::article")]
        pub article: Option<i64>,
        /// A network id, or `none` for the platform-wide start page only.
        #[param(value_type = Option<String>, example = "none", pattern = "^([1-9][0-9]{0,17}|none)$")]
        #[serde(default, deserialize_with = "network_or_none")]
        pub network: Option<Place>,
        /// Language of the linked page (ISO 639-1).
        #[serde(default, deserialize_with = "params::text")]
        pub language: Option<String>,
        /// Only links changed at or after this time. The first page then also
        /// lists what was deleted since (`deleted`); at most
        /// `DELETION_RETENTION_DAYS` (90) ago, else 400.
        #[serde(default, deserialize_with = "params::date_time")]
        pub updated_since: Option<DateTime<Utc>>,
    }
}

/// Where links are: on the platform-wide start page, or a network's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    StartPage,
    Network(i64),
}

/// `network`: a network id, or `none` for the platform-wide start page.
fn network_or_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Place>, D::Error> {
    let value = params::typed(d)?;
    match value.parse::<i64>() {
        _ if value == "none" => Ok(Some(Place::StartPage)),
        Ok(id) if id > 0 => Ok(Some(Place::Network(id))),
        _ => Err(
            params::Problem::new(Code::Format, "must be a network id or none")
                .expected("wholeNumber")
                .fail(),
        ),
    }
}

impl crate::web::pagination::Synced for KnowledgeLinkFilters {
    fn updated_since(&self) -> Option<DateTime<Utc>> {
        self.updated_since
    }
}
