//! What the map shows per municipality: the counts the database keeps per
//! municipality (`municipality_counts`, kept by triggers on the networks
//! and on the counts kept per network, `network_counts`, which triggers on
//! every membership and goal keep), so a request reads 646 short rows and
//! counts nothing. With an article of the UN Convention, only the networks
//! that work on it (tagged with it, or with a goal tagged with it, as
//! `network_articles` keeps them), summed from `network_counts` per request.

use std::collections::HashMap;

use diesel::sql_types::{BigInt, Integer, Text};
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
/// exists. Without an article they are the ones the database keeps
/// (`municipality_counts`); with one, summed from the networks that work
/// on it.
pub fn by_municipality(
    conn: &mut DbConn,
    article: Option<i64>,
) -> Result<HashMap<String, Figures>, ApiError> {
    let Some(article) = article else {
        return kept(conn);
    };
    let mut out: HashMap<String, Figures> = HashMap::new();
    // The networks that work on it, as the database keeps them per
    // article (`network_articles`, migration 32), through its index.
    let article = crate::convention::number(article);
    let networks: Vec<ByStatus> = diesel::sql_query(
        "SELECT n.municipality_code AS code, n.status, CAST(COUNT(*) AS BIGINT) AS n \
         FROM network_articles a JOIN networks n ON n.id = a.network_id \
         WHERE a.article = $1 AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed' \
         GROUP BY n.municipality_code, n.status",
    )
    .bind::<Integer, _>(article)
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
         FROM network_articles a JOIN networks n ON n.id = a.network_id \
         JOIN network_counts c ON c.network_id = a.network_id \
         WHERE a.article = $1 AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed' \
         AND (c.part = 'member' OR (c.part = 'goal' AND c.value = 'achieved')) \
         GROUP BY n.municipality_code, c.part, c.value",
    )
    .bind::<Integer, _>(article)
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

/// The figures the database keeps per municipality.
fn kept(conn: &mut DbConn) -> Result<HashMap<String, Figures>, ApiError> {
    use crate::db::schema::municipality_counts as m;
    use diesel::prelude::*;
    let rows: Vec<(String, String, String, i64)> = m::table
        .filter(
            m::part
                .eq("network")
                .or(m::part.eq("member"))
                .or(m::part.eq("goal").and(m::value.eq("achieved"))),
        )
        .filter(m::count.ne(0))
        .select((m::municipality_code, m::part, m::value, m::count))
        .load(conn)?;
    let mut out: HashMap<String, Figures> = HashMap::new();
    for (code, part, value, n) in rows {
        let f = out.entry(code).or_default();
        match (part.as_str(), value.as_str()) {
            ("network", status) => {
                f.networks += n;
                if status == "active" {
                    f.active_networks += n;
                }
            }
            ("goal", _) => f.goals_achieved += n,
            (_, kind) => {
                f.members += n;
                if kind == "experience_expert" {
                    f.experience_experts += n;
                }
            }
        }
    }
    Ok(out)
}

/// One municipality in detail: its public local networks that are not
/// closed (id, name, status), and their members per kind and goals per
/// status, as the database keeps them (`municipality_counts`).
pub struct Detail {
    pub networks: Vec<(i64, String, String)>,
    /// (`part`, `value`) -> count: `member` by kind, `goal` by status.
    pub counts: HashMap<(String, String), i64>,
}

/// The detail of one municipality (by its CBS or NIS code).
pub fn of_municipality(conn: &mut DbConn, code: &str) -> Result<Detail, ApiError> {
    use crate::db::schema::{municipality_counts, networks};
    use diesel::prelude::*;
    let found: Vec<(i64, String, String)> = networks::table
        .filter(networks::visibility.eq("public"))
        .filter(networks::status.ne("closed"))
        .filter(networks::municipality_code.eq(code))
        .order(networks::id)
        .select((networks::id, networks::name, networks::status))
        .load(conn)?;
    let counts: HashMap<(String, String), i64> = municipality_counts::table
        .filter(municipality_counts::municipality_code.eq(code))
        .select((
            municipality_counts::part,
            municipality_counts::value,
            municipality_counts::count,
        ))
        .load::<(String, String, i64)>(conn)?
        .into_iter()
        .map(|(part, value, n)| ((part, value), n))
        .collect();
    Ok(Detail {
        networks: found,
        counts,
    })
}
