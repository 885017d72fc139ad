//! Queries that several handlers share, as functions taking `&mut DbConn`,
//! so the same function runs alone or inside the request's transaction.

pub mod accounts;
pub mod deletions;
pub mod goals;
pub mod house_rules;
pub mod invitations;
pub mod knowledge_links;
pub mod matches;
pub mod meetings;
pub mod memberships;
pub mod networks;
pub mod questions;
pub mod stakeholder_map;
pub mod stakeholders;
pub mod talents;

use diesel::prelude::*;

use crate::db::DbConn;
use crate::search::documents::KNOWLEDGE_LINK;
use crate::web::error::ApiError;

/// Rebuilds the search index of the kinds of documents that a migration
/// listed in `search_reindex` (what is indexed changed; the analyser lives
/// in Rust, not in SQL), each in one transaction, and strikes them off.
/// Called by `crate::migrate`; a rebuild that stops half way is done again at
/// the next start.
pub fn reindex_marked(conn: &mut DbConn) -> Result<(), ApiError> {
    use crate::db::schema::search_reindex;
    let marked: Vec<String> = search_reindex::table
        .select(search_reindex::doc_type)
        .order(search_reindex::doc_type)
        .load(conn)?;
    for doc_type in marked {
        crate::db::write_tx(conn, |conn| {
            match doc_type.as_str() {
                KNOWLEDGE_LINK => knowledge_links::index_all(conn)?,
                other => {
                    return Err(ApiError::Internal(format!(
                        "search_reindex names an unknown kind of document: {other}"
                    )))
                }
            }
            diesel::delete(search_reindex::table.find(&doc_type)).execute(conn)?;
            Ok(())
        })?;
    }
    Ok(())
}
