//! The wire types of the outbox.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::models::OutboxMail;
use crate::domain::{MailKind, MailLanguage, MailStatus};
use crate::web::http::utc;
use crate::web::params;

/// A mail in the outbox.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OutboxMailOut {
    pub id: i64,
    pub kind: MailKind,
    pub status: MailStatus,
    #[schema(format = "email")]
    pub recipient: String,
    pub language: MailLanguage,
    pub subject: String,
    /// The plain-text part (empty once sent); only in a single mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub text: Option<String>,
    /// The HTML part (empty once sent); only in a single mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub html: Option<String>,
    pub message_id: String,
    pub attempts: i32,
    /// What the SMTP server answered to the last failed attempt.
    pub last_error: Option<String>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub next_attempt_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl OutboxMailOut {
    pub fn new(m: OutboxMail, with_body: bool) -> OutboxMailOut {
        OutboxMailOut {
            id: m.id,
            kind: MailKind::from_db(&m.kind),
            status: MailStatus::from_db(&m.status),
            recipient: m.recipient,
            language: MailLanguage::from_db(&m.language),
            subject: m.subject,
            text: with_body.then_some(m.body_text),
            html: with_body.then_some(m.body_html),
            message_id: m.message_id,
            attempts: m.attempts,
            last_error: m.last_error,
            created_at: utc(m.created_at),
            next_attempt_at: utc(m.next_attempt_at),
            sent_at: m.sent_at.map(utc),
        }
    }
}

crate::page_type!(
    OutboxPage,
    OutboxMailOut,
    "A page of the outbox, newest first."
);

crate::list_filters! {
    /// Filters for the outbox.
    pub struct OutboxFilters {
        /// Only mail in this state.
        #[param(inline, value_type = Option<MailStatus>)]
        #[serde(default, deserialize_with = "params::choice")]
        pub status: Option<MailStatus>,
        /// Only mail of this kind.
        #[param(inline, value_type = Option<MailKind>)]
        #[serde(default, deserialize_with = "params::choice")]
        pub kind: Option<MailKind>,
    }
}
