//! A network's message board (prikbord): members write messages and
//! replies (one level deep) in a small, safe Markdown; the core group pins
//! them and makes announcements public; coordinators hide them with a
//! reason and see reports.
//!
//! Messages are seen as `permissions::message_access` says (public
//! announcements by whoever sees the network, the rest by members who
//! accepted the current house rules, `permissions::must_accept_house_rules`);
//! written by members (`permissions::message_author`); changed as
//! `may_edit_message`, `may_announce` and `may_moderate_messages` say.

mod create;
mod delete;
mod list;
mod read;
mod report;
mod types;
mod update;

pub use create::{create_message, create_reply};
pub use delete::delete_message;
pub use list::{list_messages, list_replies};
pub use read::get_message;
pub use report::report_message;
pub use types::{
    MessageFilters, MessageInput, MessageOut, MessagePage, ReplyFilters, ReplyInput, ReportInput,
};
pub use update::update_message;
