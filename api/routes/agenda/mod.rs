//! An agenda made together: members propose items and support them (one
//! support each); the core group accepts items into the agenda in an order
//! and a time, or declines them with a reason that stays visible; after the
//! meeting, notes per item.
//!
//! Items are seen with their meeting (`permissions::meeting_access`);
//! proposed and supported by members (`NetworkAccess::proposer`); changed
//! as `permissions::may_edit_agenda_item` says.

mod create;
mod list;
mod support;
mod types;
mod update;

pub use create::propose_agenda_item;
pub use list::list_agenda_items;
pub use support::{support_agenda_item, withdraw_support};
pub use types::{AgendaItemInput, AgendaItemList, AgendaItemOut};
pub use update::update_agenda_item;
