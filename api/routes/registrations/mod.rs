//! Registrations for meetings: a place, or a place on the waiting list
//! that moves up in the order people came, with what the person needs to
//! take part, stated only with their consent and kept apart.
//!
//! Who sees what: `permissions::may_see_registration` (the person and the
//! organisers), `permissions::may_see_need_name` (names beside needs only
//! where the person agreed); places and the waiting list are kept by
//! `queries::meetings`.

mod attendance;
mod create;
mod delete;
mod list;
mod read;
mod types;

pub use attendance::attendance_csv;
pub use create::register_for_meeting;
pub use delete::cancel_registration;
pub use list::list_registrations;
pub use read::{all_of, get_registration};
pub use types::{RegistrationFilters, RegistrationInput, RegistrationOut, RegistrationPage};
