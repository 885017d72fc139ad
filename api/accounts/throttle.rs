//! Throttling of sign-in and registration, in memory (per server process).
//! After a few failed sign-ins an account is blocked for a while, with the
//! block growing on each further failure; a client address is blocked after
//! many failures on any account. During a block even the right password is
//! refused (429 with `Retry-After`).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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

#[derive(Debug, Default)]
pub struct Throttle {
    entries: Mutex<HashMap<String, Entry>>,
}

impl Throttle {
    /// Seconds to wait when any of the keys is blocked.
    pub fn blocked(&self, keys: &[String]) -> Option<u64> {
        let now = Instant::now();
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        keys.iter()
            .filter_map(|k| entries.get(k))
            .filter_map(|e| e.blocked_until)
            .filter(|until| *until > now)
            .map(|until| (until - now).as_secs().max(1))
            .max()
    }

    /// Counts one event for a key under a rule (a failure, a registration).
    pub fn record(&self, key: &str, rule: Rule) {
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

    /// Forgets a key (an account after a successful sign-in).
    pub fn clear(&self, key: &str) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
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
            t.record(&key, ACCOUNT);
        }
        assert_eq!(t.blocked(std::slice::from_ref(&key)), None);
        t.record(&key, ACCOUNT);
        let first = t.blocked(std::slice::from_ref(&key)).expect("blocked");
        t.record(&key, ACCOUNT);
        let second = t.blocked(std::slice::from_ref(&key)).expect("blocked");
        assert!(second > first);
        t.clear(&key);
        assert_eq!(t.blocked(&[key]), None);
    }
}

/// A token bucket per key: `per_minute` requests a minute on average, with
/// bursts up to the same number. Used for writes and searches per client.
#[derive(Debug, Default)]
pub struct RateLimiter {
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl RateLimiter {
    /// Takes one token; `Err(seconds)` when the bucket is empty.
    pub fn take(&self, key: &str, per_minute: u32) -> Result<(), u64> {
        if per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(per_minute);
        let rate = capacity / 60.0;
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > 100_000 {
            buckets.retain(|_, (_, at)| now.duration_since(*at) < Duration::from_secs(120));
        }
        let (tokens, at) = buckets.entry(key.to_string()).or_insert((capacity, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * rate).min(capacity);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / rate).ceil().max(1.0) as u64)
        }
    }
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
}
