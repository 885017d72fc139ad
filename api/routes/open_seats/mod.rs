//! The open seats of a network's stakeholder map ("wie zoeken we nog"): who
//! the core group still needs at the table, by kind and role, in its own
//! words. Seen by whoever may see the network; added and removed by its
//! core group (`NetworkAccess::ensure_core`).

mod create;
mod delete;
mod list;
mod types;

pub use create::add_open_seat;
pub use delete::remove_open_seat;
pub use list::list_open_seats;
pub use types::{OpenSeatFilters, OpenSeatInput, OpenSeatOut, OpenSeatPage};
