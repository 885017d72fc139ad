//! A realistic national dataset for load tests: `themanet generate`.
//!
//! Networks in every municipality (more in the big cities), regional and
//! national networks above them, stakeholders of every kind with tags,
//! memberships with roles (every network has a coordinator), goal trees and
//! knowledge links, with Dutch names and texts built from word lists. The same
//! seed gives the same data. The search index is filled exactly as the API
//! fills it (`search::index`'s weights, see `index_rows`).
//!
//! Fast: rows are built on one thread while the other writes them, in large
//! batches (PostgreSQL: `COPY ... FROM STDIN BINARY`; SQLite: multi-row
//! inserts), one transaction per batch.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::connection::SimpleConnection;
use diesel::dsl::max;
use diesel::prelude::*;
use rand::distr::weighted::WeightedIndex;
use rand::distr::Distribution;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};

use crate::db::schema::{
    goal_talents, goals, knowledge_link_audiences, knowledge_link_topics, knowledge_links,
    memberships, network_topics, networks, search_blocks, search_docs, stakeholder_tags,
    stakeholders, topics,
};
use crate::db::{self, DbConn};
use crate::domain::{
    slugify, Audience, GoalStatus, NetworkStatus, Role, Scope, StakeholderKind, Visibility,
};
use crate::reference::{dutch_municipalities as municipalities, Municipality};
use crate::search;
use crate::search::documents::{
    KnowledgeLinkText, NetworkText, StakeholderText, KNOWLEDGE_LINK, NETWORK, STAKEHOLDER,
};
use crate::web::error::ApiError;

/// How many rows of each kind to add.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    pub networks: u64,
    pub stakeholders: u64,
    pub memberships: u64,
    pub goals: u64,
    pub links: u64,
}

impl Sizes {
    /// Every Dutch and Flemish municipality, ambassador and organisation on
    /// the platform.
    pub const NATIONAL: Sizes = Sizes {
        networks: 100_000,
        stakeholders: 500_000,
        memberships: 2_000_000,
        goals: 500_000,
        links: 200_000,
    };

    /// The national set divided by `d` (at least one network).
    pub fn divided_by(self, d: u64) -> Sizes {
        let d = d.max(1);
        Sizes {
            networks: (self.networks / d).max(1),
            stakeholders: self.stakeholders / d,
            memberships: self.memberships / d,
            goals: self.goals / d,
            links: self.links / d,
        }
    }

    fn check(&self) -> Result<(), String> {
        if self.memberships > 0 && self.stakeholders == 0 {
            return Err("memberships need stakeholders (--stakeholders)".into());
        }
        if self.memberships > self.networks.saturating_mul(self.stakeholders) {
            return Err(
                "more memberships than networks x stakeholders: every pair can join once".into(),
            );
        }
        if (self.goals > 0 || self.memberships > 0) && self.networks == 0 {
            return Err("goals and memberships need networks (--networks)".into());
        }
        Ok(())
    }
}

/// What one run wrote, and how long it took.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// (what, rows written including tags and index rows, seconds)
    pub phases: Vec<(String, u64, f64)>,
    pub seconds: f64,
}

impl Report {
    pub fn rows(&self) -> u64 {
        self.phases.iter().map(|p| p.1).sum()
    }
}

/// Search queries as people type them on this dataset ("speeltuinen
/// Utrecht": a thing and a municipality, both words the generator writes),
/// every one different, in a fixed shuffled order. The benchmark spreads its
/// searches over them, so that it measures search and not repeated answers.
pub fn search_queries() -> Vec<String> {
    let mut queries: Vec<String> = OBJECTS
        .iter()
        .flat_map(|object| {
            municipalities()
                .iter()
                .map(move |m| format!("{object} {}", m.name))
        })
        .collect();
    queries.shuffle(&mut StdRng::seed_from_u64(7));
    queries
}

/// The things the generator writes networks about ("speeltuinen"), each a
/// one-word search query.
pub fn search_words() -> &'static [&'static str] {
    OBJECTS
}

/// `themanet generate --networks N --stakeholders N --memberships N --goals N
/// --links N [--seed S] [--quiet]`; sizes left out are the national set's.
pub fn run_cli(conn: &mut DbConn, args: &[String]) -> Result<(), String> {
    let mut sizes = Sizes::NATIONAL;
    let mut seed = 42u64;
    let mut quiet = false;
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        if flag == "--quiet" {
            quiet = true;
            i += 1;
            continue;
        }
        let value = args
            .get(i + 1)
            .ok_or_else(|| format!("{flag} needs a number"))?;
        let n: u64 = value
            .replace('_', "")
            .parse()
            .map_err(|_| format!("{flag} needs a whole number (it is {value:?})"))?;
        match flag {
            "--networks" => sizes.networks = n,
            "--stakeholders" => sizes.stakeholders = n,
            "--memberships" => sizes.memberships = n,
            "--goals" => sizes.goals = n,
            "--links" => sizes.links = n,
            "--seed" => seed = n,
            other => return Err(format!("generate: unknown option {other:?}")),
        }
        i += 2;
    }
    let report = generate(conn, sizes, seed, !quiet)?;
    println!(
        "Generated {} rows in {:.1} s ({:.0} rows/s).",
        report.rows(),
        report.seconds,
        report.rows() as f64 / report.seconds.max(1e-9)
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Rows, with every column given (COPY needs all of them; NULL is written as
// NULL, not DEFAULT).
// ---------------------------------------------------------------------------

#[derive(Insertable)]
#[diesel(table_name = networks, treat_none_as_default_value = false)]
struct NetworkRow {
    id: i64,
    slug: String,
    name: String,
    theme: String,
    scope: &'static str,
    municipality_code: Option<String>,
    region: Option<String>,
    description: String,
    ambition: String,
    needs: String,
    status: &'static str,
    visibility: &'static str,
    parent_id: Option<i64>,
    contact: Option<String>,
    communication: String,
    created_by: Option<i64>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    version: i64,
    province_code: Option<String>,
    articles: String,
}

#[derive(Insertable)]
#[diesel(table_name = network_topics, treat_none_as_default_value = false)]
struct NetworkTopicRow {
    network_id: i64,
    topic: String,
}

#[derive(Insertable)]
#[diesel(table_name = stakeholders, treat_none_as_default_value = false)]
struct StakeholderRow {
    id: i64,
    kind: &'static str,
    name: String,
    organisation: Option<String>,
    expertise: Option<String>,
    municipality_code: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    listed: bool,
    share_contact: bool,
    user_id: Option<i64>,
    created_by: Option<i64>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    version: i64,
    access_needs: Option<String>,
    access_needs_consent: bool,
    organisation_visibility: &'static str,
    expertise_visibility: &'static str,
    talents_visibility: &'static str,
    languages_visibility: &'static str,
    municipality_visibility: &'static str,
}

#[derive(Insertable)]
#[diesel(table_name = stakeholder_tags, treat_none_as_default_value = false)]
struct TagRow {
    stakeholder_id: i64,
    kind: &'static str,
    value: String,
}

#[derive(Insertable)]
#[diesel(table_name = memberships, treat_none_as_default_value = false)]
struct MembershipRow {
    network_id: i64,
    stakeholder_id: i64,
    role: &'static str,
    commitment: String,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    version: i64,
    by_consent: bool,
}

#[derive(Insertable)]
#[diesel(table_name = goal_talents, treat_none_as_default_value = false)]
struct GoalTalentRow {
    goal_id: i64,
    talent: &'static str,
}

#[derive(Insertable)]
#[diesel(table_name = goals, treat_none_as_default_value = false)]
struct GoalRow {
    id: i64,
    network_id: i64,
    parent_id: Option<i64>,
    title: String,
    description: String,
    status: &'static str,
    target_date: Option<NaiveDate>,
    achieved_at: Option<NaiveDateTime>,
    owner_id: Option<i64>,
    position: i32,
    created_by: Option<i64>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    version: i64,
    articles: String,
}

#[derive(Insertable)]
#[diesel(table_name = knowledge_links, treat_none_as_default_value = false)]
struct LinkRow {
    id: i64,
    url: String,
    title: String,
    summary: String,
    language: &'static str,
    network_id: Option<i64>,
    added_by: Option<i64>,
    clicks: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    version: i64,
}

#[derive(Insertable)]
#[diesel(table_name = knowledge_link_audiences, treat_none_as_default_value = false)]
struct AudienceRow {
    link_id: i64,
    audience: &'static str,
}

#[derive(Insertable)]
#[diesel(table_name = knowledge_link_topics, treat_none_as_default_value = false)]
struct LinkTopicRow {
    link_id: i64,
    topic: String,
}

#[derive(Insertable)]
#[diesel(table_name = search_docs, treat_none_as_default_value = false)]
struct DocRow {
    doc_type: &'static str,
    doc_id: i64,
    length: i32,
    terms: String,
}

/// The index rows of one document, computed as `search::index` computes them.
fn index_rows(
    doc_type: &'static str,
    doc_id: i64,
    fields: &[(&str, i32)],
    docs: &mut Vec<DocRow>,
    blocks: &mut search::BlockBuilder,
) {
    let (length, weights) = search::document_terms(fields);
    for (term, &weight) in &weights {
        let posting = search::Posting {
            doc_id,
            weight,
            length,
        };
        blocks.push(doc_type, term, posting);
    }
    docs.push(DocRow {
        doc_type,
        doc_id,
        length,
        terms: search::terms_column(weights.keys()),
    });
}

/// SQLite refuses statements with more bound values than this.
const SQLITE_MAX_VARIABLES: usize = 32766;

/// Writes rows in bulk: COPY on PostgreSQL, multi-row INSERTs on SQLite.
/// The articles of the UN Convention a generated network or goal is tagged
/// with, from its id alone (so the random streams stay as they are): about
/// one in three works on one or two articles, article 9 (accessibility)
/// most often.
fn articles_of(id: i64) -> String {
    const COMMON: [&[i64]; 6] = [&[9], &[9, 30], &[24], &[27], &[19, 29], &[21]];
    if id % 3 != 0 {
        return String::new();
    }
    crate::convention::join(COMMON[(id / 3 % COMMON.len() as i64) as usize])
}

macro_rules! put {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        let rows = &$rows;
        if !rows.is_empty() {
            match &mut *$conn {
                DbConn::Pg(c) => {
                    diesel::copy_from($table).from_insertable(rows).execute(c)?;
                }
                DbConn::Sqlite(c) => {
                    for chunk in rows.chunks(SQLITE_MAX_VARIABLES / $columns) {
                        diesel::insert_into($table).values(chunk).execute(c)?;
                    }
                }
            }
        }
        rows.len() as u64
    }};
}

/// One transaction's worth of rows.
enum Batch {
    Stakeholders {
        count: u64,
        rows: Vec<StakeholderRow>,
        tags: Vec<TagRow>,
        docs: Vec<DocRow>,
        blocks: Vec<search::Block>,
    },
    Networks {
        count: u64,
        rows: Vec<NetworkRow>,
        topics: Vec<NetworkTopicRow>,
        docs: Vec<DocRow>,
        blocks: Vec<search::Block>,
    },
    Members {
        count: u64,
        memberships: Vec<MembershipRow>,
        goals: Vec<GoalRow>,
        talents: Vec<GoalTalentRow>,
    },
    Links {
        count: u64,
        rows: Vec<LinkRow>,
        audiences: Vec<AudienceRow>,
        topics: Vec<LinkTopicRow>,
        docs: Vec<DocRow>,
        blocks: Vec<search::Block>,
    },
}

impl Batch {
    fn phase(&self) -> &'static str {
        match self {
            Batch::Stakeholders { .. } => "stakeholders",
            Batch::Networks { .. } => "networks",
            Batch::Members { .. } => "memberships and goals",
            Batch::Links { .. } => "knowledge links",
        }
    }

    /// (objects of the phase, rows written)
    fn write(self, conn: &mut DbConn) -> Result<(u64, u64), ApiError> {
        db::write_tx(conn, move |conn| {
            Ok(match self {
                Batch::Stakeholders {
                    count,
                    rows,
                    tags,
                    docs,
                    blocks,
                } => (
                    count,
                    put!(conn, stakeholders::table, rows, 22)
                        + put!(conn, stakeholder_tags::table, tags, 3)
                        + put!(conn, search_docs::table, docs, 4)
                        + put!(conn, search_blocks::table, blocks, 5),
                ),
                Batch::Networks {
                    count,
                    rows,
                    topics,
                    docs,
                    blocks,
                } => (
                    count,
                    put!(conn, networks::table, rows, 21)
                        + put!(conn, network_topics::table, topics, 2)
                        + put!(conn, search_docs::table, docs, 4)
                        + put!(conn, search_blocks::table, blocks, 5),
                ),
                Batch::Members {
                    count,
                    memberships,
                    goals,
                    talents,
                } => (
                    count,
                    put!(conn, memberships::table, memberships, 8)
                        + put!(conn, goals::table, goals, 15)
                        + put!(conn, goal_talents::table, talents, 2),
                ),
                Batch::Links {
                    count,
                    rows,
                    audiences,
                    topics,
                    docs,
                    blocks,
                } => (
                    count,
                    put!(conn, knowledge_links::table, rows, 11)
                        + put!(conn, knowledge_link_audiences::table, audiences, 2)
                        + put!(conn, knowledge_link_topics::table, topics, 2)
                        + put!(conn, search_docs::table, docs, 4)
                        + put!(conn, search_blocks::table, blocks, 5),
                ),
            })
        })
    }
}

/// Fills the database: `sizes` more rows of each kind, the same for the same
/// seed (on an empty database, also the same ids).
pub fn generate(
    conn: &mut DbConn,
    sizes: Sizes,
    seed: u64,
    progress: bool,
) -> Result<Report, String> {
    sizes.check()?;
    let started = Instant::now();
    let err = |e: ApiError| e.to_string();
    let db_err = |e: diesel::result::Error| e.to_string();
    match conn {
        DbConn::Pg(c) => c.batch_execute("SET synchronous_commit = off"),
        DbConn::Sqlite(c) => c.batch_execute(
            "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;",
        ),
    }
    .map_err(db_err)?;

    let mut topic_list: Vec<(String, String, String)> = topics::table
        .select((topics::slug, topics::name_nl, topics::name_en))
        .order(topics::slug)
        .load(conn)
        .map_err(db_err)?;
    if topic_list.is_empty() {
        topic_list.push((
            "accessibility".into(),
            "Toegankelijkheid".into(),
            "Accessibility".into(),
        ));
    }
    let bases = Bases {
        network: networks::table
            .select(max(networks::id))
            .first::<Option<i64>>(conn)
            .map_err(db_err)?
            .unwrap_or(0),
        stakeholder: stakeholders::table
            .select(max(stakeholders::id))
            .first::<Option<i64>>(conn)
            .map_err(db_err)?
            .unwrap_or(0),
        goal: goals::table
            .select(max(goals::id))
            .first::<Option<i64>>(conn)
            .map_err(db_err)?
            .unwrap_or(0),
        link: knowledge_links::table
            .select(max(knowledge_links::id))
            .first::<Option<i64>>(conn)
            .map_err(db_err)?
            .unwrap_or(0),
    };
    let taken_slugs: HashSet<String> = networks::table
        .select(networks::slug)
        .load::<String>(conn)
        .map_err(db_err)?
        .into_iter()
        .collect();

    let mut report = Report::default();
    let producer = Producer::new(sizes, seed, bases, topic_list, taken_slugs);
    std::thread::scope(|scope| -> Result<(), String> {
        let (tx, rx) = sync_channel::<Batch>(2);
        scope.spawn(move || producer.run(&tx));
        consume(conn, rx, sizes, progress, &mut report).map_err(err)
    })?;

    let finish = Instant::now();
    match conn {
        DbConn::Pg(c) => c.batch_execute(
            "SELECT setval(pg_get_serial_sequence('networks', 'id'), COALESCE(MAX(id), 1)) FROM networks;
             SELECT setval(pg_get_serial_sequence('stakeholders', 'id'), COALESCE(MAX(id), 1)) FROM stakeholders;
             SELECT setval(pg_get_serial_sequence('goals', 'id'), COALESCE(MAX(id), 1)) FROM goals;
             SELECT setval(pg_get_serial_sequence('knowledge_links', 'id'), COALESCE(MAX(id), 1)) FROM knowledge_links;",
        )
        // VACUUM, not only ANALYZE: it marks the freshly written pages all
        // visible, so the index-only scans that search and the listings
        // rely on read the index alone instead of every row's page too.
        // Without it (autovacuum off, or not yet come by) a search over
        // 100,000 networks took a median 45 ms instead of 3 ms. FREEZE:
        // the rows will not change, so no anti-wraparound VACUUM has to
        // rewrite them later. On its own: VACUUM cannot run in the
        // batch's implicit transaction.
        .and_then(|()| {
            // The load committed without waiting for its log to be written
            // (`synchronous_commit = off`), and VACUUM cannot mark a row
            // until its commit is on disk: commit one that waits, which
            // writes every earlier commit too.
            c.batch_execute("SET synchronous_commit = on; SELECT txid_current()")?;
            c.batch_execute("VACUUM (FREEZE, ANALYZE)")
        }),
        DbConn::Sqlite(c) => {
            c.batch_execute("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA synchronous = NORMAL;")
        }
    }
    .map_err(db_err)?;
    if progress {
        eprintln!(
            "statistics (VACUUM FREEZE, ANALYZE) and sequences: {:.1} s",
            finish.elapsed().as_secs_f64()
        );
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

fn consume(
    conn: &mut DbConn,
    rx: Receiver<Batch>,
    sizes: Sizes,
    progress: bool,
    report: &mut Report,
) -> Result<(), ApiError> {
    let mut phase = "";
    let mut phase_started = Instant::now();
    let (mut done, mut rows) = (0u64, 0u64);
    let close = |phase: &str, done: u64, rows: u64, started: Instant, report: &mut Report| {
        if phase.is_empty() {
            return;
        }
        let secs = started.elapsed().as_secs_f64();
        if progress {
            let back = if std::io::stderr().is_terminal() {
                "\r"
            } else {
                ""
            };
            eprintln!(
                "{back}{phase}: {done} in {secs:.1} s, {rows} rows with tags and index ({:.0} rows/s)   ",
                rows as f64 / secs.max(1e-9)
            );
        }
        report.phases.push((phase.to_string(), rows, secs));
    };
    for batch in rx {
        if batch.phase() != phase {
            close(phase, done, rows, phase_started, report);
            phase = batch.phase();
            phase_started = Instant::now();
            done = 0;
            rows = 0;
        }
        let (n, r) = batch.write(conn)?;
        done += n;
        rows += r;
        if progress && std::io::stderr().is_terminal() {
            let total = match phase {
                "stakeholders" => sizes.stakeholders,
                "networks" => sizes.networks,
                "memberships and goals" => sizes.networks,
                _ => sizes.links,
            };
            let secs = phase_started.elapsed().as_secs_f64();
            eprint!(
                "\r{phase}: {done}/{total} ({:.0} rows/s)   ",
                rows as f64 / secs.max(1e-9)
            );
        }
    }
    close(phase, done, rows, phase_started, report);
    Ok(())
}

// ---------------------------------------------------------------------------
// The producer: builds the rows, in order, on its own thread.
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Bases {
    network: i64,
    stakeholder: i64,
    goal: i64,
    link: i64,
}

/// What later phases need to know about one network.
#[derive(Debug, Clone, Copy)]
struct NetworkInfo {
    id: i64,
    scope: Scope,
    /// Index into `municipalities()`, for local Dutch networks.
    municipality: Option<u16>,
    theme_topic: u16,
    created_at: NaiveDateTime,
    status: NetworkStatus,
}

struct Producer {
    sizes: Sizes,
    seed: u64,
    bases: Bases,
    /// Slug, Dutch and English name.
    topics: Vec<(String, String, String)>,
    slugs: HashSet<String>,
    municipality_weights: WeightedIndex<u32>,
    /// Stakeholder kind per stakeholder (index = id - base - 1).
    kinds: Vec<StakeholderKind>,
    /// Stakeholder ids per municipality index.
    by_municipality: Vec<Vec<i64>>,
    networks: Vec<NetworkInfo>,
    /// The search index's blocks being filled.
    blocks: search::BlockBuilder,
}

const BATCH_STAKEHOLDERS: u64 = 10_000;
const BATCH_NETWORKS: u64 = 5_000;
const BATCH_MEMBER_NETWORKS: usize = 5_000;
const BATCH_LINKS: u64 = 10_000;

fn start_time() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2023, 1, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap_or_default()
}

/// A moment in the three years from 2023 on, rising with `i` of `n`.
fn moment(rng: &mut StdRng, i: u64, n: u64) -> NaiveDateTime {
    let span = 3 * 365 * 24 * 3600;
    let at = (span as f64 * (i as f64 / n.max(1) as f64)) as i64;
    start_time() + Duration::seconds(at + rng.random_range(0..3600))
}

fn later(rng: &mut StdRng, t: NaiveDateTime, max_days: i64) -> NaiveDateTime {
    t + Duration::seconds(rng.random_range(0..=max_days * 24 * 3600))
}

fn pick<'a>(rng: &mut StdRng, list: &'a [&'a str]) -> &'a str {
    list.choose(rng).copied().unwrap_or_default()
}

fn chance(rng: &mut StdRng, p: f64) -> bool {
    rng.random_bool(p.clamp(0.0, 1.0))
}

/// `Toegankelijke musea` -> `toegankelijke musea`; `VN-verdrag` stays.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            let mut out: String = a.to_lowercase().collect();
            out.push_str(&text[a.len_utf8()..]);
            out
        }
        _ => text.to_string(),
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(a) => a.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Splits `total` over `weights` exactly, each share at most `cap`.
fn allocate(rng: &mut StdRng, weights: &[f64], total: u64, cap: u64) -> Vec<u64> {
    let sum: f64 = weights.iter().sum::<f64>().max(1e-9);
    let mut out: Vec<u64> = weights
        .iter()
        .map(|w| ((total as f64 * w / sum).floor() as u64).min(cap))
        .collect();
    let mut left = total.saturating_sub(out.iter().sum());
    let n = out.len();
    let mut misses = 0;
    while left > 0 && n > 0 {
        let i = rng.random_range(0..n);
        if out[i] < cap {
            out[i] += 1;
            left -= 1;
            misses = 0;
        } else {
            misses += 1;
            if misses > 64 {
                // Nearly full: fill the first shares with room, in order.
                for share in out.iter_mut() {
                    let room = (cap - *share).min(left);
                    *share += room;
                    left -= room;
                }
                break;
            }
        }
    }
    out
}

/// A heavy-tailed weight: most are near 1, a few are large.
fn heavy(rng: &mut StdRng) -> f64 {
    let u: f64 = rng.random_range(0.02..1.0);
    u.powf(-0.8)
}

impl Producer {
    fn new(
        sizes: Sizes,
        seed: u64,
        bases: Bases,
        topics: Vec<(String, String, String)>,
        slugs: HashSet<String>,
    ) -> Producer {
        let mut rng = StdRng::seed_from_u64(seed ^ 0x6d75_6e69);
        let weights: Vec<u32> = municipalities()
            .iter()
            .map(|m| match BIG_CITIES.iter().position(|c| *c == m.code) {
                Some(rank) if rank < 4 => 40 - 4 * rank as u32,
                Some(rank) if rank < 10 => 16,
                Some(_) => 10,
                None => rng.random_range(1..=5),
            })
            .collect();
        let municipality_weights = WeightedIndex::new(weights)
            .unwrap_or_else(|_| unreachable!("the municipality list is not empty"));
        Producer {
            sizes,
            seed,
            bases,
            topics,
            slugs,
            municipality_weights,
            kinds: Vec::new(),
            by_municipality: vec![Vec::new(); municipalities().len()],
            networks: Vec::new(),
            blocks: search::BlockBuilder::default(),
        }
    }

    /// The index blocks a batch writes: the full ones, and at the end of a
    /// phase (`last`) the rest too.
    fn blocks_of_batch(&mut self, last: bool) -> Vec<search::Block> {
        if last {
            self.blocks.finish()
        } else {
            self.blocks.take_full()
        }
    }

    fn rng(&self, phase: u64) -> StdRng {
        StdRng::seed_from_u64(self.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ phase)
    }

    fn run(mut self, tx: &SyncSender<Batch>) {
        // A send fails only when the writer stopped (on an error): stop too.
        if self.stakeholders(tx).is_ok() && self.networks(tx).is_ok() {
            let _ = self.members_and_goals(tx).and_then(|_| self.links(tx));
        }
    }

    fn municipality(&self, rng: &mut StdRng) -> (u16, &'static Municipality) {
        let i = self.municipality_weights.sample(rng);
        (i as u16, &municipalities()[i])
    }

    fn topic_index(&self, rng: &mut StdRng) -> u16 {
        rng.random_range(0..self.topics.len()) as u16
    }

    /// A theme of the topic: one of its phrases, or its name.
    fn theme(&self, rng: &mut StdRng, topic: u16) -> String {
        let (slug, name, _) = &self.topics[topic as usize];
        match THEMES.iter().find(|(s, _)| s == slug) {
            Some((_, phrases)) => pick(rng, phrases).to_string(),
            None => name.clone(),
        }
    }

    fn sentence(&self, rng: &mut StdRng, place: &str, theme: &str) -> String {
        let theme = lower_first(theme);
        let template = pick(rng, SENTENCES);
        let sentence = template
            .replace("{place}", place)
            .replace("{theme}", &theme)
            .replace("{who}", pick(rng, WHO))
            .replace("{objects}", pick(rng, OBJECTS))
            .replace("{condition}", pick(rng, CONDITIONS))
            .replace("{activity}", pick(rng, ACTIVITIES))
            .replace("{org}", pick(rng, ORGS));
        upper_first(&sentence)
    }

    fn text(&self, rng: &mut StdRng, place: &str, theme: &str, min: usize, max: usize) -> String {
        let n = rng.random_range(min..=max);
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.sentence(rng, place, theme));
        }
        out.join(" ")
    }

    fn person_name(&self, rng: &mut StdRng) -> String {
        let first = pick(rng, FIRST_NAMES);
        let prefix = if chance(rng, 0.35) {
            pick(rng, PREFIXES)
        } else {
            ""
        };
        let last = pick(rng, SURNAMES);
        if prefix.is_empty() {
            format!("{first} {last}")
        } else {
            format!("{first} {prefix} {last}")
        }
    }

    // --- stakeholders ----------------------------------------------------

    fn stakeholders(&mut self, tx: &SyncSender<Batch>) -> Result<(), ()> {
        let mut rng = self.rng(1);
        let n = self.sizes.stakeholders;
        let kind_weights = WeightedIndex::new(KIND_WEIGHTS.iter().map(|(_, w)| *w))
            .unwrap_or_else(|_| unreachable!("weights are positive"));
        self.kinds = Vec::with_capacity(n as usize);
        let mut i = 0;
        while i < n {
            let end = (i + BATCH_STAKEHOLDERS).min(n);
            let cap = (end - i) as usize;
            let (mut rows, mut tags, mut docs) = (
                Vec::with_capacity(cap),
                Vec::with_capacity(cap * 3),
                Vec::with_capacity(cap),
            );
            for k in i..end {
                let id = self.bases.stakeholder + 1 + k as i64;
                let kind = KIND_WEIGHTS[kind_weights.sample(&mut rng)].0;
                self.kinds.push(kind);
                let (m_index, m) = self.municipality(&mut rng);
                let local = chance(&mut rng, 0.85);
                if local {
                    self.by_municipality[m_index as usize].push(id);
                }
                let place = m.name.as_str();
                let topic = self.topic_index(&mut rng);
                let theme = self.theme(&mut rng, topic);
                let person = matches!(
                    kind,
                    StakeholderKind::ExperienceExpert
                        | StakeholderKind::UnAmbassador
                        | StakeholderKind::Professional
                        | StakeholderKind::Other
                );
                let (name, organisation) = match kind {
                    StakeholderKind::InterestOrganisation => {
                        let org = pick(&mut rng, ORG_FORMS)
                            .replace("{place}", place)
                            .replace("{word}", pick(&mut rng, ORG_WORDS));
                        (org, None)
                    }
                    StakeholderKind::Company => (
                        format!(
                            "{} {}",
                            pick(&mut rng, SURNAMES),
                            pick(&mut rng, COMPANY_FORMS)
                        ),
                        None,
                    ),
                    StakeholderKind::KnowledgeInstitution => (
                        pick(&mut rng, INSTITUTE_FORMS)
                            .replace("{place}", place)
                            .replace("{theme}", &lower_first(&theme)),
                        None,
                    ),
                    StakeholderKind::Municipality => (format!("Gemeente {place}"), None),
                    StakeholderKind::Professional => (
                        self.person_name(&mut rng),
                        Some(
                            pick(&mut rng, EMPLOYERS)
                                .replace("{place}", place)
                                .replace("{word}", pick(&mut rng, ORG_WORDS)),
                        ),
                    ),
                    _ => (
                        self.person_name(&mut rng),
                        chance(&mut rng, 0.2).then(|| {
                            pick(&mut rng, ORG_FORMS)
                                .replace("{place}", place)
                                .replace("{word}", pick(&mut rng, ORG_WORDS))
                        }),
                    ),
                };
                let expertise = chance(&mut rng, 0.8).then(|| {
                    let intro = if person {
                        pick(&mut rng, PERSON_INTROS)
                    } else {
                        pick(&mut rng, ORG_INTROS)
                    }
                    .replace("{condition}", pick(&mut rng, CONDITIONS))
                    .replace("{theme}", &lower_first(&theme))
                    .replace("{objects}", pick(&mut rng, OBJECTS));
                    if chance(&mut rng, 0.5) {
                        format!("{intro} {}", self.sentence(&mut rng, place, &theme))
                    } else {
                        intro
                    }
                });
                let share_contact = chance(&mut rng, 0.35);
                let email = share_contact.then(|| {
                    format!(
                        "{}.{}@example.org",
                        slugify(&name).replace('-', "."),
                        id % 1000
                    )
                });
                let phone = (share_contact && chance(&mut rng, 0.6))
                    .then(|| format!("+31 6 {:08}", rng.random_range(0..100_000_000u32)));
                let consent = person && chance(&mut rng, 0.06);
                let created_at = moment(&mut rng, k, n);
                let mut talents: Vec<&str> = Vec::new();
                for _ in 0..rng.random_range(0..=3) {
                    let t = pick(&mut rng, TALENTS);
                    if !talents.contains(&t) {
                        talents.push(t);
                    }
                }
                let mut languages = vec!["nl"];
                if chance(&mut rng, 0.35) {
                    languages.push("en");
                }
                if chance(&mut rng, 0.08) {
                    let other = pick(&mut rng, &["fr", "de", "ar", "tr", "pl", "ngt", "fy"]);
                    languages.push(other);
                }
                for t in &talents {
                    tags.push(TagRow {
                        stakeholder_id: id,
                        kind: "talent",
                        value: t.to_string(),
                    });
                }
                for l in &languages {
                    tags.push(TagRow {
                        stakeholder_id: id,
                        kind: "language",
                        value: l.to_string(),
                    });
                }
                // Generated people show their profile to everyone (below),
                // so all of it is indexed.
                let talents_text = talents.join(" ");
                let text = StakeholderText {
                    name: &name,
                    organisation: organisation.as_deref().unwrap_or_default(),
                    expertise: expertise.as_deref().unwrap_or_default(),
                    talents: &talents_text,
                };
                index_rows(STAKEHOLDER, id, &text.fields(), &mut docs, &mut self.blocks);
                rows.push(StakeholderRow {
                    id,
                    kind: kind.as_str(),
                    name,
                    organisation,
                    expertise,
                    municipality_code: local.then(|| m.code.clone()),
                    email,
                    phone,
                    listed: chance(&mut rng, 0.55),
                    share_contact,
                    user_id: None,
                    created_by: None,
                    created_at,
                    updated_at: later(&mut rng, created_at, 120),
                    version: 1,
                    access_needs: consent.then(|| pick(&mut rng, ACCESS_NEEDS).to_string()),
                    access_needs_consent: consent,
                    // Shown to everyone, as the search index above has them.
                    organisation_visibility: "public",
                    expertise_visibility: "public",
                    talents_visibility: "public",
                    languages_visibility: "public",
                    municipality_visibility: "public",
                });
            }
            tx.send(Batch::Stakeholders {
                count: end - i,
                rows,
                tags,
                docs,
                blocks: self.blocks_of_batch(end == n),
            })
            .map_err(|_| ())?;
            i = end;
        }
        Ok(())
    }

    // --- networks --------------------------------------------------------

    fn free_slug(&mut self, name: &str, id: i64) -> String {
        let mut base = slugify(name);
        base.truncate(50);
        let base = base.trim_end_matches('-').to_string();
        if self.slugs.insert(base.clone()) {
            return base;
        }
        for n in 2..50 {
            let candidate = format!("{base}-{n}");
            if self.slugs.insert(candidate.clone()) {
                return candidate;
            }
        }
        let candidate = format!("{base}-n{id}");
        self.slugs.insert(candidate.clone());
        candidate
    }

    fn networks(&mut self, tx: &SyncSender<Batch>) -> Result<(), ()> {
        let mut rng = self.rng(2);
        let n = self.sizes.networks;
        let national = (n / 100).max(1).min(n);
        let regional = (n * 9 / 100).min(n - national);
        let status_weights = WeightedIndex::new([20u32, 65, 10, 5])
            .unwrap_or_else(|_| unreachable!("weights are positive"));
        // Regional networks by province (or "VL"), for parents of locals.
        let mut regional_by_area: HashMap<&'static str, Vec<i64>> = HashMap::new();
        let mut nationals: Vec<i64> = Vec::new();
        self.networks = Vec::with_capacity(n as usize);
        let mut i = 0;
        while i < n {
            let end = (i + BATCH_NETWORKS).min(n);
            let cap = (end - i) as usize;
            let (mut rows, mut topic_rows, mut docs) = (
                Vec::with_capacity(cap),
                Vec::with_capacity(cap * 2),
                Vec::with_capacity(cap),
            );
            for k in i..end {
                let id = self.bases.network + 1 + k as i64;
                let topic = self.topic_index(&mut rng);
                let theme = self.theme(&mut rng, topic);
                let theme_l = lower_first(&theme);
                let (scope, municipality, region, place, parent_id, province_code) = if k < national
                {
                    (
                        Scope::National,
                        None,
                        None,
                        "Nederland".to_string(),
                        None,
                        None,
                    )
                } else if k < national + regional {
                    let (area, region) = *REGIONS.choose(&mut rng).unwrap_or(&("PV26", "Utrecht"));
                    regional_by_area.entry(area).or_default().push(id);
                    let parent = if chance(&mut rng, 0.6) {
                        nationals.choose(&mut rng).copied()
                    } else {
                        None
                    };
                    (
                        Scope::Regional,
                        None,
                        Some(region.to_string()),
                        region.to_string(),
                        parent,
                        // Flanders has no CBS province code.
                        area.starts_with("PV").then(|| area.to_string()),
                    )
                } else if chance(&mut rng, 0.06) {
                    let city = pick(&mut rng, FLEMISH_CITIES);
                    let parent = if chance(&mut rng, 0.7) {
                        regional_by_area
                            .get("VL")
                            .and_then(|list| list.choose(&mut rng).copied())
                    } else {
                        None
                    };
                    (
                        Scope::Local,
                        None,
                        Some(city.to_string()),
                        city.to_string(),
                        parent,
                        None,
                    )
                } else {
                    let (index, m) = self.municipality(&mut rng);
                    let parent = if chance(&mut rng, 0.7) {
                        regional_by_area
                            .get(m.province_code.as_str())
                            .and_then(|list| list.choose(&mut rng).copied())
                    } else {
                        None
                    };
                    (
                        Scope::Local,
                        Some(index),
                        None,
                        m.name.clone(),
                        parent,
                        None,
                    )
                };
                if scope == Scope::National {
                    nationals.push(id);
                }
                let name = match scope {
                    Scope::National => pick(&mut rng, NATIONAL_NAMES),
                    Scope::Regional => pick(&mut rng, REGIONAL_NAMES),
                    Scope::Local => pick(&mut rng, LOCAL_NAMES),
                }
                .replace("{Theme}", &theme)
                .replace("{theme}", &theme_l)
                .replace("{place}", &place);
                let name = upper_first(&name);
                let slug = self.free_slug(&name, id);
                let description = self.text(&mut rng, &place, &theme, 2, 4);
                let ambition = pick(&mut rng, AMBITIONS)
                    .replace("{place}", &place)
                    .replace("{objects}", pick(&mut rng, OBJECTS))
                    .replace("{activity}", pick(&mut rng, ACTIVITIES))
                    .replace("{year}", &rng.random_range(2026..=2032).to_string());
                let needs = if chance(&mut rng, 0.8) {
                    pick(&mut rng, NEEDS)
                        .replace("{org}", pick(&mut rng, ORGS))
                        .replace("{objects}", pick(&mut rng, OBJECTS))
                } else {
                    String::new()
                };
                let status = NetworkStatus::ALL[status_weights.sample(&mut rng)];
                let visibility = if chance(&mut rng, 0.05) {
                    Visibility::Members
                } else {
                    Visibility::Public
                };
                let created_at = moment(&mut rng, k, n);
                let mut my_topics = vec![topic];
                for _ in 0..rng.random_range(0..=2) {
                    let t = self.topic_index(&mut rng);
                    if !my_topics.contains(&t) {
                        my_topics.push(t);
                    }
                }
                for t in &my_topics {
                    topic_rows.push(NetworkTopicRow {
                        network_id: id,
                        topic: self.topics[*t as usize].0.clone(),
                    });
                }
                let municipality_code =
                    municipality.map(|i| municipalities()[i as usize].code.clone());
                let text = NetworkText {
                    name: &name,
                    theme: &theme,
                    place: municipality
                        .map(|i| municipalities()[i as usize].name.as_str())
                        .unwrap_or_default(),
                    region: region.as_deref().unwrap_or_default(),
                    description: &description,
                    ambition: &ambition,
                    needs: &needs,
                };
                index_rows(NETWORK, id, &text.fields(), &mut docs, &mut self.blocks);
                self.networks.push(NetworkInfo {
                    id,
                    scope,
                    municipality,
                    theme_topic: topic,
                    created_at,
                    status,
                });
                rows.push(NetworkRow {
                    id,
                    contact: chance(&mut rng, 0.6).then(|| format!("{slug}@netwerken.example")),
                    slug,
                    name,
                    theme,
                    scope: scope.as_str(),
                    municipality_code,
                    region,
                    description,
                    ambition,
                    needs,
                    status: status.as_str(),
                    visibility: visibility.as_str(),
                    parent_id,
                    communication: pick(&mut rng, COMMUNICATION).to_string(),
                    created_by: None,
                    created_at,
                    updated_at: later(&mut rng, created_at, 200),
                    version: 1,
                    province_code,
                    articles: articles_of(id),
                });
            }
            tx.send(Batch::Networks {
                count: end - i,
                rows,
                topics: topic_rows,
                docs,
                blocks: self.blocks_of_batch(end == n),
            })
            .map_err(|_| ())?;
            i = end;
        }
        Ok(())
    }

    // --- memberships and goals -------------------------------------------

    /// Members of one network: `size` distinct stakeholders, many from its
    /// own municipality.
    fn members_of(&self, rng: &mut StdRng, network: &NetworkInfo, size: u64) -> Vec<i64> {
        let total = self.sizes.stakeholders;
        if size == 0 || total == 0 {
            return Vec::new();
        }
        if size * 4 > total {
            return rand::seq::index::sample(rng, total as usize, size as usize)
                .into_iter()
                .map(|i| self.bases.stakeholder + 1 + i as i64)
                .collect();
        }
        let local: &[i64] = network
            .municipality
            .map(|m| self.by_municipality[m as usize].as_slice())
            .unwrap_or(&[]);
        let mut seen: HashSet<i64> = HashSet::with_capacity(size as usize);
        let mut out = Vec::with_capacity(size as usize);
        let mut local_misses = 0;
        while (out.len() as u64) < size {
            let from_local = !local.is_empty() && local_misses < 8 && chance(rng, 0.6);
            let id = if from_local {
                local.choose(rng).copied().unwrap_or(1)
            } else {
                self.bases.stakeholder + rng.random_range(1..=total as i64)
            };
            if seen.insert(id) {
                out.push(id);
            } else if from_local {
                local_misses += 1;
            }
        }
        out
    }

    fn kind_of(&self, stakeholder: i64) -> StakeholderKind {
        self.kinds
            .get((stakeholder - self.bases.stakeholder - 1) as usize)
            .copied()
            .unwrap_or(StakeholderKind::Other)
    }

    fn members_and_goals(&mut self, tx: &SyncSender<Batch>) -> Result<(), ()> {
        let mut rng = self.rng(3);
        let n = self.networks.len();
        if n == 0 {
            return Ok(());
        }
        let coordinators = self.sizes.memberships.min(n as u64);
        let member_weights: Vec<f64> = self
            .networks
            .iter()
            .map(|nw| {
                let scope = match nw.scope {
                    Scope::National => 8.0,
                    Scope::Regional => 3.0,
                    Scope::Local => 1.0,
                };
                scope * heavy(&mut rng)
            })
            .collect();
        let cap = self.sizes.stakeholders.saturating_sub(1).min(5_000);
        let extra = allocate(
            &mut rng,
            &member_weights,
            self.sizes.memberships - coordinators,
            cap,
        );
        let goal_weights: Vec<f64> = self
            .networks
            .iter()
            .map(|nw| {
                let status = match nw.status {
                    NetworkStatus::Active => 3.0,
                    NetworkStatus::Forming => 1.0,
                    NetworkStatus::Paused => 1.0,
                    NetworkStatus::Closed => 0.5,
                };
                status * heavy(&mut rng)
            })
            .collect();
        let goal_counts = allocate(&mut rng, &goal_weights, self.sizes.goals, u64::MAX);
        let status_weights = WeightedIndex::new([20u32, 20, 30, 20, 10])
            .unwrap_or_else(|_| unreachable!("weights are positive"));
        let mut next_goal = self.bases.goal + 1;
        let mut start = 0;
        while start < n {
            let end = (start + BATCH_MEMBER_NETWORKS).min(n);
            let mut rows = Vec::new();
            let mut goal_rows = Vec::new();
            let mut talent_rows = Vec::new();
            for j in start..end {
                let network = self.networks[j];
                let size = extra[j] + u64::from((j as u64) < coordinators);
                let members = self.members_of(&mut rng, &network, size);
                let second_coordinator = chance(&mut rng, 0.1);
                for (position, sid) in members.iter().enumerate() {
                    let kind = self.kind_of(*sid);
                    let organisation = matches!(
                        kind,
                        StakeholderKind::InterestOrganisation
                            | StakeholderKind::Company
                            | StakeholderKind::KnowledgeInstitution
                            | StakeholderKind::Municipality
                    );
                    let role = if position == 0 || (position == 1 && second_coordinator) {
                        Role::Coordinator
                    } else if organisation && chance(&mut rng, 0.6) {
                        Role::Partner
                    } else if chance(&mut rng, 0.12) {
                        Role::CoreGroup
                    } else {
                        Role::Member
                    };
                    let created_at = later(&mut rng, network.created_at, 300);
                    rows.push(MembershipRow {
                        network_id: network.id,
                        stakeholder_id: *sid,
                        role: role.as_str(),
                        commitment: if chance(&mut rng, 0.6) {
                            pick(&mut rng, COMMITMENTS).to_string()
                        } else {
                            String::new()
                        },
                        created_at,
                        updated_at: created_at,
                        version: 1,
                        by_consent: true,
                    });
                }
                // A goal tree: top-level goals with steps, and steps of steps.
                let theme = lower_first(&self.theme(&mut rng, network.theme_topic));
                let place = network
                    .municipality
                    .map(|m| municipalities()[m as usize].name.as_str())
                    .unwrap_or("de regio");
                let mut tops: Vec<(i64, i32)> = Vec::new(); // (id, children so far)
                let mut steps: Vec<(i64, i32)> = Vec::new();
                for g in 0..goal_counts[j] {
                    let id = next_goal;
                    next_goal += 1;
                    let roll: f64 = rng.random();
                    let (parent_id, position, title) = if g == 0 || roll < 0.35 {
                        tops.push((id, 0));
                        let title = pick(&mut rng, GOAL_TITLES)
                            .replace("{objects}", pick(&mut rng, OBJECTS))
                            .replace("{theme}", &theme)
                            .replace("{place}", place)
                            .replace("{org}", pick(&mut rng, ORGS));
                        (None, tops.len() as i32 - 1, upper_first(&title))
                    } else {
                        let deep = roll > 0.85 && !steps.is_empty();
                        let list = if deep { &mut steps } else { &mut tops };
                        let at = rng.random_range(0..list.len());
                        let (parent, children) = list[at];
                        list[at].1 += 1;
                        if !deep {
                            steps.push((id, 0));
                        }
                        let title = pick(&mut rng, STEP_TITLES)
                            .replace("{objects}", pick(&mut rng, OBJECTS))
                            .replace("{org}", pick(&mut rng, ORGS));
                        (Some(parent), children, upper_first(&title))
                    };
                    // Every other step needs one or two talents, chosen by
                    // its id (the random stream stays as it was).
                    if parent_id.is_some() && id % 2 == 0 {
                        let first = TALENTS[(id as usize / 2) % TALENTS.len()];
                        let second = TALENTS[(id as usize / 7) % TALENTS.len()];
                        talent_rows.push(GoalTalentRow {
                            goal_id: id,
                            talent: first,
                        });
                        if second != first && id % 3 == 0 {
                            talent_rows.push(GoalTalentRow {
                                goal_id: id,
                                talent: second,
                            });
                        }
                    }
                    let status = GoalStatus::ALL[status_weights.sample(&mut rng)];
                    let created_at = later(&mut rng, network.created_at, 400);
                    let updated_at = later(&mut rng, created_at, 200);
                    goal_rows.push(GoalRow {
                        id,
                        network_id: network.id,
                        parent_id,
                        title,
                        description: if chance(&mut rng, 0.7) {
                            self.sentence(&mut rng, place, &theme)
                        } else {
                            String::new()
                        },
                        status: status.as_str(),
                        target_date: chance(&mut rng, 0.7)
                            .then(|| created_at.date() + Duration::days(rng.random_range(30..900))),
                        achieved_at: (status == GoalStatus::Achieved).then_some(updated_at),
                        owner_id: if chance(&mut rng, 0.6) {
                            members.choose(&mut rng).copied()
                        } else {
                            None
                        },
                        position,
                        created_by: None,
                        created_at,
                        updated_at,
                        version: 1,
                        articles: articles_of(id + 1),
                    });
                }
            }
            tx.send(Batch::Members {
                count: (end - start) as u64,
                memberships: rows,
                goals: goal_rows,
                talents: talent_rows,
            })
            .map_err(|_| ())?;
            start = end;
        }
        Ok(())
    }

    // --- knowledge links -------------------------------------------------

    fn links(&mut self, tx: &SyncSender<Batch>) -> Result<(), ()> {
        let mut rng = self.rng(4);
        let n = self.sizes.links;
        let language_weights = WeightedIndex::new(LANGUAGE_WEIGHTS.iter().map(|(_, w)| *w))
            .unwrap_or_else(|_| unreachable!("weights are positive"));
        let mut i = 0;
        while i < n {
            let end = (i + BATCH_LINKS).min(n);
            let cap = (end - i) as usize;
            let (mut rows, mut audiences, mut topic_rows, mut docs) = (
                Vec::with_capacity(cap),
                Vec::with_capacity(cap * 2),
                Vec::with_capacity(cap * 2),
                Vec::with_capacity(cap),
            );
            for k in i..end {
                let id = self.bases.link + 1 + k as i64;
                let topic = self.topic_index(&mut rng);
                let theme = self.theme(&mut rng, topic);
                let network = if chance(&mut rng, 0.35) || self.networks.is_empty() {
                    None
                } else {
                    self.networks.choose(&mut rng).copied()
                };
                let place = network
                    .and_then(|nw| nw.municipality)
                    .map(|m| municipalities()[m as usize].name.clone())
                    .unwrap_or_else(|| "Nederland".into());
                let title = upper_first(
                    &pick(&mut rng, LINK_TITLES)
                        .replace("{theme}", &lower_first(&theme))
                        .replace("{objects}", pick(&mut rng, OBJECTS))
                        .replace("{place}", &place),
                );
                let summary = self.text(&mut rng, &place, &theme, 1, 2);
                let site = pick(&mut rng, SITES);
                let mut path = slugify(&title);
                path.truncate(40);
                let url = format!(
                    "https://{site}/{}/{}-{id}",
                    pick(&mut rng, URL_SECTIONS),
                    path.trim_end_matches('-')
                );
                let mut my_audiences =
                    vec![Audience::ALL[rng.random_range(0..Audience::ALL.len())]];
                if chance(&mut rng, 0.4) {
                    let a = Audience::ALL[rng.random_range(0..Audience::ALL.len())];
                    if !my_audiences.contains(&a) {
                        my_audiences.push(a);
                    }
                }
                for a in &my_audiences {
                    audiences.push(AudienceRow {
                        link_id: id,
                        audience: a.as_str(),
                    });
                }
                let mut my_topics = vec![topic];
                if chance(&mut rng, 0.5) {
                    let t = self.topic_index(&mut rng);
                    if !my_topics.contains(&t) {
                        my_topics.push(t);
                    }
                }
                for t in &my_topics {
                    topic_rows.push(LinkTopicRow {
                        link_id: id,
                        topic: self.topics[*t as usize].0.clone(),
                    });
                }
                let topic_names = my_topics
                    .iter()
                    .map(|t| {
                        let (_, nl, en) = &self.topics[*t as usize];
                        format!("{nl} {en}")
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                let text = KnowledgeLinkText {
                    title: &title,
                    topic_names: &topic_names,
                    summary: &summary,
                };
                index_rows(
                    KNOWLEDGE_LINK,
                    id,
                    &text.fields(),
                    &mut docs,
                    &mut self.blocks,
                );
                let created_at = moment(&mut rng, k, n);
                rows.push(LinkRow {
                    id,
                    url,
                    title,
                    summary,
                    language: LANGUAGE_WEIGHTS[language_weights.sample(&mut rng)].0,
                    network_id: network.map(|nw| nw.id),
                    added_by: None,
                    clicks: (heavy(&mut rng) * heavy(&mut rng)) as i64 - 1,
                    created_at,
                    updated_at: later(&mut rng, created_at, 100),
                    version: 1,
                });
            }
            tx.send(Batch::Links {
                count: end - i,
                rows,
                audiences,
                topics: topic_rows,
                docs,
                blocks: self.blocks_of_batch(end == n),
            })
            .map_err(|_| ())?;
            i = end;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Word lists. All names are made up; the web sites use the reserved
// `.example` domain.
// ---------------------------------------------------------------------------

/// The biggest municipalities (by population), which get the most networks.
const BIG_CITIES: &[&str] = &[
    "GM0363", "GM0599", "GM0518", "GM0344", "GM0772", "GM0014", "GM0855", "GM0034", "GM0758",
    "GM0268", "GM0200", "GM0392", "GM0202", "GM0153", "GM0307", "GM0479", "GM0796", "GM0193",
    "GM0546", "GM0935",
];

/// Regions of regional networks, with their province code (`VL`: Flanders).
const REGIONS: &[(&str, &str)] = &[
    ("PV20", "Groningen"),
    ("PV20", "Oost-Groningen"),
    ("PV21", "Fryslân"),
    ("PV22", "Drenthe"),
    ("PV23", "Overijssel"),
    ("PV23", "Twente"),
    ("PV24", "Flevoland"),
    ("PV25", "Gelderland"),
    ("PV25", "Achterhoek"),
    ("PV25", "Veluwe"),
    ("PV25", "Rijk van Nijmegen"),
    ("PV26", "Utrecht"),
    ("PV26", "Regio Amersfoort"),
    ("PV27", "Noord-Holland"),
    ("PV27", "Zaanstreek-Waterland"),
    ("PV27", "Gooi en Vechtstreek"),
    ("PV27", "Kennemerland"),
    ("PV28", "Zuid-Holland"),
    ("PV28", "Haaglanden"),
    ("PV28", "Rijnmond"),
    ("PV28", "Holland Rijnland"),
    ("PV29", "Zeeland"),
    ("PV30", "Noord-Brabant"),
    ("PV30", "Zuidoost-Brabant"),
    ("PV30", "West-Brabant"),
    ("PV30", "Hart van Brabant"),
    ("PV31", "Limburg"),
    ("PV31", "Zuid-Limburg"),
    ("PV31", "Noord-Limburg"),
    ("VL", "Vlaanderen"),
    ("VL", "Oost-Vlaanderen"),
    ("VL", "West-Vlaanderen"),
    ("VL", "Vlaams-Brabant"),
    ("VL", "Provincie Antwerpen"),
];

const FLEMISH_CITIES: &[&str] = &[
    "Antwerpen",
    "Gent",
    "Brugge",
    "Leuven",
    "Mechelen",
    "Aalst",
    "Kortrijk",
    "Hasselt",
    "Oostende",
    "Sint-Niklaas",
    "Genk",
    "Roeselare",
];

/// Themes per topic slug (the topics of the `topics` migration).
const THEMES: &[(&str, &[&str])] = &[
    (
        "accessibility",
        &[
            "Toegankelijke gebouwen",
            "Toegankelijkheid van de binnenstad",
            "Drempelvrije winkels",
            "Toegankelijke horeca",
        ],
    ),
    (
        "care",
        &[
            "Zorg dichtbij",
            "Ondersteuning thuis",
            "Mantelzorg en respijt",
        ],
    ),
    (
        "culture",
        &[
            "Toegankelijke musea",
            "Cultuur voor iedereen",
            "Inclusief theater",
            "Bibliotheek voor iedereen",
        ],
    ),
    (
        "digital_accessibility",
        &[
            "Digitale toegankelijkheid",
            "Toegankelijke websites",
            "Begrijpelijke formulieren",
        ],
    ),
    (
        "education",
        &[
            "Inclusief onderwijs",
            "Passend onderwijs",
            "Leren zonder drempels",
        ],
    ),
    (
        "events",
        &[
            "Toegankelijke evenementen",
            "Inclusieve festivals",
            "Feesten zonder drempels",
        ],
    ),
    (
        "experience_expertise",
        &[
            "Ervaringsdeskundigheid in beleid",
            "Ervaringskring",
            "Ervaringsdeskundigen aan tafel",
        ],
    ),
    (
        "housing",
        &[
            "Wonen naar wens",
            "Toegankelijke woningen",
            "Inclusief wonen",
        ],
    ),
    (
        "income",
        &[
            "Bestaanszekerheid",
            "Inkomen en schulden",
            "Geldzaken zonder drempels",
        ],
    ),
    (
        "information",
        &[
            "Begrijpelijke informatie",
            "Informatie in eenvoudige taal",
            "Gebarentaal in de gemeente",
        ],
    ),
    (
        "leisure",
        &[
            "Vrije tijd voor iedereen",
            "Inclusieve recreatie",
            "Toegankelijke natuur",
        ],
    ),
    (
        "local_policy",
        &[
            "Lokale inclusieagenda",
            "VN-verdrag in de gemeente",
            "Inclusief gemeentebeleid",
        ],
    ),
    (
        "participation",
        &["Meedoen in de wijk", "Samen meedoen", "Inclusieve buurt"],
    ),
    (
        "public_space",
        &[
            "Toegankelijke openbare ruimte",
            "Obstakelvrije stoepen",
            "Toegankelijk groen",
        ],
    ),
    (
        "safety",
        &[
            "Veilig over straat",
            "Veiligheid voor iedereen",
            "Veilig thuis",
        ],
    ),
    (
        "sport",
        &[
            "Inclusief sporten",
            "Aangepast sporten",
            "Sportclubs voor iedereen",
        ],
    ),
    (
        "transport",
        &[
            "Toegankelijk vervoer",
            "Openbaar vervoer zonder drempels",
            "Doelgroepenvervoer",
        ],
    ),
    (
        "un_convention",
        &[
            "VN-verdrag Handicap",
            "Lokale uitvoering VN-verdrag",
            "Rechten van mensen met een beperking",
        ],
    ),
    (
        "work",
        &[
            "Werk voor iedereen",
            "Inclusieve werkgevers",
            "Banenafspraak in de praktijk",
        ],
    ),
    (
        "youth",
        &[
            "Jongeren doen mee",
            "Inclusieve jeugd",
            "Jeugd zonder drempels",
        ],
    ),
];

const LOCAL_NAMES: &[&str] = &[
    "{Theme} {place}",
    "Themanetwerk {theme} {place}",
    "Netwerk {theme} {place}",
    "{place}: {theme}",
    "Werkgroep {theme} {place}",
];

const REGIONAL_NAMES: &[&str] = &[
    "{Theme} regio {place}",
    "Regionaal netwerk {theme} {place}",
    "Regiotafel {theme} {place}",
];

const NATIONAL_NAMES: &[&str] = &[
    "Landelijk netwerk {theme}",
    "{Theme} Nederland",
    "Kennisnetwerk {theme}",
];

const SENTENCES: &[&str] = &[
    "In {place} werken {who} samen aan {theme}.",
    "Het netwerk brengt {who} bij elkaar rond {theme}.",
    "We delen kennis over {theme} en maken afspraken met de gemeente.",
    "Ervaringsdeskundigen testen {objects} en geven advies aan {org}.",
    "{objects} moeten voor iedereen bruikbaar zijn, ook voor mensen met een {condition}.",
    "Samen met {org} maken we {objects} in {place} beter toegankelijk.",
    "Wie een {condition} heeft, loopt in {place} nog vaak tegen drempels aan bij {activity}.",
    "We organiseren bijeenkomsten over {activity} en nodigen {who} uit.",
    "Het VN-verdrag Handicap is ons uitgangspunt: iedereen moet kunnen meedoen.",
    "Kleine stappen maken het verschil: eerst {objects}, daarna {activity}.",
];

const WHO: &[&str] = &[
    "ervaringsdeskundigen, de gemeente en maatschappelijke organisaties",
    "inwoners met een beperking en ondernemers",
    "VN-ambassadeurs, zorgaanbieders en de bibliotheek",
    "cliëntenraden, welzijnswerk en vrijwilligers",
    "jongeren, ouders en scholen",
    "werkgevers, het UWV en ervaringsdeskundigen",
    "sportclubs, buurtteams en de gemeente",
    "musea, theaters en ervaringsdeskundigen",
];

const OBJECTS: &[&str] = &[
    "gebouwen",
    "websites",
    "speeltuinen",
    "bushaltes",
    "musea",
    "sportparken",
    "formulieren",
    "evenementen",
    "winkels",
    "stembureaus",
    "stations",
    "scholen",
    "buurthuizen",
    "wandelroutes",
    "toiletten",
];

const CONDITIONS: &[&str] = &[
    "visuele beperking",
    "auditieve beperking",
    "verstandelijke beperking",
    "lichamelijke beperking",
    "chronische ziekte",
    "psychische kwetsbaarheid",
    "vorm van autisme",
    "niet-aangeboren hersenletsel",
];

const ACTIVITIES: &[&str] = &[
    "sporten",
    "werken",
    "stemmen",
    "naar school gaan",
    "winkelen",
    "uitgaan",
    "vrijwilligerswerk",
    "het openbaar vervoer",
    "een bezoek aan het museum",
    "de markt",
];

const ORGS: &[&str] = &[
    "de gemeente",
    "de adviesraad sociaal domein",
    "de woningcorporatie",
    "het vervoersbedrijf",
    "de bibliotheek",
    "de provincie",
    "het buurtteam",
    "de ondernemersvereniging",
    "de zorgverzekeraar",
];

const AMBITIONS: &[&str] = &[
    "In {year} zijn alle {objects} in {place} toegankelijk.",
    "Iedereen in {place} kan meedoen aan {activity}.",
    "Een inclusieagenda die de gemeenteraad in {year} vaststelt.",
    "Ervaringsdeskundigen denken vanaf het begin mee over {objects}.",
    "In {year} weet iedereen in {place} de weg naar {activity}.",
];

const NEEDS: &[&str] = &[
    "Een routekaart en meer ervaringsdeskundigen.",
    "Georganiseerde ervaringsdeskundigheid en een vast contact bij {org}.",
    "Budget om {objects} te laten testen.",
    "Vrijwilligers die willen meedenken en testen.",
    "Een vergaderplek die voor iedereen toegankelijk is.",
    "Contact met {org} en met andere netwerken.",
];

const COMMUNICATION: &[&str] = &[
    "Nieuwsbrief per kwartaal",
    "Maandelijkse bijeenkomst in het gemeentehuis",
    "Online overleg elke twee weken",
    "Appgroep en een jaarlijkse bijeenkomst",
    "Bijeenkomsten met tolk en verslag in eenvoudige taal",
    "",
];

const FIRST_NAMES: &[&str] = &[
    "Anna", "Daan", "Sanne", "Fatma", "Mohamed", "Emma", "Lars", "Noor", "Sem", "Julia", "Lucas",
    "Sophie", "Finn", "Lotte", "Milan", "Eva", "Thijs", "Iris", "Bram", "Yasmina", "Youssef",
    "Femke", "Jeroen", "Kim", "Ruben", "Anouk", "Pieter", "Marieke", "Hans", "Ingrid", "Kees",
    "Els", "Wim", "Annelies", "Joris", "Saskia", "Tom", "Lieke", "Jan", "Mieke", "Ahmet", "Elif",
    "Priya", "Rik", "Maaike", "Stijn", "Nina", "Koen", "Hanna", "Jasper", "Vera", "Wouter",
    "Zeynep", "Bas", "Floor", "Gert", "Hilde", "Ilse", "Dirk", "Roos",
];

const PREFIXES: &[&str] = &["van", "de", "van der", "van den", "ter", "van de", "den"];

const SURNAMES: &[&str] = &[
    "Voorbeeld",
    "Proefmans",
    "Verzonnen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Dijkstra",
    "Kok",
    "Jacobs",
    "Vermeulen",
    "Postma",
    "Kuipers",
    "Veenstra",
    "Wouters",
    "Hoekstra",
    "Maas",
    "Verhoeven",
    "Koster",
    "Prins",
    "Blom",
    "Huisman",
    "Peeters",
    "Janssens",
    "Claes",
    "Willems",
    "Goossens",
    "Yilmaz",
    "Kaya",
    "El Amrani",
    "Bouzid",
    "Boer",
    "Berg",
    "Linden",
    "Heuvel",
    "Wal",
    "Leeuw",
    "Graaf",
    "Brink",
    "Wijk",
    "Kamp",
    "Veen",
    "Haan",
    "Jong",
    "Groot",
    "Vries",
    "Beek",
    "Dam",
    "Molen",
    "Sluis",
    "Velde",
    "Horst",
    "Laan",
];

const KIND_WEIGHTS: &[(StakeholderKind, u32)] = &[
    (StakeholderKind::ExperienceExpert, 38),
    (StakeholderKind::UnAmbassador, 4),
    (StakeholderKind::InterestOrganisation, 10),
    (StakeholderKind::Company, 9),
    (StakeholderKind::Professional, 22),
    (StakeholderKind::KnowledgeInstitution, 3),
    (StakeholderKind::Municipality, 4),
    (StakeholderKind::Other, 10),
];

const ORG_FORMS: &[&str] = &[
    "Stichting {word} {place}",
    "Vereniging {word} {place}",
    "Platform {word} {place}",
    "Cliëntenraad {place}",
    "Adviesraad Sociaal Domein {place}",
    "Belangengroep {word}",
];

const ORG_WORDS: &[&str] = &[
    "Samen Toegankelijk",
    "Iedereen Doet Mee",
    "Drempelvrij",
    "Onbeperkt",
    "Zichtbaar",
    "Gelijk Oversteken",
    "Doof en Horend",
    "Meedoen",
    "Ruimte voor Allen",
    "Open Deur",
];

const COMPANY_FORMS: &[&str] = &[
    "Bouw B.V.",
    "Advies",
    "Techniek B.V.",
    "ICT",
    "Toegankelijkheidsadvies",
    "& Partners",
    "Vervoer B.V.",
    "Installaties",
];

const INSTITUTE_FORMS: &[&str] = &[
    "Hogeschool {place}",
    "Universiteit {place}",
    "Kenniscentrum {theme}",
    "Lectoraat {theme}",
    "Expertisecentrum {theme}",
];

const EMPLOYERS: &[&str] = &[
    "Zorggroep {place}",
    "Welzijn {place}",
    "Gemeente {place}",
    "Stichting {word}",
    "MEE {place}",
    "Buurtteam {place}",
];

const PERSON_INTROS: &[&str] = &[
    "Ik heb een {condition} en weet hoe het is als {objects} niet toegankelijk zijn.",
    "Ervaringsdeskundige met een {condition}; ik test {objects}.",
    "VN-ambassadeur. Ik zet me in voor {theme}.",
    "Ik werk aan {theme} en breng mensen bij elkaar.",
    "Ik help organisaties met {theme} en schrijf in eenvoudige taal.",
];

const ORG_INTROS: &[&str] = &[
    "Wij adviseren over {theme} en toegankelijke {objects}.",
    "Onze organisatie zet zich in voor mensen met een {condition}.",
    "Wij bouwen en verbouwen {objects} zonder drempels.",
    "Onderzoek en onderwijs over {theme}.",
];

const TALENTS: &[&str] = &[
    "organiseren",
    "schrijven",
    "presenteren",
    "it",
    "ontwerpen",
    "fotograferen",
    "testen",
    "onderzoek",
    "juridisch-advies",
    "fondsenwerving",
    "social-media",
    "vertalen",
    "gebarentaal",
    "coachen",
    "netwerken",
    "eenvoudige-taal",
];

const ACCESS_NEEDS: &[&str] = &[
    "Gebarentolk bij bijeenkomsten",
    "Rolstoeltoegankelijke ruimte",
    "Informatie in eenvoudige taal",
    "Ringleiding",
    "Stukken vooraf digitaal",
];

const COMMITMENTS: &[&str] = &[
    "Meedenken",
    "Testen van gebouwen",
    "Eén dag per maand",
    "Vertalen naar eenvoudige taal",
    "Ruimte beschikbaar stellen",
    "Financiële bijdrage",
    "Verslaglegging",
    "Contact met de gemeente",
];

const GOAL_TITLES: &[&str] = &[
    "Toegankelijkheidsscan van alle {objects}",
    "Ervaringsdeskundigen in de adviesraad",
    "Plan van aanpak {theme}",
    "Inclusieagenda {place}",
    "Afspraken met {org} over {objects}",
    "Checklist voor toegankelijke {objects}",
    "Subsidie voor {theme}",
    "Jaarlijkse week van de toegankelijkheid",
];

const STEP_TITLES: &[&str] = &[
    "Inventarisatie van {objects}",
    "Gesprek met {org}",
    "Verslag schrijven",
    "Test met ervaringsdeskundigen",
    "Bijeenkomst plannen",
    "Resultaten delen met {org}",
    "Begroting maken",
    "Vrijwilligers werven",
];

const LINK_TITLES: &[&str] = &[
    "Handreiking {theme}",
    "Checklist toegankelijke {objects}",
    "Zo maak je {objects} toegankelijk",
    "Factsheet {theme}",
    "Podcast: {theme}",
    "Onderzoek naar {theme} in {place}",
    "Handboek {theme} voor gemeenten",
    "Tien tips voor {theme}",
    "Praktijkvoorbeeld uit {place}: {theme}",
];

const SITES: &[&str] = &[
    "kennisbank-toegankelijkheid.example",
    "iedereen-doet-mee.example",
    "vn-verdrag-lokaal.example",
    "inclusie-gemeenten.example",
    "ervaringsdeskundig.example",
    "toegankelijk-vlaanderen.example",
    "werk-voor-iedereen.example",
];

const URL_SECTIONS: &[&str] = &["artikel", "nieuws", "publicaties", "handreiking", "podcast"];

const LANGUAGE_WEIGHTS: &[(&str, u32)] = &[
    ("nl", 85),
    ("en", 8),
    ("fr", 3),
    ("de", 1),
    ("ngt", 1),
    ("vgt", 1),
    ("ar", 1),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocation_is_exact_and_capped() {
        let mut rng = StdRng::seed_from_u64(1);
        let weights: Vec<f64> = (0..100).map(|_| heavy(&mut rng)).collect();
        let shares = allocate(&mut rng, &weights, 1_000, 30);
        assert_eq!(shares.iter().sum::<u64>(), 1_000);
        assert!(shares.iter().all(|s| *s <= 30));
        let full = allocate(&mut rng, &weights, 3_000, 30);
        assert!(full.iter().all(|s| *s == 30));
    }

    #[test]
    fn themes_name_known_topics_and_casing_holds() {
        assert_eq!(lower_first("Toegankelijke musea"), "toegankelijke musea");
        assert_eq!(lower_first("VN-verdrag Handicap"), "VN-verdrag Handicap");
        assert_eq!(upper_first("netwerk"), "Netwerk");
        for code in BIG_CITIES {
            assert!(crate::reference::municipality(code).is_some(), "{code}");
        }
    }

    #[test]
    fn sizes_are_checked() {
        assert!(Sizes::NATIONAL.check().is_ok());
        assert!(Sizes::NATIONAL.divided_by(100).check().is_ok());
        let too_many = Sizes {
            networks: 2,
            stakeholders: 3,
            memberships: 7,
            goals: 0,
            links: 0,
        };
        assert!(too_many.check().is_err());
    }
}
