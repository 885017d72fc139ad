//! Your own account: read and rename it, change its password, download
//! everything the platform holds about you, and delete it. The account's
//! wire form (`MeOut`) is shared with `/auth` from `accounts::tokens`.

mod delete;
mod export;
mod export_shared_place;
mod export_talents;
mod password;
mod read;
mod types;
mod update;

pub use delete::delete_me;
pub use export::export_me;
pub use password::change_password;
pub use read::get_me;
pub use types::*;
pub use update::update_me;
