//! themanet: a platform for inclusion theme networks. See `docs/code-map.md`
//! for a tour of this crate.

// The rooms of the crate, from the request inwards:
// - `web`: the HTTP layer (server, router, extractors, paging, errors, CORS,
//   the answer cache, metrics, logging, the OpenAPI document);
// - `routes`: one folder per resource, one file per action;
// - `permissions`: who may see and do what;
// - `accounts`: passwords, tokens, sessions, throttling;
// - `queries`: the queries several handlers share, which keep the search
//   index in step;
// - `search`: the Dutch analyser, the index and ranking;
// - `db`: connections, transactions, the write kernel, rows, the schema;
// - `domain`, `reference`, `audit`: the words of the domain, the reference
//   lists, the audit log;
// - `operations`: configuration, backup and restore, CSV import and export;
// - `demo`: the demo data and the load generator, outside the product's core.
pub mod accounts;
pub mod audit;
pub mod convention;
pub mod db;
pub mod demo;
pub mod domain;
pub mod mail;
pub mod maps;
pub mod markdown;
pub mod operations;
pub mod permissions;
pub mod queries;
pub mod reference;
pub mod routes;
pub mod search;
pub mod web;
pub mod webhooks;

/// What every handler can reach: the pool, the configuration, the keys.
pub struct AppState {
    pub pool: db::DbPool,
    pub config: operations::config::Config,
    pub keys: accounts::auth::Keys,
    pub throttle: accounts::throttle::Throttle,
    pub metrics: web::metrics::Metrics,
    pub rate_limiter: accounts::throttle::RateLimiter,
    pub search_stats: std::sync::Arc<search::Stats>,
    /// Answers to anonymous readers of public pages (`cache`).
    pub answers: web::cache::Answers,
    /// False while `serve` waits for a PostgreSQL that was down at start-up
    /// to come and be migrated: the API answers 503 until then.
    pub schema_ready: std::sync::atomic::AtomicBool,
}

/// What an instance shares with the others on one PostgreSQL database.
impl db::changes::Neighbours for AppState {
    fn changed(&self) {
        self.answers.forget_all();
    }

    fn taken_here(&self) -> Vec<(String, u32)> {
        self.rate_limiter.drain_taken()
    }

    fn taken_elsewhere(&self, key: &str, count: u32) {
        self.rate_limiter.taken_elsewhere(key, count);
    }
}

impl AppState {
    pub fn new(pool: db::DbPool, config: operations::config::Config) -> AppState {
        let keys = accounts::auth::Keys::new(&config.jwt_secret, config.access_token_ttl);
        // Every instance on one PostgreSQL database counts the same failed
        // sign-ins; SQLite has one process.
        let throttle = if db::Backend::of_url(&config.database_url) == db::Backend::Postgres {
            accounts::throttle::Throttle::shared(pool.clone())
        } else {
            accounts::throttle::Throttle::default()
        };
        let rate_limiter = if db::Backend::of_url(&config.database_url) == db::Backend::Postgres {
            accounts::throttle::RateLimiter::shared()
        } else {
            accounts::throttle::RateLimiter::default()
        };
        AppState {
            pool,
            config,
            keys,
            throttle,
            metrics: web::metrics::Metrics::default(),
            rate_limiter,
            search_stats: Default::default(),
            answers: Default::default(),
            schema_ready: std::sync::atomic::AtomicBool::new(true),
        }
    }
}

/// Migrates a database: the schema (`db::migrate_schema`), then what its
/// migrations leave to Rust. Returns the names of the migrations applied; a
/// database that a newer version migrated is refused, and nothing changes.
pub fn migrate(conn: &mut db::DbConn) -> Result<Vec<String>, String> {
    let applied = db::migrate_schema(conn)?;
    // Migration 8's second half: the old single postings become blocks.
    search::convert_postings(conn).map_err(|e| format!("migration failed: {e}"))?;
    // Migration 15's: indexes rebuilt in Rust.
    queries::reindex_marked(conn).map_err(|e| format!("migration failed: {e}"))?;
    Ok(applied)
}

/// The version of this API, sent in the `API-Version` header.
pub const API_VERSION: &str = "1.0.0";
