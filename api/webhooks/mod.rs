//! Webhooks: what an API client hears of without asking.
//!
//! A change writes a delivery for every subscription that wants its event
//! (`events::emit`), in the change's own transaction: it goes out only if
//! the change commits, and at least once. The worker (`worker`) claims due
//! deliveries, so with several instances on one database each is sent by
//! one, signs each as the Standard Webhooks specification says (`sign`),
//! sends it only to an address that is no private or loopback one
//! (`target`, checked again at every try), and keeps every try in the
//! delivery log. A delivery that fails is tried again with growing waits
//! over a day; a subscription that has failed for 24 hours is switched off
//! and its owner told.

pub mod events;
pub mod send;
pub mod sign;
pub mod target;
pub mod worker;

pub use events::{emit, Event, EVENTS, PING};
