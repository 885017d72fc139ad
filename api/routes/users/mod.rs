//! User management for platform admins: list accounts, disable and enable
//! them. Making someone admin is done from the command line only
//! (`queries::accounts::make_admin`).

mod list;
mod types;
mod update;

pub use list::list_users;
pub use types::*;
pub use update::update_user;
