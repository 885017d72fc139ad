//! themanet: a platform for inclusion theme networks. See `docs/code-map.md`
//! for a tour of this crate.

pub mod audit;
pub mod auth;
pub mod backup;
pub mod cache;
pub mod config;
pub mod cors;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod extract;
pub mod generate;
pub mod http;
pub mod logging;
pub mod metrics;
pub mod openapi;
pub mod pagination;
pub mod passwords;
pub mod permissions;
pub mod reference;
pub mod router;
pub mod routes;
pub mod search;
pub mod server;
pub mod sessions;
pub mod throttle;
pub mod transfer;

/// What every handler can reach: the pool, the configuration, the keys.
pub struct AppState {
    pub pool: db::DbPool,
    pub config: config::Config,
    pub keys: auth::Keys,
    pub throttle: throttle::Throttle,
    pub metrics: metrics::Metrics,
    pub rate_limiter: throttle::RateLimiter,
    pub search_stats: std::sync::Arc<search::Stats>,
    /// Where SQLite keeps table rows, to read a search's rows together.
    pub row_pages: std::sync::Arc<db::pages::Prefetch>,
    /// Answers to anonymous readers of public pages (`cache`).
    pub answers: cache::Answers,
    /// False while `serve` waits for a PostgreSQL that was down at start-up
    /// to come and be migrated: the API answers 503 until then.
    pub schema_ready: std::sync::atomic::AtomicBool,
}

impl AppState {
    pub fn new(pool: db::DbPool, config: config::Config) -> AppState {
        let keys = auth::Keys::new(&config.jwt_secret, config.access_token_ttl);
        let row_pages = std::sync::Arc::new(db::pages::Prefetch::new(&config.database_url));
        AppState {
            pool,
            config,
            keys,
            throttle: throttle::Throttle::default(),
            metrics: metrics::Metrics::default(),
            rate_limiter: throttle::RateLimiter::default(),
            search_stats: Default::default(),
            row_pages,
            answers: Default::default(),
            schema_ready: std::sync::atomic::AtomicBool::new(true),
        }
    }
}

/// The version of this API, sent in the `API-Version` header.
pub const API_VERSION: &str = "1.0.0";
