//! Talents: the vocabulary that grows with use (what people offer, what
//! goals need), the talents a goal needs, its accepted helpers, and the key
//! two talents match by.

use std::collections::HashMap;

use diesel::dsl::{count_star, exists};
use diesel::prelude::*;

use crate::db::schema::{
    goal_helpers, goal_talents, goals, networks, stakeholder_tags, stakeholders,
};
use crate::db::{self, DbConn};
use crate::domain::{FieldVisibility, HelperStatus};
use crate::permissions::{visible_networks, Viewer};
use crate::routes::clean_tags;
use crate::web::error::{ApiError, Code, InvalidParam};

/// The most talents one goal needs.
pub const MAX_NEEDED: usize = 10;

/// The key two talents match by: the stems of their words, as search
/// analyses them (`Schrijven` and `schrijven`, `vormgeving` and
/// `Vormgeving`, `juridische kennis` and `Juridische  kennis`).
pub fn key(talent: &str) -> String {
    crate::search::analyse_query(talent).join(" ")
}

/// Whether a talent is in the form the vocabulary takes: 2 to 40
/// characters, letters, digits, spaces, hyphens and apostrophes.
pub fn is_talent(talent: &str) -> bool {
    let n = talent.chars().count();
    (2..=40).contains(&n)
        && talent
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '\'')
        && talent.chars().any(char::is_alphanumeric)
}

/// Cleans the talents a goal needs (lowercase, trimmed, no duplicates) and
/// checks their number and form, adding what is wrong to `errors`.
pub fn check_needed(list: Vec<String>, errors: &mut Vec<InvalidParam>) -> Vec<String> {
    let list = clean_tags(list);
    if list.len() > MAX_NEEDED {
        errors.push(
            InvalidParam::new(
                "neededTalents",
                Code::Length,
                format!("must have at most {MAX_NEEDED} talents"),
            )
            .bounds(None, Some(MAX_NEEDED as i64)),
        );
    }
    let wrong: Vec<&str> = list
        .iter()
        .filter(|t| !is_talent(t))
        .map(String::as_str)
        .collect();
    if !wrong.is_empty() {
        errors.push(
            InvalidParam::new(
                "neededTalents",
                Code::Format,
                "every talent has 2 to 40 letters, digits, spaces, hyphens or apostrophes",
            )
            .expected("talent"),
        );
    }
    list
}

/// Replaces the talents a goal needs.
pub fn set_needed(conn: &mut DbConn, goal_id: i64, talents: &[String]) -> Result<(), ApiError> {
    diesel::delete(goal_talents::table.filter(goal_talents::goal_id.eq(goal_id))).execute(conn)?;
    for talent in talents {
        diesel::insert_into(goal_talents::table)
            .values((
                goal_talents::goal_id.eq(goal_id),
                goal_talents::talent.eq(talent),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The talents each of these goals needs, in alphabetical order.
pub fn needed_of(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, Vec<String>>, ApiError> {
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(i64, String)> = goal_talents::table
        .filter(db::in_ids(goal_talents::goal_id, ids))
        .order((goal_talents::goal_id, goal_talents::talent))
        .select((goal_talents::goal_id, goal_talents::talent))
        .load(conn)?;
    for (goal, talent) in rows {
        out.entry(goal).or_default().push(talent);
    }
    Ok(out)
}

/// The accepted helpers (stakeholder ids) of each of these goals.
pub fn helpers_of(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, Vec<i64>>, ApiError> {
    let mut out: HashMap<i64, Vec<i64>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(i64, i64)> = goal_helpers::table
        .filter(db::in_ids(goal_helpers::goal_id, ids))
        .filter(goal_helpers::status.eq(HelperStatus::Accepted.as_str()))
        .order((goal_helpers::goal_id, goal_helpers::stakeholder_id))
        .select((goal_helpers::goal_id, goal_helpers::stakeholder_id))
        .load(conn)?;
    for (goal, helper) in rows {
        out.entry(goal).or_default().push(helper);
    }
    Ok(out)
}

#[derive(diesel::QueryableByName)]
struct Talent {
    #[diesel(sql_type = diesel::sql_types::Text)]
    talent: String,
}

/// Every distinct talent steps need, read by skipping through the index on
/// `goal_talents.talent` (one probe per talent, not a pass over every
/// step's needs), on both backends.
pub fn needed_talents(conn: &mut DbConn) -> Result<Vec<String>, ApiError> {
    distinct(conn, "goal_talents", "talent", "")
}

/// Every distinct talent people offer, read by skipping through the index
/// on `stakeholder_tags (kind, value)` as [`needed_talents`] does.
pub fn offered_talents(conn: &mut DbConn) -> Result<Vec<String>, ApiError> {
    distinct(conn, "stakeholder_tags", "value", "kind = 'talent' AND ")
}

/// The distinct values of `table.column` (where `filter`, ending in `AND`,
/// holds) in order, through an index that orders them: the first, then
/// each next one after the last found. A loose index scan, written as a
/// recursive query since neither backend skips through an index by itself.
fn distinct(
    conn: &mut DbConn,
    table: &str,
    column: &str,
    filter: &str,
) -> Result<Vec<String>, ApiError> {
    let next = |after: &str| {
        format!("SELECT {column} FROM {table} WHERE {filter}{after} ORDER BY {column} LIMIT 1")
    };
    let sql = format!(
        "WITH RECURSIVE t(talent) AS (SELECT ({}) UNION ALL \
         SELECT ({}) FROM t WHERE t.talent IS NOT NULL) \
         SELECT talent FROM t WHERE talent IS NOT NULL",
        next(&format!("{column} IS NOT NULL")),
        next(&format!("{column} > t.talent")),
    );
    let found: Vec<Talent> = diesel::sql_query(sql).load(conn)?;
    Ok(found.into_iter().map(|t| t.talent).collect())
}

/// The talents a viewer may know of, each with how often it is used: the
/// talents people show everyone (and the viewer's own), and the needs of
/// goals in networks the viewer may see. Most used first, then by name.
pub fn vocabulary(conn: &mut DbConn, viewer: &Viewer) -> Result<Vec<(String, i64)>, ApiError> {
    let public = FieldVisibility::Public.as_str();
    let me = viewer.stakeholder_id.unwrap_or(0);
    let offered: Vec<(String, i64)> = stakeholder_tags::table
        .inner_join(stakeholders::table)
        .filter(stakeholder_tags::kind.eq("talent"))
        .filter(
            stakeholders::talents_visibility
                .eq(public)
                .or(stakeholders::id.eq(me)),
        )
        .group_by(stakeholder_tags::value)
        .select((stakeholder_tags::value, count_star()))
        .load(conn)?;
    let needed: Vec<(String, i64)> = db::on_each!(conn, c => goal_talents::table
        .inner_join(goals::table)
        .filter(exists(
            networks::table
                .filter(networks::id.eq(goals::network_id))
                .filter(visible_networks(viewer)),
        ))
        .group_by(goal_talents::talent)
        .select((goal_talents::talent, count_star()))
        .load(c))?;
    let mut counts: HashMap<String, i64> = HashMap::new();
    for (talent, n) in offered.into_iter().chain(needed) {
        *counts.entry(talent).or_default() += n;
    }
    let mut list: Vec<(String, i64)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(list)
}

/// Whether a talent is what someone is typing: each word typed is the start
/// of a word of the talent, compared as search compares words (accents
/// folded, stemmed), so `jurid` and `juridisch` find `juridische kennis`.
pub fn suggests(talent: &str, typed: &str) -> bool {
    let fold = |t: &str| deunicode::deunicode(t).to_lowercase();
    let words: Vec<String> = fold(talent)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    let stems = crate::search::analyse_document(talent);
    fold(typed)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let stem = key(w);
            words.iter().any(|t| t.starts_with(w))
                || stems
                    .iter()
                    .any(|s| !stem.is_empty() && s.starts_with(&stem))
        })
}

#[cfg(test)]
mod tests {
    use super::{is_talent, key, suggests};

    #[test]
    fn talents_match_as_search_does() {
        assert_eq!(key("Schrijven"), key("schrijven"));
        assert_eq!(key("juridische kennis"), key("Juridische  kennis"));
        assert!(suggests("juridische kennis", "jurid"));
        assert!(suggests("juridische kennis", "kennis"));
        assert!(suggests("vormgeven", "Vorm"));
        assert!(suggests("ngt", "NGT"));
        assert!(!suggests("schrijven", "vorm"));
        assert!(is_talent("ervaringsdeskundigheid"));
        assert!(is_talent("ngt"));
        assert!(!is_talent("<script>"));
        assert!(!is_talent("a"));
    }
}
