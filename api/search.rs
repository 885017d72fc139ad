//! Dutch-aware search with the same results on both backends.
//!
//! Text is analysed here, in Rust: accents folded (`café` -> `cafe`), split
//! into words, stemmed with the Dutch Snowball stemmer (`gemeenten` ->
//! `gemeent`), and known head words of compounds added (`themanetwerk` also
//! yields `netwerk`). The stems are stored in `search_terms`; the database only
//! finds candidates, and ranking (BM25, title weighted) happens here, ties by
//! id. So PostgreSQL and SQLite return the same documents in the same order.

use std::collections::{BTreeMap, HashMap};

use diesel::dsl::count_star;
use diesel::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};

use crate::db::schema::{search_docs, search_terms};
use crate::db::DbConn;
use crate::error::ApiError;

/// Bump when the analyser changes; documents are then reindexed.
pub const ANALYSER_VERSION: i32 = 1;

/// At most this many candidates (the newest) are ranked for a query whose
/// words are very common.
pub const MAX_CANDIDATES: usize = 2000;

/// Head words of Dutch compounds the platform's users search for alone.
const HEADS: &[&str] = &[
    "netwerk",
    "gemeente",
    "museum",
    "musea",
    "onderwijs",
    "participatie",
    "toegankelijkheid",
    "werk",
    "sport",
    "vervoer",
    "beleid",
    "zorg",
    "wonen",
    "cultuur",
    "inclusie",
    "verdrag",
    "ambassadeur",
    "tijd",
    "school",
    "organisatie",
    "platform",
    "deskundige",
    "deskundigheid",
    "gever",
    "nemer",
    "route",
    "kaart",
    "taal",
    "bijeenkomst",
    "evenement",
    "festival",
];

fn stemmer() -> &'static Stemmer {
    static STEMMER: std::sync::OnceLock<Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::Dutch))
}

/// Stems one folded word, with small fixes to the Snowball stemmer.
fn stem(word: &str) -> String {
    let word = match word {
        "musea" => "museum",
        "cafes" => "cafe",
        other => other,
    };
    let mut s = stemmer().stem(word).into_owned();
    if s.ends_with('v') {
        s.pop();
        s.push('f');
    } else if s.ends_with('z') {
        s.pop();
        s.push('s');
    }
    s
}

/// Folds and splits text into lowercase ASCII words.
fn words(text: &str) -> Vec<String> {
    deunicode::deunicode(text)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The stems of a query: every word, stemmed.
pub fn analyse_query(text: &str) -> Vec<String> {
    let mut stems: Vec<String> = words(text).iter().map(|w| stem(w)).collect();
    stems.sort();
    stems.dedup();
    stems
}

/// The stems of a document field, with compound heads added.
pub fn analyse_document(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in words(text) {
        out.push(stem(&word));
        for head in HEADS {
            if word.len() >= head.len() + 3 && word.ends_with(head) {
                out.push(stem(head));
            }
        }
    }
    out
}

/// Replaces the index entries of one document. `fields` are (text, weight):
/// a title counts more than a description.
pub fn index(
    conn: &mut DbConn,
    doc_type: &str,
    doc_id: i64,
    fields: &[(&str, i32)],
) -> Result<(), ApiError> {
    remove(conn, doc_type, doc_id)?;
    let mut weights: BTreeMap<String, i32> = BTreeMap::new();
    let mut length = 0;
    for (text, weight) in fields {
        for term in analyse_document(text) {
            length += 1;
            *weights.entry(term).or_insert(0) += weight;
        }
    }
    diesel::insert_into(search_docs::table)
        .values((
            search_docs::doc_type.eq(doc_type),
            search_docs::doc_id.eq(doc_id),
            search_docs::length.eq(length),
        ))
        .execute(conn)?;
    let rows: Vec<_> = weights
        .into_iter()
        .map(|(term, weight)| {
            (
                search_terms::doc_type.eq(doc_type),
                search_terms::doc_id.eq(doc_id),
                search_terms::term.eq(term),
                search_terms::weight.eq(weight),
            )
        })
        .collect();
    for chunk in rows.chunks(200) {
        match conn {
            DbConn::Pg(c) => diesel::insert_into(search_terms::table)
                .values(chunk)
                .execute(c)?,
            DbConn::Sqlite(c) => diesel::insert_into(search_terms::table)
                .values(chunk)
                .execute(c)?,
        };
    }
    Ok(())
}

/// Removes a document from the index.
pub fn remove(conn: &mut DbConn, doc_type: &str, doc_id: i64) -> Result<(), ApiError> {
    diesel::delete(
        search_terms::table
            .filter(search_terms::doc_type.eq(doc_type))
            .filter(search_terms::doc_id.eq(doc_id)),
    )
    .execute(conn)?;
    diesel::delete(
        search_docs::table
            .filter(search_docs::doc_type.eq(doc_type))
            .filter(search_docs::doc_id.eq(doc_id)),
    )
    .execute(conn)?;
    Ok(())
}

/// Documents matching every word of `query`, best first (score, then id).
pub fn search(conn: &mut DbConn, doc_type: &str, query: &str) -> Result<Vec<(i64, f64)>, ApiError> {
    let terms = analyse_query(query);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let postings: Vec<(i64, String, i32)> = search_terms::table
        .filter(search_terms::doc_type.eq(doc_type))
        .filter(search_terms::term.eq_any(&terms))
        .select((
            search_terms::doc_id,
            search_terms::term,
            search_terms::weight,
        ))
        .load(conn)?;
    let mut by_doc: HashMap<i64, Vec<(usize, i32)>> = HashMap::new();
    let mut df = vec![0i64; terms.len()];
    for (doc, term, weight) in postings {
        if let Ok(i) = terms.binary_search(&term) {
            df[i] += 1;
            by_doc.entry(doc).or_default().push((i, weight));
        }
    }
    let mut matching: Vec<i64> = by_doc
        .iter()
        .filter(|(_, hits)| hits.len() == terms.len())
        .map(|(doc, _)| *doc)
        .collect();
    if matching.is_empty() {
        return Ok(Vec::new());
    }
    matching.sort_unstable_by(|a, b| b.cmp(a));
    matching.truncate(MAX_CANDIDATES);

    let (n_docs, total_length): (i64, i64) = search_docs::table
        .filter(search_docs::doc_type.eq(doc_type))
        .select((
            count_star(),
            diesel::dsl::sql::<diesel::sql_types::BigInt>("COALESCE(SUM(length), 0)"),
        ))
        .first(conn)?;
    let lengths: HashMap<i64, i32> = search_docs::table
        .filter(search_docs::doc_type.eq(doc_type))
        .filter(search_docs::doc_id.eq_any(&matching))
        .select((search_docs::doc_id, search_docs::length))
        .load::<(i64, i32)>(conn)?
        .into_iter()
        .collect();
    let n = n_docs.max(1) as f64;
    let avg_length = (total_length as f64 / n).max(1.0);
    let (k1, b) = (1.2, 0.75);
    let mut ranked: Vec<(i64, f64)> = matching
        .into_iter()
        .map(|doc| {
            let length = f64::from(lengths.get(&doc).copied().unwrap_or(1));
            let score: f64 = by_doc[&doc]
                .iter()
                .map(|&(i, weight)| {
                    let df = df[i] as f64;
                    let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                    let tf = f64::from(weight);
                    idf * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * length / avg_length))
                })
                .sum();
            // Rounded so that the order never rests on the last bits.
            (doc, (score * 1e6).round() / 1e6)
        })
        .collect();
    ranked.sort_by(|a, c| c.1.total_cmp(&a.1).then(a.0.cmp(&c.0)));
    Ok(ranked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_and_singular_share_a_stem() {
        assert_eq!(analyse_query("gemeenten"), analyse_query("gemeente"));
        assert_eq!(analyse_query("musea"), analyse_query("museum"));
        assert_eq!(analyse_query("inclusieve"), analyse_query("inclusief"));
    }

    #[test]
    fn accents_are_folded() {
        assert_eq!(analyse_query("café"), analyse_query("cafe"));
        assert_eq!(analyse_query("cafés"), analyse_query("café"));
    }

    #[test]
    fn compounds_yield_their_head() {
        let doc = analyse_document("Themanetwerk vrijetijdsparticipatie");
        for q in ["netwerk", "participatie"] {
            assert!(doc.contains(&analyse_query(q)[0]), "{q} not in {doc:?}");
        }
    }
}
