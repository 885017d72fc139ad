//! Experts: organisations and municipalities find experience experts by
//! talent and region, only among people who chose to be findable, never
//! with their contact details (`permissions::may_search_experts`).

mod search;
mod types;

pub use search::search_experts;
pub use types::*;
