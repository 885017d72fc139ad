//! What a client sends to subscribe to events, and what it gets back: the
//! subscription (its secret only in the answer that makes it) and the
//! delivery log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::WebhookSubscription;
use crate::page_type;
use crate::web::extract::{not_null, nullable, Body};
use crate::web::http::utc;

/// A subscription of an API client to events.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookOut {
    pub id: i64,
    pub api_client_id: i64,
    /// Where deliveries go: `https`, never a private or loopback address.
    #[schema(example = "https://zaken.gemeente.example/themanet/webhooks")]
    pub url: String,
    /// The events it hears of.
    #[schema(example = json!(["network.updated", "goal.achieved"]))]
    pub events: Vec<String>,
    /// Only about networks in this municipality (CBS or NIS code).
    pub municipality: Option<String>,
    /// Only about this network.
    pub network_id: Option<i64>,
    /// Only about networks on this topic (slug).
    pub topic: Option<String>,
    /// False once switched off (after failing for 24 hours, or by its
    /// owner); `PATCH` with `active: true` switches it on again.
    pub active: bool,
    /// Since when its deliveries fail; null while they arrive.
    pub failing_since: Option<DateTime<Utc>>,
    /// When it was switched off; null while active.
    pub disabled_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

impl From<WebhookSubscription> for WebhookOut {
    fn from(s: WebhookSubscription) -> Self {
        WebhookOut {
            id: s.id,
            api_client_id: s.api_client_id,
            url: s.url,
            events: crate::webhooks::events::split(&s.events),
            municipality: s.municipality_code,
            network_id: s.network_id,
            topic: s.topic,
            active: s.disabled_at.is_none(),
            failing_since: s.failing_since.map(utc),
            disabled_at: s.disabled_at.map(utc),
            created_at: utc(s.created_at),
            updated_at: utc(s.updated_at),
        }
    }
}

/// A new subscription with its secret: shown this once.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookSecretOut {
    #[serde(flatten)]
    pub webhook: WebhookOut,
    /// The key of the `webhook-signature` of every delivery (Standard
    /// Webhooks: HMAC-SHA256 over `webhook-id.webhook-timestamp.body`,
    /// keyed with the base64-decoded part after `whsec_`).
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: String,
}

page_type!(
    WebhookPage,
    WebhookOut,
    "An API client's webhook subscriptions."
);

crate::list_filters! {
    /// The subscriptions have no filters beyond the page.
    pub struct WebhookFilters {}
}

/// A subscription to make, or the changes to one (a JSON merge patch).
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebhookInput {
    /// `https` (`http` and loopback only where the platform allows them
    /// for development), never a private or loopback address.
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(
        max_length = 2000,
        example = "https://zaken.gemeente.example/themanet/webhooks"
    )]
    #[serde(default, deserialize_with = "not_null")]
    pub url: Option<String>,
    /// One or more of `network.created`, `network.updated`,
    /// `network.deleted`, `goal.created`, `goal.achieved`, `meeting.planned`,
    /// `meeting.cancelled`, `knowledge_link.added`,
    /// `question.status_changed`.
    #[serde(default, deserialize_with = "not_null")]
    pub events: Option<Vec<String>>,
    /// Only networks in this municipality; null for any.
    #[schema(example = "GM0344")]
    #[serde(default, deserialize_with = "nullable")]
    pub municipality: Option<Option<String>>,
    /// Only this network; null for any.
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "nullable")]
    pub network_id: Option<Option<i64>>,
    /// Only networks on this topic (slug); null for any.
    #[serde(default, deserialize_with = "nullable")]
    pub topic: Option<Option<String>>,
    /// `true` switches a switched-off subscription on again; `false`
    /// switches it off.
    #[serde(default, deserialize_with = "not_null")]
    pub active: Option<bool>,
}

impl Body for WebhookInput {
    const REQUIRED: &'static [&'static str] = &["url", "events"];
}

/// One try of one delivery, as the delivery log keeps it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryAttemptOut {
    pub id: i64,
    /// The delivery's stable id, sent as `webhook-id` at every try.
    #[schema(example = "msg_4f1c9a0b2d3e4f5611223344556677aa")]
    pub event_id: String,
    #[schema(example = "goal.achieved")]
    pub event_type: String,
    /// 1 for the first try.
    pub attempt: i32,
    #[serde(serialize_with = "crate::web::http::time")]
    pub at: DateTime<Utc>,
    /// The receiver's answer; null when it could not be reached or did not
    /// answer in time.
    pub status_code: Option<i32>,
    pub duration_ms: i64,
    /// What went wrong; null when it arrived.
    pub error: Option<String>,
    /// When it is tried again; null when it arrived or was given up.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// Where the delivery stands now: `pending`, `delivered` or `failed`.
    #[schema(example = "delivered")]
    pub delivery_status: String,
}

page_type!(
    DeliveryAttemptPage,
    DeliveryAttemptOut,
    "A subscription's delivery log, the newest try first."
);

crate::list_filters! {
    /// The delivery log has no filters beyond the page.
    pub struct DeliveryAttemptFilters {}
}

/// A test event on its way.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PingOut {
    /// Its `webhook-id`; find its tries in the delivery log.
    pub event_id: String,
}
