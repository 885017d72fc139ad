//! Stakeholders: the people and organisations taking part. Each kind of
//! field reaches a viewer as far as the person chose and `permissions`
//! allows (`present`); contact details and access needs are kept only with
//! the person's consent (`input`).

mod availability;
mod create;
mod delete;
mod input;
mod list;
mod present;
mod read;
mod types;
mod update;

pub use create::create_stakeholder;
pub use delete::delete_stakeholder;
pub use input::StakeholderInput;
pub use list::list_stakeholders;
pub use present::{contact_for, present_all};
pub use read::get_stakeholder;
pub use types::*;
pub use update::update_stakeholder;
