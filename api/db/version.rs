//! The schema version: which migrations a database has, against the ones
//! this program knows. A database that has a migration this program does not
//! know was migrated by a newer version, and is refused; one that lacks the
//! migrations table is not a themanet database.

use diesel::backend::Backend as DieselBackend;
use diesel::migration::MigrationSource;
use diesel::prelude::*;
use diesel_migrations::MigrationHarness;

use super::{Backend, DbConn, PG_MIGRATIONS, SQLITE_MIGRATIONS};

/// The table in which diesel records the migrations a database has.
const TABLE: &str = "__diesel_schema_migrations";

/// The version of this program (`Cargo.toml`).
pub const PROGRAM_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The names of the migrations this program knows, oldest first
/// (`2026-11-23-000001_init`, ...), and their versions (`20261123000001`).
fn known<DB: DieselBackend>(source: &impl MigrationSource<DB>) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = source
        .migrations()
        .unwrap_or_default()
        .iter()
        .map(|m| (m.name().to_string(), m.name().version().to_string()))
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    list
}

/// The migrations this program knows on `backend`, oldest first, as
/// (name, version).
pub fn known_migrations(backend: Backend) -> Vec<(String, String)> {
    match backend {
        Backend::Postgres => known::<diesel::pg::Pg>(&PG_MIGRATIONS),
        Backend::Sqlite => known::<diesel::sqlite::Sqlite>(&SQLITE_MIGRATIONS),
    }
}

/// This program's schema version: its newest migration's version
/// (`20261206000016`). The same on both backends (`tests/migrations.rs`).
pub fn program_schema() -> &'static str {
    static SCHEMA: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        known_migrations(Backend::Sqlite)
            .last()
            .map(|(_, version)| version.clone())
            .unwrap_or_default()
    })
}

/// `themanet 0.1.0, schema 20261206000016`.
pub fn describe_program() -> String {
    format!("themanet {PROGRAM_VERSION}, schema {}", program_schema())
}

/// Where a database stands against this program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaState {
    /// No migrations table: empty, or not a themanet database.
    Missing,
    /// Only migrations this program knows; `pending` of them still to run.
    Known { newest: String, pending: usize },
    /// Migrations this program does not know: a newer version made them.
    Newer {
        newest: String,
        unknown: Vec<String>,
    },
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = diesel::sql_types::Text)]
    version: String,
}

#[derive(QueryableByName)]
struct Present {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    present: bool,
}

/// The versions recorded in the database's migrations table, without
/// creating that table (diesel's own harness would), or `None` without one.
pub fn applied_versions(conn: &mut DbConn) -> QueryResult<Option<Vec<String>>> {
    let present = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(format!(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{TABLE}') AS present"
        ))
        .get_result::<Present>(c)?,
        DbConn::Pg(c) => {
            diesel::sql_query(format!("SELECT to_regclass('{TABLE}') IS NOT NULL AS present"))
                .get_result::<Present>(c)?
        }
    };
    if !present.present {
        return Ok(None);
    }
    let query = diesel::sql_query(format!(
        "SELECT CAST(version AS TEXT) AS version FROM {TABLE} ORDER BY version"
    ));
    let rows: Vec<Version> = match conn {
        DbConn::Sqlite(c) => query.load(c)?,
        DbConn::Pg(c) => query.load(c)?,
    };
    Ok(Some(rows.into_iter().map(|r| r.version).collect()))
}

/// Where the database stands against this program's migrations.
pub fn schema_state(conn: &mut DbConn) -> Result<SchemaState, String> {
    let applied = applied_versions(conn)
        .map_err(|e| format!("cannot read the database's migrations: {e}"))?;
    let Some(applied) = applied else {
        return Ok(SchemaState::Missing);
    };
    let known: Vec<String> = known_migrations(conn.backend())
        .into_iter()
        .map(|(_, version)| version)
        .collect();
    let newest = applied.last().cloned().unwrap_or_default();
    let unknown: Vec<String> = applied
        .iter()
        .filter(|v| !known.contains(v))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Ok(SchemaState::Newer { newest, unknown });
    }
    let pending = known.iter().filter(|v| !applied.contains(v)).count();
    Ok(SchemaState::Known { newest, pending })
}

/// The refusal of a database that a newer version migrated, naming both
/// versions.
pub fn newer_schema_message(newest: &str, unknown: &[String]) -> String {
    format!(
        "the database has schema {newest}, newer than this program's schema {} \
         (themanet {PROGRAM_VERSION}; migrations it does not know: {}). A newer \
         version of themanet migrated it: run that version, or restore a backup \
         made for this one",
        program_schema(),
        unknown.join(", ")
    )
}

/// Refuses a database that a newer version migrated.
pub fn ensure_not_newer(conn: &mut DbConn) -> Result<SchemaState, String> {
    match schema_state(conn)? {
        SchemaState::Newer { newest, unknown } => Err(newer_schema_message(&newest, &unknown)),
        state => Ok(state),
    }
}

/// Applies every pending migration of the schema; returns the names of
/// those applied. A database with migrations this program does not know is
/// refused, and nothing is changed. `crate::migrate` runs this, then what
/// the migrations leave to Rust.
pub fn migrate_schema(conn: &mut DbConn) -> Result<Vec<String>, String> {
    ensure_not_newer(conn)?;
    let known = known_migrations(conn.backend());
    fn versions(list: Vec<diesel::migration::MigrationVersion<'_>>) -> Vec<String> {
        list.iter().map(|version| version.to_string()).collect()
    }
    let applied = match conn {
        DbConn::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS).map(versions),
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(versions),
    }
    .map_err(|e| format!("migration failed: {e}"))?;
    Ok(applied
        .into_iter()
        .map(|version| {
            known
                .iter()
                .find(|(_, v)| *v == version)
                .map_or(version.clone(), |(name, _)| name.clone())
        })
        .collect())
}
