//! Knowledge links as several handlers, the demo data and a migration
//! write them: their audiences and topics, and their search entries.

use diesel::prelude::*;

use crate::db::schema::{knowledge_link_audiences, knowledge_link_topics, knowledge_links, topics};
use crate::db::{self, DbConn};
use crate::domain::Audience;
use crate::search::documents::{KnowledgeLinkText, KNOWLEDGE_LINK};
use crate::web::error::ApiError;

/// Replaces a link's audiences and topics.
pub fn save_lists(
    conn: &mut DbConn,
    id: i64,
    audiences: &[Audience],
    topics: &[String],
) -> Result<(), ApiError> {
    diesel::delete(
        knowledge_link_audiences::table.filter(knowledge_link_audiences::link_id.eq(id)),
    )
    .execute(conn)?;
    for a in audiences {
        diesel::insert_into(knowledge_link_audiences::table)
            .values((
                knowledge_link_audiences::link_id.eq(id),
                knowledge_link_audiences::audience.eq(a.as_str()),
            ))
            .execute(conn)?;
    }
    diesel::delete(knowledge_link_topics::table.filter(knowledge_link_topics::link_id.eq(id)))
        .execute(conn)?;
    for t in topics {
        diesel::insert_into(knowledge_link_topics::table)
            .values((
                knowledge_link_topics::link_id.eq(id),
                knowledge_link_topics::topic.eq(t),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Keeps a link's entry in the search index in step: its title, its
/// topics' names in Dutch and English, and its summary.
pub fn index(
    conn: &mut DbConn,
    id: i64,
    title: &str,
    summary: &str,
    slugs: &[String],
) -> Result<(), ApiError> {
    let topic_names = if slugs.is_empty() {
        String::new()
    } else {
        topics::table
            .filter(topics::slug.eq_any(slugs))
            .select((topics::name_nl, topics::name_en))
            .load::<(String, String)>(conn)?
            .into_iter()
            .map(|(nl, en)| format!("{nl} {en}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = KnowledgeLinkText {
        title,
        topic_names: &topic_names,
        summary,
    };
    crate::search::index(conn, KNOWLEDGE_LINK, id, &text.fields())
}

/// Indexes every link again, a slice of ids at a time.
pub fn index_all(conn: &mut DbConn) -> Result<(), ApiError> {
    let mut after = 0;
    loop {
        let rows: Vec<(i64, String, String, String)> = knowledge_links::table
            .filter(knowledge_links::id.gt(after))
            .order(knowledge_links::id)
            .limit(500)
            .select((
                knowledge_links::id,
                knowledge_links::title,
                knowledge_links::summary,
                knowledge_links::topic_list,
            ))
            .load(conn)?;
        let Some(last) = rows.last().map(|r| r.0) else {
            return Ok(());
        };
        for (id, title, summary, topic_list) in rows {
            index(conn, id, &title, &summary, &db::split_list(&topic_list))?;
        }
        after = last;
    }
}
