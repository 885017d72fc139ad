//! Contact requests: someone who may search for experts asks a findable
//! person for contact, with a message; the person accepts or declines.
//! Only after acceptance do both sides see each other's contact details,
//! as each shared them (`permissions::contact_requester`,
//! `findable_person`, `may_answer_contact_request`,
//! `may_see_requested_contact`).

mod answer;
mod create;
mod list;
mod types;

pub use answer::answer_contact_request;
pub use create::create_contact_request;
pub use list::list_my_contact_requests;
pub use types::*;
