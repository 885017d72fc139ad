//! Invitations: a coordinator asks a person with an account to join a
//! network. Until the person accepts, they are not a member and the network
//! sees nothing of them beyond what is public; declining ends it, and the
//! person is not asked again (they may still join themselves).
//!
//! Inviting is part of adding a member (`members::add_member`); the
//! invitation's writes and who may see one are in `queries::invitations`.

mod answer;
mod list;
mod present;
mod read;
mod types;
mod withdraw;

pub use answer::answer_invitation;
pub use list::{list_my_invitations, list_network_invitations};
pub use present::present_all;
pub use read::get_invitation;
pub use types::*;
pub use withdraw::withdraw_invitation;
