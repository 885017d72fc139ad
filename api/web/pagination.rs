//! Keyset pagination: `pageSize` and an opaque `cursor`, and the `_links`
//! that lead to the next page. Clients only follow `next`.

use actix_web::HttpRequest;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::queries::deletions::Resource;
use crate::web::error::InvalidParam;

pub const DEFAULT_PAGE_SIZE: i64 = 20;
pub const MAX_PAGE_SIZE: i64 = 100;

/// Where a page starts: after this sort key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cursor {
    /// After this id (lists sorted by id).
    Id(i64),
    /// After this relevance score and id (search results).
    Rank(f64, i64),
    /// After this time (microseconds since 1970) and id (lists sorted by a
    /// time, such as meetings by their start).
    At(i64, i64),
    /// After this pinned flag and id (a message board: pinned first, then
    /// newest).
    Pinned(bool, i64),
    /// After this count and id (lists sorted by a count, most first, such
    /// as raised questions by their support).
    Count(i64, i64),
}

impl Cursor {
    pub fn encode(self) -> String {
        let raw = match self {
            Cursor::Id(id) => format!("i{id}"),
            Cursor::Rank(score, id) => format!("r{:x}.{id}", score.to_bits()),
            Cursor::At(micros, id) => format!("t{micros}.{id}"),
            Cursor::Pinned(pinned, id) => format!("p{}.{id}", u8::from(pinned)),
            Cursor::Count(count, id) => format!("c{count}.{id}"),
        };
        URL_SAFE_NO_PAD.encode(raw)
    }

    pub fn decode(text: &str) -> Option<Cursor> {
        let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(text).ok()?).ok()?;
        let (tag, rest) = raw.split_at_checked(1)?;
        match tag {
            "i" => rest.parse().ok().filter(|v| *v >= 0).map(Cursor::Id),
            "r" => {
                let (bits, id) = rest.split_once('.')?;
                let score = f64::from_bits(u64::from_str_radix(bits, 16).ok()?);
                let id = id.parse().ok()?;
                score.is_finite().then_some(Cursor::Rank(score, id))
            }
            "t" => {
                let (micros, id) = rest.split_once('.')?;
                let id: i64 = id.parse().ok()?;
                (id >= 0).then_some(Cursor::At(micros.parse().ok()?, id))
            }
            "p" => {
                let (pinned, id) = rest.split_once('.')?;
                let id: i64 = id.parse().ok()?;
                let pinned = match pinned {
                    "1" => true,
                    "0" => false,
                    _ => return None,
                };
                (id >= 0).then_some(Cursor::Pinned(pinned, id))
            }
            "c" => {
                let (count, id) = rest.split_once('.')?;
                let (count, id): (i64, i64) = (count.parse().ok()?, id.parse().ok()?);
                (count >= 0 && id >= 0).then_some(Cursor::Count(count, id))
            }
            _ => None,
        }
    }

    /// A cursor after a time and an id.
    pub fn at(time: chrono::NaiveDateTime, id: i64) -> Cursor {
        Cursor::At(time.and_utc().timestamp_micros(), id)
    }

    /// The time of an [`Cursor::At`] cursor.
    pub fn time(self) -> Option<chrono::NaiveDateTime> {
        match self {
            Cursor::At(micros, _) => {
                chrono::DateTime::from_timestamp_micros(micros).map(|t| t.naive_utc())
            }
            _ => None,
        }
    }

    pub fn after_id(self) -> i64 {
        match self {
            Cursor::Id(id)
            | Cursor::Rank(_, id)
            | Cursor::At(_, id)
            | Cursor::Pinned(_, id)
            | Cursor::Count(_, id) => id,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub size: i64,
    pub after: Option<Cursor>,
}

impl PageRequest {
    /// A page as `web::params` read it: its size, and a cursor it checked.
    pub fn new(size: Option<i64>, cursor: Option<&str>) -> PageRequest {
        PageRequest {
            size: size.unwrap_or(DEFAULT_PAGE_SIZE),
            after: cursor.and_then(Cursor::decode),
        }
    }

    /// Id-sorted pages: the smallest id this page may hold is above this.
    pub fn after_id(&self) -> i64 {
        self.after.map(Cursor::after_id).unwrap_or(0)
    }

    /// Rows are fetched with `limit(size + 1)`; the extra row tells whether a
    /// next page exists.
    pub fn fetch_limit(&self) -> i64 {
        self.size + 1
    }

    /// Cuts the extra row and returns the cursor for the next page.
    pub fn finish<T>(&self, rows: &mut Vec<T>, key: impl Fn(&T) -> Cursor) -> Option<Cursor> {
        if rows.len() as i64 > self.size {
            rows.truncate(self.size as usize);
            rows.last().map(key)
        } else {
            None
        }
    }
}

/// The filters of a list (declared with [`list_filters!`]): the page they
/// ask for.
pub trait Paged {
    fn page(&self) -> PageRequest;

    /// What is wrong with the filters together, beyond each parameter
    /// alone; reported with the other invalid parameters.
    fn check(&self, _page: &PageRequest) -> Option<InvalidParam> {
        None
    }
}

/// A page of a list (declared with [`page_type!`]): its items and links.
pub trait Page: Serialize {
    type Item;
    fn new(items: Vec<Self::Item>, links: PageLinks) -> Self;
}

/// The filters of a list that answers what left it since `updatedSince`
/// (`routes::synced_list`).
pub trait Synced: Paged {
    fn updated_since(&self) -> Option<DateTime<Utc>>;
}

/// A page that carries what left its list since `updatedSince` (declared
/// with [`page_type!`]`(.., synced: Resource)`): the deletions of
/// `RESOURCE`.
pub trait SyncedPage: Page {
    const RESOURCE: Resource;
    fn with_deleted(self, deleted: Vec<Deletion>) -> Self;
}

/// Something that left a list at or after `updatedSince`: deleted, or no
/// longer visible to you (a network that became members-only). Only its id
/// and when; remove it from your copy.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Deletion {
    /// Its id.
    #[schema(minimum = 1)]
    pub id: i64,
    /// When it was deleted, or left your view.
    #[serde(serialize_with = "crate::web::http::time")]
    pub deleted_at: DateTime<Utc>,
}

/// A link.
#[derive(Debug, Serialize, ToSchema)]
pub struct Link {
    /// An absolute URL.
    #[schema(format = "uri")]
    pub href: String,
}

/// Links of a page of results.
#[derive(Debug, Serialize, ToSchema)]
pub struct PageLinks {
    /// This page.
    #[serde(rename = "self")]
    pub this: Link,
    /// The next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub next: Option<Link>,
    /// The cursor of the next page, as `next` carries it (what a page's
    /// `nextCursor` gives).
    #[serde(skip)]
    pub next_cursor: Option<String>,
}

/// The scheme and host the client used (or `PUBLIC_URL`), without a slash.
pub fn base_url(req: &HttpRequest) -> String {
    if let Some(cfg) = req.app_data::<actix_web::web::Data<crate::AppState>>() {
        if let Some(url) = &cfg.config.public_url {
            return url.clone();
        }
    }
    let info = req.connection_info();
    format!("{}://{}", info.scheme(), info.host())
}

fn href(req: &HttpRequest, pairs: &[(String, String)]) -> String {
    let mut url = format!("{}{}", base_url(req), req.path());
    if !pairs.is_empty() {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        url.push('?');
        url.push_str(&query);
    }
    url
}

impl PageLinks {
    /// The links of a page: `pairs` are the query's parameters but the
    /// cursor (`Query::pairs_without_cursor`).
    pub fn new(
        req: &HttpRequest,
        mut pairs: Vec<(String, String)>,
        page: &PageRequest,
        next: Option<Cursor>,
    ) -> PageLinks {
        let mut this_pairs = pairs.clone();
        if let Some(c) = page.after {
            this_pairs.push(("cursor".into(), c.encode()));
        }
        let next_cursor = next.map(|c| c.encode());
        let next = next_cursor.as_ref().map(|c| {
            pairs.push(("cursor".into(), c.clone()));
            Link {
                href: href(req, &pairs),
            }
        });
        PageLinks {
            this: Link {
                href: href(req, &this_pairs),
            },
            next,
            next_cursor,
        }
    }
}

/// Declares a concrete page type (generic wrappers make poor schema names).
#[macro_export]
macro_rules! page_type {
    ($name:ident, $item:ty, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// The next page's `cursor`, the one `_links.next` carries;
            /// null on the last page.
            #[serde(rename = "nextCursor")]
            pub next_cursor: Option<String>,
            #[serde(rename = "_links")]
            pub links: $crate::web::pagination::PageLinks,
        }

        impl $crate::web::pagination::Page for $name {
            type Item = $item;
            fn new(items: Vec<$item>, links: $crate::web::pagination::PageLinks) -> $name {
                $name {
                    items,
                    next_cursor: links.next_cursor.clone(),
                    links,
                }
            }
        }
    };
    // A page of a list that syncs: with `deleted`, what left it since
    // `updatedSince` (`routes::synced_list`).
    ($name:ident, $item:ty, $doc:literal, synced: $resource:ident) => {
        #[doc = $doc]
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Only with `updatedSince`, on the first page (no `cursor`):
            /// every one that was deleted, or that you can no longer see, at
            /// or after that time, by id and time. Remove them from your
            /// copy. Kept as long as the platform sets
            /// (`DELETION_RETENTION_DAYS`, 90 days by default); an older
            /// `updatedSince` is refused (`400`, `range`, `fullSync`).
            #[serde(skip_serializing_if = "Option::is_none")]
            #[schema(nullable = false)]
            pub deleted: Option<Vec<$crate::web::pagination::Deletion>>,
            /// The next page's `cursor`, the one `_links.next` carries;
            /// null on the last page.
            #[serde(rename = "nextCursor")]
            pub next_cursor: Option<String>,
            #[serde(rename = "_links")]
            pub links: $crate::web::pagination::PageLinks,
        }

        impl $crate::web::pagination::Page for $name {
            type Item = $item;
            fn new(items: Vec<$item>, links: $crate::web::pagination::PageLinks) -> $name {
                $name {
                    items,
                    deleted: None,
                    next_cursor: links.next_cursor.clone(),
                    links,
                }
            }
        }

        impl $crate::web::pagination::SyncedPage for $name {
            const RESOURCE: $crate::queries::deletions::Resource =
                $crate::queries::deletions::Resource::$resource;
            fn with_deleted(self, deleted: Vec<$crate::web::pagination::Deletion>) -> $name {
                $name {
                    deleted: Some(deleted),
                    ..self
                }
            }
        }
    };
}

/// Declares the filters of a list, as `Query::read` reads them and the spec
/// documents them: the fields given, then `pageSize` and `cursor`, and the
/// page they ask for ([`Paged`]).
#[macro_export]
macro_rules! list_filters {
    ($(#[$meta:meta])* pub struct $name:ident { $($fields:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        #[into_params(parameter_in = Query, rename_all = "camelCase")]
        pub struct $name {
            $($fields)*
            #[param(minimum = 1, maximum = 100)]
            #[serde(default, deserialize_with = "crate::web::params::page_size")]
            pub page_size: Option<i64>,
            #[serde(default, deserialize_with = "crate::web::params::cursor")]
            pub cursor: Option<String>,
        }

        impl $crate::web::pagination::Paged for $name {
            fn page(&self) -> $crate::web::pagination::PageRequest {
                $crate::web::pagination::PageRequest::new(self.page_size, self.cursor.as_deref())
            }
        }
    };
}
