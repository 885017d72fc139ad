//! The `themanet` command: serve the platform, and the operator's tasks.

use std::io::BufRead;
use std::sync::atomic::Ordering;

use actix_web::web;
use themanet::config::Config;
use themanet::{db, demo, router, AppState};

const HELP: &str = "themanet: platform for inclusion theme networks

Usage: themanet [COMMAND]

Commands:
  serve          Run the API and the web frontend (the default)
  migrate        Apply database migrations and exit
  create-admin   Make a platform admin: --email EMAIL [--name NAME];
                 the password is read from ADMIN_PASSWORD or standard input.
                 An existing account with that e-mail becomes admin.
  demo           Load the demo data (only into an empty database)
  generate       Add a realistic national dataset for load tests: --networks N
                 --stakeholders N --memberships N --goals N --links N
                 [--seed S] (left out: 100000, 500000, 2000000, 500000, 200000)
  backup FILE    Write a consistent copy of the SQLite database to FILE,
                 while the server runs (PostgreSQL: use pg_dump)
  restore FILE   Replace the SQLite database with the backup FILE (stop the
                 server first; PostgreSQL: use pg_restore)
  import KIND FILE --as EMAIL
                 Import networks, stakeholders or knowledge-links from CSV,
                 checked with the API's rules: all rows or none; every bad
                 row is reported with its line. EMAIL's account becomes
                 coordinator of imported networks and manager of profiles.
  export KIND [--json] [FILE]
                 Export networks, stakeholders or knowledge-links as CSV
                 (the import's columns) or JSON, to FILE or standard output
  purge          Remove audit events older than AUDIT_RETENTION_DAYS (365)
                 and refresh tokens of sessions that ended; run it daily
  openapi        Print the OpenAPI document (--3.0 for OpenAPI 3.0.3)

Configuration comes from the environment; see .env.example.";

fn main() {
    // SAFETY: the process has one thread and no database connection yet.
    unsafe { themanet::db::sqlite_memory_unlocked() };
    // Logs go to standard error: one plain line per event, or one JSON
    // object per line with `LOG_FORMAT=json`. `RUST_LOG` sets the level.
    if let Err(message) = themanet::logging::init() {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str).unwrap_or("serve");
    if args.iter().skip(1).any(|a| a == "--help" || a == "-h") {
        println!("{}", command_help(command));
        return;
    }
    let result = match command {
        "serve" => serve(),
        "migrate" => with_db(|_| Ok(())),
        "create-admin" => create_admin(&args[1..]),
        "demo" => with_db(|conn| {
            demo::load(conn)
                .map(|loaded| {
                    println!(
                        "{}",
                        if loaded {
                            "Demo data loaded."
                        } else {
                            "The database is not empty; nothing loaded."
                        }
                    );
                })
                .map_err(|e| e.to_string())
        }),
        "generate" => with_db(|conn| themanet::generate::run_cli(conn, &args[1..])),
        "purge" => purge(),
        "import" => import(&args[1..]),
        "export" => export(&args[1..]),
        "backup" => match args.get(1) {
            Some(file) => with_db(|conn| {
                themanet::backup::backup(conn, std::path::Path::new(file))?;
                println!("Backup written to {file}.");
                Ok(())
            }),
            None => Err("backup needs a file name: themanet backup FILE".into()),
        },
        "restore" => match args.get(1) {
            Some(file) => Config::from_env().and_then(|config| {
                themanet::backup::restore(&config.database_url, std::path::Path::new(file))?;
                println!("Restored {file}; migrations run when the server starts.");
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
        "help" | "--help" | "-h" => {
            println!("{HELP}");
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

fn with_db(f: impl FnOnce(&mut db::DbConn) -> Result<(), String>) -> Result<(), String> {
    let config = Config::from_env()?;
    let mut conn = db::establish(&config.database_url)
        .map_err(|e| format!("cannot open the database: {e}"))?;
    db::migrate(&mut conn)?;
    f(&mut conn)
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
    with_db(|conn| {
        let created = themanet::routes::auth::make_admin(conn, &email, &name, &password)
            .map_err(|e| e.to_string())?;
        println!(
            "{email} is now a platform admin{}.",
            if created { " (new account)" } else { "" }
        );
        Ok(())
    })
}

fn import(args: &[String]) -> Result<(), String> {
    use themanet::transfer::{self, Kind, Outcome};
    let usage = "usage: themanet import networks|stakeholders|knowledge-links FILE --as EMAIL";
    let kind = Kind::parse(args.first().ok_or(usage)?)?;
    let file = args.get(1).filter(|f| !f.starts_with("--")).ok_or(usage)?;
    let email = arg(args, "--as").ok_or(usage)?;
    let size = std::fs::metadata(file)
        .map_err(|e| format!("cannot read {file}: {e}"))?
        .len()
        .max(1);
    let reader = std::fs::File::open(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    with_db(|conn| {
        let viewer = transfer::viewer_for(conn, &email)?;
        let mut shown = 0;
        let outcome = transfer::import(
            conn,
            &viewer,
            kind,
            std::io::BufReader::new(reader),
            |bytes| {
                // A progress bar on standard error, for large files.
                let percent = (bytes * 100 / size) as usize;
                if size > 1_000_000 && percent > shown {
                    shown = percent;
                    eprint!("\r[{:<50}] {percent:>3}%", "#".repeat(percent / 2));
                }
            },
        )?;
        if shown > 0 {
            eprintln!();
        }
        match outcome {
            Outcome::Imported(n) => {
                println!("Imported {n} rows from {file}.");
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
    use themanet::transfer::{self, Kind};
    let kind =
        Kind::parse(args.first().ok_or(
            "usage: themanet export networks|stakeholders|knowledge-links [--json] [FILE]",
        )?)?;
    let json = args.iter().any(|a| a == "--json");
    let file = args.iter().skip(1).find(|a| !a.starts_with("--"));
    with_db(|conn| {
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

fn purge() -> Result<(), String> {
    let days = Config::from_env()?.audit_retention_days;
    with_db(|conn| {
        let (events, tokens) = db::write_tx(conn, |conn| {
            Ok((
                themanet::audit::purge(conn, days)?,
                themanet::sessions::purge(conn)?,
            ))
        })
        .map_err(|e| e.to_string())?;
        println!("Removed {events} audit events older than {days} days and {tokens} ended session tokens.");
        Ok(())
    })
}

/// Opens the database, applies migrations and loads the demo data when asked.
fn prepare(config: &Config) -> Result<(), String> {
    let mut conn = db::establish(&config.database_url)
        .map_err(|e| format!("cannot open the database: {e}"))?;
    db::migrate(&mut conn)?;
    if demo::wanted(config) && demo::load(&mut conn).map_err(|e| e.to_string())? {
        tracing::info!("empty database: loaded the demo data (set DEMO_DATA=off to start empty)");
    }
    Ok(())
}

fn serve() -> Result<(), String> {
    let config = Config::from_env()?;
    if config.jwt_secret_generated {
        tracing::warn!(
            "JWT_SECRET is not set: using a random key, so sign-ins end when the server restarts"
        );
    }
    let prepared = prepare(&config);
    let waiting = match prepared {
        Ok(()) => false,
        // PostgreSQL may be down while the API starts (a host reboot, a
        // compose stack starting): serve 503s and keep trying.
        Err(e) if db::Backend::of_url(&config.database_url) == db::Backend::Postgres => {
            tracing::warn!("{e}; answering 503 until the database is back");
            true
        }
        Err(e) => return Err(e),
    };
    let pool = db::pool(&config.database_url, config.pool_size);
    let bind = config.bind.clone();
    // Database work runs on blocking threads and cannot go faster than the
    // pool: more threads than connections only wait, each with its own
    // stack and malloc arena (the peak memory under saturation).
    let blocking_threads = config.pool_size as usize + 2;
    let state = web::Data::new(AppState::new(pool, config));
    if waiting {
        state.schema_ready.store(false, Ordering::SeqCst);
        let state = state.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
            match prepare(&state.config) {
                Ok(()) => {
                    state.schema_ready.store(true, Ordering::SeqCst);
                    tracing::info!("the database is back and migrated: serving");
                    break;
                }
                Err(e) => tracing::warn!("{e}; trying again"),
            }
        });
    }
    let _ = router::openapi();
    actix_web::rt::System::new().block_on(async move {
        let server = themanet::server::bind(state, &bind, blocking_threads)?;
        for addr in server.addrs {
            tracing::info!("themanet listens on http://{addr}");
        }
        server.server.await.map_err(|e| e.to_string())
    })
}
