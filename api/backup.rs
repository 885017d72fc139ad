//! Backups of an SQLite database, online: `VACUUM INTO` writes a consistent
//! copy while the server keeps running. PostgreSQL is backed up with its own
//! tools (`pg_dump`), see docs/operations.md.

use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::db::{self, DbConn};

fn sqlite_only(conn: &DbConn) -> Result<(), String> {
    match conn {
        DbConn::Sqlite(_) => Ok(()),
        DbConn::Pg(_) => Err("on PostgreSQL, back up with pg_dump and restore with pg_restore (see docs/operations.md)".into()),
    }
}

/// Writes a consistent copy of the open SQLite database to `target`.
pub fn backup(conn: &mut DbConn, target: &Path) -> Result<(), String> {
    sqlite_only(conn)?;
    if target.exists() {
        return Err(format!(
            "{} exists already; choose a new file",
            target.display()
        ));
    }
    let path = target
        .to_str()
        .ok_or("the backup path must be valid UTF-8")?;
    let DbConn::Sqlite(c) = conn else {
        return sqlite_only(conn);
    };
    diesel::sql_query("VACUUM INTO $1")
        .bind::<diesel::sql_types::Text, _>(path)
        .execute(c)
        .map_err(|e| format!("backup failed: {e}"))?;
    Ok(())
}

/// Replaces the SQLite database file at `database_url` with the backup at
/// `source`, after checking that the backup is intact. Stop the server first.
/// The file is swapped in one rename, so an interrupted restore leaves the
/// old database as it was.
pub fn restore(database_url: &str, source: &Path) -> Result<(), String> {
    if db::Backend::of_url(database_url) != db::Backend::Sqlite {
        return Err("on PostgreSQL, restore with pg_restore (see docs/operations.md)".into());
    }
    let mut check = db::establish(&format!("sqlite://{}", source.display()))
        .map_err(|e| format!("cannot open the backup: {e}"))?;
    let DbConn::Sqlite(c) = &mut check else {
        return Err("not an SQLite backup".into());
    };
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let result: Vec<Check> = diesel::sql_query("PRAGMA integrity_check")
        .load(c)
        .map_err(|e| format!("the backup is damaged: {e}"))?;
    if result.first().map(|r| r.integrity_check.as_str()) != Some("ok") {
        return Err("the backup is damaged (integrity check failed)".into());
    }
    c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")
        .map_err(|e| e.to_string())?;
    drop(check);
    let target = Path::new(db::sqlite_path(database_url));
    let temporary = target.with_extension("restoring");
    std::fs::copy(source, &temporary).map_err(|e| format!("cannot copy the backup: {e}"))?;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
    }
    std::fs::rename(&temporary, target)
        .map_err(|e| format!("cannot put the backup in place: {e}"))?;
    Ok(())
}
