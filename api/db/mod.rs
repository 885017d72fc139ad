//! The database: one connection type over PostgreSQL and SQLite, a pool, and
//! the two ways a request touches it (`read` and `write`), both off the actix
//! workers and inside one transaction.

pub mod changes;
pub mod models;
pub mod outbox;
pub mod schema;
pub mod stamp;
pub mod version;
pub mod versioned;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{CustomizeConnection, ManageConnection, Pool, PooledConnection};
use diesel::{PgConnection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub use version::migrate_schema;

use crate::web::error::ApiError;

pub const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

pub type DbPool = Pool<Manager>;
pub type PooledConn = PooledConnection<Manager>;

/// Runs `$body` on the backend's own connection, bound to `$c`: a
/// statement that names its types is then found in the connection's cache
/// by its type, where through `DbConn` diesel writes its whole SQL text on
/// every pass over it (to check the cache, to collect the binds).
macro_rules! on_each {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::db::DbConn::Pg($c) => $body,
            $crate::db::DbConn::Sqlite($c) => $body,
        }
    };
}
pub(crate) use on_each;

/// Which backend a database URL names. Chosen from the scheme, never guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    /// The backend of a URL whose scheme `Backend::parse` accepted; any
    /// other text is taken for an SQLite path (tests use `:memory:`).
    pub fn of_url(url: &str) -> Backend {
        Backend::parse(url).unwrap_or(Backend::Sqlite)
    }

    /// The backend a `DATABASE_URL` names: `postgres://` (or
    /// `postgresql://`) and `sqlite://` (or `sqlite:`); anything else is
    /// refused, naming what is supported.
    pub fn parse(url: &str) -> Result<Backend, String> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else {
            let scheme = url.split_once("://").map_or(url, |(scheme, _)| scheme);
            Err(format!(
                "DATABASE_URL must start with postgres:// or sqlite:// (it starts with {scheme:?}): only PostgreSQL and SQLite are supported"
            ))
        }
    }
}

/// Turns `sqlite://path` or `sqlite:path` into the plain path SQLite wants.
pub fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url)
}

/// Settings of every pooled connection.
///
/// SQLite: foreign keys, waiting for the write lock, and `synchronous =
/// NORMAL` (safe with WAL).
///
/// PostgreSQL: prepared statements always run their generic plan. By
/// default PostgreSQL plans a prepared statement anew for each execution
/// when it estimates the generic plan dearer, and for the knowledge-link
/// listing it always did (1.4 ms planning for 0.5 ms execution): with this
/// setting it serves 3,170 instead of 1,760 req/s (national dataset, 64
/// connections), while the other endpoints stay within the noise. Every
/// listing filters by an index that also gives its order, so one plan fits
/// all values.
#[derive(Debug)]
struct SessionSettings;

impl CustomizeConnection<DbConn, diesel::r2d2::Error> for SessionSettings {
    fn on_acquire(&self, conn: &mut DbConn) -> Result<(), diesel::r2d2::Error> {
        match conn {
            DbConn::Sqlite(c) => c.batch_execute(
                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;",
            ),
            DbConn::Pg(c) => c.batch_execute("SET plan_cache_mode = force_generic_plan"),
        }
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// Stops SQLite from keeping statistics of its own memory use. With them
/// on (SQLite's default), every allocation and free SQLite makes takes one
/// mutex shared by all connections of the process, so the pool's threads
/// wait for each other and wake each other through the kernel on every row
/// they read. SQLite refuses the setting, harmlessly, once it is in use.
///
/// # Safety
///
/// No other thread may call SQLite while this runs: call it before the
/// first connection opens and before other threads start (`main` does).
pub unsafe fn sqlite_memory_unlocked() {
    // SAFETY: the caller guarantees no concurrent SQLite call;
    // SQLITE_CONFIG_MEMSTATUS takes one int argument.
    unsafe {
        libsqlite3_sys::sqlite3_config(
            libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS,
            0 as std::ffi::c_int,
        );
    }
}

/// Opens one connection, with the backend picked from the URL scheme.
pub fn establish(url: &str) -> ConnectionResult<DbConn> {
    match Backend::of_url(url) {
        Backend::Postgres => PgConnection::establish(url).map(DbConn::Pg),
        Backend::Sqlite => {
            let mut conn = SqliteConnection::establish(sqlite_path(url))?;
            conn.batch_execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;")
                .map_err(|e| ConnectionError::BadConnection(e.to_string()))?;
            Ok(DbConn::Sqlite(conn))
        }
    }
}

/// Refuses an SQLite database file that does not exist, naming its path.
pub fn ensure_exists(url: &str) -> Result<(), String> {
    if Backend::of_url(url) == Backend::Sqlite {
        let path = std::path::Path::new(sqlite_path(url));
        if !path.is_file() {
            let shown = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            return Err(format!(
                "there is no database at {} (DATABASE_URL={url}): run the command where the server runs, with its DATABASE_URL",
                shown.display()
            ));
        }
    }
    Ok(())
}

/// Opens a database that must exist already, for the commands that only
/// read it or add to it (`backup`, `export`, `purge`, `import`): SQLite
/// would otherwise create an empty file wherever the command runs. The
/// database must be a themanet database that this program knows; with
/// `current`, all of this version's migrations must have run too.
pub fn open_existing(url: &str, current: bool) -> Result<DbConn, String> {
    ensure_exists(url)?;
    let mut conn = establish(url).map_err(|e| format!("cannot open the database: {e}"))?;
    match version::ensure_not_newer(&mut conn)? {
        version::SchemaState::Missing => Err(
            "DATABASE_URL names a database that is not a themanet database (it has no migrations table)".into(),
        ),
        version::SchemaState::Known { pending, .. } if current && pending > 0 => Err(format!(
            "the database lacks {pending} migration(s) of this version: run themanet migrate first"
        )),
        _ => Ok(conn),
    }
}

/// Whether this version's migrations are not all applied (readiness).
pub fn pending_migrations(conn: &mut DbConn) -> Result<bool, ApiError> {
    let pending = match conn {
        DbConn::Pg(c) => c.has_pending_migration(PG_MIGRATIONS),
        DbConn::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
    };
    pending.map_err(|e| ApiError::Unavailable(format!("cannot read the migrations: {e}")))
}

/// Opens the pool's connections on the backend's own connection type, so
/// that a failure carries the database's own message. diesel's manager for
/// `DbConn` tries PostgreSQL and then SQLite, and while PostgreSQL is down
/// reports only "Invalid connection url for multiconnection".
#[derive(Debug)]
pub struct Manager {
    url: String,
    backend: Backend,
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConn, diesel::r2d2::Error> {
        let conn = match self.backend {
            Backend::Postgres => PgConnection::establish(&self.url).map(DbConn::Pg),
            Backend::Sqlite => SqliteConnection::establish(&self.url).map(DbConn::Sqlite),
        }
        .map_err(diesel::r2d2::Error::ConnectionError)?;
        if DATABASE_AWAY.swap(false, Ordering::Relaxed) {
            tracing::info!("the database can be reached again");
        }
        Ok(conn)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), diesel::r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking() || diesel::r2d2::R2D2Connection::is_broken(conn)
    }
}

/// Builds the pool. Checkouts fail fast so a database outage becomes a quick
/// 503 instead of a long wait.
pub fn pool(url: &str, size: u32) -> DbPool {
    let backend = Backend::of_url(url);
    let url = match backend {
        Backend::Postgres => url.to_string(),
        Backend::Sqlite => sqlite_path(url).to_string(),
    };
    let manager = Manager { url, backend };
    Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .test_on_check_out(false)
        .connection_timeout(CHECKOUT_WAIT)
        .connection_customizer(Box::new(SessionSettings))
        .error_handler(Box::new(OutageWatch))
        // Unchecked: a database that is down at start-up gives 503s until it
        // is back, instead of a server that will not start.
        .build_unchecked(manager)
}

impl DbConn {
    pub fn backend(&self) -> Backend {
        match self {
            DbConn::Pg(_) => Backend::Postgres,
            DbConn::Sqlite(_) => Backend::Sqlite,
        }
    }
}

/// Runs `f` inside one transaction that can write. On SQLite the transaction
/// takes the write lock up front (`BEGIN IMMEDIATE`), so two writers queue on
/// the busy timeout instead of failing on a lock upgrade.
pub fn write_tx<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let result = write_tx_once(conn, f);
    // What waited for the transaction's end runs now (`after_write`).
    for hook in AFTER_WRITE.with(|h| std::mem::take(&mut *h.borrow_mut())) {
        hook();
    }
    result
}

thread_local! {
    /// What runs when this thread's current write transaction ends.
    static AFTER_WRITE: std::cell::RefCell<Vec<fn()>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `hook` once when this thread's current write transaction
/// (`write_tx`) ends, committed or not: how a layer above the database
/// learns that its changes are visible now (the search index drops the
/// answers it cached while the transaction was open).
pub fn after_write(hook: fn()) {
    AFTER_WRITE.with(|h| h.borrow_mut().push(hook));
}

fn write_tx_once<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    if let DbConn::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
        let result = f(conn);
        let DbConn::Sqlite(c) = conn else {
            unreachable!("the connection does not change backend")
        };
        match result {
            Ok(value) => {
                AnsiTransactionManager::commit_transaction(c)?;
                Ok(value)
            }
            Err(e) => {
                let _ = AnsiTransactionManager::rollback_transaction(c);
                Err(e)
            }
        }
    } else {
        conn.transaction(|conn| {
            let value = f(conn)?;
            changes::notify(conn)?;
            Ok(value)
        })
    }
}

/// How long a request waits for a connection: long enough to ride out a
/// burst while every connection is busy, short while the database is
/// unreachable, so an outage is a 503 within a second, not a wait.
const CHECKOUT_WAIT: Duration = Duration::from_secs(2);
const CHECKOUT_WAIT_IN_OUTAGE: Duration = Duration::from_millis(600);
/// How long after a failed connection attempt a checked-out connection is
/// tested before use (`checkout`).
const SUSPECT_AFTER_OUTAGE: Duration = Duration::from_secs(60);

/// When a pool of this process last failed to open a connection, in
/// milliseconds since the epoch (0: never).
static LAST_CONNECT_FAILURE: AtomicU64 = AtomicU64::new(0);

fn now_millis() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Whether the last attempt to open a connection failed: the outage is
/// logged when it starts and when it ends, not at every attempt.
static DATABASE_AWAY: AtomicBool = AtomicBool::new(false);

/// Records failed connection attempts, and logs the database's own message
/// once when connecting starts to fail (`Manager::connect` logs the end).
#[derive(Debug)]
struct OutageWatch;

impl diesel::r2d2::HandleError<diesel::r2d2::Error> for OutageWatch {
    fn handle_error(&self, error: diesel::r2d2::Error) {
        LAST_CONNECT_FAILURE.store(now_millis(), Ordering::Relaxed);
        if !DATABASE_AWAY.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                "the database cannot be reached: {}",
                error.to_string().trim_end()
            );
        }
    }
}

/// Runs `f` in one write transaction on this thread, for work outside a
/// request (the mail worker).
pub fn write_blocking<T>(
    pool: &DbPool,
    f: impl FnOnce(&mut DbConn) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let mut conn = checkout(pool)?;
    write_tx(&mut conn, f)
}

fn checkout(pool: &DbPool) -> Result<PooledConn, ApiError> {
    let started = std::time::Instant::now();
    loop {
        // Short waits, so a database that goes away while we wait is noticed.
        match pool.get_timeout(Duration::from_millis(100)) {
            Ok(mut conn) => {
                // Shortly after the database was away, a connection that
                // sat in the pool may have been closed by it (a restart
                // ends every session): its first statement would fail and
                // only then would the pool drop it, one failed request per
                // such connection, also after the database is back. Check
                // it first then; a dead one is dropped and another taken.
                let lately_away = now_millis()
                    .saturating_sub(LAST_CONNECT_FAILURE.load(Ordering::Relaxed))
                    < SUSPECT_AFTER_OUTAGE.as_millis() as u64;
                if lately_away && conn.batch_execute("SELECT 1").is_err() {
                    drop(conn);
                    sweep(pool);
                    continue;
                }
                return Ok(conn);
            }
            Err(e) => {
                // Opening connections fails and the pool is not full: the
                // database is away, do not keep the client waiting.
                let outage = now_millis()
                    .saturating_sub(LAST_CONNECT_FAILURE.load(Ordering::Relaxed))
                    < 5_000
                    && pool.state().connections < pool.max_size();
                let waited = started.elapsed();
                if waited >= CHECKOUT_WAIT || (outage && waited >= CHECKOUT_WAIT_IN_OUTAGE) {
                    // The database's own message is logged once per outage
                    // (`OutageWatch`), not with every request.
                    return Err(ApiError::Unavailable(if outage {
                        "no database connection: the database is away".into()
                    } else {
                        e.to_string()
                    }));
                }
            }
        }
    }
}

/// Tests every idle connection of the pool; the dead ones leave it.
///
/// Called when a connection turned out to be closed: what closed it (a
/// restart of the database, an administrator, a firewall's idle timeout)
/// has likely closed the others too, and each would fail the next request
/// that gets it (the pool hands out the last returned first: eight cut
/// connections failed eight requests in a row). A connection whose test
/// failed is marked broken, so the pool drops it when it is returned.
fn sweep(pool: &DbPool) {
    let mut tested = Vec::new();
    for _ in 0..pool.state().idle_connections {
        let Some(mut conn) = pool.try_get() else {
            break;
        };
        let _ = conn.batch_execute("SELECT 1");
        // Held until all are tested, so none is taken twice.
        tested.push(conn);
    }
}

/// After a request failed: if its connection is broken (closed under it),
/// the pool's other connections are checked (`sweep`).
fn check_after_failure<T>(pool: &DbPool, mut conn: PooledConn, result: &Result<T, ApiError>) {
    if result.is_err() && diesel::r2d2::R2D2Connection::is_broken(&mut *conn) {
        drop(conn);
        sweep(pool);
    }
}

/// Runs a read on a blocking thread.
///
/// On SQLite inside one transaction, so every statement sees the same
/// snapshot. On PostgreSQL without one: at its READ COMMITTED level each
/// statement takes its own snapshot even inside a transaction, so `BEGIN`
/// and `COMMIT` would only add two round trips to every read (a network by
/// id: 4 round trips instead of 2). A read that needs a transaction of its
/// own (`SET LOCAL`) opens it.
/// A read on a thread of its own (the mail worker's), as [`read`] does it
/// for a request.
pub fn read_blocking<T>(
    pool: &DbPool,
    f: impl FnOnce(&mut DbConn) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let mut pooled = checkout(pool)?;
    let conn: &mut DbConn = &mut pooled;
    let result = match conn {
        DbConn::Pg(_) => f(conn),
        DbConn::Sqlite(_) => read_tx(conn, f),
    };
    check_after_failure(pool, pooled, &result);
    result
}

pub async fn read<T, F>(pool: &DbPool, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
{
    let pool = pool.clone();
    actix_web::web::block(move || {
        let mut pooled = checkout(&pool)?;
        let conn: &mut DbConn = &mut pooled;
        let result = match conn {
            DbConn::Pg(_) => f(conn),
            DbConn::Sqlite(_) => read_tx(conn, f),
        };
        check_after_failure(&pool, pooled, &result);
        result
    })
    .await
    .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
}

/// A statement without parameters whose SQL never changes (`BEGIN`,
/// `COMMIT`), kept prepared in the connection's statement cache.
///
/// Diesel's transactions send their `BEGIN` and `COMMIT` as text, which
/// SQLite parses anew each time: on a server that is not busy, where the
/// parser's code and tables have left the processor's caches between two
/// requests, `BEGIN` took a median 42 us of every read on this machine, as
/// long as a search over 1,000 networks spent ranking. Kept prepared,
/// search's p50 at 50 req/s went from 0.65 to 0.61 ms on 1,000 networks and
/// from 1.31 to 1.20 ms on 100,000 (SQLite, medians of six alternating
/// rounds).
#[derive(Debug, Clone, Copy)]
struct Verb(&'static str);

impl diesel::query_builder::QueryId for Verb {
    type QueryId = ();
    // Cached by its text.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<DB: diesel::backend::Backend> diesel::query_builder::QueryFragment<DB> for Verb {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        out.push_sql(self.0);
        Ok(())
    }
}

impl<C> RunQueryDsl<C> for Verb {}

/// Runs a read on SQLite inside one transaction (`db::read`), with the
/// prepared `Verb`s instead of diesel's transaction manager. Reads never
/// open transactions of their own. When the transaction cannot be ended,
/// the connection is marked broken, so the pool drops it instead of lending
/// it out inside a transaction.
fn read_tx<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let DbConn::Sqlite(c) = conn else {
        unreachable!("read_tx is for SQLite")
    };
    Verb("BEGIN").execute(c)?;
    let result = f(conn);
    let DbConn::Sqlite(c) = conn else {
        unreachable!("the connection does not change backend")
    };
    let end = Verb(if result.is_ok() { "COMMIT" } else { "ROLLBACK" }).execute(c);
    match end {
        Ok(_) => result,
        Err(e) => {
            AnsiTransactionManager::transaction_manager_status_mut(c).set_in_error();
            result.and(Err(e.into()))
        }
    }
}

/// Runs a write in one transaction on a blocking thread: all of it lands or
/// none of it does.
pub async fn write<T, F>(pool: &DbPool, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
{
    let pool = pool.clone();
    let result = actix_web::web::block(move || {
        let mut conn = checkout(&pool)?;
        let result = write_tx(&mut conn, f);
        check_after_failure(&pool, conn, &result);
        result
    })
    .await;
    // Its transaction has ended: what was read before may be out of date.
    WROTE.with(|w| w.set(true));
    result.map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
}

thread_local! {
    /// Set on the calling thread (an actix worker) when a `write` ends.
    static WROTE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a `write` ended on this thread since the last call. The answers
/// kept for anonymous readers (`cache`) are dropped when it did: a request's
/// own write, or another's on the same worker that ended earlier, which only
/// drops them once more than needed.
pub fn take_wrote() -> bool {
    WROTE.with(|w| w.replace(false))
}

/// The current time as stored: UTC, truncated to whole microseconds so both
/// backends hold the same value.
pub fn now() -> chrono::NaiveDateTime {
    let t = chrono::Utc::now().naive_utc();
    let micros = t.and_utc().timestamp_micros();
    chrono::DateTime::from_timestamp_micros(micros)
        .map(|d| d.naive_utc())
        .unwrap_or(t)
}

/// `column IN (ids)` that keeps its statement prepared.
///
/// Diesel's `eq_any` writes one placeholder per id and, on SQLite, marks the
/// statement as not to be cached, so each page's "topics of these 20 rows"
/// was parsed and planned again (a sixth of a listing's time). This writes
/// the list padded to a multiple of 20 (of 100 past 100 ids) by repeating an
/// id, so a handful of statements per query shape are prepared once and
/// reused; an empty list matches nothing (ids start at 1).
pub fn in_ids<C>(column: C, ids: &[i64]) -> InIds<C> {
    let bucket = if ids.len() <= 100 { 20 } else { 100 };
    let len = ids.len().div_ceil(bucket).max(1) * bucket;
    let mut padded = ids.to_vec();
    padded.resize(len, ids.first().copied().unwrap_or(0));
    InIds {
        column,
        ids: padded,
    }
}

#[derive(Debug, Clone)]
pub struct InIds<C> {
    column: C,
    ids: Vec<i64>,
}

impl<C: diesel::Expression> diesel::Expression for InIds<C> {
    type SqlType = diesel::sql_types::Bool;
}

impl<C, QS> diesel::AppearsOnTable<QS> for InIds<C> where C: diesel::AppearsOnTable<QS> {}

impl<C, QS> diesel::SelectableExpression<QS> for InIds<C> where C: diesel::SelectableExpression<QS> {}

impl<C, GB> diesel::expression::ValidGrouping<GB> for InIds<C>
where
    C: diesel::expression::ValidGrouping<GB>,
{
    type IsAggregate = C::IsAggregate;
}

impl<C> diesel::query_builder::QueryId for InIds<C> {
    type QueryId = ();
    // The SQL depends on the list's length: cached by its text.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<C, DB> diesel::query_builder::QueryFragment<DB> for InIds<C>
where
    DB: diesel::backend::Backend + diesel::sql_types::HasSqlType<diesel::sql_types::BigInt>,
    i64: diesel::serialize::ToSql<diesel::sql_types::BigInt, DB>,
    C: diesel::query_builder::QueryFragment<DB>,
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(" IN (");
        for (i, id) in self.ids.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_bind_param::<diesel::sql_types::BigInt, _>(id)?;
        }
        out.push_sql(")");
        Ok(())
    }
}

/// The values of a comma-separated list column, such as
/// `networks.topic_list`, sorted (topic slugs hold no commas); `""` is none.
pub fn split_list(joined: &str) -> Vec<String> {
    let mut list: Vec<String> = joined
        .split(',')
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect();
    list.sort_unstable();
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use schema::networks;

    fn placeholders(n: usize) -> usize {
        let ids: Vec<i64> = (1..=n as i64).collect();
        let query = networks::table
            .filter(in_ids(networks::id, &ids))
            .select(networks::slug);
        diesel::debug_query::<diesel::sqlite::Sqlite, _>(&query)
            .to_string()
            .matches('?')
            .count()
    }

    #[test]
    fn id_lists_take_a_few_lengths() {
        assert_eq!(placeholders(0), 20);
        assert_eq!(placeholders(1), 20);
        assert_eq!(placeholders(20), 20);
        assert_eq!(placeholders(21), 40);
        assert_eq!(placeholders(100), 100);
        assert_eq!(placeholders(101), 200);
    }

    #[test]
    fn id_lists_match_exactly_their_ids() {
        let mut conn = establish(":memory:").expect("open SQLite in memory");
        crate::migrate(&mut conn).expect("migrate");
        assert!(crate::demo::load(&mut conn).expect("demo data"));
        let ids = |conn: &mut DbConn, wanted: &[i64]| -> Vec<i64> {
            networks::table
                .filter(in_ids(networks::id, wanted))
                .order(networks::id)
                .select(networks::id)
                .load(conn)
                .expect("load")
        };
        let all = ids(&mut conn, &(1..=1000).collect::<Vec<_>>());
        assert!(all.len() > 3, "the demo has networks");
        assert!(ids(&mut conn, &[]).is_empty());
        assert_eq!(ids(&mut conn, &[all[2], all[0]]), vec![all[0], all[2]]);
    }

    /// A read on SQLite sees one snapshot (its prepared `BEGIN` and
    /// `COMMIT`), and one that fails hands its connection back outside a
    /// transaction.
    #[actix_web::test]
    async fn sqlite_reads_see_one_snapshot() {
        /// The database file, removed however the test ends.
        struct File(std::path::PathBuf);
        impl Drop for File {
            fn drop(&mut self) {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
                }
            }
        }
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let file = File(std::env::temp_dir().join(format!(
            "themanet-read-tx-{}-{nanos}.db",
            std::process::id()
        )));
        let url = format!("sqlite://{}", file.0.display());
        let mut setup = establish(&url).expect("open");
        setup
            .batch_execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
            .expect("create");
        fn count(conn: &mut DbConn) -> i64 {
            diesel::dsl::sql::<diesel::sql_types::BigInt>("SELECT COUNT(*) FROM t")
                .get_result(conn)
                .expect("count")
        }
        // One connection, so every read below takes the same one.
        let pool = pool(&url, 1);
        for round in 0..3 {
            let writer = url.clone();
            let (before, after) = read(&pool, move |conn| {
                let before = count(conn);
                // Another connection adds a row meanwhile.
                let mut other = establish(&writer).expect("open");
                other
                    .batch_execute("INSERT INTO t VALUES (2)")
                    .expect("insert");
                Ok((before, count(conn)))
            })
            .await
            .expect("read");
            assert_eq!(before, round + 1);
            assert_eq!(
                after, before,
                "round {round}: the read saw another snapshot"
            );
            let failed: Result<(), ApiError> =
                read(&pool, |_| Err(ApiError::NotFound("nothing".into()))).await;
            assert!(failed.is_err());
        }
        // Still usable for writes: not left inside a transaction.
        let rows = write(&pool, |conn| {
            conn.batch_execute("INSERT INTO t VALUES (3)")?;
            Ok(count(conn))
        })
        .await
        .expect("write");
        assert_eq!(rows, 5);
        drop(pool);
        drop(setup);
        drop(file);
    }
}
