//! Throttling of sign-in and registration. After a few failed sign-ins an
//! account is blocked for a while, with the block growing on each further
//! failure; a client address is blocked after many failures on any
//! account. During a block even the right password is refused (429 with
//! `Retry-After`).
//!
//! On SQLite (one process) the counts live in memory. On PostgreSQL they
//! live in the database (`throttle_entries`, keyed by the SHA-256 of what is
//! counted), so every instance behind a load balancer counts the same
//! failures: five wrong passwords through one instance block the account
//! on all of them. Should the database not answer, the process counts in
//! memory meanwhile.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::db::{self, DbPool};

#[derive(Debug)]
struct Entry {
    count: u32,
    window_start: Instant,
    blocked_until: Option<Instant>,
}

/// The rules of one kind of key.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// This many events within `window` are allowed...
    pub limit: u32,
    pub window: Duration,
    /// ...then the key is blocked this long, doubling per extra event,
    /// at most `max_block`.
    pub block: Duration,
    pub max_block: Duration,
}

/// Failed sign-ins per account.
pub const ACCOUNT: Rule = Rule {
    limit: 5,
    window: Duration::from_secs(15 * 60),
    block: Duration::from_secs(30),
    max_block: Duration::from_secs(15 * 60),
};

/// Failed sign-ins per client address.
pub const ADDRESS: Rule = Rule {
    limit: 30,
    window: Duration::from_secs(15 * 60),
    block: Duration::from_secs(5 * 60),
    max_block: Duration::from_secs(60 * 60),
};

/// Registrations per client address.
pub const REGISTRATION: Rule = Rule {
    limit: 20,
    window: Duration::from_secs(60 * 60),
    block: Duration::from_secs(10 * 60),
    max_block: Duration::from_secs(60 * 60),
};

/// Mails asked for one address or account (a reset, a verification link):
/// a few an hour.
pub const MAIL_PER_ACCOUNT: Rule = Rule {
    limit: 3,
    window: Duration::from_secs(60 * 60),
    block: Duration::from_secs(15 * 60),
    max_block: Duration::from_secs(60 * 60),
};

/// Password resets asked from one client address.
pub const MAIL_PER_ADDRESS: Rule = Rule {
    limit: 10,
    window: Duration::from_secs(60 * 60),
    block: Duration::from_secs(15 * 60),
    max_block: Duration::from_secs(60 * 60),
};

#[derive(Default)]
pub struct Throttle {
    entries: Mutex<HashMap<String, Entry>>,
    /// The database that keeps the counts for every instance (PostgreSQL).
    shared: Option<DbPool>,
}

impl std::fmt::Debug for Throttle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Throttle")
            .field("shared", &self.shared.is_some())
            .finish()
    }
}

impl Throttle {
    /// A throttle whose counts every instance on this database shares.
    pub fn shared(pool: DbPool) -> Throttle {
        Throttle {
            entries: Mutex::default(),
            shared: Some(pool),
        }
    }

    /// Seconds to wait when any of the keys is blocked.
    pub async fn blocked(&self, keys: &[String]) -> Option<u64> {
        if let Some(pool) = &self.shared {
            let hashed: Vec<String> = keys.iter().map(|k| hash(k)).collect();
            let found = db::read(pool, move |conn| shared::blocked(conn, &hashed)).await;
            if let Ok(wait) = found {
                return wait;
            }
        }
        self.blocked_here(keys)
    }

    /// Counts one event for a key under a rule (a failure, a registration).
    pub async fn record(&self, key: &str, rule: Rule) {
        if let Some(pool) = &self.shared {
            let hashed = hash(key);
            if db::write(pool, move |conn| shared::record(conn, &hashed, rule))
                .await
                .is_ok()
            {
                return;
            }
        }
        self.record_here(key, rule);
    }

    /// Forgets a key (an account after a successful sign-in).
    pub async fn clear(&self, key: &str) {
        if let Some(pool) = &self.shared {
            let hashed = hash(key);
            let _ = db::write(pool, move |conn| shared::clear(conn, &hashed)).await;
        }
        self.clear_here(key);
    }

    /// Seconds to wait when any of the keys is blocked, in this process.
    fn blocked_here(&self, keys: &[String]) -> Option<u64> {
        let now = Instant::now();
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        keys.iter()
            .filter_map(|k| entries.get(k))
            .filter_map(|e| e.blocked_until)
            .filter(|until| *until > now)
            .map(|until| (until - now).as_secs().max(1))
            .max()
    }

    /// Counts one event for a key under a rule, in this process.
    fn record_here(&self, key: &str, rule: Rule) {
        let now = Instant::now();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() > 100_000 {
            entries.retain(|_, e| {
                now.duration_since(e.window_start) < rule.window
                    || e.blocked_until.is_some_and(|u| u > now)
            });
        }
        let entry = entries.entry(key.to_string()).or_insert(Entry {
            count: 0,
            window_start: now,
            blocked_until: None,
        });
        if now.duration_since(entry.window_start) > rule.window
            && entry.blocked_until.is_none_or(|u| u <= now)
        {
            entry.count = 0;
            entry.window_start = now;
        }
        entry.count += 1;
        if entry.count > rule.limit {
            let extra = (entry.count - rule.limit - 1).min(16);
            let block = rule.block.saturating_mul(1 << extra).min(rule.max_block);
            entry.blocked_until = Some(now + block);
        }
    }

    /// Forgets a key in this process.
    fn clear_here(&self, key: &str) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }
}

/// How a key is kept in the database: its SHA-256, so the table names
/// nobody.
fn hash(key: &str) -> String {
    crate::accounts::sessions::sha256_hex(key.as_bytes())
}

/// The counts in the database, by the same rules as in memory.
mod shared {
    use chrono::{NaiveDateTime, Utc};
    use diesel::prelude::*;

    use super::Rule;
    use crate::db::schema::throttle_entries;
    use crate::db::{self, DbConn};
    use crate::web::error::ApiError;

    fn now() -> NaiveDateTime {
        Utc::now().naive_utc()
    }

    pub fn blocked(conn: &mut DbConn, keys: &[String]) -> Result<Option<u64>, ApiError> {
        let now = now();
        let until: Option<NaiveDateTime> = throttle_entries::table
            .filter(throttle_entries::key.eq_any(keys))
            .filter(throttle_entries::blocked_until.gt(now))
            .select(diesel::dsl::max(throttle_entries::blocked_until))
            .first(conn)?;
        Ok(until.map(|u| ((u - now).num_seconds().max(1)) as u64))
    }

    pub fn record(conn: &mut DbConn, key: &str, rule: Rule) -> Result<(), ApiError> {
        let now = now();
        let window = chrono::Duration::from_std(rule.window).unwrap_or_default();
        let found: Option<(i32, NaiveDateTime, Option<NaiveDateTime>)> = match conn {
            DbConn::Pg(c) => throttle_entries::table
                .find(key)
                .select((
                    throttle_entries::count,
                    throttle_entries::window_start,
                    throttle_entries::blocked_until,
                ))
                .for_update()
                .first(c)
                .optional()?,
            DbConn::Sqlite(c) => throttle_entries::table
                .find(key)
                .select((
                    throttle_entries::count,
                    throttle_entries::window_start,
                    throttle_entries::blocked_until,
                ))
                .first(c)
                .optional()?,
        };
        let (mut count, mut start, mut until) = found.unwrap_or((0, now, None));
        if now - start > window && until.is_none_or(|u| u <= now) {
            count = 0;
            start = now;
        }
        count += 1;
        if count as u32 > rule.limit {
            let extra = (count as u32 - rule.limit - 1).min(16);
            let block = rule.block.saturating_mul(1 << extra).min(rule.max_block);
            until = Some(now + chrono::Duration::from_std(block).unwrap_or_default());
        }
        let counted = (
            throttle_entries::count.eq(count),
            throttle_entries::window_start.eq(start),
            throttle_entries::blocked_until.eq(until),
        );
        db::on_each!(conn, c => diesel::insert_into(throttle_entries::table)
            .values((throttle_entries::key.eq(key), counted))
            .on_conflict(throttle_entries::key)
            .do_update()
            .set(counted)
            .execute(c))?;
        // Now and then, the entries whose window and block are long over.
        if rand::random::<u8>() == 0 {
            let old = now - chrono::Duration::days(1);
            diesel::delete(
                throttle_entries::table
                    .filter(throttle_entries::window_start.lt(old))
                    .filter(
                        throttle_entries::blocked_until
                            .is_null()
                            .or(throttle_entries::blocked_until.lt(now)),
                    ),
            )
            .execute(conn)?;
        }
        Ok(())
    }

    pub fn clear(conn: &mut DbConn, key: &str) -> Result<(), ApiError> {
        diesel::delete(throttle_entries::table.find(key)).execute(conn)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_the_limit_and_grows() {
        let t = Throttle::default();
        let key = "login:a@example.org".to_string();
        for _ in 0..ACCOUNT.limit {
            t.record_here(&key, ACCOUNT);
        }
        assert_eq!(t.blocked_here(std::slice::from_ref(&key)), None);
        t.record_here(&key, ACCOUNT);
        let first = t.blocked_here(std::slice::from_ref(&key)).expect("blocked");
        t.record_here(&key, ACCOUNT);
        let second = t.blocked_here(std::slice::from_ref(&key)).expect("blocked");
        assert!(second > first);
        t.clear_here(&key);
        assert_eq!(t.blocked_here(&[key]), None);
    }
}

/// A token bucket per key: `per_minute` requests a minute on average, with
/// bursts up to the same number. Used for writes and searches per client.
///
/// Shared between instances on one PostgreSQL database
/// ([`RateLimiter::shared`]): each instance tells the others what it took
/// (`db::changes`, within about 50 ms), and takes the same from its own
/// buckets, so a client has one budget on all instances together. Keys are
/// kept and told as a SHA-256, which names no client address.
#[derive(Debug, Default)]
pub struct RateLimiter {
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
    /// Whether other instances hear of what this one takes.
    shared: bool,
    /// Taken here since the other instances were last told, per key.
    taken: Mutex<HashMap<String, u32>>,
    /// Taken elsewhere and not yet taken from the bucket here, per key.
    elsewhere: Mutex<HashMap<String, u32>>,
}

impl RateLimiter {
    /// A limiter whose takes the other instances hear of.
    pub fn shared() -> RateLimiter {
        RateLimiter {
            shared: true,
            ..RateLimiter::default()
        }
    }

    /// Takes one token; `Err(seconds)` when the bucket is empty.
    pub fn take(&self, key: &str, per_minute: u32) -> Result<(), u64> {
        if per_minute == 0 {
            return Ok(());
        }
        // Shared, the key is told to others: hashed. On its own it is not.
        let key = if self.shared {
            bucket_key(key)
        } else {
            key.to_string()
        };
        let capacity = f64::from(per_minute);
        let rate = capacity / 60.0;
        let now = Instant::now();
        let debt = if self.shared {
            self.elsewhere
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&key)
                .unwrap_or(0)
        } else {
            0
        };
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > 100_000 {
            buckets.retain(|_, (_, at)| now.duration_since(*at) < Duration::from_secs(120));
        }
        let (tokens, at) = buckets.entry(key.clone()).or_insert((capacity, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * rate).min(capacity)
            - f64::from(debt);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            drop(buckets);
            if self.shared {
                let mut taken = self.taken.lock().unwrap_or_else(|e| e.into_inner());
                *taken.entry(key).or_insert(0) += 1;
            }
            Ok(())
        } else {
            Err(((1.0 - *tokens) / rate).ceil().max(1.0) as u64)
        }
    }

    /// What this instance took since it last told the others, by key.
    pub fn drain_taken(&self) -> Vec<(String, u32)> {
        let mut taken = self.taken.lock().unwrap_or_else(|e| e.into_inner());
        taken.drain().collect()
    }

    /// Another instance took `count` tokens of this key.
    pub fn taken_elsewhere(&self, key: &str, count: u32) {
        let mut elsewhere = self.elsewhere.lock().unwrap_or_else(|e| e.into_inner());
        if elsewhere.len() > 100_000 {
            elsewhere.clear();
        }
        *elsewhere.entry(key.to_string()).or_insert(0) += count;
    }
}

/// A bucket's key: the first 128 bits of the SHA-256 of what is counted
/// (`write:` and the client's address), as hex.
fn bucket_key(key: &str) -> String {
    let mut hashed = crate::accounts::sessions::sha256_hex(key.as_bytes());
    hashed.truncate(32);
    hashed
}

#[cfg(test)]
mod rate_tests {
    use super::*;

    #[test]
    fn the_bucket_empties_and_refills() {
        let limiter = RateLimiter::default();
        for _ in 0..3 {
            assert!(limiter.take("a", 3).is_ok());
        }
        let wait = limiter.take("a", 3).unwrap_err();
        assert!((1..=20).contains(&wait), "{wait}");
        assert!(limiter.take("b", 3).is_ok(), "per key");
        assert!(limiter.take("c", 0).is_ok(), "0 means no limit");
    }

    #[test]
    fn what_others_take_comes_off_the_bucket_here() {
        let here = RateLimiter::shared();
        let there = RateLimiter::shared();
        for _ in 0..2 {
            assert!(here.take("write:192.0.2.1", 3).is_ok());
        }
        let told = here.drain_taken();
        assert_eq!(told.len(), 1);
        assert_eq!(told[0].1, 2);
        assert!(!told[0].0.contains("192.0.2.1"), "the address is not told");
        for (key, count) in told {
            there.taken_elsewhere(&key, count);
        }
        assert!(there.take("write:192.0.2.1", 3).is_ok(), "one left");
        assert!(there.take("write:192.0.2.1", 3).is_err(), "then none");
        assert!(here.drain_taken().is_empty(), "told once");
        let own = RateLimiter::default();
        assert!(own.take("write:192.0.2.1", 3).is_ok());
        assert!(
            own.drain_taken().is_empty(),
            "a limiter of its own tells nothing"
        );
    }
}
