//! What the map shows per municipality, from the counts the database keeps
//! (`network_counts`, kept by triggers on every membership and goal) and the
//! public local networks: summed per municipality in one pass each, so a
//! request does not count memberships or goals. With an article of the UN
//! Convention, only the networks that work on it: tagged with it, or with a
//! goal tagged with it.

use std::collections::HashMap;

use diesel::sql_types::{BigInt, Text};
use diesel::{QueryableByName, RunQueryDsl};

use crate::db::DbConn;
use crate::web::error::ApiError;

/// A municipality's figures: its public local networks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figures {
    /// Networks that are not closed.
    pub networks: i64,
    /// Networks that are active.
    pub active_networks: i64,
    /// Memberships in those networks (a person in two networks counts twice).
    pub members: i64,
    /// Memberships of experience experts.
    pub experience_experts: i64,
    /// Goals and steps achieved.
    pub goals_achieved: i64,
}

#[derive(QueryableByName)]
struct ByStatus {
    #[diesel(sql_type = Text)]
    code: String,
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct ByCount {
    #[diesel(sql_type = Text)]
    code: String,
    #[diesel(sql_type = Text)]
    part: String,
    #[diesel(sql_type = Text)]
    value: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The figures of every municipality with a public local network, by code.
/// Members-only networks are left out: a figure must not tell that one
/// exists.
pub fn by_municipality(
    conn: &mut DbConn,
    article: Option<i64>,
) -> Result<HashMap<String, Figures>, ApiError> {
    let mut out: HashMap<String, Figures> = HashMap::new();
    // `%` finds every network.
    let tagged = article.map_or_else(|| "%".to_string(), crate::convention::pattern);
    let networks: Vec<ByStatus> = diesel::sql_query(
        "SELECT municipality_code AS code, status, CAST(COUNT(*) AS BIGINT) AS n \
         FROM networks \
         WHERE visibility = 'public' AND municipality_code IS NOT NULL AND status <> 'closed' \
         AND (articles LIKE $1 OR EXISTS (SELECT 1 FROM goals g \
              WHERE g.network_id = networks.id AND g.articles LIKE $1)) \
         GROUP BY municipality_code, status",
    )
    .bind::<Text, _>(&tagged)
    .load(conn)?;
    for row in networks {
        let f = out.entry(row.code).or_default();
        f.networks += row.n;
        if row.status == "active" {
            f.active_networks += row.n;
        }
    }
    let counts: Vec<ByCount> = diesel::sql_query(
        "SELECT n.municipality_code AS code, c.part, c.value, CAST(SUM(c.count) AS BIGINT) AS n \
         FROM network_counts c JOIN networks n ON n.id = c.network_id \
         WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed' \
         AND (c.part = 'member' OR (c.part = 'goal' AND c.value = 'achieved')) \
         AND (n.articles LIKE $1 OR EXISTS (SELECT 1 FROM goals g \
              WHERE g.network_id = n.id AND g.articles LIKE $1)) \
         GROUP BY n.municipality_code, c.part, c.value",
    )
    .bind::<Text, _>(&tagged)
    .load(conn)?;
    for row in counts {
        let f = out.entry(row.code).or_default();
        match (row.part.as_str(), row.value.as_str()) {
            ("goal", _) => f.goals_achieved += row.n,
            (_, kind) => {
                f.members += row.n;
                if kind == "experience_expert" {
                    f.experience_experts += row.n;
                }
            }
        }
    }
    Ok(out)
}

/// One municipality in detail: its public local networks that are not
/// closed (id, name, status), and their members per kind and goals per
/// status, summed from `network_counts`.
pub struct Detail {
    pub networks: Vec<(i64, String, String)>,
    /// (`part`, `value`) -> count: `member` by kind, `goal` by status.
    pub counts: HashMap<(String, String), i64>,
}

/// The detail of one municipality (by its CBS or NIS code).
pub fn of_municipality(conn: &mut DbConn, code: &str) -> Result<Detail, ApiError> {
    use crate::db::schema::{network_counts, networks};
    use diesel::prelude::*;
    let found: Vec<(i64, String, String)> = networks::table
        .filter(networks::visibility.eq("public"))
        .filter(networks::status.ne("closed"))
        .filter(networks::municipality_code.eq(code))
        .order(networks::id)
        .select((networks::id, networks::name, networks::status))
        .load(conn)?;
    let ids: Vec<i64> = found.iter().map(|n| n.0).collect();
    let mut counts: HashMap<(String, String), i64> = HashMap::new();
    if !ids.is_empty() {
        let rows: Vec<(String, String, i64)> = network_counts::table
            .filter(crate::db::in_ids(network_counts::network_id, &ids))
            .select((
                network_counts::part,
                network_counts::value,
                network_counts::count,
            ))
            .load(conn)?;
        for (part, value, n) in rows {
            *counts.entry((part, value)).or_default() += n;
        }
    }
    Ok(Detail {
        networks: found,
        counts,
    })
}
