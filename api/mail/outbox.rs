//! The outbox: mail written in the transaction of the change that causes
//! it, claimed and marked by the worker.

use std::time::Duration;

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::models::OutboxMail;
use crate::db::outbox::{outbox_claim, outbox_due, Wake};
use crate::db::schema::{outbox, users};
use crate::db::DbConn;
use crate::domain::{ContactFormat, MailKind, MailStatus};
use crate::web::error::ApiError;

use super::texts::Letter;

/// How long a worker holds a mail it claimed. A worker that dies meanwhile
/// leaves it to be claimed again after this.
pub const CLAIM: Duration = Duration::from_secs(120);
/// After this many attempts a mail is given up (`failed`).
pub const MAX_ATTEMPTS: i32 = 10;

/// A mail to send.
pub struct Outgoing {
    pub kind: MailKind,
    /// The account it is for, if any: its mail goes when the account does.
    pub user_id: Option<i64>,
    pub to: String,
    pub letter: Letter,
    /// The one-click unsubscribe address (RFC 8058), for notices.
    pub unsubscribe_url: Option<String>,
    /// The page where a person unsubscribes by hand, in the mail's footer.
    pub unsubscribe_page: Option<String>,
}

/// Writes a mail to the outbox, in the caller's transaction: it is sent
/// only if that transaction commits. Returns its id.
pub fn enqueue(conn: &mut DbConn, mut mail: Outgoing) -> Result<i64, ApiError> {
    let now = Utc::now().naive_utc();
    // Large print for those who read it best (their `contactFormat`).
    if let Some(user) = mail.user_id {
        let format: String = users::table
            .find(user)
            .select(users::contact_format)
            .first(conn)?;
        mail.letter.large_print = ContactFormat::from_db(&format) == ContactFormat::LargePrint;
    }
    let page = mail.unsubscribe_page.as_deref();
    let id = diesel::insert_into(outbox::table)
        .values((
            outbox::kind.eq(mail.kind.as_str()),
            outbox::user_id.eq(mail.user_id),
            outbox::recipient.eq(&mail.to),
            outbox::language.eq(mail.letter.language.as_str()),
            outbox::subject.eq(&mail.letter.subject),
            outbox::body_text.eq(mail.letter.text(page)),
            outbox::body_html.eq(mail.letter.html(page)),
            outbox::message_id.eq(format!("<{}@themanet>", random_hex(16))),
            outbox::unsubscribe_url.eq(&mail.unsubscribe_url),
            outbox::status.eq(MailStatus::Waiting.as_str()),
            outbox::next_attempt_at.eq(now),
            outbox::created_at.eq(now),
        ))
        .returning(outbox::id)
        .get_result(conn)?;
    crate::db::after_write(wake);
    Ok(id)
}

/// Random bytes as hex, for Message-IDs and keys.
pub fn random_hex(bytes: usize) -> String {
    use rand::RngCore;
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether any mail is due at `now` and not claimed by a worker. Read
/// before [`claim`] takes a write lock.
pub fn mail_due(conn: &mut DbConn, now: NaiveDateTime) -> Result<bool, ApiError> {
    let first: Option<i64> = outbox_due!(outbox, MailStatus::Waiting.as_str(), now)
        .select(outbox::id)
        .first(conn)
        .optional()?;
    Ok(first.is_some())
}

/// Claims up to `limit` mails that are due, for `CLAIM`, and counts the
/// attempt. Run in a write transaction. On PostgreSQL the rows are locked
/// with `SKIP LOCKED`, so workers of several instances claim different
/// mails; SQLite has one writer at a time.
pub fn claim(
    conn: &mut DbConn,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<OutboxMail>, ApiError> {
    let until = now + chrono::Duration::from_std(CLAIM).unwrap_or_default();
    let ids = outbox_claim!(
        conn,
        outbox,
        MailStatus::Waiting.as_str(),
        now,
        until,
        limit
    );
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(outbox::table
        .filter(outbox::id.eq_any(&ids))
        .order(outbox::id)
        .select(OutboxMail::as_select())
        .load(conn)?)
}

/// The mail went out: it keeps its envelope, not its words.
pub fn mark_sent(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> Result<(), ApiError> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq(MailStatus::Sent.as_str()),
            outbox::sent_at.eq(now),
            outbox::body_text.eq(""),
            outbox::body_html.eq(""),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// The attempt failed: try again after a wait that doubles each time (30
/// seconds, one minute, ... at most six hours), or give up after
/// `MAX_ATTEMPTS`.
pub fn mark_failed(
    conn: &mut DbConn,
    mail: &OutboxMail,
    error: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let attempts = mail.attempts.max(1);
    let status = if attempts >= MAX_ATTEMPTS {
        MailStatus::Failed
    } else {
        MailStatus::Waiting
    };
    diesel::update(outbox::table.find(mail.id))
        .set((
            outbox::status.eq(status.as_str()),
            outbox::next_attempt_at.eq(now + backoff(attempts)),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(error.chars().take(500).collect::<String>()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The wait before the next attempt, after `attempts` failed ones.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let seconds = 30i64 << (attempts - 1).clamp(0, 10);
    chrono::Duration::seconds(seconds.min(6 * 3600))
}

/// Removes the envelopes of mail sent or given up more than `days` ago
/// (`themanet purge`); returns how many.
pub fn purge(conn: &mut DbConn, days: i64) -> Result<usize, ApiError> {
    let before = Utc::now().naive_utc() - chrono::Duration::days(days);
    Ok(diesel::delete(
        outbox::table
            .filter(outbox::status.ne(MailStatus::Waiting.as_str()))
            .filter(outbox::created_at.lt(before)),
    )
    .execute(conn)?)
}

/// Wakes the worker: a transaction that wrote mail has ended.
static WAKE: Wake = Wake::new();

fn wake() {
    WAKE.wake();
}

/// Waits until mail was written (by this process) or `timeout` passes.
pub fn wait(seen: &mut u64, timeout: Duration) {
    WAKE.wait(seen, timeout);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_stops_at_six_hours() {
        assert_eq!(backoff(1).num_seconds(), 30);
        assert_eq!(backoff(2).num_seconds(), 60);
        assert_eq!(backoff(5).num_seconds(), 480);
        assert_eq!(backoff(12).num_seconds(), 6 * 3600);
    }
}
