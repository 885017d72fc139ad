//! The events a subscription can ask for, and how a change writes its
//! deliveries: in the change's own transaction, one per subscription that
//! wants the event, about a network it may hear of.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{
    api_clients, memberships, network_topics, networks, webhook_deliveries, webhook_events,
    webhook_subscriptions,
};
use crate::db::DbConn;
use crate::domain::Visibility;
use crate::web::error::ApiError;

/// Every event a subscription can ask for.
pub const EVENTS: &[&str] = &[
    "network.created",
    "network.updated",
    "network.deleted",
    "goal.created",
    "goal.achieved",
    "meeting.planned",
    "meeting.cancelled",
    "knowledge_link.added",
    "question.status_changed",
];

/// The test event a subscription's owner sends to it (`POST
/// /webhooks/{webhookId}/ping`).
pub const PING: &str = "webhook.ping";

/// What happened, to which resource, in which network.
pub struct Event<'a> {
    /// One of [`EVENTS`].
    pub kind: &'static str,
    /// The resource's id and its address below `/api/v1` (`/goals/7`).
    pub id: i64,
    pub path: String,
    /// The network it concerns; `None` for a platform-wide knowledge link.
    pub network_id: Option<i64>,
    /// The API's address as the receiver reaches it (`https://host`).
    pub base: &'a str,
    /// For the network's members only (a members-only meeting): heard of
    /// only by clients whose organisation is a member.
    pub members_only: bool,
}

/// A delivery's status: waiting for its (next) try, delivered, or given up.
pub const PENDING: &str = "pending";
pub const DELIVERED: &str = "delivered";
pub const FAILED: &str = "failed";

/// The network facts a subscription filters on.
struct Facts {
    public: bool,
    municipality: Option<String>,
    topics: Vec<String>,
}

/// A subscription that wants an event: its id, its client's organisation,
/// and its filters (municipality, network, topic).
type Wanting = (i64, i64, Option<String>, Option<i64>, Option<String>);

/// Writes `event` once, in the caller's transaction, with the
/// subscriptions that want it; the worker makes their deliveries
/// ([`fan_out`]). Returns how many subscriptions want it. A subscription
/// hears of a members-only network only when its client's organisation is
/// a member. Call it before a row is deleted, while its network can still
/// be read.
pub fn emit(conn: &mut DbConn, event: &Event) -> Result<usize, ApiError> {
    let pattern = format!("%,{},%", event.kind);
    let wanting: Vec<Wanting> = webhook_subscriptions::table
        .inner_join(api_clients::table)
        .filter(webhook_subscriptions::disabled_at.is_null())
        .filter(webhook_subscriptions::events.like(pattern))
        .select((
            webhook_subscriptions::id,
            api_clients::stakeholder_id,
            webhook_subscriptions::municipality_code,
            webhook_subscriptions::network_id,
            webhook_subscriptions::topic,
        ))
        .load(conn)?;
    if wanting.is_empty() {
        return Ok(0);
    }
    let facts = match event.network_id {
        Some(id) => Some(facts(conn, id)?),
        None => None,
    };
    // Who may hear of it when it is not public: the member organisations
    // among the subscribers, in one query.
    let members: Vec<i64> = match (&facts, event.network_id) {
        (Some(f), Some(id)) if !f.public || event.members_only => {
            let organisations: Vec<i64> = wanting.iter().map(|w| w.1).collect();
            memberships::table
                .filter(memberships::network_id.eq(id))
                .filter(memberships::stakeholder_id.eq_any(organisations))
                .select(memberships::stakeholder_id)
                .load(conn)?
        }
        _ => Vec::new(),
    };
    let chosen: Vec<String> = wanting
        .into_iter()
        .filter(|(_, organisation, municipality, network, topic)| {
            match (&facts, event.network_id) {
                (Some(f), Some(id)) => {
                    network.is_none_or(|n| n == id)
                        && municipality
                            .as_ref()
                            .is_none_or(|m| f.municipality.as_deref() == Some(m.as_str()))
                        && topic.as_ref().is_none_or(|t| f.topics.contains(t))
                        && ((f.public && !event.members_only) || members.contains(organisation))
                }
                // A platform-wide link: no network, municipality or topic.
                _ => network.is_none() && municipality.is_none() && topic.is_none(),
            }
        })
        .map(|(subscription, ..)| subscription.to_string())
        .collect();
    if chosen.is_empty() {
        return Ok(0);
    }
    diesel::insert_into(webhook_events::table)
        .values((
            webhook_events::event_type.eq(event.kind),
            webhook_events::payload.eq(payload(event)),
            webhook_events::subscriptions.eq(format!(",{},", chosen.join(","))),
            webhook_events::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    crate::db::after_write(super::worker::wake);
    Ok(chosen.len())
}

/// Turns up to `limit` written events, oldest first, into one delivery per
/// subscription that wants it and still exists, and removes them; returns
/// how many deliveries it wrote. Run in a write transaction: on PostgreSQL
/// the events are locked with `SKIP LOCKED`, so the workers of several
/// instances never make one event's deliveries twice.
pub fn fan_out(conn: &mut DbConn, limit: i64) -> Result<usize, ApiError> {
    macro_rules! oldest {
        () => {
            webhook_events::table
                .order(webhook_events::id)
                .limit(limit)
                .select((
                    webhook_events::id,
                    webhook_events::event_type,
                    webhook_events::payload,
                    webhook_events::subscriptions,
                    webhook_events::created_at,
                ))
        };
    }
    type Written = (i64, String, String, String, NaiveDateTime);
    let events: Vec<Written> = match conn {
        DbConn::Pg(c) => oldest!().for_update().skip_locked().load(c)?,
        DbConn::Sqlite(c) => oldest!().load(c)?,
    };
    if events.is_empty() {
        return Ok(0);
    }
    // Each event's subscriptions, read from their list once.
    let wanted: Vec<Vec<i64>> = events
        .iter()
        .map(|e| e.3.split(',').filter_map(|id| id.parse().ok()).collect())
        .collect();
    let existing: std::collections::HashSet<i64> = webhook_subscriptions::table
        .filter(webhook_subscriptions::id.eq_any(wanted.concat()))
        .select(webhook_subscriptions::id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    let now = Utc::now().naive_utc();
    let rows: Vec<_> = events
        .iter()
        .zip(&wanted)
        .flat_map(|((_, kind, payload, _, created), ids)| {
            ids.iter()
                .filter(|id| existing.contains(id))
                .map(|&id| delivery(id, new_event_id(), kind, payload, *created, now))
        })
        .collect();
    let written = if rows.is_empty() {
        0
    } else {
        crate::db::on_each!(conn, c => diesel::insert_into(webhook_deliveries::table)
            .values(rows)
            .execute(c))?
    };
    let done: Vec<i64> = events.iter().map(|e| e.0).collect();
    diesel::delete(webhook_events::table.filter(webhook_events::id.eq_any(done))).execute(conn)?;
    Ok(written)
}

/// A delivery's stable id, the `webhook-id` of every try.
fn new_event_id() -> String {
    format!("msg_{}", crate::mail::outbox::random_hex(16))
}

/// The row of one delivery of an event that happened at `created`, due at
/// `due`.
#[expect(clippy::type_complexity)]
fn delivery<'p>(
    subscription: i64,
    event_id: String,
    kind: &'p str,
    payload: &'p str,
    created: NaiveDateTime,
    due: NaiveDateTime,
) -> (
    diesel::dsl::Eq<webhook_deliveries::subscription_id, i64>,
    diesel::dsl::Eq<webhook_deliveries::event_id, String>,
    diesel::dsl::Eq<webhook_deliveries::event_type, &'p str>,
    diesel::dsl::Eq<webhook_deliveries::payload, &'p str>,
    diesel::dsl::Eq<webhook_deliveries::status, &'static str>,
    diesel::dsl::Eq<webhook_deliveries::next_attempt_at, NaiveDateTime>,
    diesel::dsl::Eq<webhook_deliveries::created_at, NaiveDateTime>,
) {
    (
        webhook_deliveries::subscription_id.eq(subscription),
        webhook_deliveries::event_id.eq(event_id),
        webhook_deliveries::event_type.eq(kind),
        webhook_deliveries::payload.eq(payload),
        webhook_deliveries::status.eq(PENDING),
        webhook_deliveries::next_attempt_at.eq(due),
        webhook_deliveries::created_at.eq(created),
    )
}

/// Writes one delivery, due now; returns its id.
pub fn write(
    conn: &mut DbConn,
    subscription: i64,
    kind: &'static str,
    payload: &str,
) -> Result<String, ApiError> {
    let event_id = new_event_id();
    let now = Utc::now().naive_utc();
    diesel::insert_into(webhook_deliveries::table)
        .values(delivery(
            subscription,
            event_id.clone(),
            kind,
            payload,
            now,
            now,
        ))
        .execute(conn)?;
    Ok(event_id)
}

/// The body: the event, when, and the resource's id and address.
fn payload(event: &Event) -> String {
    serde_json::json!({
        "type": event.kind,
        "timestamp": Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": {
            "id": event.id,
            "networkId": event.network_id,
            "url": format!("{}/api/v1{}", event.base.trim_end_matches('/'), event.path),
        },
    })
    .to_string()
}

fn facts(conn: &mut DbConn, network: i64) -> Result<Facts, ApiError> {
    let (visibility, municipality): (String, Option<String>) = networks::table
        .find(network)
        .select((networks::visibility, networks::municipality_code))
        .first(conn)?;
    let topics = network_topics::table
        .filter(network_topics::network_id.eq(network))
        .select(network_topics::topic)
        .load(conn)?;
    Ok(Facts {
        public: Visibility::from_db(&visibility) == Visibility::Public,
        municipality,
        topics,
    })
}

/// Events as stored: sorted, each between commas (`,goal.achieved,`), so a
/// subscription is found with `LIKE`.
pub fn join(events: &[String]) -> String {
    let mut sorted: Vec<&str> = events.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    format!(",{},", sorted.join(","))
}

/// The stored events as a list.
pub fn split(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|e| !e.is_empty())
        .map(str::to_string)
        .collect()
}

impl<'a> Event<'a> {
    /// An event about a network itself.
    pub fn network(kind: &'static str, id: i64, base: &'a str) -> Event<'a> {
        Event {
            kind,
            id,
            path: format!("/networks/{id}"),
            network_id: Some(id),
            base,
            members_only: false,
        }
    }

    /// An event about something of a network: a goal, a meeting, a link.
    pub fn of(
        kind: &'static str,
        path: String,
        id: i64,
        network_id: Option<i64>,
        base: &'a str,
    ) -> Event<'a> {
        Event {
            kind,
            id,
            path,
            network_id,
            base,
            members_only: false,
        }
    }
}
