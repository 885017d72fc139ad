//! Networks as several handlers and the demo data write and read them: the
//! search entry, topics, slugs, and what a network's own page shows besides
//! its row.

use std::collections::HashMap;

use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::db::models::NetworkValues;
use crate::db::schema::{network_counts, network_topics, networks};
use crate::db::{self, DbConn};
use crate::permissions::{self, Viewer};
use crate::reference::municipality;
use crate::search::documents::{NetworkText, NETWORK};
use crate::web::error::ApiError;

/// Keeps a network's entry in the search index in step with its values.
pub fn index(conn: &mut DbConn, id: i64, v: &NetworkValues) -> Result<(), ApiError> {
    let place = v
        .municipality_code
        .as_deref()
        .and_then(municipality)
        .map(|m| m.name.as_str())
        .unwrap_or_default();
    let text = NetworkText {
        name: &v.name,
        theme: &v.theme,
        place,
        region: v.region.as_deref().unwrap_or_default(),
        description: &v.description,
        ambition: &v.ambition,
        needs: &v.needs,
    };
    crate::search::index(conn, NETWORK, id, &text.fields())
}

/// Replaces a network's topics.
pub fn save_topics(conn: &mut DbConn, network_id: i64, topics: &[String]) -> Result<(), ApiError> {
    diesel::delete(network_topics::table.filter(network_topics::network_id.eq(network_id)))
        .execute(conn)?;
    for topic in topics {
        diesel::insert_into(network_topics::table)
            .values((
                network_topics::network_id.eq(network_id),
                network_topics::topic.eq(topic),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Whether another network than `except` has this slug.
pub fn slug_taken(conn: &mut DbConn, slug: &str, except: Option<i64>) -> Result<bool, ApiError> {
    Ok(networks::table
        .filter(networks::slug.eq(slug))
        .filter(networks::id.ne(except.unwrap_or(0)))
        .select(count_star())
        .first::<i64>(conn)?
        > 0)
}

/// A unique slug: the wanted one, or with `-2`, `-3`, ... added.
pub fn free_slug(conn: &mut DbConn, wanted: &str) -> Result<String, ApiError> {
    let mut candidate = wanted.to_string();
    for n in 2..1000 {
        if !slug_taken(conn, &candidate, None)? {
            return Ok(candidate);
        }
        candidate = format!("{wanted}-{n}");
    }
    Err(ApiError::Conflict("Choose another slug.".into()))
}

/// A wider or narrower network, as a network's page names it.
pub struct Relative {
    pub id: i64,
    pub name: String,
    pub scope: String,
}

/// What a network's own page shows besides its row.
pub struct Surroundings {
    /// The wider network, if the viewer may see it.
    pub parent: Option<Relative>,
    /// The narrower networks the viewer may see, by id.
    pub children: Vec<Relative>,
    /// Members per kind (`StakeholderKind`'s text).
    pub members: HashMap<String, i64>,
    /// Goals per status (`GoalStatus`'s text).
    pub goals: HashMap<String, i64>,
}

/// The parent and children the viewer may see, members per kind and goals
/// per status (kept by the database in `network_counts`), from one
/// statement (a `UNION ALL` of three parts, each row tagged with its part),
/// built with the query builder and without SQL literals so that both
/// backends keep it prepared.
pub fn surroundings(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
    parent_id: Option<i64>,
) -> Result<Surroundings, ApiError> {
    let parent_id = parent_id.unwrap_or(0);
    // The same code on each concrete connection: diesel's UNION is not
    // available on the shared connection type.
    macro_rules! run {
        ($c:expr) => {{
            use diesel::sql_types::{BigInt, Text};
            let zero = || 0_i64.into_sql::<BigInt>();
            let tag = |part: &'static str| part.into_sql::<Text>();
            let visible = || permissions::visible_networks(viewer);
            let parent = networks::table
                .filter(networks::id.eq(parent_id))
                .filter(visible())
                .select((
                    tag("parent"),
                    networks::id,
                    networks::name,
                    networks::scope,
                    zero(),
                ));
            let children = networks::table
                .filter(networks::parent_id.eq(id))
                .filter(visible())
                .select((
                    tag("child"),
                    networks::id,
                    networks::name,
                    networks::scope,
                    zero(),
                ));
            // Members per kind and goals per status, kept by the database
            // (network_counts); the part's name is the row's tag.
            let counts = network_counts::table
                .filter(network_counts::network_id.eq(id))
                .select((
                    network_counts::part,
                    zero(),
                    network_counts::value,
                    tag(""),
                    network_counts::count,
                ));
            parent
                .union_all(children)
                .union_all(counts)
                .load::<(String, i64, String, String, i64)>($c)?
        }};
    }
    let mut rows = db::on_each!(conn, c => run!(c));
    // Children by id (both backends compare bytes).
    rows.sort_by(|a, b| (&a.0, a.1, &a.2).cmp(&(&b.0, b.1, &b.2)));
    let mut out = Surroundings {
        parent: None,
        children: Vec::new(),
        members: HashMap::new(),
        goals: HashMap::new(),
    };
    for (part, id, name, scope, n) in rows {
        match part.as_str() {
            "parent" => out.parent = Some(Relative { id, name, scope }),
            "child" => out.children.push(Relative { id, name, scope }),
            "member" => {
                out.members.insert(name, n);
            }
            _ => {
                out.goals.insert(name, n);
            }
        }
    }
    Ok(out)
}
