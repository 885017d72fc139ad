//! The deletion feed: what left the collections that sync with
//! `updatedSince`, by id and time. The rows are written by the database
//! itself (migration 28's triggers), so whatever deletes (a handler, a
//! foreign key's cascade, an operator) is recorded; a row that left the
//! public's view (a network made members-only) is recorded the same way.
//!
//! Who is told of what ([`crate::permissions::told_of_deletion`]): only of
//! ids they cannot see now, and only the id and the time. Rows of a
//! network's goals, meetings and links reach those who may see that network
//! now, or everyone once it is gone; rows of networks, profiles and
//! platform-wide links reach everyone who cannot see them.

use chrono::{DateTime, Duration, NaiveDateTime, SecondsFormat, Utc};
use diesel::dsl::{exists, not};
use diesel::prelude::*;

use crate::db::schema::{deletions, goals, knowledge_links, meetings, networks, stakeholders};
use crate::db::{self, DbConn};
use crate::permissions::{
    listed_stakeholders, told_of_deletion, visible_links, visible_meetings, visible_networks,
    Viewer,
};
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::pagination::Deletion;

/// A collection whose deletions are recorded, as `deletions.resource`
/// names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Network,
    Stakeholder,
    Goal,
    Meeting,
    KnowledgeLink,
}

impl Resource {
    pub fn as_str(self) -> &'static str {
        match self {
            Resource::Network => "network",
            Resource::Stakeholder => "stakeholder",
            Resource::Goal => "goal",
            Resource::Meeting => "meeting",
            Resource::KnowledgeLink => "knowledge_link",
        }
    }
}

/// Where a synced list reads its deletions: the collection, and for a
/// network's own list (its goals, its meetings) that network.
#[derive(Debug, Clone, Copy)]
pub struct Feed {
    pub resource: Resource,
    pub network: Option<i64>,
}

/// 400 for an `updatedSince` before the deletions kept: a sync from then
/// would miss some, so the integrator syncs in full instead.
pub fn check_kept(since: DateTime<Utc>, retention_days: i64) -> Result<(), ApiError> {
    let start = Utc::now() - Duration::days(retention_days);
    if since >= start {
        return Ok(());
    }
    Err(ApiError::Invalid(vec![InvalidParam::new(
        "updatedSince",
        Code::Range,
        format!(
            "is before {}: deletions are kept {retention_days} days, so a sync from then would miss some. Sync in full (without updatedSince), then pass the time that sync started",
            start.to_rfc3339_opts(SecondsFormat::Secs, true)
        ),
    )
    .expected("fullSync")]))
}

/// What left the feed's collection at or after `since` and the viewer is
/// told of: each id once (at its latest time), by id.
pub fn since(
    conn: &mut DbConn,
    viewer: &Viewer,
    feed: Feed,
    since: NaiveDateTime,
) -> Result<Vec<Deletion>, ApiError> {
    let mut sql = deletions::table
        .filter(deletions::resource.eq(feed.resource.as_str()))
        .filter(deletions::deleted_at.ge(since))
        .filter(told_of_deletion(viewer))
        .select((deletions::resource_id, deletions::deleted_at))
        .into_boxed();
    if let Some(network) = feed.network {
        sql = sql.filter(deletions::network_id.eq(network));
    }
    // Left out: what the viewer sees now (a network made members-only, to
    // its members; one made public again).
    sql = match feed.resource {
        Resource::Network => sql.filter(not(exists(
            networks::table
                .filter(networks::id.eq(deletions::resource_id))
                .filter(visible_networks(viewer)),
        ))),
        Resource::Stakeholder => sql.filter(not(exists(
            stakeholders::table
                .filter(stakeholders::id.eq(deletions::resource_id))
                .filter(listed_stakeholders(viewer)),
        ))),
        // A goal is seen by whoever sees its network, which the list checked.
        Resource::Goal => sql.filter(not(exists(
            goals::table.filter(goals::id.eq(deletions::resource_id)),
        ))),
        Resource::Meeting => sql.filter(not(exists(
            meetings::table
                .filter(meetings::id.eq(deletions::resource_id))
                .filter(visible_meetings(viewer)),
        ))),
        Resource::KnowledgeLink => sql.filter(not(exists(
            knowledge_links::table
                .filter(knowledge_links::id.eq(deletions::resource_id))
                .filter(visible_links(viewer)),
        ))),
    };
    let rows: Vec<(i64, NaiveDateTime)> = sql
        .order((deletions::resource_id, deletions::deleted_at))
        .load(conn)?;
    let mut out: Vec<Deletion> = Vec::with_capacity(rows.len());
    for (id, at) in rows {
        let deleted_at = at.and_utc();
        match out.last_mut() {
            Some(last) if last.id == id => last.deleted_at = deleted_at,
            _ => out.push(Deletion { id, deleted_at }),
        }
    }
    Ok(out)
}

/// Removes rows older than the retention period; returns how many.
pub fn purge(conn: &mut DbConn, retention_days: i64) -> Result<usize, ApiError> {
    let cutoff = db::now() - Duration::days(retention_days);
    Ok(diesel::delete(deletions::table.filter(deletions::deleted_at.lt(cutoff))).execute(conn)?)
}
