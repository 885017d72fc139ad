//! E-mail: what the platform sends, and how it gets there.
//!
//! A change that causes mail writes it to the outbox in its own transaction
//! (`outbox::enqueue`), so a rolled-back change sends nothing. The worker
//! (`worker.rs`) sends what waits through SMTP, with retries and backoff,
//! each mail once even with several instances. Without `SMTP_URL` nothing
//! is sent: the mail stays in the outbox, where an admin reads it (`GET
//! /admin/outbox`, the web page `postvak.html`, `themanet outbox`).
//!
//! - `texts.rs`: every mail's words, in Dutch and English, as plain text and
//!   HTML from one source;
//! - `outbox.rs`: writing, claiming and marking mail;
//! - `notices.rs`: who hears of a new message, document, meeting, escalation
//!   or achieved step, at once or in a digest, as each person chose;
//! - `worker.rs`: the SMTP transport and the loop that sends.

pub mod notices;
pub mod outbox;
pub mod talents;
pub mod texts;
pub mod worker;

pub use outbox::{enqueue, Outgoing};
