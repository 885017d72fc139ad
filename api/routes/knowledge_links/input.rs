//! What a client sends to add or change a knowledge link, and how it
//! applies to a link's values.

use std::net::IpAddr;

use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{KnowledgeLink, KnowledgeLinkValues};
use crate::domain::{Audience, LANGUAGES};
use crate::routes::{clean_tags, validate_tag_list};
use crate::web::error::{Code, InvalidParam};
use crate::web::extract::{merge, merge_opt, nullable, Body};

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
    /// The articles of the UN Convention on the rights of persons with
    /// disabilities it is about, 1 to 33 (see `/convention-articles`); the
    /// list replaces the one before.
    #[validate(custom(function = "crate::convention::validate"))]
    #[schema(max_items = 33, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub articles: Option<Option<Vec<i64>>>,
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

/// Why an address that does not lead to a public site is refused.
const NOT_PUBLIC: &str = "must point to a public site";

/// Accepts only http(s) addresses of public hosts.
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
    /// Applies this input to current values, collecting every problem.
    pub fn apply(
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
        if let Some(a) = self.articles {
            v.articles = crate::convention::join(&a.unwrap_or_default());
        }
        merge_opt(&mut v.network_id, self.network_id);
    }
}

impl From<&KnowledgeLink> for KnowledgeLinkValues {
    fn from(l: &KnowledgeLink) -> Self {
        KnowledgeLinkValues {
            url: l.url.clone(),
            title: l.title.clone(),
            summary: l.summary.clone(),
            language: l.language.clone(),
            network_id: l.network_id,
            articles: l.articles.clone(),
        }
    }
}
