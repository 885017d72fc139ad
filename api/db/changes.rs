//! Telling the other instances on one PostgreSQL database that something
//! changed, so none of them keeps answering from what it read before.
//!
//! Every write transaction on PostgreSQL ends with a `NOTIFY` on
//! [`CHANNEL`] naming the instance that wrote ([`notify`]); PostgreSQL
//! delivers it when, and only if, the transaction commits. Every `serve`
//! process listens on its own connection ([`listen`]) and, when another
//! instance wrote, drops the answers it keeps for anonymous readers
//! (`web::cache`). SQLite has one process at most, so it needs none of this.

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
/// `changed` for each (at most one call per 50 ms with any news). It
/// connects again a second after losing its connection.
pub fn listen(database_url: String, changed: impl Fn() + Send + 'static) {
    std::thread::Builder::new()
        .name("changes".into())
        .spawn(move || loop {
            let connected = PgConnection::establish(&database_url)
                .map_err(|e| e.to_string())
                .and_then(|mut c| {
                    diesel::sql_query(format!("LISTEN {CHANNEL}"))
                        .execute(&mut c)
                        .map_err(|e| e.to_string())?;
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
                        Ok(n) => news |= n.payload != instance(),
                        Err(_) => lost = true,
                    }
                }
                if news {
                    changed();
                }
                // A dead connection says nothing: ask it something now and
                // then, and start again when it does not answer.
                if lost || diesel::sql_query("SELECT 1").execute(&mut conn).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
        .expect("the changes thread starts");
}
