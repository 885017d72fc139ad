//! What the message board's endpoints take and answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{Message, MessageValues};
use crate::page_type;
use crate::web::error::{Code, InvalidParam};
use crate::web::extract::{merge, nullable, Body};
use crate::web::http::utc;
use crate::web::params;

/// A message on a network's board, or a reply to one.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MessageOut {
    pub id: i64,
    pub network_id: i64,
    /// The message this replies to; none for a message.
    pub parent_id: Option<i64>,
    /// Empty for a reply.
    pub title: String,
    /// The text as written, in the board's small Markdown: paragraphs,
    /// line breaks, `**bold**`, `*italic*`, lists of `- ` lines, links
    /// `[text](https://...)` and bare https addresses.
    pub body: String,
    /// The text as safe HTML: everything escaped, then only `<p>`, `<br>`,
    /// `<strong>`, `<em>`, `<ul>`, `<li>` and `<a href rel="nofollow ugc">`
    /// (http and https).
    pub body_html: String,
    /// The author's profile, when you may see their name; none when the
    /// profile is gone.
    pub author_id: Option<i64>,
    /// The author's name, when you may see it (members see each other's;
    /// others only the names of people who agreed to be listed).
    pub author_name: Option<String>,
    pub by_me: bool,
    /// Shown first (set by the core group).
    pub pinned: bool,
    /// Seen by everyone who sees the network, not only its members (set by
    /// the core group).
    pub public: bool,
    /// Hidden by a coordinator; only coordinators see it.
    pub hidden: bool,
    /// Why it was hidden: for coordinators only, otherwise absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub hidden_reason: Option<String>,
    /// Replies you may see.
    pub reply_count: i64,
    /// For coordinators: how many people reported it; absent for others.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub report_count: Option<i64>,
    pub reported_by_me: bool,
    pub may_edit: bool,
    pub may_delete: bool,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(MessagePage, MessageOut, "A page of messages.");

/// What [`MessageOut`] needs beside the row.
pub struct MessageView {
    pub author_name: Option<String>,
    pub by_me: bool,
    pub moderator: bool,
    pub reply_count: i64,
    pub report_count: i64,
    pub reported_by_me: bool,
    pub may_edit: bool,
    pub may_delete: bool,
}

impl MessageOut {
    pub fn new(m: Message, view: MessageView) -> MessageOut {
        let body_html = crate::markdown::render(&m.body);
        MessageOut {
            id: m.id,
            network_id: m.network_id,
            parent_id: m.parent_id,
            title: m.title,
            body: m.body,
            body_html,
            author_id: m
                .author_stakeholder_id
                .filter(|_| view.author_name.is_some()),
            author_name: view.author_name,
            by_me: view.by_me,
            pinned: m.pinned,
            public: m.public,
            hidden: m.hidden,
            hidden_reason: view.moderator.then_some(m.hidden_reason),
            reply_count: view.reply_count,
            report_count: view.moderator.then_some(view.report_count),
            reported_by_me: view.reported_by_me,
            may_edit: view.may_edit,
            may_delete: view.may_delete,
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
        }
    }
}

crate::list_filters! {
/// Filters for a network's message board.
pub struct MessageFilters {
    /// `true`: only public announcements (readable before you accepted the
    /// house rules).
    #[serde(default, deserialize_with = "params::flag")]
    pub public_only: Option<bool>,
    /// Only messages changed at or after this time.
    #[serde(default, deserialize_with = "params::date_time")]
    pub updated_since: Option<DateTime<Utc>>,
}
}

crate::list_filters! {
/// Filters for the replies to a message.
pub struct ReplyFilters {
    /// Only replies changed at or after this time.
    #[serde(default, deserialize_with = "params::date_time")]
    pub updated_since: Option<DateTime<Utc>>,
}
}

/// A message, as posted (POST: `title` and `body` required) or changed
/// (PATCH: JSON merge patch). The author writes `title` and `body`; the
/// core group sets `pinned` and `public`; coordinators hide it
/// (`hidden: true` with a `hiddenReason`) or show it again.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MessageInput {
    /// Not for replies.
    #[validate(length(min = 3, max = 200, message = "must have 3 to 200 characters"))]
    #[schema(min_length = 3, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub title: Option<Option<String>>,
    /// In the board's small Markdown (see `MessageOut.body`).
    #[validate(length(min = 1, max = 10000, message = "must have 1 to 10000 characters"))]
    #[schema(min_length = 1, max_length = 10000, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub body: Option<Option<String>>,
    /// Core group: show it first. Not for replies.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub pinned: Option<Option<bool>>,
    /// Core group: an announcement everyone who sees the network reads.
    /// Not for replies.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub public: Option<Option<bool>>,
    /// Coordinators: hide it (with `hiddenReason`) or show it again.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub hidden: Option<Option<bool>>,
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000)]
    #[serde(default, deserialize_with = "nullable")]
    pub hidden_reason: Option<Option<String>>,
}

impl Body for MessageInput {
    const REQUIRED: &'static [&'static str] = &["title", "body"];
}

/// A reply to a message.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReplyInput {
    /// In the board's small Markdown (see `MessageOut.body`).
    #[validate(length(min = 1, max = 10000, message = "must have 1 to 10000 characters"))]
    #[schema(min_length = 1, max_length = 10000)]
    pub body: Option<String>,
}

impl Body for ReplyInput {
    const REQUIRED: &'static [&'static str] = &["body"];
}

/// A report of a message to the network's coordinators.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportInput {
    /// What is wrong with it, in a few words.
    #[validate(length(min = 3, max = 1000, message = "must have 3 to 1000 characters"))]
    #[schema(min_length = 3, max_length = 1000)]
    pub reason: Option<String>,
}

impl Body for ReportInput {
    const REQUIRED: &'static [&'static str] = &["reason"];
}

impl From<&Message> for MessageValues {
    fn from(m: &Message) -> Self {
        MessageValues {
            title: m.title.clone(),
            body: m.body.clone(),
            pinned: m.pinned,
            public: m.public,
            hidden: m.hidden,
            hidden_reason: m.hidden_reason.clone(),
        }
    }
}

impl MessageInput {
    /// Whether it changes what the author writes.
    pub fn writes(&self) -> bool {
        self.title.is_some() || self.body.is_some()
    }

    /// Whether it pins or publishes (the core group's).
    pub fn announces(&self) -> bool {
        self.pinned.is_some() || self.public.is_some()
    }

    /// Whether it hides or shows (the coordinators').
    pub fn moderates(&self) -> bool {
        self.hidden.is_some() || self.hidden_reason.is_some()
    }

    /// Applies this input to current values, collecting every problem.
    /// `reply`: the message is a reply (no title, never pinned or public).
    pub fn apply(self, v: &mut MessageValues, reply: bool, errors: &mut Vec<InvalidParam>) {
        if reply {
            for (name, given) in [
                ("title", self.title.is_some()),
                ("pinned", self.pinned.is_some()),
                ("public", self.public.is_some()),
            ] {
                if given {
                    errors.push(
                        InvalidParam::new(name, Code::Rule, "is not for a reply")
                            .expected("topLevelMessage"),
                    );
                }
            }
        } else {
            merge(
                &mut v.title,
                self.title.map(|t| t.map(|s| s.trim().to_string())),
                "title",
                errors,
            );
            merge(&mut v.pinned, self.pinned, "pinned", errors);
            merge(&mut v.public, self.public, "public", errors);
        }
        merge(
            &mut v.body,
            self.body.map(|t| t.map(|s| s.trim().to_string())),
            "body",
            errors,
        );
        if v.body.is_empty() && !errors.iter().any(|e| e.name == "body") {
            errors.push(InvalidParam::new(
                "body",
                Code::Required,
                "may not be empty",
            ));
        }
        merge(&mut v.hidden, self.hidden, "hidden", errors);
        if let Some(r) = self.hidden_reason {
            v.hidden_reason = r.unwrap_or_default().trim().to_string();
        }
        if !v.hidden {
            v.hidden_reason.clear();
        } else if v.hidden_reason.is_empty() {
            errors.push(
                InvalidParam::new(
                    "hiddenReason",
                    Code::Required,
                    "is required when a message is hidden: say why, for the other coordinators",
                )
                .expected("hiddenReason"),
            );
        }
    }
}
