//! Dutch-aware search with the same results on both backends.
//!
//! Text is analysed here, in Rust: accents folded (`café` -> `cafe`), split
//! into words, stemmed with the Dutch Snowball stemmer (`gemeenten` ->
//! `gemeent`), and known head words of compounds added (`themanetwerk` also
//! yields `netwerk`). Each stem's postings (document, weight, length) are
//! stored in blocks of up to `BLOCK_POSTINGS` in `search_blocks`; the
//! database only reads blocks, and matching and ranking (BM25, title
//! weighted) happen here, ties by id. So PostgreSQL and SQLite return the
//! same documents in the same order.

pub mod documents;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::dsl::count_star;
use diesel::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};

use crate::db::schema::{search_blocks, search_docs};
use crate::db::{Backend, DbConn};
use crate::web::error::ApiError;

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

/// Postings per block at most: a block of 128 takes about 500 bytes, so
/// it stays inside its row's page (SQLite keeps at most about 1,000 bytes of
/// a row of a `WITHOUT ROWID` table in the page; PostgreSQL compresses and
/// moves out rows above 2,000), and a change rewrites little.
pub const BLOCK_POSTINGS: usize = 128;

/// One document in a word's postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc_id: i64,
    /// The summed weight of the word in the document.
    pub weight: i32,
    /// The document's length in words.
    pub length: i32,
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn get_varint(data: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *data.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

/// A block's bytes: per posting, in document order, the document id (the
/// first whole, then the gap to the one before), the weight and the length,
/// each as a varint.
pub fn encode_block(postings: &[Posting]) -> Vec<u8> {
    let mut out = Vec::with_capacity(postings.len() * 4);
    let mut before = 0;
    for p in postings {
        put_varint(&mut out, (p.doc_id - before) as u64);
        put_varint(&mut out, p.weight as u64);
        put_varint(&mut out, p.length as u64);
        before = p.doc_id;
    }
    out
}

/// Appends a block's postings to `out`.
///
/// Most postings are three one-byte varints (a gap below 128 words, a
/// weight and a length below 128), read here without the general loop: a
/// search over 100,000 networks decodes some 10,000 postings of its common
/// word, and this took a quarter of its instructions.
pub fn decode_block(data: &[u8], out: &mut Vec<Posting>) -> Result<(), ApiError> {
    let broken = || ApiError::Internal("a block of the search index is damaged".into());
    out.reserve(data.len() / 3);
    let (mut at, mut doc_id) = (0, 0i64);
    while at < data.len() {
        let (gap, weight, length) = match data.get(at..at + 3) {
            Some(&[g, w, l]) if (g | w | l) < 0x80 => {
                at += 3;
                (u64::from(g), u64::from(w), u64::from(l))
            }
            _ => {
                let mut next = || get_varint(data, &mut at).ok_or_else(broken);
                (next()?, next()?, next()?)
            }
        };
        doc_id += gap as i64;
        out.push(Posting {
            doc_id,
            weight: weight as i32,
            length: length as i32,
        });
    }
    Ok(())
}

/// One row of `search_blocks`.
#[derive(Debug, Insertable)]
#[diesel(table_name = search_blocks, treat_none_as_default_value = false)]
pub struct Block {
    pub doc_type: String,
    pub term: String,
    pub last_doc_id: i64,
    pub postings: i32,
    pub data: Vec<u8>,
}

impl Block {
    fn new(doc_type: &str, term: &str, postings: &[Posting]) -> Block {
        Block {
            doc_type: doc_type.to_string(),
            term: term.to_string(),
            last_doc_id: postings.last().map_or(0, |p| p.doc_id),
            postings: postings.len() as i32,
            data: encode_block(postings),
        }
    }
}

/// Builds full blocks from postings given in document order per word, for
/// bulk loads (the generator, the migration from single postings).
#[derive(Default)]
pub struct BlockBuilder {
    /// Document type -> word -> postings not yet in a block.
    open: HashMap<String, HashMap<String, Vec<Posting>>>,
    done: Vec<Block>,
}

impl BlockBuilder {
    /// Adds a posting; a word's postings must come in document order.
    pub fn push(&mut self, doc_type: &str, term: &str, posting: Posting) {
        if !self.open.contains_key(doc_type) {
            self.open.insert(doc_type.to_string(), HashMap::new());
        }
        let words = self.open.get_mut(doc_type).expect("just added");
        let open = match words.get_mut(term) {
            Some(open) => open,
            None => words.entry(term.to_string()).or_default(),
        };
        open.push(posting);
        if open.len() == BLOCK_POSTINGS {
            self.done.push(Block::new(doc_type, term, open));
            open.clear();
        }
    }

    /// The blocks filled so far.
    pub fn take_full(&mut self) -> Vec<Block> {
        std::mem::take(&mut self.done)
    }

    /// Every block, the partly filled ones too.
    pub fn finish(&mut self) -> Vec<Block> {
        for (doc_type, words) in self.open.drain() {
            for (term, open) in words {
                if !open.is_empty() {
                    self.done.push(Block::new(&doc_type, &term, &open));
                }
            }
        }
        std::mem::take(&mut self.done)
    }
}

/// The word list stored with a document (`search_docs.terms`).
pub fn terms_column<'a>(terms: impl IntoIterator<Item = &'a String>) -> String {
    terms
        .into_iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Replaces the index entries of one document. `fields` are (text, weight):
/// a title counts more than a description.
pub fn index(
    conn: &mut DbConn,
    doc_type: &str,
    doc_id: i64,
    fields: &[(&str, i32)],
) -> Result<(), ApiError> {
    let (length, weights) = document_terms(fields);
    let postings = weights
        .into_iter()
        .map(|(term, weight)| {
            let posting = Posting {
                doc_id,
                weight,
                length,
            };
            (term, posting)
        })
        .collect();
    change(conn, doc_type, doc_id, Some((length, postings)))
}

/// Removes a document from the index.
pub fn remove(conn: &mut DbConn, doc_type: &str, doc_id: i64) -> Result<(), ApiError> {
    change(conn, doc_type, doc_id, None)
}

/// Gives a document these postings (`None`: none), rewriting the blocks of
/// the words it had and has.
fn change(
    conn: &mut DbConn,
    doc_type: &str,
    doc_id: i64,
    new: Option<(i32, BTreeMap<String, Posting>)>,
) -> Result<(), ApiError> {
    GENERATION.fetch_add(1, Ordering::AcqRel);
    if !CHANGED.with(|c| c.replace(true)) {
        crate::db::after_write(after_commit);
    }
    if let DbConn::Pg(c) = conn {
        // Changes to the index wait for each other until their transaction
        // ends: two that rewrote one block at once would lose one's posting
        // (SQLite's writers already take turns).
        c.batch_execute(&format!("SELECT pg_advisory_xact_lock({INDEX_LOCK})"))?;
    }
    let doc = search_docs::table
        .filter(search_docs::doc_type.eq(doc_type))
        .filter(search_docs::doc_id.eq(doc_id));
    let old_terms: Option<String> = doc.select(search_docs::terms).first(conn).optional()?;
    let mut words: std::collections::BTreeSet<String> = old_terms
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(str::to_string)
        .collect();
    match &new {
        Some((length, postings)) => {
            let terms = terms_column(postings.keys());
            if old_terms.is_some() {
                diesel::update(doc)
                    .set((search_docs::length.eq(length), search_docs::terms.eq(terms)))
                    .execute(conn)?;
            } else {
                diesel::insert_into(search_docs::table)
                    .values((
                        search_docs::doc_type.eq(doc_type),
                        search_docs::doc_id.eq(doc_id),
                        search_docs::length.eq(length),
                        search_docs::terms.eq(terms),
                    ))
                    .execute(conn)?;
            }
            words.extend(postings.keys().cloned());
        }
        None => {
            diesel::delete(doc).execute(conn)?;
        }
    }
    for term in &words {
        let posting = new.as_ref().and_then(|(_, p)| p.get(term)).copied();
        change_block(conn, doc_type, term, doc_id, posting)?;
    }
    Ok(())
}

/// The key of the advisory lock that changes to the index take on
/// PostgreSQL ("search" in ASCII).
const INDEX_LOCK: i64 = 0x7365_6172_6368;

/// Puts `posting` (`None`: no posting) for `doc_id` into the word's block
/// that holds or would hold it: the first block ending at or after the
/// document, else the last one. A block past `BLOCK_POSTINGS` is split in
/// two; an empty one goes.
fn change_block(
    conn: &mut DbConn,
    doc_type: &str,
    term: &str,
    doc_id: i64,
    posting: Option<Posting>,
) -> Result<(), ApiError> {
    use search_blocks::dsl as b;
    let word = || {
        search_blocks::table
            .filter(b::doc_type.eq(doc_type))
            .filter(b::term.eq(term))
    };
    let mut found = block_holding(conn, doc_type, term, doc_id)?;
    if found.is_none() {
        found = word()
            .order(b::last_doc_id.desc())
            .select((b::last_doc_id, b::data))
            .first(conn)
            .optional()?;
    }
    let mut postings = Vec::with_capacity(BLOCK_POSTINGS + 1);
    if let Some((_, data)) = &found {
        decode_block(data, &mut postings)?;
    }
    match (
        postings.binary_search_by_key(&doc_id, |p| p.doc_id),
        posting,
    ) {
        (Ok(i), Some(p)) if postings[i] == p => return Ok(()),
        (Ok(i), Some(p)) => postings[i] = p,
        (Ok(i), None) => {
            postings.remove(i);
        }
        (Err(i), Some(p)) => postings.insert(i, p),
        (Err(_), None) => return Ok(()),
    }
    let Some((old_last, _)) = found else {
        diesel::insert_into(search_blocks::table)
            .values(Block::new(doc_type, term, &postings))
            .execute(conn)?;
        return Ok(());
    };
    let this = word().filter(b::last_doc_id.eq(old_last));
    if postings.is_empty() {
        diesel::delete(this).execute(conn)?;
        return Ok(());
    }
    let (first, second) = if postings.len() > BLOCK_POSTINGS {
        postings.split_at(postings.len() / 2)
    } else {
        (&postings[..], &postings[..0])
    };
    let first = Block::new(doc_type, term, first);
    diesel::update(this)
        .set((
            b::last_doc_id.eq(first.last_doc_id),
            b::postings.eq(first.postings),
            b::data.eq(first.data),
        ))
        .execute(conn)?;
    if !second.is_empty() {
        diesel::insert_into(search_blocks::table)
            .values(Block::new(doc_type, term, second))
            .execute(conn)?;
    }
    Ok(())
}

/// The word's block that holds `doc_id` if the document has the word: the
/// first one ending at or after it, as (its last document, its bytes).
fn block_holding(
    conn: &mut DbConn,
    doc_type: &str,
    term: &str,
    doc_id: i64,
) -> Result<Option<(i64, Vec<u8>)>, ApiError> {
    use search_blocks::dsl as b;
    Ok(search_blocks::table
        .filter(b::doc_type.eq(doc_type))
        .filter(b::term.eq(term))
        .filter(b::last_doc_id.ge(doc_id))
        .order(b::last_doc_id)
        .select((b::last_doc_id, b::data))
        .first(conn)
        .optional()?)
}

/// Every posting of one document, by word (tests compare indexes with it).
pub fn postings_of(
    conn: &mut DbConn,
    doc_type: &str,
    doc_id: i64,
) -> Result<Vec<(String, Posting)>, ApiError> {
    let terms: Option<String> = search_docs::table
        .filter(search_docs::doc_type.eq(doc_type))
        .filter(search_docs::doc_id.eq(doc_id))
        .select(search_docs::terms)
        .first(conn)
        .optional()?;
    let mut out = Vec::new();
    for term in terms.iter().flat_map(|t| t.split_whitespace()) {
        let mut postings = Vec::new();
        if let Some((_, data)) = block_holding(conn, doc_type, term, doc_id)? {
            decode_block(&data, &mut postings)?;
        }
        if let Some(p) = postings.into_iter().find(|p| p.doc_id == doc_id) {
            out.push((term.to_string(), p));
        }
    }
    out.sort_by(|a, c| a.0.cmp(&c.0));
    Ok(out)
}

/// Turns the single postings of `search_terms` (before migration 8) into
/// blocks and drops that table; does nothing when it is gone. Called by
/// `crate::migrate`, in one transaction: a conversion that stops half way is
/// done again at the next start.
pub fn convert_postings(conn: &mut DbConn) -> Result<(), ApiError> {
    #[derive(QueryableByName)]
    struct Exists {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let exists = match conn {
        DbConn::Pg(_) => {
            "SELECT COUNT(*) AS n FROM pg_tables \
                          WHERE tablename = 'search_terms' AND schemaname = current_schema()"
        }
        DbConn::Sqlite(_) => {
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'search_terms'"
        }
    };
    if diesel::sql_query(exists).get_result::<Exists>(conn)?.n == 0 {
        return Ok(());
    }
    #[derive(QueryableByName)]
    struct Old {
        #[diesel(sql_type = diesel::sql_types::Text)]
        doc_type: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        term: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        doc_id: i64,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        weight: i32,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        length: i32,
    }
    crate::db::write_tx(conn, |conn| {
        use diesel::sql_types::{BigInt, Text};
        let mut builder = BlockBuilder::default();
        let mut after = (String::new(), String::new(), 0i64);
        loop {
            // In key order, a batch at a time (PostgreSQL would hold all
            // 17 million postings of a national index in memory at once).
            let batch: Vec<Old> = diesel::sql_query(
                "SELECT doc_type, term, doc_id, weight, length FROM search_terms \
                 WHERE (doc_type, term, doc_id) > ($1, $2, $3) \
                 ORDER BY doc_type, term, doc_id LIMIT 50000",
            )
            .bind::<Text, _>(&after.0)
            .bind::<Text, _>(&after.1)
            .bind::<BigInt, _>(after.2)
            .load(conn)?;
            let Some(last) = batch.last() else { break };
            after = (last.doc_type.clone(), last.term.clone(), last.doc_id);
            for old in &batch {
                builder.push(
                    &old.doc_type,
                    &old.term,
                    Posting {
                        doc_id: old.doc_id,
                        weight: old.weight,
                        length: old.length,
                    },
                );
            }
            insert_blocks(conn, builder.take_full())?;
        }
        insert_blocks(conn, builder.finish())?;
        conn.batch_execute("DROP TABLE search_terms")?;
        Ok(())
    })
}

/// Writes blocks in multi-row statements.
pub fn insert_blocks(conn: &mut DbConn, blocks: Vec<Block>) -> Result<(), ApiError> {
    for chunk in blocks.chunks(1000) {
        let insert = diesel::insert_into(search_blocks::table).values(chunk);
        crate::db::on_each!(&mut *conn, c => insert.execute(c))?;
    }
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

/// Run when the transaction that changed the index ends (`db::after_write`).
fn after_commit() {
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
/// counting them anew cost up to 100 ms on 100,000 networks (`COUNT(*)`
/// over every document, and before migration 8's blocks every posting of a
/// common word): with 10 s, as for
/// answers, a search at 200 req/s met one of those every few seconds (p99
/// 54 ms against 24 ms between them, PostgreSQL).
const STATS_TTL: Duration = Duration::from_secs(300);

/// Corpus statistics for BM25 (documents, total length, documents per term),
/// read once and reused until the index changes, per database (one per
/// `AppState`). Counting them per query would read the whole index of a
/// common word, which made a search over 100,000 networks take 400 ms.
pub struct Stats {
    cache: Mutex<HashMap<String, CorpusStats>>,
    /// Recent answers: (document type, query stems) -> ranked ids, under
    /// the same rules as the statistics (dropped when this process changes
    /// the index, read anew after `ANSWER_TTL`, while one search does that
    /// the others keep the old answer). Filters and visibility are applied
    /// after ranking, so one answer serves every viewer.
    results: Mutex<HashMap<(String, Vec<String>), CachedResult>>,
    /// Words searched for recently, each with all its postings: a search
    /// reads the postings of a word it finds here from memory, not from the
    /// database. Dropped when this process changes the index, or when
    /// `search_generation` shows that another one did.
    words: Mutex<KeptWords>,
    /// `search_generation` as last read, and when.
    db_generation: Mutex<Option<(i64, Instant)>>,
    /// Words with at most this many postings are kept
    /// (`KEEP_WORDS_UP_TO`; tests set 0 to read every block from the
    /// database).
    keep_up_to: i64,
}

impl Default for Stats {
    fn default() -> Stats {
        Stats::keeping_words_up_to(KEEP_WORDS_UP_TO)
    }
}

impl Stats {
    /// Statistics that keep the blocks of words with at most `postings`
    /// postings in memory (0: none).
    pub fn keeping_words_up_to(postings: i64) -> Stats {
        Stats {
            cache: Mutex::default(),
            results: Mutex::default(),
            words: Mutex::default(),
            db_generation: Mutex::default(),
            keep_up_to: postings,
        }
    }

    /// The database's count of changes to the index (`search_generation`,
    /// which triggers bump on every write to `search_blocks`), read at most
    /// once per `DB_GENERATION_TTL`.
    fn db_generation(&self, conn: &mut DbConn) -> Result<i64, ApiError> {
        use crate::db::schema::search_generation::dsl as g;
        if let Some((value, read_at)) =
            *self.db_generation.lock().unwrap_or_else(|e| e.into_inner())
        {
            if read_at.elapsed() < DB_GENERATION_TTL {
                return Ok(value);
            }
        }
        let read_at = Instant::now();
        let query = g::search_generation
            .filter(g::id.eq(1))
            .select(g::generation);
        let value: i64 = crate::db::on_each!(conn, c => query.first(c))?;
        *self.db_generation.lock().unwrap_or_else(|e| e.into_inner()) = Some((value, read_at));
        Ok(value)
    }
}

/// How long `search_generation` is trusted: other instances' changes to the
/// index reach the words this one keeps after at most this long.
const DB_GENERATION_TTL: Duration = Duration::from_secs(1);

/// Words with at most this many postings (8 bytes each in memory: 65,536
/// make 512 KB) are kept whole once searched for; a more common one is read
/// a few blocks at a time from the database.
const KEEP_WORDS_UP_TO: i64 = 65_536;

/// At most this many postings are kept in all (4 MB): past it the kept
/// words start over. The national dataset's words searched for most (the
/// 30 things networks are about, 11,000 postings each, and the 342
/// municipalities) take about 430,000.
const MAX_KEPT_POSTINGS: usize = 512 * 1024;

/// What a kept word costs beyond its postings (its key and map entry), in
/// postings: so that many rare words also reach `MAX_KEPT_POSTINGS`.
const KEPT_WORD_OVERHEAD: usize = 16;

/// A posting as a kept word holds it: 8 bytes where `Posting` takes 16 (with
/// 16, peak RSS under the benchmark's load reached 99 MB of the 100 MB
/// allowed). A word with a posting that does not fit is not kept.
#[derive(Debug, Clone, Copy)]
struct KeptPosting {
    doc_id: u32,
    weight: u16,
    length: u16,
}

impl KeptPosting {
    fn new(p: &Posting) -> Option<KeptPosting> {
        Some(KeptPosting {
            doc_id: p.doc_id.try_into().ok()?,
            weight: p.weight.try_into().ok()?,
            length: p.length.try_into().ok()?,
        })
    }

    fn posting(self) -> Posting {
        Posting {
            doc_id: i64::from(self.doc_id),
            weight: i32::from(self.weight),
            length: i32::from(self.length),
        }
    }
}

#[derive(Default)]
struct KeptWords {
    /// (document type, word) -> its postings.
    words: HashMap<(String, String), KeptWord>,
    /// Postings kept in all, with `KEPT_WORD_OVERHEAD` per word.
    postings: usize,
}

struct KeptWord {
    generation: u64,
    db_generation: i64,
    /// `None`: the word has a posting `KeptPosting` cannot hold, so it is
    /// read from the database (until then, not read whole again).
    postings: Option<std::sync::Arc<Vec<KeptPosting>>>,
}

/// What a kept word counts towards `MAX_KEPT_POSTINGS`.
fn kept_size(postings: &Option<std::sync::Arc<Vec<KeptPosting>>>) -> usize {
    postings.as_ref().map_or(0, |p| p.len()) + KEPT_WORD_OVERHEAD
}

/// Where a search reads one word's postings from.
enum Word<'a> {
    /// All of them, in document order.
    Kept(std::sync::Arc<Vec<KeptPosting>>),
    /// A few blocks at a time from the database.
    Stored { doc_type: &'a str, term: &'a str },
}

impl Stats {
    /// The word to read `term`'s postings from: kept in memory when it has
    /// at most `keep_up_to` postings (`df`), read whole on first use.
    fn word<'a>(
        &self,
        conn: &mut DbConn,
        doc_type: &'a str,
        term: &'a str,
        df: i64,
    ) -> Result<Word<'a>, ApiError> {
        if df > self.keep_up_to {
            return Ok(Word::Stored { doc_type, term });
        }
        // Both generations before the blocks: a change committed between
        // them leaves the word marked older than what it holds, so it is
        // read again, never the other way round.
        let generation = GENERATION.load(Ordering::Acquire);
        let db_generation = self.db_generation(conn)?;
        let key = (doc_type.to_string(), term.to_string());
        {
            let kept = self.words.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(k) = kept.words.get(&key) {
                if k.generation == generation && k.db_generation == db_generation {
                    return Ok(match &k.postings {
                        Some(postings) => Word::Kept(postings.clone()),
                        None => Word::Stored { doc_type, term },
                    });
                }
            }
        }
        use search_blocks::dsl as b;
        let query = search_blocks::table
            .filter(b::doc_type.eq(doc_type))
            .filter(b::term.eq(term))
            .order(b::last_doc_id)
            .select(b::data);
        let blocks: Vec<Vec<u8>> = crate::db::on_each!(conn, c => query.load(c))?;
        let mut decoded = Vec::with_capacity(BLOCK_POSTINGS);
        let mut postings = Vec::with_capacity(df as usize);
        let mut fits = true;
        for data in &blocks {
            decoded.clear();
            decode_block(data, &mut decoded)?;
            let before = postings.len();
            postings.extend(decoded.iter().map_while(KeptPosting::new));
            if postings.len() - before < decoded.len() {
                fits = false;
                break;
            }
        }
        let postings = fits.then(|| std::sync::Arc::new(postings));
        let size = kept_size(&postings);
        let mut kept = self.words.lock().unwrap_or_else(|e| e.into_inner());
        if kept.postings + size > MAX_KEPT_POSTINGS {
            kept.words.clear();
            kept.postings = 0;
        }
        kept.postings += size;
        let old = kept.words.insert(
            key,
            KeptWord {
                generation,
                db_generation,
                postings: postings.clone(),
            },
        );
        if let Some(old) = old {
            kept.postings = kept.postings.saturating_sub(kept_size(&old.postings));
        }
        Ok(match postings {
            Some(postings) => Word::Kept(postings),
            None => Word::Stored { doc_type, term },
        })
    }
}

impl Word<'_> {
    /// The word's newest postings before document `before`, some `blocks`
    /// blocks' worth, in document order; and whether they are its oldest.
    fn before<'s>(
        &'s self,
        conn: &mut DbConn,
        before: i64,
        blocks: i64,
        buffer: &'s mut Vec<Posting>,
    ) -> Result<(&'s [Posting], bool), ApiError> {
        use search_blocks::dsl as b;
        match self {
            Word::Kept(postings) => {
                let end = postings.partition_point(|p| i64::from(p.doc_id) < before);
                let start = end.saturating_sub(blocks as usize * BLOCK_POSTINGS);
                buffer.clear();
                buffer.extend(postings[start..end].iter().map(|p| p.posting()));
                Ok((&buffer[..], start == 0))
            }
            Word::Stored { doc_type, term } => {
                let query = search_blocks::table
                    .filter(b::doc_type.eq(*doc_type))
                    .filter(b::term.eq(*term))
                    .filter(b::last_doc_id.lt(before))
                    .order(b::last_doc_id.desc())
                    .limit(blocks)
                    .select(b::data);
                let data: Vec<Vec<u8>> = crate::db::on_each!(conn, c => query.load(c))?;
                buffer.clear();
                for block in data.iter().rev() {
                    decode_block(block, buffer)?;
                }
                Ok((&buffer[..], (data.len() as i64) < blocks))
            }
        }
    }

    /// The word's postings that may match `matches` (by document, in
    /// order), in document order.
    fn over<'s>(
        &'s self,
        conn: &mut DbConn,
        matches: &[(i64, i32, f64)],
        buffer: &'s mut Vec<Posting>,
    ) -> Result<&'s [Posting], ApiError> {
        use search_blocks::dsl as b;
        let (Some(&(lo, ..)), Some(&(hi, ..))) = (matches.first(), matches.last()) else {
            return Ok(&[]);
        };
        match self {
            Word::Kept(postings) => {
                // Only the postings of `matches`' documents: a rare word's
                // few matches skip through a common word's many postings.
                buffer.clear();
                let mut j = 0;
                for &(doc_id, ..) in matches {
                    j += gallop(&postings[j..], doc_id, |p| i64::from(p.doc_id));
                    match postings.get(j) {
                        Some(p) if i64::from(p.doc_id) == doc_id => buffer.push(p.posting()),
                        Some(_) => {}
                        None => break,
                    }
                }
                Ok(&buffer[..])
            }
            Word::Stored { doc_type, term } => {
                // The blocks from the first that ends at or after `lo` to the
                // first that ends at or after `hi`.
                let later = diesel::alias!(search_blocks as later);
                let to = later
                    .filter(later.field(b::doc_type).eq(*doc_type))
                    .filter(later.field(b::term).eq(*term))
                    .filter(later.field(b::last_doc_id).ge(hi))
                    .select(diesel::dsl::min(later.field(b::last_doc_id)))
                    .single_value();
                let query = search_blocks::table
                    .filter(b::doc_type.eq(*doc_type))
                    .filter(b::term.eq(*term))
                    .filter(b::last_doc_id.ge(lo))
                    .filter(b::last_doc_id.le(coalesce(to, hi)))
                    .order(b::last_doc_id)
                    .select((b::last_doc_id, b::data));
                let blocks: Vec<(i64, Vec<u8>)> = crate::db::on_each!(conn, c => query.load(c))?;
                // Only the blocks that could hold a match are decoded: a
                // block holds the documents after the one before it ends, up
                // to its own end.
                buffer.clear();
                let (mut k, mut after) = (0, i64::MIN);
                for (last, block) in &blocks {
                    while k < matches.len() && matches[k].0 <= after {
                        k += 1;
                    }
                    if k < matches.len() && matches[k].0 <= *last {
                        decode_block(block, buffer)?;
                    }
                    after = *last;
                }
                Ok(&buffer[..])
            }
        }
    }
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
    ranked: Ranked,
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
        if conn.backend() == Backend::Postgres && !missing.is_empty() {
            // One statement and one round trip: `= ANY($1)` stays prepared.
            let counted: Vec<(String, Option<i64>)> = search_blocks::table
                .filter(search_blocks::doc_type.eq(doc_type))
                .filter(search_blocks::term.eq_any(&missing))
                .group_by(search_blocks::term)
                .select((
                    search_blocks::term,
                    diesel::dsl::sum(search_blocks::postings),
                ))
                .load(conn)?;
            for term in &missing {
                df.insert((*term).clone(), 0);
            }
            df.extend(counted.into_iter().map(|(t, n)| (t, n.unwrap_or(0))));
        } else {
            // One statement per word, kept prepared: SQLite parses a list
            // of words (`IN (?, ?)`) anew each time. While searches over
            // 1,000 networks met new words, that was 18 % of the database
            // thread's time. Search's p50 at 50 req/s, medians of six
            // alternating rounds: 0.60 -> 0.59 ms (1,000 networks), 1.21 ->
            // 1.17 ms (100,000); in a fresh server's first round, when most
            // words are new, 0.74 -> 0.65 and 1.95 -> 1.20 ms.
            for term in missing {
                let counted: Option<i64> = search_blocks::table
                    .filter(search_blocks::doc_type.eq(doc_type))
                    .filter(search_blocks::term.eq(term))
                    .select(diesel::dsl::sum(search_blocks::postings))
                    .first(conn)?;
                df.insert(term.clone(), counted.unwrap_or(0));
            }
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
) -> Result<Ranked, ApiError> {
    let terms = analyse_query(query);
    if terms.is_empty() {
        return Ok(Ranked::default());
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
    let ranked: Ranked = rank(conn, stats, doc_type, &key.1)?.into();
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

/// A search's answer: (document, score), best first, ties by id. Shared
/// with the answer cache, not copied (2,000 candidates are 32 KB).
pub type Ranked = std::sync::Arc<[(i64, f64)]>;

/// How many of the rarest word's blocks a search reads first (2,048
/// postings at most); each further round reads four times as many.
const FIRST_BLOCKS: i64 = 16;

diesel::define_sql_function! {
    /// SQL's `COALESCE` for a bound.
    fn coalesce(x: diesel::sql_types::Nullable<diesel::sql_types::BigInt>, y: diesel::sql_types::BigInt) -> diesel::sql_types::BigInt;
}

/// `search` without the answer cache.
///
/// The rarest word's blocks are read newest first, then for each other
/// word, rarest first, the blocks that overlap those documents, and the
/// postings are intersected here, in document order, adding up each
/// match's BM25 score: per word `factor * weight / (weight + c1 + c2 *
/// length)`. When fewer than `MAX_CANDIDATES` documents match, the next
/// older blocks of the rarest word follow. So a search reads a block (128
/// postings) where it used to probe the index once per posting of its
/// rarest word.
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
    let (c1, c2) = (k1 * (1.0 - b), k1 * b / avg_length);
    let factors: Vec<f64> = rarest_first
        .iter()
        .map(|&(df, _)| {
            let df = df as f64;
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln() * (k1 + 1.0)
        })
        .collect();
    let score = |factor: f64, weight: i32, length: i32| {
        let weight = f64::from(weight);
        factor * weight / (weight + c1 + c2 * f64::from(length))
    };
    let words = rarest_first
        .iter()
        .map(|&(df, term)| stats.word(conn, doc_type, term, df))
        .collect::<Result<Vec<Word>, ApiError>>()?;

    // Newest first.
    let mut found: Vec<(i64, f64)> = Vec::new();
    let (mut before, mut blocks) = (i64::MAX, FIRST_BLOCKS);
    let (mut rare_buffer, mut other_buffer) = (Vec::new(), Vec::new());
    while found.len() < MAX_CANDIDATES {
        let (postings, last_round) = words[0].before(conn, before, blocks, &mut rare_buffer)?;
        let Some(first) = postings.first() else {
            break;
        };
        let lo = first.doc_id;
        // (document, its length, score so far), in document order.
        let mut matches: Vec<(i64, i32, f64)> = postings
            .iter()
            .map(|p| (p.doc_id, p.length, score(factors[0], p.weight, p.length)))
            .collect();
        for (i, word) in words.iter().enumerate().skip(1) {
            let other = word.over(conn, &matches, &mut other_buffer)?;
            let mut j = 0;
            matches.retain_mut(|m| {
                j += gallop(&other[j..], m.0, |p| p.doc_id);
                match other.get(j) {
                    Some(p) if p.doc_id == m.0 => {
                        m.2 += score(factors[i], p.weight, m.1);
                        true
                    }
                    _ => false,
                }
            });
            if matches.is_empty() {
                break;
            }
        }
        found.extend(matches.iter().rev().map(|m| (m.0, m.2)));
        if last_round {
            break;
        }
        before = lo;
        blocks *= 4;
    }
    found.truncate(MAX_CANDIDATES);
    let mut ranked: Vec<(i64, f64)> = found
        .into_iter()
        // Rounded so that the order never rests on the last bits.
        .map(|(id, score)| (id, (score * 1e6).round() / 1e6))
        .collect();
    ranked.sort_by(|a, c| c.1.total_cmp(&a.1).then(a.0.cmp(&c.0)));
    Ok(ranked)
}

/// The first position in `postings` (in document order) whose document is
/// `doc_id` or later: steps of 1, 2, 4, ... and then a binary search, so a
/// rare word's few matches skip through a common word's many postings while
/// dense matches cost a step each.
fn gallop<T>(postings: &[T], doc_id: i64, doc_of: impl Fn(&T) -> i64) -> usize {
    let mut step = 1;
    while step < postings.len() && doc_of(&postings[step]) < doc_id {
        step *= 2;
    }
    let from = step / 2;
    let to = (step + 1).min(postings.len());
    from + postings[from..to].partition_point(|p| doc_of(p) < doc_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gallop_finds_the_first_posting_at_or_after() {
        let postings: Vec<Posting> = [2, 3, 5, 8, 13, 21, 34, 55, 89]
            .iter()
            .map(|&doc_id| Posting {
                doc_id,
                weight: 1,
                length: 1,
            })
            .collect();
        for doc_id in 0..100 {
            let expected = postings.iter().take_while(|p| p.doc_id < doc_id).count();
            for from in 0..=expected {
                assert_eq!(
                    from + gallop(&postings[from..], doc_id, |p| p.doc_id),
                    expected,
                    "{doc_id} from {from}"
                );
            }
        }
        assert_eq!(gallop(&[] as &[Posting], 5, |p| p.doc_id), 0);
    }

    /// Statistics past `STATS_TTL`: the first search counts them anew, and
    /// while it does the others use the old ones instead of counting too.
    #[test]
    fn old_statistics_are_counted_anew_by_one_search() {
        let mut conn = crate::db::establish(":memory:").expect("SQLite in memory");
        crate::migrate(&mut conn).expect("migrate");
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
            // Statistics of this generation (another test's change since
            // the first count would make these count anew).
            stats.get(&mut conn, "network", &terms).expect("count");
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

    /// Documents added in any order, changed and removed keep each word's
    /// blocks in order, apart, at most `BLOCK_POSTINGS` long and holding
    /// exactly the documents' postings; search finds what a scan finds.
    #[test]
    fn blocks_stay_exact_through_many_changes() {
        use rand::seq::SliceRandom;
        use rand::{Rng, SeedableRng};
        let mut conn = crate::db::establish(":memory:").expect("SQLite in memory");
        crate::migrate(&mut conn).expect("migrate");
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let text_of = |rng: &mut rand::rngs::StdRng| {
            let mut words = vec!["museum".to_string()];
            if rng.random_bool(0.5) {
                words.push("fiets".into());
            }
            for _ in 0..rng.random_range(0..4) {
                words.push(format!("woord{}", rng.random_range(0..6)));
            }
            if rng.random_bool(0.02) {
                words.push("zeldzaam".into());
            }
            words.join(" ")
        };
        let mut docs: BTreeMap<i64, String> = BTreeMap::new();
        let mut ids: Vec<i64> = (1..=700).collect();
        ids.shuffle(&mut rng);
        for &id in &ids {
            let text = text_of(&mut rng);
            index(&mut conn, "test", id, &[(&text, 2), ("museum", 1)]).expect("index");
            docs.insert(id, text);
        }
        for _ in 0..300 {
            let id = ids[rng.random_range(0..ids.len())];
            let text = text_of(&mut rng);
            index(&mut conn, "test", id, &[(&text, 2), ("museum", 1)]).expect("change");
            docs.insert(id, text);
        }
        for &id in ids.iter().take(150) {
            remove(&mut conn, "test", id).expect("remove");
            docs.remove(&id);
        }

        let mut expected: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        for (&doc_id, text) in &docs {
            let (length, weights) = document_terms(&[(text, 2), ("museum", 1)]);
            for (term, weight) in weights {
                expected.entry(term).or_default().push(Posting {
                    doc_id,
                    weight,
                    length,
                });
            }
        }
        let blocks: Vec<(String, i64, i32, Vec<u8>)> = search_blocks::table
            .filter(search_blocks::doc_type.eq("test"))
            .order((search_blocks::term, search_blocks::last_doc_id))
            .select((
                search_blocks::term,
                search_blocks::last_doc_id,
                search_blocks::postings,
                search_blocks::data,
            ))
            .load(&mut conn)
            .expect("blocks");
        let mut found: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        for (term, last, count, data) in &blocks {
            let mut postings = Vec::new();
            decode_block(data, &mut postings).expect("decodes");
            assert!(!postings.is_empty() && postings.len() <= BLOCK_POSTINGS);
            assert_eq!(postings.len(), *count as usize, "{term} {last}");
            assert_eq!(postings.last().map(|p| p.doc_id), Some(*last));
            let all = found.entry(term.clone()).or_default();
            all.extend(postings);
            assert!(all.windows(2).all(|w| w[0].doc_id < w[1].doc_id), "{term}");
        }
        assert!(
            blocks.iter().filter(|b| b.0 == "museum").count() >= 5,
            "the common word was split"
        );
        assert_eq!(found, expected);

        // Common words with common ones, and a rare word with common ones
        // (most of a common word's blocks hold none of its documents); with
        // every word read from the database, with the words kept in memory,
        // and with only the rarer ones kept.
        let scan = |docs: &BTreeMap<i64, String>, query: &str| -> Vec<i64> {
            docs.iter()
                .filter(|(_, t)| query.split(' ').all(|w| t.split(' ').any(|x| x == w)))
                .map(|(id, _)| *id)
                .collect()
        };
        let queries = ["fiets woord3", "zeldzaam museum", "zeldzaam fiets museum"];
        let mut answers = Vec::new();
        for keep in [0, 100, KEEP_WORDS_UP_TO] {
            let stats = Stats::keeping_words_up_to(keep);
            let mut ranked_all = Vec::new();
            for query in queries {
                let ranked = rank(&mut conn, &stats, "test", &analyse_query(query)).expect("rank");
                let mut ids: Vec<i64> = ranked.iter().map(|r| r.0).collect();
                ids.sort();
                let scanned = scan(&docs, query);
                assert!(!scanned.is_empty(), "{query}");
                assert_eq!(ids, scanned, "{query}, words up to {keep} kept");
                ranked_all.push(ranked);
            }
            answers.push(ranked_all);
        }
        assert_eq!(answers[0], answers[1], "the same scores and order");
        assert_eq!(answers[0], answers[2], "the same scores and order");

        // A kept word is read anew after a change: a new document with the
        // rare word is found at once, and one that lost it is not.
        let stats = Stats::default();
        let before =
            rank(&mut conn, &stats, "test", &analyse_query("zeldzaam museum")).expect("rank");
        assert!(
            stats.words.lock().unwrap().postings > 0,
            "the words are kept"
        );
        let gone = before[0].0;
        index(&mut conn, "test", 5000, &[("zeldzaam museum", 2)]).expect("index");
        index(&mut conn, "test", gone, &[("museum", 2)]).expect("change");
        docs.insert(5000, "zeldzaam museum".into());
        docs.insert(gone, "museum".into());
        let after =
            rank(&mut conn, &stats, "test", &analyse_query("zeldzaam museum")).expect("rank");
        let mut ids: Vec<i64> = after.iter().map(|r| r.0).collect();
        ids.sort();
        assert_eq!(ids, scan(&docs, "zeldzaam museum"));
        assert!(ids.contains(&5000) && !ids.contains(&gone));

        // A word with a document id past what a kept posting holds is read
        // from the database, and still found.
        let far = i64::from(u32::MAX) + 10;
        index(&mut conn, "test", far, &[("zeldzaam museum", 2)]).expect("index");
        docs.insert(far, "zeldzaam museum".into());
        let stats = Stats::default();
        let ranked =
            rank(&mut conn, &stats, "test", &analyse_query("zeldzaam museum")).expect("rank");
        let mut ids: Vec<i64> = ranked.iter().map(|r| r.0).collect();
        ids.sort();
        assert_eq!(ids, scan(&docs, "zeldzaam museum"));
        assert!(ids.contains(&far));
        let kept = stats.words.lock().unwrap();
        let word = |w: &str| kept.words.get(&("test".to_string(), w.to_string()));
        let rare = analyse_query("zeldzaam").remove(0);
        assert!(
            word(&rare).is_some_and(|k| k.postings.is_none()),
            "not kept"
        );
    }

    #[test]
    fn varints_round_trip() {
        let postings = [
            Posting {
                doc_id: 1,
                weight: 3,
                length: 0,
            },
            Posting {
                doc_id: 200,
                weight: 1,
                length: 70_000,
            },
            Posting {
                doc_id: i64::from(i32::MAX) * 4,
                weight: 127,
                length: 128,
            },
        ];
        let mut back = Vec::new();
        decode_block(&encode_block(&postings), &mut back).expect("decodes");
        assert_eq!(back, postings);
        assert!(decode_block(&[0x80], &mut back).is_err(), "a cut varint");
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
