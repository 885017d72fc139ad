//! Dutch-aware search with the same results on both backends.
//!
//! Text is analysed here, in Rust: accents folded (`café` -> `cafe`), split
//! into words, stemmed with the Dutch Snowball stemmer (`gemeenten` ->
//! `gemeent`), and known head words of compounds added (`themanetwerk` also
//! yields `netwerk`). The stems are stored in `search_terms`; the database only
//! finds candidates, and ranking (BM25, title weighted) happens here, ties by
//! id. So PostgreSQL and SQLite return the same documents in the same order.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
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

/// A document's length in words and the summed weight of each of its
/// stems. `fields` are (text, weight): a title counts more than a
/// description.
pub fn document_terms(fields: &[(&str, i32)]) -> (i32, BTreeMap<String, i32>) {
    let mut weights: BTreeMap<String, i32> = BTreeMap::new();
    let mut length = 0;
    for (text, weight) in fields {
        for term in analyse_document(text) {
            length += 1;
            *weights.entry(term).or_insert(0) += weight;
        }
    }
    (length, weights)
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
    GENERATION.fetch_add(1, Ordering::AcqRel);
    CHANGED.with(|c| c.set(true));
    let (length, weights) = document_terms(fields);
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
                search_terms::length.eq(length),
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
    GENERATION.fetch_add(1, Ordering::AcqRel);
    CHANGED.with(|c| c.set(true));
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

/// Bumped by every change to the index in this process, and again when the
/// transaction that made it ends: cached statistics and answers from before
/// either are not used again (a search that ran while the change was not yet
/// committed may have cached an answer without it).
static GENERATION: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// Whether this thread changed the index in its current transaction.
    static CHANGED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Called by `db::write_tx` when a transaction ends.
pub fn after_commit() {
    if CHANGED.with(|c| c.replace(false)) {
        GENERATION.fetch_add(1, Ordering::AcqRel);
    }
}

/// How long an answer may be reused when this process changed nothing:
/// other instances' new and changed documents show in results after at
/// most this long.
const ANSWER_TTL: Duration = Duration::from_secs(10);

/// How long corpus statistics may be reused when this process changed
/// nothing. They only weigh the words (how rare each is, how long documents
/// are on average), which other instances' few changes hardly move, and
/// counting them anew costs up to 100 ms on 100,000 networks (`COUNT(*)`
/// over every document, every posting of a common word): with 10 s, as for
/// answers, a search at 200 req/s met one of those every few seconds (p99
/// 54 ms against 24 ms between them, PostgreSQL).
const STATS_TTL: Duration = Duration::from_secs(300);

/// Corpus statistics for BM25 (documents, total length, documents per term),
/// read once and reused until the index changes, per database (one per
/// `AppState`). Counting them per query would read the whole index of a
/// common word, which made a search over 100,000 networks take 400 ms.
#[derive(Default)]
pub struct Stats {
    cache: Mutex<HashMap<String, CorpusStats>>,
    /// Recent answers: (document type, query stems) -> ranked ids, under
    /// the same rules as the statistics (dropped when this process changes
    /// the index, read anew after `ANSWER_TTL`, while one search does that
    /// the others keep the old answer). Filters and visibility are applied
    /// after ranking, so one answer serves every viewer.
    results: Mutex<HashMap<(String, Vec<String>), CachedResult>>,
}

/// At most this many answers are kept (each at most `MAX_CANDIDATES` ids,
/// 32 KB): past it the cache starts over.
const MAX_CACHED_RESULTS: usize = 256;

/// How long other searches keep an old answer while one reads it anew.
const REFRESH_GRACE: Duration = Duration::from_secs(5);

struct CachedResult {
    generation: u64,
    read_at: Instant,
    /// When a search started reading this answer anew.
    refreshing_since: Option<Instant>,
    ranked: Vec<(i64, f64)>,
}

struct CorpusStats {
    generation: u64,
    read_at: Instant,
    /// When a search started counting them anew (they are old).
    refreshing_since: Option<Instant>,
    docs: i64,
    total_length: i64,
    df: HashMap<String, i64>,
}

impl CorpusStats {
    fn is_fresh(&self, generation: u64) -> bool {
        self.generation == generation && self.read_at.elapsed() < STATS_TTL
    }
}

impl Stats {
    /// (documents, total length, df per term in `terms` order).
    ///
    /// The lock is held only to read and to store: counting on a cache miss
    /// (tens of milliseconds for a common word) runs without it, so other
    /// searches do not queue behind one that counts.
    fn get(
        &self,
        conn: &mut DbConn,
        doc_type: &str,
        terms: &[String],
    ) -> Result<(i64, i64, Vec<i64>), ApiError> {
        let generation = GENERATION.load(Ordering::Acquire);
        let (cached_corpus, mut df) = {
            let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            let usable = match cache.get_mut(doc_type) {
                Some(c) if c.generation == generation => {
                    if c.read_at.elapsed() < STATS_TTL {
                        Some(&*c)
                    } else if c
                        .refreshing_since
                        .is_some_and(|t| t.elapsed() < REFRESH_GRACE)
                    {
                        // Old, and another search counts them anew: use the
                        // old ones meanwhile instead of all counting at once.
                        Some(&*c)
                    } else {
                        c.refreshing_since = Some(Instant::now());
                        None
                    }
                }
                _ => None,
            };
            match usable {
                Some(c) => (
                    Some((c.docs, c.total_length)),
                    terms
                        .iter()
                        .filter_map(|t| c.df.get(t).map(|&n| (t.clone(), n)))
                        .collect(),
                ),
                None => (None, HashMap::new()),
            }
        };
        let (docs, total_length) = match cached_corpus {
            Some(corpus) => corpus,
            None => search_docs::table
                .filter(search_docs::doc_type.eq(doc_type))
                .select((
                    count_star(),
                    diesel::dsl::sql::<diesel::sql_types::BigInt>("COALESCE(SUM(length), 0)"),
                ))
                .first(conn)?,
        };
        let missing: Vec<&String> = terms.iter().filter(|t| !df.contains_key(*t)).collect();
        if cached_corpus.is_some() && missing.is_empty() {
            return Ok((docs, total_length, terms.iter().map(|t| df[t]).collect()));
        }
        if !missing.is_empty() {
            let counted: Vec<(String, i64)> = search_terms::table
                .filter(search_terms::doc_type.eq(doc_type))
                .filter(search_terms::term.eq_any(&missing))
                .group_by(search_terms::term)
                .select((search_terms::term, count_star()))
                .load(conn)?;
            for term in missing {
                df.insert(term.clone(), 0);
            }
            df.extend(counted);
        }
        {
            let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            match cache.get_mut(doc_type) {
                // Another search may have refreshed it meanwhile: add to it.
                Some(c) if c.is_fresh(generation) => {
                    c.df.extend(df.iter().map(|(t, n)| (t.clone(), *n)));
                }
                _ if cached_corpus.is_none() => {
                    cache.insert(
                        doc_type.to_string(),
                        CorpusStats {
                            generation,
                            read_at: Instant::now(),
                            refreshing_since: None,
                            docs,
                            total_length,
                            df: df.clone(),
                        },
                    );
                }
                // Went stale while counting: the next search reads anew.
                _ => {}
            }
        }
        let df = terms.iter().map(|t| df[t]).collect();
        Ok((docs, total_length, df))
    }
}

#[derive(QueryableByName)]
struct Scored {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    doc_id: i64,
    #[diesel(sql_type = diesel::sql_types::Double)]
    score: f64,
}

/// The ranking statement of `rank`: the postings of the rarest word (`t0`),
/// newest first, joined by primary key with the other words' postings, with
/// each match's BM25 score:
/// per word `factor * weight / (weight + c1 + c2 * length)`.
///
/// Written here rather than with `sql_query`, which diesel never keeps
/// prepared: its text depends only on the number of words, so each
/// connection prepares it once per word count and reuses it (on SQLite the
/// parse and plan were 7 % of a search's CPU over 100,000 networks).
struct RankQuery {
    doc_type: String,
    c1: f64,
    c2: f64,
    /// (stem, its factor), rarest first.
    terms: Vec<(String, f64)>,
}

impl diesel::query_builder::QueryId for RankQuery {
    type QueryId = ();
    // The text depends on the number of words: cached by its text.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl diesel::query_builder::Query for RankQuery {
    type SqlType = diesel::sql_types::Untyped;
}

impl<Conn> RunQueryDsl<Conn> for RankQuery {}

impl<DB> diesel::query_builder::QueryFragment<DB> for RankQuery
where
    DB: diesel::backend::Backend
        + diesel::sql_types::HasSqlType<diesel::sql_types::Text>
        + diesel::sql_types::HasSqlType<diesel::sql_types::Double>,
    String: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
    f64: diesel::serialize::ToSql<diesel::sql_types::Double, DB>,
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        use diesel::sql_types::{Double, Text};
        out.push_sql("SELECT t0.doc_id AS doc_id, ");
        for (i, (_, factor)) in self.terms.iter().enumerate() {
            if i > 0 {
                out.push_sql(" + ");
            }
            out.push_bind_param::<Double, _>(factor)?;
            out.push_sql(&format!(" * t{i}.weight / (t{i}.weight + "));
            out.push_bind_param::<Double, _>(&self.c1)?;
            out.push_sql(" + ");
            out.push_bind_param::<Double, _>(&self.c2)?;
            out.push_sql(" * t0.length)");
        }
        out.push_sql(" AS score FROM search_terms t0");
        for (i, (term, _)) in self.terms.iter().enumerate().skip(1) {
            out.push_sql(&format!(
                " JOIN search_terms t{i} ON t{i}.doc_type = t0.doc_type AND t{i}.term = "
            ));
            out.push_bind_param::<Text, _>(term)?;
            out.push_sql(&format!(" AND t{i}.doc_id = t0.doc_id"));
        }
        out.push_sql(" WHERE t0.doc_type = ");
        out.push_bind_param::<Text, _>(&self.doc_type)?;
        out.push_sql(" AND t0.term = ");
        out.push_bind_param::<Text, _>(&self.terms[0].0)?;
        out.push_sql(&format!(" ORDER BY t0.doc_id DESC LIMIT {MAX_CANDIDATES}"));
        Ok(())
    }
}

/// Documents matching every word of `query`, best first (score, then id).
///
/// The database walks the postings of the rarest word from the newest
/// document down, joins the other words' postings by primary key and stops
/// after `MAX_CANDIDATES` matches, so the work is bounded by that limit and
/// not by how common a word is. It also adds up the BM25 score (the numbers
/// that depend on the whole corpus come from `Stats` as parameters); both
/// backends do the same IEEE arithmetic, and the score is rounded here.
pub fn search(
    conn: &mut DbConn,
    stats: &Stats,
    doc_type: &str,
    query: &str,
) -> Result<Vec<(i64, f64)>, ApiError> {
    let terms = analyse_query(query);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let generation = GENERATION.load(Ordering::Acquire);
    let key = (doc_type.to_string(), terms);
    {
        let mut results = stats.results.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = results.get_mut(&key).filter(|h| h.generation == generation) {
            if hit.read_at.elapsed() < ANSWER_TTL {
                return Ok(hit.ranked.clone());
            }
            // Only old (other instances may have changed the index): one
            // search reads it anew, the others keep the old answer
            // meanwhile instead of all reading at once. A refresh that
            // failed or hangs is taken over after `REFRESH_GRACE`.
            let refreshing = hit
                .refreshing_since
                .is_some_and(|t| t.elapsed() < REFRESH_GRACE);
            if refreshing {
                return Ok(hit.ranked.clone());
            }
            hit.refreshing_since = Some(Instant::now());
        }
    }
    let ranked = rank(conn, stats, doc_type, &key.1)?;
    let mut results = stats.results.lock().unwrap_or_else(|e| e.into_inner());
    if results.len() >= MAX_CACHED_RESULTS {
        results.clear();
    }
    results.insert(
        key,
        CachedResult {
            generation,
            read_at: Instant::now(),
            refreshing_since: None,
            ranked: ranked.clone(),
        },
    );
    Ok(ranked)
}

/// `search` without the answer cache.
fn rank(
    conn: &mut DbConn,
    stats: &Stats,
    doc_type: &str,
    terms: &[String],
) -> Result<Vec<(i64, f64)>, ApiError> {
    let (n_docs, total_length, df) = stats.get(conn, doc_type, terms)?;
    if df.contains(&0) {
        return Ok(Vec::new());
    }
    let mut rarest_first: Vec<(i64, &String)> = df.iter().copied().zip(terms).collect();
    rarest_first.sort();

    let n = n_docs.max(1) as f64;
    let avg_length = (total_length as f64 / n).max(1.0);
    let (k1, b) = (1.2, 0.75);
    // Per term: idf * (k1 + 1) * tf / (tf + k1 * (1 - b) + k1 * b / avg * length)
    let statement = RankQuery {
        doc_type: doc_type.to_string(),
        c1: k1 * (1.0 - b),
        c2: k1 * b / avg_length,
        terms: rarest_first
            .iter()
            .map(|&(df, term)| {
                let df = df as f64;
                let factor = (1.0 + (n - df + 0.5) / (df + 0.5)).ln() * (k1 + 1.0);
                (term.clone(), factor)
            })
            .collect(),
    };
    let found = match conn {
        DbConn::Pg(c) => {
            // PostgreSQL underestimates common words (its statistics keep
            // only the most common values), then reads every posting of the
            // rarest word and sorts them instead of walking its index newest
            // first and stopping at the limit: 115 ms instead of 38 ms for
            // `toegankelijke speeltuinen` over 100,000 networks. Steer this
            // one statement to the ordered walk. It also merged the rare
            // word's postings with all of a common word's (10,000 rows)
            // instead of probing the common word by primary key for each:
            // `speeltuinen Zwolle` 33 ms -> 9 ms with nested loops only.
            // Then it still read all of the common word's postings once
            // into memory and compared each with each posting of the rare
            // one (`Materialize`, 236,621 comparisons for `utrecht
            // speeltuin` over 10,000 networks) instead of probing by key:
            // 21.2 ms -> 1.0 ms without materializing. Each probe is for
            // another document, so keeping probes for reuse (`Memoize`)
            // only adds work.
            //
            // With these settings one plan fits every word, so the
            // statement takes the generic plan of the pool's connections
            // (`db::pool`): made once per connection and number of words,
            // always under these settings (also when a new ANALYZE makes
            // PostgreSQL plan it again), instead of a plan for its words
            // on every search (rank of a search over 1,000 networks,
            // median: 0.79-0.94 -> 0.69-0.73 ms).
            const STEER: [(&str, &str); 7] = [
                ("enable_bitmapscan", "off"),
                ("enable_sort", "off"),
                ("max_parallel_workers_per_gather", "0"),
                ("enable_mergejoin", "off"),
                ("enable_hashjoin", "off"),
                ("enable_material", "off"),
                ("enable_memoize", "off"),
            ];
            let steer = STEER
                .iter()
                .map(|&(name, steered)| format!("SET LOCAL {name} = {steered}"))
                .collect::<Vec<_>>()
                .join("; ");
            use diesel::connection::{AnsiTransactionManager, TransactionManager};
            let depth =
                AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()?;
            if depth.is_none() {
                // A read (`db::read` opens no transaction on PostgreSQL):
                // one of its own, begun together with the settings in one
                // round trip; its end drops them.
                AnsiTransactionManager::begin_transaction_sql(c, &format!("BEGIN; {steer}"))?;
                match statement.load::<Scored>(c) {
                    Ok(found) => {
                        AnsiTransactionManager::commit_transaction(c)?;
                        found
                    }
                    Err(e) => {
                        let _ = AnsiTransactionManager::rollback_transaction(c);
                        return Err(e.into());
                    }
                }
            } else {
                // Inside the caller's transaction: steered for this
                // statement only, then back to what the connection had
                // (`TO DEFAULT` would drop the pool's own settings).
                #[derive(QueryableByName)]
                struct Current {
                    #[diesel(sql_type = diesel::sql_types::Text)]
                    name: String,
                    #[diesel(sql_type = diesel::sql_types::Text)]
                    setting: String,
                }
                let names: Vec<&str> = STEER.iter().map(|&(name, _)| name).collect();
                let before: Vec<Current> =
                    diesel::sql_query("SELECT name, setting FROM pg_settings WHERE name = ANY($1)")
                        .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(&names)
                        .load(c)?;
                c.batch_execute(&steer)?;
                let found = statement.load::<Scored>(c)?;
                let restore: Vec<String> = before
                    .iter()
                    .map(|b| format!("SET LOCAL {} = '{}'", b.name, b.setting.replace('\'', "''")))
                    .collect();
                c.batch_execute(&restore.join("; "))?;
                found
            }
        }
        DbConn::Sqlite(c) => statement.load::<Scored>(c)?,
    };
    let mut ranked: Vec<(i64, f64)> = found
        .into_iter()
        // Rounded so that the order never rests on the last bits.
        .map(|r| (r.doc_id, (r.score * 1e6).round() / 1e6))
        .collect();
    ranked.sort_by(|a, c| c.1.total_cmp(&a.1).then(a.0.cmp(&c.0)));
    Ok(ranked)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Statistics past `STATS_TTL`: the first search counts them anew, and
    /// while it does the others use the old ones instead of counting too.
    #[test]
    fn old_statistics_are_counted_anew_by_one_search() {
        let mut conn = crate::db::establish(":memory:").expect("SQLite in memory");
        crate::db::migrate(&mut conn).expect("migrate");
        assert!(crate::demo::load(&mut conn).expect("demo data"));
        let stats = Stats::default();
        let terms = vec!["museum".to_string()];
        let real = stats.get(&mut conn, "network", &terms).expect("count");
        assert!(real.0 > 0 && real.2[0] > 0, "{real:?}");
        let age = |stats: &Stats, refreshing: bool| {
            let mut cache = stats.cache.lock().unwrap();
            let c = cache.get_mut("network").expect("cached");
            c.read_at = Instant::now() - STATS_TTL - Duration::from_secs(1);
            c.refreshing_since = refreshing.then(Instant::now);
            c.docs = -1; // a marker: these are the old figures
        };
        // Other tests in this process may change an index meanwhile (the
        // generation is global), which rightly drops the statistics: try
        // again then.
        for _ in 0..20 {
            let generation = GENERATION.load(Ordering::Acquire);
            // Another search is counting: the old figures serve meanwhile.
            age(&stats, true);
            let meanwhile = stats.get(&mut conn, "network", &terms).expect("old");
            // Nobody counts yet: this search does, and stores its count.
            age(&stats, false);
            let anew = stats.get(&mut conn, "network", &terms).expect("anew");
            let fresh = stats.get(&mut conn, "network", &terms).expect("fresh");
            if GENERATION.load(Ordering::Acquire) != generation {
                continue;
            }
            assert_eq!(meanwhile.0, -1, "the old statistics serve while one counts");
            assert_eq!(anew, real);
            assert_eq!(fresh, real);
            return;
        }
        panic!("the index kept changing");
    }

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
