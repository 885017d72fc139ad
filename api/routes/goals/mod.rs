//! Goals: a network's ambition broken into small steps (a tree through
//! `parentId`), with status, target date and owner.
//!
//! A goal is seen by whoever may see its network (`permissions::goal_access`)
//! and prepared by its core group (`NetworkAccess::ensure_goal_editor`);
//! goals with their endorsements counted come from `queries::goals`.

mod create;
mod delete;
mod list;
mod read;
mod rules;
mod types;
mod update;

pub use create::create_goal;
pub use delete::delete_goal;
pub use list::list_goals;
pub use read::get_goal;
pub use rules::check as check_goal;
pub use types::{GoalFilters, GoalInput, GoalOut, GoalPage};
pub use update::update_goal;
