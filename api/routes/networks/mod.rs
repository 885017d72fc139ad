//! Theme networks: list and search, create, read, edit, delete.
//!
//! Who may see a network is `permissions::visible_networks`; who may change
//! one is `NetworkAccess::ensure_coordinator`. The search entry, topics,
//! slugs and a network's relatives and counts are in `queries::networks`.

mod create;
mod delete;
mod input;
mod list;
mod read;
mod rules;
mod types;
mod update;

pub use create::{create, create_network};
pub use delete::delete_network;
pub use input::NetworkInput;
pub use list::list_networks;
pub use read::get_network;
pub use types::{KindCount, NetworkFilters, NetworkOut, NetworkPage, NetworkRef, StatusCount};
pub use update::update_network;
