//! Configuration, read from the environment once at start-up. Every variable
//! is documented in `.env.example`; a wrong value stops the server with a
//! message naming the variable.

use std::ops::RangeInclusive;

#[derive(Clone, Debug)]
pub struct Config {
    /// `postgres://...` or `sqlite://path`; default: `sqlite://themanet.db`.
    pub database_url: String,
    /// Address to listen on; default `127.0.0.1:8080`.
    pub bind: String,
    /// `THEMANET_ENV=production`: refuses unsafe settings.
    pub production: bool,
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
    /// How long the deletion feed keeps what left the synced collections,
    /// in days (`themanet purge`); an `updatedSince` before that is refused.
    pub deletion_retention_days: i64,
    /// The public base URL (for `_links` and `Location`); by default taken from
    /// the request's Host header.
    pub public_url: Option<String>,
    pub pool_size: u32,
    /// Folder with the web frontend; default `web`.
    pub web_dir: String,
    /// Bearer token that opens `/metrics` to other hosts than this one.
    pub metrics_token: Option<String>,
    /// Behind a reverse proxy: take the client's address from
    /// `X-Forwarded-For` (for throttling). Only set it when the proxy
    /// overwrites that header.
    pub trusted_proxy: bool,
    /// Writes (POST, PATCH, DELETE) a minute per client address; 0 is off.
    pub rate_limit_writes: u32,
    /// Searches (`q=`) a minute per client address; 0 is off.
    pub rate_limit_searches: u32,
    /// How long anonymous answers to public reads are kept (`cache`), in
    /// seconds: how long other instances' changes can take to show to
    /// visitors. 0 is off.
    pub public_cache_seconds: u64,
    /// Send `Strict-Transport-Security` (when served over https).
    pub hsts: bool,
    /// `DEMO_DATA`: whether `serve` loads the demo data into an empty
    /// database. Never in production.
    pub demo_data: DemoData,
    /// Web origins (`https://host[:port]`) whose pages may call the private
    /// endpoints from the browser (CORS with credentials). Public reads are
    /// open to every origin without this.
    pub allowed_origins: Vec<String>,
    /// `SMTP_URL`: the SMTP server mail goes through (`smtp://host:port`,
    /// `smtp://user:password@host:587?tls=required`, `smtps://...`). Without
    /// it nothing is sent: mail waits in the outbox, which admins read.
    pub smtp_url: Option<String>,
    /// `MAIL_FROM`: the sender of every mail, `Name <address>`.
    pub mail_from: String,
    /// `DOCUMENT_MAX_MB`: the largest document a member may share.
    /// `WEBHOOK_ALLOW_LOOPBACK`: webhooks may go to `http` and loopback
    /// addresses (development and tests; never private networks).
    pub webhook_allow_loopback: bool,
    /// `WEBHOOK_TIMEOUT_SECONDS`: how long a webhook receiver has to answer.
    pub webhook_timeout_seconds: u64,
    pub document_max_bytes: usize,
    /// `DOCUMENT_QUOTA_MB`: the documents of one network together.
    pub document_quota_bytes: i64,
}

/// `DEMO_DATA`: `auto` (the default: an empty SQLite database gets the demo
/// data, except in production), `on` or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoData {
    Auto,
    On,
    Off,
}

/// Secrets that examples and tutorials use; never accepted in production.
const PLACEHOLDERS: &[&str] = &[
    "change-me",
    "changeme",
    "secret",
    "your-secret",
    "jwt-secret",
    "example",
    "xxxxxxxx",
];

fn number(
    get: &dyn Fn(&str) -> Option<String>,
    name: &str,
    default: i64,
    range: RangeInclusive<i64>,
    unit: &str,
) -> Result<i64, String> {
    match get(name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|v| range.contains(v))
            .ok_or_else(|| {
                format!(
                    "{name} must be a number of {unit} between {} and {} (it is {v:?})",
                    range.start(),
                    range.end()
                )
            }),
    }
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        Config::from_lookup(&|name| std::env::var(name).ok())
    }

    /// Reads the configuration from any source of variables (tests pass a map).
    pub fn from_lookup(lookup: &dyn Fn(&str) -> Option<String>) -> Result<Config, String> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let production = match get("THEMANET_ENV").as_deref().map(str::trim) {
            None | Some("development") => false,
            Some("production") => true,
            Some(other) => {
                return Err(format!(
                    "THEMANET_ENV must be production or development (it is {other:?})"
                ))
            }
        };
        // The key itself, or a file that holds it (a Docker or Kubernetes
        // secret mounted as a file); surrounding white space is ignored.
        let secret = match (get("JWT_SECRET"), get("JWT_SECRET_FILE")) {
            (Some(_), Some(_)) => return Err("set JWT_SECRET or JWT_SECRET_FILE, not both".into()),
            (None, Some(path)) => Some(read_secret("JWT_SECRET_FILE", &path)?),
            (secret, None) => secret,
        };
        let (jwt_secret, jwt_secret_generated) = match secret.filter(|s| !s.is_empty()) {
            Some(s) if s.len() < 32 => return Err("JWT_SECRET must be at least 32 characters long".into()),
            Some(s) if production && (PLACEHOLDERS.iter().any(|p| s.to_lowercase().contains(p)) || distinct(&s) < 10) => {
                return Err("JWT_SECRET looks like an example value; make one with: openssl rand -base64 48".into())
            }
            Some(s) => (s.into_bytes(), false),
            None if production => return Err("JWT_SECRET is required when THEMANET_ENV=production".into()),
            None => (random_secret(), true),
        };
        let public_url = get("PUBLIC_URL").map(|u| u.trim().trim_end_matches('/').to_string());
        match &public_url {
            Some(u) if !(u.starts_with("http://") || u.starts_with("https://")) => {
                return Err("PUBLIC_URL must start with http:// or https://".into())
            }
            Some(u) if production && !u.starts_with("https://") => {
                return Err(
                    "PUBLIC_URL must start with https:// when THEMANET_ENV=production".into(),
                )
            }
            None if production => {
                return Err("PUBLIC_URL is required when THEMANET_ENV=production".into())
            }
            _ => {}
        }
        let mut database_url = get("DATABASE_URL")
            .map(|u| u.trim().to_string())
            .unwrap_or_else(|| "sqlite://themanet.db".into());
        let backend = crate::db::Backend::parse(&database_url)?;
        // The PostgreSQL password from a file (a Docker secret), so that it
        // need not be written into DATABASE_URL, nor limited to what a URL
        // holds unencoded.
        if let Some(path) = get("DATABASE_PASSWORD_FILE") {
            if backend != crate::db::Backend::Postgres {
                return Err("DATABASE_PASSWORD_FILE is only for a postgres:// DATABASE_URL".into());
            }
            let password = read_secret("DATABASE_PASSWORD_FILE", &path)?;
            let mut url = url::Url::parse(&database_url)
                .map_err(|e| format!("DATABASE_URL is not a valid URL: {e}"))?;
            if url.password().is_some() {
                return Err("DATABASE_URL holds a password and DATABASE_PASSWORD_FILE is set: keep one of the two".into());
            }
            url.set_password(Some(&password)).map_err(|()| {
                "DATABASE_URL needs a user name for DATABASE_PASSWORD_FILE".to_string()
            })?;
            database_url = url.to_string();
        }
        let demo_data = match get("DEMO_DATA")
            .map(|v| v.trim().to_ascii_lowercase())
            .as_deref()
        {
            None | Some("auto") => DemoData::Auto,
            Some("on" | "true" | "yes" | "1") => DemoData::On,
            Some("off" | "false" | "no" | "0") => DemoData::Off,
            Some(other) => {
                return Err(format!(
                    "DEMO_DATA must be auto, on or off (it is {other:?})"
                ))
            }
        };
        if production && demo_data == DemoData::On {
            return Err("DEMO_DATA=on is refused when THEMANET_ENV=production: the demo accounts have a published password".into());
        }
        let metrics_token = get("METRICS_TOKEN");
        if metrics_token.as_ref().is_some_and(|t| t.len() < 16) {
            return Err("METRICS_TOKEN must be at least 16 characters long".into());
        }
        let trusted_proxy = match get("TRUSTED_PROXY").as_deref().map(str::trim) {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                return Err(format!(
                    "TRUSTED_PROXY must be true or false (it is {other:?})"
                ))
            }
        };
        let hsts = match get("HSTS").as_deref().map(str::trim) {
            None => public_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://")),
            Some("true") => true,
            Some("false") => false,
            Some(other) => return Err(format!("HSTS must be true or false (it is {other:?})")),
        };
        let allowed_origins = match get("ALLOWED_ORIGINS") {
            None => Vec::new(),
            Some(list) => list
                .split([',', ' '])
                .filter(|o| !o.is_empty())
                .map(origin)
                .collect::<Result<Vec<_>, _>>()?,
        };
        let smtp_url = get("SMTP_URL").map(|u| u.trim().to_string());
        if let Some(u) = &smtp_url {
            if !(u.starts_with("smtp://") || u.starts_with("smtps://")) {
                return Err("SMTP_URL must start with smtp:// or smtps://".into());
            }
            if production && get("MAIL_FROM").is_none() {
                return Err(
                    "MAIL_FROM is required with SMTP_URL when THEMANET_ENV=production".into(),
                );
            }
        }
        let mail_from = get("MAIL_FROM")
            .map(|m| m.trim().to_string())
            .unwrap_or_else(|| "themanet <noreply@themanet.localhost>".into());
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(format!("MAIL_FROM must be an address such as: themanet <noreply@example.org> (it is {mail_from:?})"));
        }
        let webhook_allow_loopback = match get("WEBHOOK_ALLOW_LOOPBACK").as_deref() {
            None | Some("false") | Some("0") | Some("") => false,
            Some("true") | Some("1") => true,
            Some(other) => {
                return Err(format!(
                    "WEBHOOK_ALLOW_LOOPBACK must be true or false (it is {other:?})"
                ))
            }
        };
        if webhook_allow_loopback && production {
            return Err("WEBHOOK_ALLOW_LOOPBACK is for development and tests, not with THEMANET_ENV=production".into());
        }
        Ok(Config {
            webhook_allow_loopback,
            webhook_timeout_seconds: number(&get, "WEBHOOK_TIMEOUT_SECONDS", 10, 1..=10, "seconds")?
                as u64,
            document_max_bytes: number(&get, "DOCUMENT_MAX_MB", 20, 1..=200, "megabytes")? as usize
                * 1024
                * 1024,
            document_quota_bytes: number(
                &get,
                "DOCUMENT_QUOTA_MB",
                500,
                1..=1_000_000,
                "megabytes",
            )? * 1024
                * 1024,
            smtp_url,
            mail_from,
            allowed_origins,
            rate_limit_writes: number(
                &get,
                "RATE_LIMIT_WRITES",
                120,
                0..=100_000,
                "requests a minute",
            )? as u32,
            rate_limit_searches: number(
                &get,
                "RATE_LIMIT_SEARCHES",
                300,
                0..=100_000,
                "requests a minute",
            )? as u32,
            public_cache_seconds: number(&get, "PUBLIC_CACHE_SECONDS", 10, 0..=300, "seconds")?
                as u64,
            hsts,
            trusted_proxy,
            database_url,
            demo_data,
            bind: get("BIND_ADDRESS").unwrap_or_else(|| "127.0.0.1:8080".into()),
            production,
            jwt_secret,
            jwt_secret_generated,
            access_token_ttl: number(&get, "ACCESS_TOKEN_TTL", 900, 30..=86_400, "seconds")?,
            refresh_token_days: number(&get, "REFRESH_TOKEN_DAYS", 30, 1..=365, "days")?,
            audit_retention_days: number(&get, "AUDIT_RETENTION_DAYS", 365, 1..=3650, "days")?,
            deletion_retention_days: number(&get, "DELETION_RETENTION_DAYS", 90, 1..=3650, "days")?,
            public_url,
            pool_size: number(&get, "DATABASE_POOL_SIZE", 8, 1..=200, "connections")? as u32,
            web_dir: get("WEB_DIR").unwrap_or_else(|| "web".into()),
            metrics_token,
        })
    }

    /// A configuration for tests and tools: the given database, defaults
    /// elsewhere, a random signing key.
    pub fn for_database(database_url: &str) -> Config {
        let mut config =
            Config::from_lookup(&|_| None).unwrap_or_else(|_| unreachable!("defaults are valid"));
        config.database_url = database_url.to_string();
        config.bind = "127.0.0.1:0".into();
        config.pool_size = 4;
        // Tests send many requests from one address; the rate limit test
        // turns it on.
        config.rate_limit_writes = 0;
        config.rate_limit_searches = 0;
        config
    }
}

/// One entry of `ALLOWED_ORIGINS`, as browsers send it in `Origin`:
/// scheme, host and port, no path, no wildcard.
fn origin(text: &str) -> Result<String, String> {
    let wrong = |why: &str| Err(format!("ALLOWED_ORIGINS: {text:?} {why}"));
    if text == "*" || text.contains('*') {
        return wrong(
            "is a wildcard; list each site (public reads are open to every origin already)",
        );
    }
    let Some((scheme, rest)) = text.split_once("://") else {
        return wrong("must look like https://gemeente.example.nl");
    };
    if scheme != "https" && scheme != "http" {
        return wrong("must start with https:// or http://");
    }
    let host = rest.strip_suffix('/').unwrap_or(rest);
    // `[::1]:8080`, `localhost:3000`, `gemeente.example.nl`
    let (name, port) = match host.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((address, "")) => (address, None),
            Some((address, port)) => (address, port.strip_prefix(':')),
            None => return wrong("must be scheme://host[:port], without a path"),
        },
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    let name_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|p| p > 0));
    if !name_ok || !port_ok {
        return wrong("must be scheme://host[:port], without a path");
    }
    Ok(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// The content of a secret file named by variable `name`, without the
/// white space around it.
fn read_secret(name: &str, path: &str) -> Result<String, String> {
    Ok(std::fs::read_to_string(path.trim())
        .map_err(|e| format!("{name} {path:?} cannot be read: {e}"))?
        .trim()
        .to_string())
}

fn distinct(text: &str) -> usize {
    text.chars().collect::<std::collections::HashSet<_>>().len()
}

fn random_secret() -> Vec<u8> {
    use rand::RngCore;
    let mut bytes = vec![0u8; 48];
    rand::rng().fill_bytes(&mut bytes);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, String> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(&|name| map.get(name).cloned())
    }

    const GOOD_SECRET: &str = "Zq3v9PfL0xRk2mWb8sTy4nHc6jUe1aDg";

    #[test]
    fn no_configuration_is_a_working_configuration() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, "sqlite://themanet.db");
        assert_eq!(c.bind, "127.0.0.1:8080");
        assert!(c.jwt_secret_generated && !c.production);
    }

    #[test]
    fn wrong_values_name_the_variable() {
        for (name, value) in [
            ("ACCESS_TOKEN_TTL", "5"),
            ("ACCESS_TOKEN_TTL", "lang"),
            ("DATABASE_POOL_SIZE", "0"),
            ("REFRESH_TOKEN_DAYS", "999"),
            ("AUDIT_RETENTION_DAYS", "-1"),
            ("DELETION_RETENTION_DAYS", "0"),
            ("PUBLIC_URL", "themanet.nl"),
            ("JWT_SECRET", "kort"),
            ("THEMANET_ENV", "prod"),
            ("METRICS_TOKEN", "abc"),
            ("ALLOWED_ORIGINS", "*"),
            ("ALLOWED_ORIGINS", "https://*.example.nl"),
            ("ALLOWED_ORIGINS", "gemeente.example.nl"),
            ("ALLOWED_ORIGINS", "https://gemeente.example.nl/app"),
            ("ALLOWED_ORIGINS", "ftp://gemeente.example.nl"),
            ("ALLOWED_ORIGINS", "https://gemeente.example.nl:99999"),
            ("ALLOWED_ORIGINS", "https://ok.example.nl, https://"),
            ("DATABASE_URL", "mysql://user:pass@localhost/themanet"),
            ("DATABASE_URL", "themanet.db"),
            ("DEMO_DATA", "misschien"),
        ] {
            let error = config(&[(name, value)]).unwrap_err();
            assert!(error.contains(name), "{error}");
        }
    }

    #[test]
    fn allowed_origins_are_read_as_browsers_send_them() {
        let c = config(&[(
            "ALLOWED_ORIGINS",
            "https://Gemeente.Example.nl/, http://localhost:3000 http://[::1]:8081",
        )])
        .unwrap();
        assert_eq!(
            c.allowed_origins,
            [
                "https://gemeente.example.nl",
                "http://localhost:3000",
                "http://[::1]:8081"
            ]
        );
        assert!(config(&[]).unwrap().allowed_origins.is_empty());
    }

    #[test]
    fn production_refuses_default_or_weak_secrets() {
        let base = [
            ("THEMANET_ENV", "production"),
            ("PUBLIC_URL", "https://themanet.example.nl"),
        ];
        assert!(config(&base)
            .unwrap_err()
            .contains("JWT_SECRET is required"));
        let weak = [
            base[0],
            base[1],
            ("JWT_SECRET", "change-me-change-me-change-me-change-me"),
        ];
        assert!(config(&weak).unwrap_err().contains("example value"));
        let repeated = [
            base[0],
            base[1],
            ("JWT_SECRET", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ];
        assert!(config(&repeated).is_err());
        let http = [
            base[0],
            ("PUBLIC_URL", "http://themanet.example.nl"),
            ("JWT_SECRET", GOOD_SECRET),
        ];
        assert!(config(&http).unwrap_err().contains("https"));
        let good = [base[0], base[1], ("JWT_SECRET", GOOD_SECRET)];
        let c = config(&good).unwrap();
        assert!(c.production && !c.jwt_secret_generated);
    }

    #[test]
    fn only_postgres_and_sqlite_urls_are_accepted() {
        let error = config(&[("DATABASE_URL", "mysql://u:p@db/themanet")]).unwrap_err();
        assert!(
            error.contains("postgres://") && error.contains("sqlite://") && error.contains("mysql"),
            "{error}"
        );
        for url in [
            "postgres://u@db/themanet",
            "postgresql://u@db/themanet",
            "sqlite://themanet.db",
            "sqlite:///var/lib/themanet/themanet.db",
        ] {
            assert_eq!(config(&[("DATABASE_URL", url)]).unwrap().database_url, url);
        }
    }

    #[test]
    fn the_database_password_can_come_from_a_file() {
        let path = std::env::temp_dir().join(format!("themanet-dbpw-{}", std::process::id()));
        std::fs::write(&path, "p@ss/w:rd #1\n").unwrap();
        let file = path.to_string_lossy().to_string();
        let with = |url: &str| {
            let (url, file) = (url.to_string(), file.clone());
            Config::from_lookup(&move |n| match n {
                "DATABASE_URL" => Some(url.clone()),
                "DATABASE_PASSWORD_FILE" => Some(file.clone()),
                _ => None,
            })
        };
        assert_eq!(
            with("postgres://themanet@db:5432/themanet")
                .unwrap()
                .database_url,
            "postgres://themanet:p%40ss%2Fw%3Ard%20%231@db:5432/themanet"
        );
        assert!(with("postgres://themanet:x@db/themanet")
            .unwrap_err()
            .contains("one of the two"));
        assert!(with("sqlite://themanet.db")
            .unwrap_err()
            .contains("DATABASE_PASSWORD_FILE"));
        std::fs::remove_file(&path).unwrap();
        assert!(with("postgres://themanet@db/themanet")
            .unwrap_err()
            .contains("cannot be read"));
    }

    #[test]
    fn production_never_asks_for_demo_data() {
        let production = [
            ("THEMANET_ENV", "production"),
            ("PUBLIC_URL", "https://themanet.example.nl"),
            ("JWT_SECRET", GOOD_SECRET),
        ];
        let error = config(&[
            production[0],
            production[1],
            production[2],
            ("DEMO_DATA", "on"),
        ])
        .unwrap_err();
        assert!(error.contains("DEMO_DATA"), "{error}");
        assert_eq!(config(&production).unwrap().demo_data, DemoData::Auto);
        assert_eq!(
            config(&[("DEMO_DATA", "off")]).unwrap().demo_data,
            DemoData::Off
        );
    }

    #[test]
    fn the_secret_can_come_from_a_file() {
        let path = std::env::temp_dir().join(format!("themanet-secret-{}", std::process::id()));
        std::fs::write(&path, format!("{GOOD_SECRET}\n")).unwrap();
        let file = path.to_string_lossy().to_string();
        let c = Config::from_lookup(&|n| (n == "JWT_SECRET_FILE").then(|| file.clone())).unwrap();
        assert_eq!(c.jwt_secret, GOOD_SECRET.as_bytes());
        assert!(!c.jwt_secret_generated);
        let both = Config::from_lookup(&|n| match n {
            "JWT_SECRET_FILE" => Some(file.clone()),
            "JWT_SECRET" => Some(GOOD_SECRET.into()),
            _ => None,
        });
        assert!(both.unwrap_err().contains("not both"));
        std::fs::remove_file(&path).unwrap();
        let missing = Config::from_lookup(&|n| (n == "JWT_SECRET_FILE").then(|| file.clone()));
        assert!(missing.unwrap_err().contains("cannot be read"));
    }
}
