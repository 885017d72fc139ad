//! "Ik help mee": a member offers help on a step (once), the core group
//! accepts or declines, and the accepted members are the step's helpers
//! (`helperIds` on the goal).
//!
//! Offered by members (`NetworkAccess::helper`); answered by the core group
//! (`permissions::may_match`); seen as `permissions::may_see_helper_offer`
//! says.

mod answer;
mod list;
mod offer;
mod types;

pub use answer::answer_help;
pub use list::list_helpers;
pub use offer::offer_help;
pub use types::*;
