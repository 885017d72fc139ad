//! What a meeting decided or learned. The core group writes outcomes after
//! the meeting; an outcome can become a goal or a step of the network,
//! which links back to the meeting (`meetingId`).
//!
//! Outcomes are seen with their meeting (`permissions::meeting_access`) and
//! written by its organisers (`NetworkAccess::ensure_organiser`).

mod create;
mod list;
mod types;

pub use create::add_outcome;
pub use list::list_outcomes;
pub use types::{OutcomeGoal, OutcomeInput, OutcomeList, OutcomeOut};
