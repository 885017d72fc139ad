//! Webhooks: an API client's subscriptions to events (`api/webhooks/`),
//! managed by whoever manages the client and by the client itself (with
//! the scope `webhooks:write`), each with its delivery log and a test
//! event.

mod check;
mod create;
mod delete;
mod list;
mod log;
mod ping;
mod read;
mod types;
mod update;

pub use create::create_webhook;
pub use delete::delete_webhook;
pub use list::list_webhooks;
pub use log::list_webhook_deliveries;
pub use ping::ping_webhook;
pub use read::get_webhook;
pub use types::{
    DeliveryAttemptFilters, DeliveryAttemptOut, DeliveryAttemptPage, PingOut, WebhookFilters,
    WebhookInput, WebhookOut, WebhookPage, WebhookSecretOut,
};
pub use update::update_webhook;
