//! What the map shows per municipality: the counts the database keeps per
//! municipality (`municipality_counts`, kept by triggers on the networks
//! and on the counts kept per network, `network_counts`, which triggers on
//! every membership and goal keep), so a request reads 646 short rows and
//! counts nothing. With an article of the UN Convention, only the networks
//! that work on it (tagged with it, or with a goal tagged with it), as the
//! database keeps them per article and municipality (`article_counts`).

use std::collections::HashMap;

use diesel::prelude::*;

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

/// The figures of every municipality with a public local network, by code.
/// Members-only networks are left out: a figure must not tell that one
/// exists. Without an article they are the ones the database keeps per
/// municipality (`municipality_counts`); with one, the ones it keeps per
/// article and municipality (`article_counts`, migration 34), counted from
/// the networks that work on it.
pub fn by_municipality(
    conn: &mut DbConn,
    article: Option<i64>,
) -> Result<HashMap<String, Figures>, ApiError> {
    let rows: Vec<(String, String, String, i64)> = match article {
        None => {
            use crate::db::schema::municipality_counts as m;
            m::table
                .filter(
                    m::part
                        .eq("network")
                        .or(m::part.eq("member"))
                        .or(m::part.eq("goal").and(m::value.eq("achieved"))),
                )
                .filter(m::count.ne(0))
                .select((m::municipality_code, m::part, m::value, m::count))
                .load(conn)?
        }
        Some(article) => {
            use crate::db::schema::article_counts as a;
            a::table
                .filter(a::article.eq(crate::convention::number(article)))
                .filter(
                    a::part
                        .eq("network")
                        .or(a::part.eq("member"))
                        .or(a::part.eq("goal").and(a::value.eq("achieved"))),
                )
                .filter(a::count.ne(0))
                .select((a::municipality_code, a::part, a::value, a::count))
                .load(conn)?
        }
    };
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
