//! What the raised-question endpoints take, and how it applies to a row.

use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{Question, QuestionValues};
use crate::domain::QuestionStatus;
use crate::routes::knowledge_links::check_url;
use crate::web::error::{Code, InvalidParam};
use crate::web::extract::{merge, nullable, Body};

/// Links a question carries at most.
pub const MAX_LINKS: usize = 10;

/// A question as raised (POST: `toNetworkId`, `title`, `question` and
/// `beyond` required) or changed by the raising network before it is
/// received (PATCH: JSON merge patch, without `toNetworkId`).
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuestionInput {
    /// The network it is raised to: the raising network's parent, or a
    /// national network.
    #[schema(minimum = 1, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub to_network_id: Option<Option<i64>>,
    #[validate(length(min = 3, max = 200, message = "must have 3 to 200 characters"))]
    #[schema(min_length = 3, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub title: Option<Option<String>>,
    /// The question itself.
    #[validate(length(min = 10, max = 5000, message = "must have 10 to 5000 characters"))]
    #[schema(min_length = 10, max_length = 5000, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub question: Option<Option<String>>,
    /// Why it goes beyond the raising network's own level.
    #[validate(length(min = 10, max = 3000, message = "must have 10 to 3000 characters"))]
    #[schema(min_length = 10, max_length = 3000, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub beyond: Option<Option<String>>,
    /// What the raising network tried already.
    #[validate(length(max = 3000, message = "must have at most 3000 characters"))]
    #[schema(max_length = 3000)]
    #[serde(default, deserialize_with = "nullable")]
    pub tried: Option<Option<String>>,
    /// Web addresses that go with it (http or https, at most 10).
    #[schema(max_items = 10)]
    #[serde(default, deserialize_with = "nullable")]
    pub links: Option<Option<Vec<String>>>,
}

impl Body for QuestionInput {
    const REQUIRED: &'static [&'static str] = &["toNetworkId", "title", "question", "beyond"];
}

impl From<&Question> for QuestionValues {
    fn from(q: &Question) -> Self {
        QuestionValues {
            title: q.title.clone(),
            question: q.question.clone(),
            beyond: q.beyond.clone(),
            tried: q.tried.clone(),
            link_list: q.link_list.clone(),
            status: q.status.clone(),
            answer: q.answer.clone(),
            agenda_item_id: q.agenda_item_id,
        }
    }
}

/// A question's links, as stored (one per line).
pub fn links_of(q: &Question) -> Vec<String> {
    q.link_list.lines().map(str::to_string).collect()
}

fn trimmed(value: Option<Option<String>>) -> Option<Option<String>> {
    value.map(|t| t.map(|s| s.trim().to_string()))
}

impl QuestionInput {
    /// Applies this input to current values, collecting every problem.
    pub fn apply(self, v: &mut QuestionValues, errors: &mut Vec<InvalidParam>) {
        merge(&mut v.title, trimmed(self.title), "title", errors);
        merge(&mut v.question, trimmed(self.question), "question", errors);
        merge(&mut v.beyond, trimmed(self.beyond), "beyond", errors);
        if let Some(t) = self.tried {
            v.tried = t.unwrap_or_default().trim().to_string();
        }
        if let Some(links) = self.links {
            let links = links.unwrap_or_default();
            if links.len() > MAX_LINKS {
                errors.push(
                    InvalidParam::new("links", Code::Length, "may hold at most 10 links")
                        .bounds(None, Some(MAX_LINKS as i64)),
                );
            }
            let mut kept = Vec::new();
            for (i, raw) in links.iter().enumerate() {
                match check_url(raw) {
                    Ok(url) if !kept.contains(&url) => kept.push(url),
                    Ok(_) => {}
                    Err(reason) => errors.push(
                        InvalidParam::new(format!("links[{i}]"), Code::Format, reason)
                            .expected("url"),
                    ),
                }
            }
            v.link_list = kept.join("\n");
        }
    }
}

/// A step the receiving network's core group takes with a question.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuestionStepInput {
    /// Where it moves: forward only; `answered` and `declined` end it.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub status: Option<Option<QuestionStatus>>,
    /// What the network says with this step; required for `answered` (the
    /// answer) and `declined` (why).
    #[validate(length(max = 5000, message = "must have at most 5000 characters"))]
    #[schema(max_length = 5000)]
    #[serde(default, deserialize_with = "nullable")]
    pub note: Option<Option<String>>,
    /// With `on_agenda`: the agenda item it is on, in a meeting of the
    /// receiving network.
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "nullable")]
    pub agenda_item_id: Option<Option<i64>>,
}

impl Body for QuestionStepInput {
    const REQUIRED: &'static [&'static str] = &["status"];
}

/// A network's support for a question (`networkId`: the supporting network,
/// whose core group you are in).
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuestionSupportInput {
    #[schema(minimum = 1, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub network_id: Option<Option<i64>>,
    /// What your network adds ("wij herkennen dit ook: ...").
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000)]
    #[serde(default, deserialize_with = "nullable")]
    pub note: Option<Option<String>>,
}

impl Body for QuestionSupportInput {
    const REQUIRED: &'static [&'static str] = &["networkId"];
}
