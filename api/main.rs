//! The `themanet` command: serve the platform, and the operator's tasks.

use std::io::BufRead;
use std::sync::atomic::Ordering;

use actix_web::web;
use themanet::operations::config::Config;
use themanet::web::error::ApiError;
use themanet::web::router;
use themanet::{db, demo, AppState};

const HELP: &str = "themanet: platform for inclusion theme networks

Usage: themanet [COMMAND]
       themanet help COMMAND     the help of one command
       themanet --version        the program's version and schema version

Commands:
  serve          Run the API and the web frontend (the default)
  migrate        Apply database migrations, say which, and exit
  create-admin   Make a platform admin: --email EMAIL [--name NAME];
                 the password is read from ADMIN_PASSWORD or standard input.
                 The API's rules for e-mail addresses, passwords and names
                 apply. An existing account with that e-mail becomes admin.
  demo           Load the demo data (only into an empty database; never
                 with THEMANET_ENV=production)
  generate       Add a realistic national dataset for load tests: --networks N
                 --stakeholders N --memberships N --goals N --links N
                 [--seed S] (left out: 100000, 500000, 2000000, 500000, 200000)
  backup FILE    Write a consistent copy of the SQLite database to FILE
                 (readable by its owner only), while the server runs
                 (PostgreSQL: use pg_dump)
  restore FILE   Replace the SQLite database with the backup FILE, after
                 checking it; the replaced file is kept beside it as
                 DATABASE.before-restore-TIME. Refused while a server or
                 another command uses the database (PostgreSQL: pg_restore)
  import KIND FILE --as EMAIL [--encoding utf-8|windows-1252] [--progress]
                 Import networks, stakeholders or knowledge-links from CSV
                 (comma or semicolon, UTF-8 or Windows-1252, found out by
                 itself), checked with the API's rules: all rows or none;
                 every bad row is reported with its line. EMAIL's account
                 becomes coordinator of imported networks and manager of
                 profiles. Stakeholders already there (same kind, name and
                 organisation) and profiles of people with an account are
                 skipped. A progress bar shows on a terminal (--progress:
                 always).
  export KIND [--json] [FILE]
                 Export networks, stakeholders or knowledge-links as CSV
                 (the import's columns) or JSON, to FILE or standard output
  purge          Remove audit events older than AUDIT_RETENTION_DAYS (365),
                 refresh tokens of sessions that ended, the envelopes of
                 mail sent over 30 days ago, used or expired mail links and
                 the deletion feed's rows older than DELETION_RETENTION_DAYS
                 (90); run it daily.
                 backup, export, import and purge never create a database:
                 they refuse when DATABASE_URL names none
  openapi        Print the OpenAPI document (--3.0 for OpenAPI 3.0.3)
  outbox [ID]    List the mail that waits in the outbox (without SMTP_URL
                 all mail waits there), or print mail ID as it would be sent

Configuration comes from the environment; see .env.example.";

fn main() {
    // SAFETY: the process has one thread and no database connection yet.
    unsafe { themanet::db::sqlite_memory_unlocked() };
    // Logs go to standard error: one plain line per event, or one JSON
    // object per line with `LOG_FORMAT=json`. `RUST_LOG` sets the level.
    if let Err(message) = themanet::web::logging::init() {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str).unwrap_or("serve");
    if command != "serve" {
        // A command whose output goes to a pipe that closes early
        // (`themanet export networks | head`) ends quietly, as `cat` does,
        // instead of failing on the closed pipe. The server keeps Rust's
        // default: it must outlive a client that goes away.
        // SAFETY: one thread, before anything is written.
        unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    }
    if args.iter().skip(1).any(|a| a == "--help" || a == "-h") {
        println!("{}", command_help(command));
        return;
    }
    let result = match command {
        "serve" => serve(),
        "migrate" => migrate(),
        "create-admin" => create_admin(&args[1..]),
        "demo" => demo(),
        "generate" => with_db(|conn| themanet::demo::generate::run_cli(conn, &args[1..])),
        "purge" => purge(),
        "outbox" => existing_db(false, |conn| outbox(conn, args.get(1).map(String::as_str))),
        "import" => import(&args[1..]),
        "export" => export(&args[1..]),
        "backup" => match args.get(1) {
            Some(file) => existing_db(false, |conn| {
                themanet::operations::backup::backup(conn, std::path::Path::new(file))?;
                println!("Backup written to {file} (readable by its owner only).");
                Ok(())
            }),
            None => Err("backup needs a file name: themanet backup FILE".into()),
        },
        "restore" => match args.get(1) {
            Some(file) => Config::from_env().and_then(|config| {
                let kept = themanet::operations::backup::restore(
                    &config.database_url,
                    std::path::Path::new(file),
                )?;
                println!("Restored {file}; migrations run when the server starts.");
                if let Some(kept) = kept {
                    println!("The replaced database is kept as {}.", kept.display());
                }
                Ok(())
            }),
            None => Err("restore needs a file name: themanet restore FILE".into()),
        },
        "openapi" => {
            let doc = if args.iter().any(|a| a == "--3.0") {
                router::openapi_3_0()
            } else {
                router::openapi()
            };
            println!("{}", serde_json::to_string_pretty(doc).unwrap_or_default());
            Ok(())
        }
        "--version" | "-V" | "version" => {
            println!("{}", db::version::describe_program());
            Ok(())
        }
        "help" | "--help" | "-h" => {
            match args.get(1) {
                Some(topic) => println!("{}", command_help(topic)),
                None => println!("{HELP}"),
            }
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n\n{HELP}")),
    };
    if let Err(message) = result {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

/// The help of one command: its lines of `HELP`.
fn command_help(command: &str) -> String {
    let mut out = Vec::new();
    let mut inside = false;
    for line in HELP.lines() {
        let starts = line.strip_prefix("  ").is_some_and(|l| !l.starts_with(' '));
        if starts {
            inside = line.split_whitespace().next() == Some(command);
        }
        if inside {
            out.push(line.trim_start().to_string());
        }
    }
    if out.is_empty() {
        HELP.to_string()
    } else {
        format!(
            "themanet {}\n\nConfiguration comes from the environment; see .env.example.",
            out.join("\n")
        )
    }
}

/// Runs `f` on the database, created and migrated when needed (`migrate`,
/// `create-admin`, `demo`, `generate`).
fn with_db(f: impl FnOnce(&mut db::DbConn) -> Result<(), String>) -> Result<(), String> {
    let config = Config::from_env()?;
    let _lock = themanet::operations::backup::DatabaseLock::shared(&config.database_url)?;
    let mut conn = db::establish(&config.database_url)
        .map_err(|e| format!("cannot open the database: {e}"))?;
    themanet::migrate(&mut conn)?;
    f(&mut conn)
}

/// Runs `f` on a database that exists already and is never created or
/// migrated here (`backup`, `export`, `import`, `purge`); with `current`, it
/// must have every migration of this version.
fn existing_db(
    current: bool,
    f: impl FnOnce(&mut db::DbConn) -> Result<(), String>,
) -> Result<(), String> {
    let config = Config::from_env()?;
    db::ensure_exists(&config.database_url)?;
    let _lock = themanet::operations::backup::DatabaseLock::shared(&config.database_url)?;
    let mut conn = db::open_existing(&config.database_url, current)?;
    f(&mut conn)
}

fn migrate() -> Result<(), String> {
    let config = Config::from_env()?;
    let _lock = themanet::operations::backup::DatabaseLock::shared(&config.database_url)?;
    let mut conn = db::establish(&config.database_url)
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let applied = themanet::migrate(&mut conn)?;
    if applied.is_empty() {
        println!(
            "The database was up to date: nothing to do ({}).",
            db::version::describe_program()
        );
    } else {
        println!("Applied {} migration(s):", applied.len());
        for name in &applied {
            println!("  {name}");
        }
        println!(
            "The database now has schema {} (themanet {}).",
            db::version::program_schema(),
            db::version::PROGRAM_VERSION
        );
    }
    Ok(())
}

fn demo() -> Result<(), String> {
    let config = Config::from_env()?;
    if config.production {
        return Err("the demo data is never loaded with THEMANET_ENV=production: its accounts have a published password".into());
    }
    with_db(|conn| {
        let loaded = demo::load(conn).map_err(|e| e.to_string())?;
        println!(
            "{}",
            if loaded {
                "Demo data loaded."
            } else {
                "The database is not empty; nothing loaded."
            }
        );
        Ok(())
    })
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn create_admin(args: &[String]) -> Result<(), String> {
    let email = arg(args, "--email").ok_or("create-admin needs --email EMAIL")?;
    let name = arg(args, "--name").unwrap_or_else(|| "Beheerder".into());
    let password = match std::env::var("ADMIN_PASSWORD") {
        Ok(p) if !p.is_empty() => p,
        _ => {
            eprintln!("Password for {email} (one line):");
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| e.to_string())?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    check_account(&email, &password, &name).map_err(|e| account_errors(&e))?;
    with_db(|conn| {
        let created = themanet::queries::accounts::make_admin(conn, &email, &name, &password)
            .map_err(|e| account_errors(&e))?;
        println!(
            "{email} is now a platform admin{}.",
            if created { " (new account)" } else { "" }
        );
        Ok(())
    })
}

/// The API's own rules for a new account (`POST /auth/register`): its
/// request type's checks of the e-mail address, password and name, and the
/// password rules (`passwords::check`), every invalid field at once.
fn check_account(email: &str, password: &str, name: &str) -> Result<(), ApiError> {
    use themanet::routes::auth::RegisterInput;
    use themanet::web::extract::parse_body;
    let body = serde_json::json!({"email": email, "password": password, "displayName": name});
    let (_, mut errors) = parse_body::<RegisterInput>(body.to_string().as_bytes(), true)?;
    if let Err((code, reason)) = themanet::accounts::passwords::check(password) {
        errors.push(themanet::web::error::InvalidParam::new(
            "password", code, reason,
        ));
    }
    themanet::web::error::ensure_valid(errors)
}

/// Every invalid field, named as on the command line.
fn account_errors(error: &ApiError) -> String {
    match error {
        ApiError::Invalid(params) => params
            .iter()
            .map(|p| {
                let option = match p.name.as_str() {
                    "email" => "--email",
                    "displayName" => "--name",
                    "password" => "the password",
                    other => other,
                };
                format!("{option}: {}", p.reason)
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

fn import(args: &[String]) -> Result<(), String> {
    use std::io::IsTerminal;
    use themanet::operations::transfer::{self, Encoding, Kind, Outcome};
    let usage = "usage: themanet import networks|stakeholders|knowledge-links FILE --as EMAIL [--encoding utf-8|windows-1252] [--progress]";
    let kind = Kind::parse(args.first().ok_or(usage)?)?;
    let file = args.get(1).filter(|f| !f.starts_with("--")).ok_or(usage)?;
    let email = arg(args, "--as").ok_or(usage)?;
    let encoding = match arg(args, "--encoding") {
        Some(name) => Encoding::parse(&name)?,
        None => Encoding::Detect,
    };
    // The bar is for a person watching: on a terminal, or when asked.
    let show = args.iter().any(|a| a == "--progress") || std::io::stderr().is_terminal();
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    existing_db(true, |conn| {
        let viewer = transfer::viewer_for(conn, &email)?;
        let mut shown = None;
        let outcome = transfer::import(conn, &viewer, kind, &bytes, encoding, |done, total| {
            let percent = (done * 100 / total.max(1)) as usize;
            if show && total > 100_000 && shown.is_none_or(|p| percent > p) {
                shown = Some(percent);
                eprint!("\r[{:<50}] {percent:>3}%", "#".repeat(percent / 2));
            }
        })?;
        if shown.is_some() {
            eprintln!();
        }
        match outcome {
            Outcome::Imported(report) => {
                println!(
                    "Imported {} rows from {file} (read as {}, columns separated by {:?}).",
                    report.written, report.encoding, report.delimiter as char
                );
                for row in &report.skipped {
                    println!("{file}:{}: skipped: {}", row.line, row.reason);
                }
                Ok(())
            }
            Outcome::Refused(rows) => {
                for row in &rows {
                    eprintln!("{file}:{}: {}", row.line, row.reason);
                }
                Err(format!(
                    "{} rows are wrong; nothing was imported",
                    rows.len()
                ))
            }
        }
    })
}

fn export(args: &[String]) -> Result<(), String> {
    use themanet::operations::transfer::{self, Kind};
    let kind =
        Kind::parse(args.first().ok_or(
            "usage: themanet export networks|stakeholders|knowledge-links [--json] [FILE]",
        )?)?;
    let json = args.iter().any(|a| a == "--json");
    let file = args.iter().skip(1).find(|a| !a.starts_with("--"));
    existing_db(true, |conn| {
        let count = match file {
            Some(path) => {
                let out =
                    std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?;
                transfer::export(conn, kind, json, std::io::BufWriter::new(out))?
            }
            None => transfer::export(conn, kind, json, std::io::stdout().lock())?,
        };
        eprintln!("Exported {count} rows.");
        Ok(())
    })
}

/// How long the envelope of a sent mail is kept (for the admin's questions
/// about what went out).
const MAIL_DAYS: i64 = 30;

fn purge() -> Result<(), String> {
    let config = Config::from_env()?;
    let days = config.audit_retention_days;
    let deletion_days = config.deletion_retention_days;
    existing_db(true, |conn| {
        let (events, tokens, mail, links, deleted) = db::write_tx(conn, |conn| {
            Ok((
                themanet::audit::purge(conn, days)?,
                themanet::accounts::sessions::purge(conn)?,
                themanet::mail::outbox::purge(conn, MAIL_DAYS)?,
                themanet::accounts::links::purge(conn)?,
                themanet::queries::deletions::purge(conn, deletion_days)?,
            ))
        })
        .map_err(|e| e.to_string())?;
        println!("Removed {events} audit events older than {days} days and {tokens} ended session tokens.");
        println!("Removed {mail} envelopes of mail sent more than {MAIL_DAYS} days ago and {links} used or expired mail links.");
        println!("Removed {deleted} rows of the deletion feed older than {deletion_days} days.");
        Ok(())
    })
}

/// `themanet outbox [ID]`: what waits to be sent, or one mail in full.
fn outbox(conn: &mut db::DbConn, id: Option<&str>) -> Result<(), String> {
    use diesel::prelude::*;
    use themanet::db::models::OutboxMail;
    use themanet::db::schema::outbox;
    let fail = |e: diesel::result::Error| e.to_string();
    match id {
        None => {
            let rows: Vec<OutboxMail> = outbox::table
                .filter(outbox::status.eq("waiting"))
                .order(outbox::id)
                .select(OutboxMail::as_select())
                .load(conn)
                .map_err(fail)?;
            println!("{} mail waiting to be sent", rows.len());
            for m in rows {
                println!(
                    "{:>6}  {}  {:<14}  {}  {}",
                    m.id,
                    m.created_at.format("%Y-%m-%d %H:%M"),
                    m.kind,
                    m.recipient,
                    m.subject
                );
            }
            Ok(())
        }
        Some(id) => {
            let id: i64 = id
                .parse()
                .map_err(|_| format!("outbox ID: {id:?} is not a number"))?;
            let m: OutboxMail = outbox::table
                .find(id)
                .select(OutboxMail::as_select())
                .first(conn)
                .optional()
                .map_err(fail)?
                .ok_or_else(|| format!("there is no mail {id} in the outbox"))?;
            println!("Message-ID: {}\nTo: {}\nSubject: {}\nContent-Language: {}\nStatus: {} ({} attempts)", m.message_id, m.recipient, m.subject, m.language, m.status, m.attempts);
            if let Some(url) = &m.unsubscribe_url {
                println!("List-Unsubscribe: <{url}>");
            }
            println!("\n{}", m.body_text);
            Ok(())
        }
    }
}

/// Why the database could not be prepared.
enum Unprepared {
    /// It cannot be reached (yet): worth waiting for, on PostgreSQL.
    Unreachable(String),
    /// Anything else, such as a schema newer than this program: stop.
    Refused(String),
}

/// Opens the database, applies migrations and loads the demo data when asked.
fn prepare(config: &Config) -> Result<(), Unprepared> {
    let mut conn = db::establish(&config.database_url)
        .map_err(|e| Unprepared::Unreachable(format!("cannot open the database: {e}")))?;
    let applied = themanet::migrate(&mut conn).map_err(Unprepared::Refused)?;
    if !applied.is_empty() {
        tracing::info!("applied migrations: {}", applied.join(", "));
    }
    if demo::wanted(config)
        && demo::load(&mut conn).map_err(|e| Unprepared::Refused(e.to_string()))?
    {
        tracing::info!("empty database: loaded the demo data (set DEMO_DATA=off to start empty)");
    }
    Ok(())
}

fn serve() -> Result<(), String> {
    let config = Config::from_env()?;
    tracing::info!("{}", db::version::describe_program());
    if config.jwt_secret_generated {
        tracing::warn!(
            "JWT_SECRET is not set: using a random key, so sign-ins end when the server restarts"
        );
    }
    if !std::path::Path::new(&config.web_dir).is_dir() {
        tracing::warn!(
            "WEB_DIR {:?} is not a folder (from {}): the web frontend is not served; set WEB_DIR to the folder that holds index.html",
            config.web_dir,
            std::env::current_dir().map_or_else(|_| "?".into(), |d| d.display().to_string())
        );
    }
    // Held while the server runs: `themanet restore` refuses meanwhile.
    let _lock = themanet::operations::backup::DatabaseLock::shared(&config.database_url)?;
    let waiting = match prepare(&config) {
        Ok(()) => None,
        // PostgreSQL may be down while the API starts (a host reboot, a
        // compose stack starting): serve 503s and keep trying.
        Err(Unprepared::Unreachable(e))
            if db::Backend::of_url(&config.database_url) == db::Backend::Postgres =>
        {
            tracing::warn!("{e}; answering 503 until the database is back");
            Some(e)
        }
        Err(Unprepared::Unreachable(e) | Unprepared::Refused(e)) => return Err(e),
    };
    let pool = db::pool(&config.database_url, config.pool_size);
    let bind = config.bind.clone();
    // Database work runs on blocking threads and cannot go faster than the
    // pool: more threads than connections only wait, each with its own
    // stack and malloc arena (the peak memory under saturation).
    let blocking_threads = config.pool_size as usize + 2;
    let mailer = match &config.smtp_url {
        Some(url) => Some(themanet::mail::worker::Mailer::new(url, &config.mail_from)?),
        None => {
            tracing::info!("SMTP_URL is not set: mail waits in the outbox (themanet outbox, or the admin's Postvak page)");
            None
        }
    };
    let mail_base = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", config.bind));
    themanet::webhooks::worker::start(
        pool.clone(),
        themanet::webhooks::worker::Settings {
            allow_loopback: config.webhook_allow_loopback,
            timeout: std::time::Duration::from_secs(config.webhook_timeout_seconds),
            base_url: mail_base.clone(),
        },
    );
    themanet::mail::worker::start(pool.clone(), mailer, mail_base);
    let state = web::Data::new(AppState::new(pool, config));
    if db::Backend::of_url(&state.config.database_url) == db::Backend::Postgres {
        db::changes::listen(
            state.config.database_url.clone(),
            state.clone().into_inner(),
        );
    }
    if let Some(mut last) = waiting {
        state.schema_ready.store(false, Ordering::SeqCst);
        let state = state.clone();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(std::time::Duration::from_secs(1));
                match prepare(&state.config) {
                    Ok(()) => {
                        state.schema_ready.store(true, Ordering::SeqCst);
                        tracing::info!("the database is back and migrated: serving");
                        break;
                    }
                    Err(Unprepared::Refused(e)) => {
                        tracing::error!("{e}");
                        std::process::exit(1);
                    }
                    // Said once, and again only when the reason changes.
                    Err(Unprepared::Unreachable(e)) if e != last => {
                        tracing::warn!("{e}; trying again");
                        last = e;
                    }
                    Err(Unprepared::Unreachable(_)) => {}
                }
            }
        });
    }
    let _ = router::openapi();
    actix_web::rt::System::new().block_on(async move {
        let server = themanet::web::server::bind(state, &bind, blocking_threads)?;
        for addr in server.addrs {
            tracing::info!("themanet listens on http://{addr}");
        }
        server.server.await.map_err(|e| e.to_string())
    })
}
