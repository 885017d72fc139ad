//! Configuration, read from the environment once at start-up. Every variable
//! is documented in `.env.example`.

use std::env;

#[derive(Clone, Debug)]
pub struct Config {
    /// `postgres://...` or `sqlite://path`; default: `sqlite://themanet.db`.
    pub database_url: String,
    /// Address to listen on; default `127.0.0.1:8080`.
    pub bind: String,
    /// Secret for signing access tokens (at least 32 bytes).
    pub jwt_secret: Vec<u8>,
    /// True when `JWT_SECRET` was not set and a random one is used.
    pub jwt_secret_generated: bool,
    /// Lifetime of an access token, in seconds.
    pub access_token_ttl: i64,
    /// Absolute lifetime of a session (a refresh token family), in days.
    pub refresh_token_days: i64,
    /// How long audit events are kept, in days (`themanet purge`).
    pub audit_retention_days: i64,
    /// The public base URL (for `_links` and `Location`); by default taken from
    /// the request's Host header.
    pub public_url: Option<String>,
    pub pool_size: u32,
    /// Folder with the web frontend; default `web`.
    pub web_dir: String,
}

fn var(name: &str) -> Option<String> {
    env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let database_url = var("DATABASE_URL").unwrap_or_else(|| "sqlite://themanet.db".into());
        let bind = var("BIND_ADDRESS").unwrap_or_else(|| "127.0.0.1:8080".into());
        let (jwt_secret, jwt_secret_generated) = match var("JWT_SECRET") {
            Some(s) if s.len() >= 32 => (s.into_bytes(), false),
            Some(_) => return Err("JWT_SECRET must be at least 32 characters long".into()),
            None => (random_secret(), true),
        };
        let access_token_ttl = match var("ACCESS_TOKEN_TTL") {
            None => 900,
            Some(v) => v
                .parse::<i64>()
                .ok()
                .filter(|v| (30..=86_400).contains(v))
                .ok_or("ACCESS_TOKEN_TTL must be a number of seconds between 30 and 86400")?,
        };
        let refresh_token_days = match var("REFRESH_TOKEN_DAYS") {
            None => 30,
            Some(v) => v
                .parse::<i64>()
                .ok()
                .filter(|v| (1..=365).contains(v))
                .ok_or("REFRESH_TOKEN_DAYS must be a number of days between 1 and 365")?,
        };
        let audit_retention_days = match var("AUDIT_RETENTION_DAYS") {
            None => 365,
            Some(v) => v
                .parse::<i64>()
                .ok()
                .filter(|v| (1..=3650).contains(v))
                .ok_or("AUDIT_RETENTION_DAYS must be a number of days between 1 and 3650")?,
        };
        let pool_size = match var("DATABASE_POOL_SIZE") {
            None => 8,
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|v| (1..=200).contains(v))
                .ok_or("DATABASE_POOL_SIZE must be a number between 1 and 200")?,
        };
        let public_url = var("PUBLIC_URL").map(|u| u.trim_end_matches('/').to_string());
        if let Some(u) = &public_url {
            if !(u.starts_with("http://") || u.starts_with("https://")) {
                return Err("PUBLIC_URL must start with http:// or https://".into());
            }
        }
        Ok(Config {
            database_url,
            bind,
            jwt_secret,
            jwt_secret_generated,
            access_token_ttl,
            refresh_token_days,
            audit_retention_days,
            public_url,
            pool_size,
            web_dir: var("WEB_DIR").unwrap_or_else(|| "web".into()),
        })
    }

    /// A configuration for tests and tools: the given database, defaults
    /// elsewhere, a random signing key.
    pub fn for_database(database_url: &str) -> Config {
        Config {
            database_url: database_url.to_string(),
            bind: "127.0.0.1:0".into(),
            jwt_secret: random_secret(),
            jwt_secret_generated: true,
            access_token_ttl: 900,
            refresh_token_days: 30,
            audit_retention_days: 365,
            public_url: None,
            pool_size: 4,
            web_dir: "web".into(),
        }
    }
}

fn random_secret() -> Vec<u8> {
    use rand::RngCore;
    let mut bytes = vec![0u8; 48];
    rand::rng().fill_bytes(&mut bytes);
    bytes
}
