//! The knowledge platform: a start page of links for experience experts,
//! municipalities, employers and professionals, platform-wide or per network.
//! Clicks go through `visit`, which counts them ("doorclicks").
//!
//! Which links a viewer sees is `permissions::visible_links` (a list) and
//! `permissions::link_access` (one link); who changes one is
//! `permissions::may_edit_link`, who adds one `ensure_may_add_link`. The
//! audiences, topics and search entries are kept by
//! `queries::knowledge_links`.

mod create;
mod delete;
mod input;
mod list;
mod read;
mod types;
mod update;
mod visit;

pub use create::{create, create_knowledge_link};
pub use delete::delete_knowledge_link;
pub use input::{check_url, KnowledgeLinkInput};
pub use list::list_knowledge_links;
pub use read::get_knowledge_link;
pub use types::{KnowledgeLinkFilters, KnowledgeLinkOut, KnowledgeLinkPage};
pub use update::update_knowledge_link;
pub use visit::visit_knowledge_link;
