//! Telling the other instances on one PostgreSQL database that something
//! changed, so none of them keeps answering from what it read before.
//!
//! Every write transaction on PostgreSQL ends with a `NOTIFY` on
//! [`CHANNEL`] naming the instance that wrote ([`notify`]); PostgreSQL
//! delivers it when, and only if, the transaction commits. Every `serve`
//! process listens on its own connection ([`listen`]) and, when another
//! instance wrote, drops the answers it keeps for anonymous readers
//! (`web::cache`). SQLite has one process at most, so it needs none of this.
//!
//! On the same connection each instance tells the others, on
//! [`RATE_CHANNEL`], which rate-limit tokens it took since it last told
//! them (by the SHA-256 of the key, never a client address), and hears what
//! they took (`accounts::throttle::RateLimiter`).

use std::sync::OnceLock;
use std::time::Duration;

use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;

use super::DbConn;
use crate::web::error::ApiError;

/// The channel every instance listens on.
pub const CHANNEL: &str = "themanet_changed";

/// This process's name in the notifications: random, so it hears of its
/// own writes as its own.
pub fn instance() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| crate::mail::outbox::random_hex(8))
}

/// The channel on which instances tell each other what they took from the
/// rate limits: `instance key:count key:count ...`.
pub const RATE_CHANNEL: &str = "themanet_rate";

/// A notification's payload stays well below PostgreSQL's 8,000 bytes.
const TOLD_PER_NOTICE: usize = 150;

/// What an instance shares with the others through [`listen`].
pub trait Neighbours: Send + Sync + 'static {
    /// Another instance changed something.
    fn changed(&self);
    /// The rate-limit tokens this instance took since it was last asked.
    fn taken_here(&self) -> Vec<(String, u32)>;
    /// Another instance took `count` tokens of `key`.
    fn taken_elsewhere(&self, key: &str, count: u32);
}

/// Says, in the caller's write transaction, that this instance changed
/// something (PostgreSQL only).
pub fn notify(conn: &mut DbConn) -> Result<(), ApiError> {
    if let DbConn::Pg(c) = conn {
        diesel::sql_query("SELECT pg_notify($1, $2)")
            .bind::<Text, _>(CHANNEL)
            .bind::<Text, _>(instance())
            .execute(c)?;
    }
    Ok(())
}

/// Starts the thread that listens for other instances' changes and calls
/// `changed` for each (at most one call per 50 ms with any news), and that
/// tells the others, and hears from them, what was taken from the rate
/// limits. It connects again a second after losing its connection.
pub fn listen(database_url: String, neighbours: std::sync::Arc<impl Neighbours>) {
    std::thread::Builder::new()
        .name("changes".into())
        .spawn(move || loop {
            let connected = PgConnection::establish(&database_url)
                .map_err(|e| e.to_string())
                .and_then(|mut c| {
                    for channel in [CHANNEL, RATE_CHANNEL] {
                        diesel::sql_query(format!("LISTEN {channel}"))
                            .execute(&mut c)
                            .map_err(|e| e.to_string())?;
                    }
                    Ok(c)
                });
            let Ok(mut conn) = connected else {
                std::thread::sleep(Duration::from_secs(1));
                continue;
            };
            loop {
                let mut news = false;
                let mut lost = false;
                for note in conn.notifications_iter() {
                    match note {
                        Ok(n) if n.channel == RATE_CHANNEL => heard(&*neighbours, &n.payload),
                        Ok(n) => news |= n.payload != instance(),
                        Err(_) => lost = true,
                    }
                }
                if news {
                    neighbours.changed();
                }
                // Telling the others also shows the connection is alive; a
                // dead one says nothing, so ask it something when there is
                // nothing to tell, and start again when it does not answer.
                let told = tell(&mut conn, neighbours.taken_here());
                if lost || !told {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
        .expect("the changes thread starts");
}

/// Tells the other instances what this one took; `false` when the
/// connection failed (what was not told is lost, a moment's tokens).
fn tell(conn: &mut PgConnection, taken: Vec<(String, u32)>) -> bool {
    if taken.is_empty() {
        return diesel::sql_query("SELECT 1").execute(conn).is_ok();
    }
    taken.chunks(TOLD_PER_NOTICE).all(|chunk| {
        let mut payload = instance().to_string();
        for (key, count) in chunk {
            payload.push_str(&format!(" {key}:{count}"));
        }
        diesel::sql_query("SELECT pg_notify($1, $2)")
            .bind::<Text, _>(RATE_CHANNEL)
            .bind::<Text, _>(payload)
            .execute(conn)
            .is_ok()
    })
}

/// What another instance told it took; its own notices are skipped.
fn heard(neighbours: &impl Neighbours, payload: &str) {
    let mut parts = payload.split(' ');
    if parts.next() == Some(instance()) {
        return;
    }
    for part in parts {
        if let Some((key, count)) = part.split_once(':') {
            if let Ok(count) = count.parse() {
                neighbours.taken_elsewhere(key, count);
            }
        }
    }
}
