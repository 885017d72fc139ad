//! How each person is reached: the language of their mail, how often they
//! hear of what happens in their networks (in general and per network), and
//! how the coordinators best reach them (channel and form). One-click
//! unsubscribing from mail (`unsubscribe.rs`) changes the same settings.

mod read;
mod types;
mod unsubscribe;
mod update;

pub use read::{get_preferences, preferences};
pub use types::*;
pub use unsubscribe::unsubscribe_notices;
pub use update::update_preferences;
