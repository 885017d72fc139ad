//! Talents and needs: the vocabulary with suggestions while typing, the
//! matchcentrum of a step (core group) and of a member ("waar ben ik
//! nodig").
//!
//! Who sees what: `permissions::may_match` (a step's matches),
//! `may_match_person` (as far as each person shows their talents),
//! `offers_beyond_networks` (other public networks' needs).

mod matches;
mod mine;
mod suggest;
mod types;

pub use matches::list_step_matches;
pub use mine::list_my_matches;
pub use suggest::list_talents;
pub use types::*;
