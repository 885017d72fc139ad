//! Questions a local or regional network raises to the level above it
//! ("agenderen"): to its parent network or to a national network. Other
//! networks support them; the receiving network's core group moves them to
//! an answer; every step is on a timeline both networks see.
//!
//! Seen as `permissions::visible_questions` says (public when both networks
//! are public, and always by members of either); raised and supported for
//! a network by its core group (`permissions::ensure_speaks_for`); changed
//! and withdrawn by the raiser (`QuestionAccess::ensure_raiser`), moved by
//! the receiver (`QuestionAccess::ensure_receiver`).

mod create;
mod delete;
mod input;
mod list;
mod read;
mod rules;
mod steps;
mod support;
mod types;
mod update;

pub use create::raise_question;
pub use delete::withdraw_question;
pub use input::{QuestionInput, QuestionStepInput, QuestionSupportInput};
pub use list::{list_network_questions, list_questions};
pub use read::get_question;
pub use steps::move_question;
pub use support::{support_question, withdraw_question_support};
pub use types::{QuestionEventOut, QuestionFilters, QuestionOut, QuestionPage, QuestionSupportOut};
pub use update::update_question;
