//! The outbox, for platform admins: every mail the platform wrote, waiting,
//! sent or given up. Without SMTP settings mail stays here, so a newcomer
//! sees what would be sent. A sent mail keeps its envelope, not its words.

mod list;
mod read;
mod types;

pub use list::list_outbox;
pub use read::get_outbox_mail;
pub use types::*;
