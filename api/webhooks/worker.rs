//! The worker that sends webhook deliveries, one thread per `serve`
//! process. It claims what is due (on PostgreSQL with `SKIP LOCKED`, and
//! for a while only, so with several instances each delivery is sent by
//! one, and one that dies mid-send leaves it to be claimed again), sends
//! it signed, and writes the try to the delivery log.
//!
//! A failed try is repeated after growing waits, as the Standard Webhooks
//! specification suggests: 5 seconds, 5 minutes, 30 minutes, 2, 5, 10 and
//! 10 hours; after the eighth try the delivery is given up. A subscription
//! whose deliveries have failed for 24 hours is switched off, and whoever
//! made its API client is told by mail.

use std::time::{Duration, Instant};

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::events::{DELIVERED, FAILED, PENDING};
use super::{send, sign, target};
use crate::db::outbox::{outbox_claim, outbox_due, Wake};
use crate::db::schema::{
    api_clients, users, webhook_attempts, webhook_deliveries, webhook_events, webhook_subscriptions,
};
use crate::db::{self, DbConn, DbPool};
use crate::domain::{MailKind, MailLanguage};
use crate::mail::outbox::{enqueue, Outgoing};
use crate::mail::texts;
use crate::web::error::ApiError;

/// The waits after the first to the seventh failed try; the eighth ends it.
pub const SCHEDULE: [i64; 7] = [5, 300, 1800, 7200, 18000, 36000, 36000];
/// How long a worker holds a delivery it claimed.
pub const CLAIM: chrono::Duration = chrono::Duration::seconds(120);
/// A subscription failing this long is switched off.
pub const SWITCH_OFF_AFTER: chrono::Duration = chrono::Duration::hours(24);

/// What the worker needs to know.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `WEBHOOK_ALLOW_LOOPBACK`: `http` and loopback addresses allowed.
    pub allow_loopback: bool,
    /// How long a receiver has to answer.
    pub timeout: Duration,
    /// The web frontend's address, for the owner's mail.
    pub base_url: String,
}

/// A claimed delivery with where and how it goes.
#[derive(Debug, Queryable)]
struct Claimed {
    id: i64,
    subscription_id: i64,
    event_id: String,
    payload: String,
    attempts: i32,
    url: String,
    secret: String,
}

/// How one try went.
struct Outcome {
    status_code: Option<u16>,
    error: Option<String>,
    duration_ms: i64,
}

impl Outcome {
    fn delivered(&self) -> bool {
        self.status_code.is_some_and(|c| (200..300).contains(&c))
    }
}

/// How many deliveries a worker claims at once, and how many it sends at
/// the same time: few enough that their tries, each within
/// `WEBHOOK_TIMEOUT_SECONDS` (at most 10 seconds), end well before the
/// claim ([`CLAIM`]) runs out (50 / 8 rounds of 10 seconds at most), and
/// many enough that a busy worker writes its log in few transactions.
pub const BATCH: i64 = 50;
const SENDERS: usize = 8;

/// How many written events a round turns into deliveries.
const FAN_OUT: i64 = 100;

/// Claims what is due at `now` ([`BATCH`] at a time), sends it and logs
/// each try, all tries of a batch in one transaction; returns how many were
/// delivered. While batches come full, each transaction that logs one
/// batch's tries also claims the next, so a busy worker writes once per
/// batch.
pub fn deliver_due(
    pool: &DbPool,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<usize, ApiError> {
    let mut claimed = db::write_blocking(pool, |conn| {
        super::events::fan_out(conn, FAN_OUT)?;
        claim(conn, now, BATCH)
    })?;
    let mut delivered = 0;
    while !claimed.is_empty() {
        let outcomes = send_all(&claimed, settings);
        delivered += outcomes.iter().filter(|o| o.delivered()).count();
        let full = claimed.len() as i64 == BATCH;
        claimed = db::write_blocking(pool, |conn| {
            for (delivery, outcome) in claimed.iter().zip(&outcomes) {
                record(conn, delivery, outcome, now, settings)?;
            }
            if full {
                super::events::fan_out(conn, FAN_OUT)?;
                claim(conn, now, BATCH)
            } else {
                Ok(Vec::new())
            }
        })?;
    }
    Ok(delivered)
}

/// Tries every claimed delivery, [`SENDERS`] at a time; the outcomes in
/// the same order.
fn send_all(claimed: &[Claimed], settings: &Settings) -> Vec<Outcome> {
    std::thread::scope(|scope| {
        let sending: Vec<_> = claimed
            .chunks(claimed.len().div_ceil(SENDERS).max(1))
            .map(|chunk| {
                let sender = scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|d| attempt(d, settings))
                        .collect::<Vec<_>>()
                });
                (chunk.len(), sender)
            })
            .collect();
        sending
            .into_iter()
            .flat_map(|(count, sender)| {
                sender.join().unwrap_or_else(|_| {
                    (0..count)
                        .map(|_| Outcome {
                            status_code: None,
                            error: Some("the sender stopped".into()),
                            duration_ms: 0,
                        })
                        .collect()
                })
            })
            .collect()
    })
}

/// Whether anything is due at `now` (a read, so an idle worker takes no
/// write lock).
pub fn due(conn: &mut DbConn, now: NaiveDateTime) -> Result<bool, ApiError> {
    // One question: an event to fan out, or a delivery due.
    Ok(diesel::select(
        diesel::dsl::exists(webhook_events::table.select(webhook_events::id)).or(
            diesel::dsl::exists(outbox_due!(webhook_deliveries, PENDING, now)),
        ),
    )
    .get_result(conn)?)
}

fn claim(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> Result<Vec<Claimed>, ApiError> {
    let ids = outbox_claim!(conn, webhook_deliveries, PENDING, now, now + CLAIM, limit);
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(webhook_deliveries::table
        .inner_join(webhook_subscriptions::table)
        .filter(webhook_deliveries::id.eq_any(&ids))
        .order(webhook_deliveries::id)
        .select((
            webhook_deliveries::id,
            webhook_deliveries::subscription_id,
            webhook_deliveries::event_id,
            webhook_deliveries::payload,
            webhook_deliveries::attempts,
            webhook_subscriptions::url,
            webhook_subscriptions::secret,
        ))
        .load(conn)?)
}

/// One try: the address checked again, the request signed and sent.
fn attempt(delivery: &Claimed, settings: &Settings) -> Outcome {
    let started = Instant::now();
    let result = target::parse(&delivery.url, settings.allow_loopback)
        .and_then(|url| target::resolve(&url, settings.allow_loopback).map(|a| (url, a)))
        .map_err(|refusal| format!("the address {refusal}"))
        .and_then(|(url, address)| {
            let timestamp = Utc::now().timestamp();
            let signature = sign::signature(
                &delivery.secret,
                &delivery.event_id,
                timestamp,
                &delivery.payload,
            );
            let headers = [
                ("webhook-id", delivery.event_id.clone()),
                ("webhook-timestamp", timestamp.to_string()),
                ("webhook-signature", signature),
            ];
            send::post(&url, address, &headers, &delivery.payload, settings.timeout)
        });
    let duration_ms = started.elapsed().as_millis() as i64;
    match result {
        Ok(code) => Outcome {
            status_code: Some(code),
            error: (!(200..300).contains(&code)).then(|| format!("the receiver answered {code}")),
            duration_ms,
        },
        Err(error) => Outcome {
            status_code: None,
            error: Some(error),
            duration_ms,
        },
    }
}

/// Writes the try to the log, and what follows from it: delivered, tried
/// again later, or given up; the subscription failing, or switched off.
fn record(
    conn: &mut DbConn,
    delivery: &Claimed,
    outcome: &Outcome,
    now: NaiveDateTime,
    settings: &Settings,
) -> Result<(), ApiError> {
    let next = (!outcome.delivered())
        .then(|| SCHEDULE.get(delivery.attempts as usize - 1))
        .flatten()
        .map(|wait| now + chrono::Duration::seconds(*wait));
    diesel::insert_into(webhook_attempts::table)
        .values((
            webhook_attempts::delivery_id.eq(delivery.id),
            webhook_attempts::subscription_id.eq(delivery.subscription_id),
            webhook_attempts::attempt.eq(delivery.attempts),
            webhook_attempts::at.eq(now),
            webhook_attempts::status_code.eq(outcome.status_code.map(i32::from)),
            webhook_attempts::duration_ms.eq(outcome.duration_ms),
            webhook_attempts::error.eq(&outcome.error),
            webhook_attempts::next_attempt_at.eq(next),
        ))
        .execute(conn)?;
    let row = webhook_deliveries::table.find(delivery.id);
    let subscription = webhook_subscriptions::table.find(delivery.subscription_id);
    if outcome.delivered() {
        diesel::update(row)
            .set((
                webhook_deliveries::status.eq(DELIVERED),
                webhook_deliveries::delivered_at.eq(now),
                webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
                webhook_deliveries::payload.eq(""),
            ))
            .execute(conn)?;
        diesel::update(subscription)
            .set(webhook_subscriptions::failing_since.eq(None::<NaiveDateTime>))
            .execute(conn)?;
        return Ok(());
    }
    diesel::update(row)
        .set((
            webhook_deliveries::status.eq(if next.is_some() { PENDING } else { FAILED }),
            webhook_deliveries::next_attempt_at.eq(next.unwrap_or(now)),
            webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    let (failing_since, disabled): (Option<NaiveDateTime>, Option<NaiveDateTime>) = subscription
        .select((
            webhook_subscriptions::failing_since,
            webhook_subscriptions::disabled_at,
        ))
        .first(conn)?;
    let since = failing_since.unwrap_or(now);
    if failing_since.is_none() {
        diesel::update(subscription)
            .set(webhook_subscriptions::failing_since.eq(now))
            .execute(conn)?;
    }
    if disabled.is_none() && now - since >= SWITCH_OFF_AFTER {
        switch_off(conn, delivery.subscription_id, now, settings)?;
    }
    Ok(())
}

/// Switches a subscription off: its waiting deliveries are given up (they
/// stay in the log), and whoever made its client is told.
pub fn switch_off(
    conn: &mut DbConn,
    subscription: i64,
    now: NaiveDateTime,
    settings: &Settings,
) -> Result<(), ApiError> {
    diesel::update(webhook_subscriptions::table.find(subscription))
        .set(webhook_subscriptions::disabled_at.eq(now))
        .execute(conn)?;
    diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::subscription_id.eq(subscription))
            .filter(webhook_deliveries::status.eq(PENDING)),
    )
    .set(webhook_deliveries::status.eq(FAILED))
    .execute(conn)?;
    crate::audit::record(
        conn,
        None,
        "webhook.switched_off",
        "webhook",
        Some(subscription),
        None,
    )?;
    let owner: Option<(String, String, Option<i64>)> = webhook_subscriptions::table
        .inner_join(api_clients::table)
        .filter(webhook_subscriptions::id.eq(subscription))
        .select((
            webhook_subscriptions::url,
            api_clients::name,
            api_clients::created_by,
        ))
        .first(conn)
        .optional()?;
    let Some((url, client, Some(creator))) = owner else {
        return Ok(());
    };
    let account: Option<(String, String, String)> = users::table
        .find(creator)
        .filter(users::disabled.eq(false))
        .select((users::email, users::display_name, users::language))
        .first(conn)
        .optional()?;
    if let Some((email, name, language)) = account {
        let page = format!(
            "{}/koppelingen.html",
            settings.base_url.trim_end_matches('/')
        );
        enqueue(
            conn,
            Outgoing {
                kind: MailKind::Notice,
                user_id: Some(creator),
                to: email,
                letter: texts::webhook_disabled(
                    MailLanguage::from_db(&language),
                    &name,
                    &client,
                    &url,
                    page,
                ),
                unsubscribe_url: None,
                unsubscribe_page: None,
            },
        )?;
    }
    Ok(())
}

/// Wakes the worker: a transaction that wrote deliveries has ended.
static WAKE: Wake = Wake::new();

pub fn wake() {
    WAKE.wake();
}

/// Starts the worker thread of `serve`. It looks every second for what
/// another instance wrote; what this one writes wakes it at once.
pub fn start(pool: DbPool, settings: Settings) {
    std::thread::Builder::new()
        .name("webhooks".into())
        .spawn(move || {
            let mut seen = 0;
            let mut last_error = String::new();
            loop {
                let now = Utc::now().naive_utc();
                let round = db::read_blocking(&pool, |conn| due(conn, now)).and_then(|due| {
                    if due {
                        deliver_due(&pool, &settings, now)
                    } else {
                        Ok(0)
                    }
                });
                match round {
                    Ok(n) => {
                        if n > 0 {
                            tracing::info!(delivered = n, "webhooks delivered");
                        }
                        last_error.clear();
                    }
                    Err(e) => {
                        let e = e.to_string();
                        if e != last_error {
                            tracing::warn!("the webhook worker waits for the database: {e}");
                            last_error = e;
                        }
                    }
                }
                WAKE.wait(&mut seen, Duration::from_secs(1));
            }
        })
        .expect("the webhook thread starts");
}
