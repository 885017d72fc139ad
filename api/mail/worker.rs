//! The worker that sends the outbox through SMTP, and composes the digests.
//!
//! One thread per `serve` process. It claims due mail (`outbox::claim`),
//! sends each through the SMTP server of `SMTP_URL`, and marks it sent, or
//! failed with a later retry. With several instances on one PostgreSQL
//! database each mail is claimed by one worker. A worker that dies after
//! sending and before marking leaves the claim to run out
//! (`outbox::CLAIM`); the mail is then sent again, with the same
//! Message-ID, so a receiving mail system can tell it is the same mail.

use std::time::Duration;

use chrono::{NaiveDateTime, Utc};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport};

use crate::db::models::OutboxMail;
use crate::db::{self, DbPool};
use crate::web::error::ApiError;

use super::{notices, outbox};

/// An SMTP connection's settings and the sender's address.
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
}

impl Mailer {
    /// `url`: `smtp://host:port` (plain, for a relay on the same host or
    /// network), `smtp://user:password@host:587?tls=required` (STARTTLS),
    /// `smtps://user:password@host` (TLS from the start).
    pub fn new(url: &str, from: &str) -> Result<Mailer, String> {
        let transport = SmtpTransport::from_url(url)
            .map_err(|e| format!("SMTP_URL is not a valid SMTP address: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("MAIL_FROM is not a valid address: {e}"))?;
        Ok(Mailer { transport, from })
    }

    /// Sends one mail from the outbox: a plain-text and an HTML part, the
    /// outbox's Message-ID, and for notices the one-click unsubscribe
    /// headers of RFC 8058.
    pub fn send(&self, mail: &OutboxMail) -> Result<(), String> {
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|e| format!("recipient: {e}"))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(mail.message_id.clone()))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Content-Language"),
                mail.language.clone(),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Auto-Submitted"),
                "auto-generated".into(),
            ));
        if let Some(url) = &mail.unsubscribe_url {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".into(),
                ));
        }
        let message = builder
            .multipart(MultiPart::alternative_plain_html(
                mail.body_text.clone(),
                mail.body_html.clone(),
            ))
            .map_err(|e| e.to_string())?;
        self.transport
            .send(&message)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Claims what is due at `now` and sends it; returns how many went out.
/// Errors are the database's; a mail that cannot be sent is marked for a
/// retry, with its error kept for the admin (never logged: it may name the
/// address).
pub fn send_due(pool: &DbPool, mailer: &Mailer, now: NaiveDateTime) -> Result<usize, ApiError> {
    let claimed = db::write_blocking(pool, |conn| outbox::claim(conn, now, 20))?;
    let mut sent = 0;
    for mail in claimed {
        let result = mailer.send(&mail);
        db::write_blocking(pool, |conn| match &result {
            Ok(()) => outbox::mark_sent(conn, mail.id, Utc::now().naive_utc()),
            Err(e) => outbox::mark_failed(conn, &mail, e, Utc::now().naive_utc()),
        })?;
        match result {
            Ok(()) => sent += 1,
            Err(_) => tracing::warn!(
                mail = mail.id,
                attempt = mail.attempts,
                "a mail could not be sent; it is tried again later"
            ),
        }
    }
    Ok(sent)
}

/// Starts the worker thread of `serve`: digests are composed with or
/// without SMTP (they wait in the outbox then); mail is sent only with a
/// mailer.
pub fn start(pool: DbPool, mailer: Option<Mailer>, base_url: String) {
    std::thread::Builder::new()
        .name("mail".into())
        .spawn(move || {
            let mut seen = 0;
            // An outage is said once, not every round (the pool says it too).
            let mut last_error = String::new();
            loop {
                let now = Utc::now().naive_utc();
                // A read first: a round with nothing to do takes no write
                // lock (on SQLite, the one writer's), so an idle worker
                // never makes a request's write wait.
                let due = db::read_blocking(&pool, |conn| {
                    Ok((
                        notices::digest_due(conn, now)?,
                        outbox::mail_due(conn, now)?,
                    ))
                });
                let round = due.and_then(|(digests, mail)| {
                    if digests {
                        db::write_blocking(&pool, |conn| {
                            notices::compose_digests(conn, &base_url, now)
                        })?;
                    }
                    // Digests just written are mail that is due.
                    match &mailer {
                        Some(mailer) if digests || mail => send_due(&pool, mailer, now),
                        _ => Ok(0),
                    }
                });
                match round {
                    Ok(n) => {
                        if n > 0 {
                            tracing::info!(sent = n, "mail sent");
                        }
                        last_error.clear();
                    }
                    Err(e) => {
                        let e = e.to_string();
                        if e != last_error {
                            tracing::warn!("the mail worker waits for the database: {e}");
                            last_error = e;
                        }
                    }
                }
                outbox::wait(&mut seen, Duration::from_secs(10));
            }
        })
        .expect("the mail thread starts");
}
