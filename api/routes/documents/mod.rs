//! Documents members share in a network: minutes, reports, pictures of a
//! meeting. What a file is comes from its bytes (`sniff.rs`); the bytes
//! live in the database beside their row (`document_contents`), so every
//! instance serves them, a refused upload leaves nothing, a deleted
//! document's bytes are gone and the backup holds them. Who sees what is
//! `permissions::document_access` (public ones to whoever sees the network,
//! members-only ones to its members); members share
//! (`NetworkAccess::sharer`); whoever shared one, the core group and
//! coordinators change and delete it (`may_edit_document`).

mod delete;
mod download;
mod form;
mod list;
mod read;
mod rules;
mod sniff;
mod types;
mod update;
mod upload;

pub use delete::delete_document;
pub use download::download_document;
pub use list::list_documents;
pub use read::get_document;
pub use types::*;
pub use update::update_document;
pub use upload::upload_document;
