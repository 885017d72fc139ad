//! What a client sends to start or change a network, and how it applies to
//! a network's values.

use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{Network, NetworkValues};
use crate::domain::{NetworkStatus, Scope, Visibility};
use crate::routes::{clean_tags, non_empty, validate_tag_list};
use crate::web::error::InvalidParam;
use crate::web::extract::{merge, merge_opt, nullable, Body};

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
    /// The articles of the UN Convention on the rights of persons with
    /// disabilities it works on, 1 to 33 (see `/convention-articles`); the
    /// list replaces the one before.
    #[validate(custom(function = "crate::convention::validate"))]
    #[schema(max_items = 33, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub articles: Option<Option<Vec<i64>>>,
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
    #[schema(pattern = "^(PV[0-9]{2}|[0-9]{5})$", example = "PV23")]
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
    /// Returns the province it gives, if any, for `rules::check`.
    pub fn apply(
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
        if let Some(a) = self.articles {
            v.articles = crate::convention::join(&a.unwrap_or_default());
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
            articles: n.articles.clone(),
        }
    }
}
