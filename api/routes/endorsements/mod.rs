//! Endorsements: members say whether they support a goal or have a concern,
//! so a goal is "tested with everyone". One per member per goal, changeable.
//! Each member chooses who sees their reaction: the network's members (the
//! default), or everyone.
//!
//! Who endorses is `NetworkAccess::endorser`; who sees a reaction's writer
//! is `permissions::may_see_reaction_writer`.

mod endorse;
mod list;
mod types;

pub use endorse::endorse_goal;
pub use list::list_endorsements;
pub use types::{EndorsementFilters, EndorsementInput, EndorsementOut, EndorsementPage};
