//! What the two outboxes share: mail (`mail::outbox`) and webhook
//! deliveries (`webhooks::worker`). Both tables have `id`, `status`,
//! `next_attempt_at`, `claimed_until` and `attempts`; a worker claims what is
//! due for a while (on PostgreSQL with `SKIP LOCKED`, so workers of several
//! instances claim different rows; SQLite has one writer at a time), and a
//! transaction that wrote to an outbox wakes its worker when it ends.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// The rows of outbox `$table` that are due at `$now` with status
/// `$waiting`, and that no worker holds.
macro_rules! outbox_due {
    ($table:ident, $waiting:expr, $now:expr) => {
        $table::table
            .filter($table::status.eq($waiting))
            .filter($table::next_attempt_at.le($now))
            .filter(
                $table::claimed_until
                    .is_null()
                    .or($table::claimed_until.le($now)),
            )
    };
}
pub(crate) use outbox_due;

/// Claims up to `$limit` due rows of outbox `$table` until `$until` and
/// counts the attempt; gives their ids, oldest first. Run in a write
/// transaction, in a function that returns `Result<_, ApiError>`.
macro_rules! outbox_claim {
    ($conn:expr, $table:ident, $waiting:expr, $now:expr, $until:expr, $limit:expr) => {{
        let conn: &mut $crate::db::DbConn = $conn;
        macro_rules! due {
            () => {
                $crate::db::outbox::outbox_due!($table, $waiting, $now)
                    .order($table::id)
                    .limit($limit)
                    .select($table::id)
            };
        }
        let ids: Vec<i64> = match conn {
            $crate::db::DbConn::Pg(c) => due!().for_update().skip_locked().load(c)?,
            $crate::db::DbConn::Sqlite(c) => due!().load(c)?,
        };
        if !ids.is_empty() {
            diesel::update($table::table.filter($table::id.eq_any(&ids)))
                .set((
                    $table::claimed_until.eq($until),
                    $table::attempts.eq($table::attempts + 1),
                ))
                .execute(conn)?;
        }
        ids
    }};
}
pub(crate) use outbox_claim;

/// Wakes an outbox's worker: a transaction that wrote to the outbox has
/// ended (`db::after_write`). Workers also look now and then for what
/// another instance wrote.
pub struct Wake {
    count: Mutex<u64>,
    signal: Condvar,
}

impl Wake {
    pub const fn new() -> Wake {
        Wake {
            count: Mutex::new(0),
            signal: Condvar::new(),
        }
    }

    pub fn wake(&self) {
        *self.count.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        self.signal.notify_all();
    }

    /// Waits until woken after `seen`, or until `timeout` passes.
    pub fn wait(&self, seen: &mut u64, timeout: Duration) {
        let guard = self.count.lock().unwrap_or_else(|e| e.into_inner());
        let guard = if *guard == *seen {
            self.signal
                .wait_timeout(guard, timeout)
                .unwrap_or_else(|e| e.into_inner())
                .0
        } else {
            guard
        };
        *seen = *guard;
    }
}

impl Default for Wake {
    fn default() -> Wake {
        Wake::new()
    }
}
