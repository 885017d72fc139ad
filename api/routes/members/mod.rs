//! Memberships: who takes part in a network, in which role, and why. A
//! person joins by their own act (or by accepting an invitation); a
//! coordinator invites people with an account and adds organisations and
//! profiles they manage at once (`create`).

mod create;
mod delete;
mod list;
mod present;
mod read;
mod types;
mod update;

pub use create::add_member;
pub use delete::remove_member;
pub use list::list_members;
pub use read::get_member;
pub use types::*;
pub use update::update_member;
