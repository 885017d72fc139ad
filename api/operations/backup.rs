//! Backups of an SQLite database, online: `VACUUM INTO` writes a consistent
//! copy while the server keeps running. PostgreSQL is backed up with its own
//! tools (`pg_dump`), see docs/operations.md.
//!
//! Every process that opens an SQLite database through the `themanet`
//! command holds a shared lock on a file beside it (`themanet.db.lock`,
//! `DatabaseLock`) for as long as it runs; `restore` takes that lock
//! exclusively, so it refuses while a server (or an import, a backup...)
//! uses the database, and nothing starts while a restore runs. The kernel
//! releases the lock when a process ends, however it ends.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::db::version::{self, SchemaState};
use crate::db::{self, DbConn};

fn sqlite_only(conn: &DbConn) -> Result<(), String> {
    match conn {
        DbConn::Sqlite(_) => Ok(()),
        DbConn::Pg(_) => Err("on PostgreSQL, back up with pg_dump and restore with pg_restore (see docs/operations.md)".into()),
    }
}

/// The lock file of an SQLite database: its path with `.lock` added.
pub fn lock_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_os_string();
    name.push(".lock");
    PathBuf::from(name)
}

/// A lock on an SQLite database's lock file, held until dropped (or until
/// the process ends).
#[derive(Debug)]
pub struct DatabaseLock {
    _file: std::fs::File,
}

impl DatabaseLock {
    /// The lock of a process that uses the database (`serve`, and every
    /// command that opens it): many may hold it at once. Refused while a
    /// restore replaces the database. `None` on PostgreSQL.
    pub fn shared(database_url: &str) -> Result<Option<DatabaseLock>, String> {
        if db::Backend::of_url(database_url) != db::Backend::Sqlite {
            return Ok(None);
        }
        let database = Path::new(db::sqlite_path(database_url));
        DatabaseLock::take(database, libc::LOCK_SH)
            .map(Some)
            .map_err(|held| match held {
                Held::ByOthers => format!(
                    "{} is being restored (themanet restore holds {}); start again when it has finished",
                    database.display(),
                    lock_path(database).display()
                ),
                Held::Error(e) => e,
            })
    }

    /// The lock of `restore`: only when no other process uses the database.
    fn exclusive(database: &Path) -> Result<DatabaseLock, String> {
        DatabaseLock::take(database, libc::LOCK_EX).map_err(|held| match held {
            Held::ByOthers => format!(
                "a themanet server or command is using {} (it holds {}): stop the server first, then restore; nothing was changed",
                database.display(),
                lock_path(database).display()
            ),
            Held::Error(e) => e,
        })
    }

    fn take(database: &Path, mode: libc::c_int) -> Result<DatabaseLock, Held> {
        let path = lock_path(database);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(&path)
            .map_err(|e| Held::Error(format!("cannot open {}: {e}", path.display())))?;
        // SAFETY: flock on a file descriptor this function owns.
        let done = unsafe { libc::flock(file.as_raw_fd(), mode | libc::LOCK_NB) };
        if done == 0 {
            return Ok(DatabaseLock { _file: file });
        }
        let error = std::io::Error::last_os_error();
        if error.kind() == std::io::ErrorKind::WouldBlock {
            Err(Held::ByOthers)
        } else {
            Err(Held::Error(format!(
                "cannot lock {}: {error}",
                path.display()
            )))
        }
    }
}

enum Held {
    ByOthers,
    Error(String),
}

/// Writes a consistent copy of the open SQLite database to `target`,
/// readable by its owner only (mode 0600: it holds personal data). An
/// existing file is never overwritten.
pub fn backup(conn: &mut DbConn, target: &Path) -> Result<(), String> {
    sqlite_only(conn)?;
    let path = target
        .to_str()
        .ok_or("the backup path must be valid UTF-8")?;
    // Made here, empty and private, so SQLite writes into it (VACUUM INTO
    // takes an empty file) and it is never readable by others.
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(target)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{} exists already; choose a new file", target.display())
            }
            _ => format!("cannot write {}: {e}", target.display()),
        })?;
    let DbConn::Sqlite(c) = conn else {
        return sqlite_only(conn);
    };
    let written = diesel::sql_query("VACUUM INTO $1")
        .bind::<diesel::sql_types::Text, _>(path)
        .execute(c);
    if let Err(e) = written {
        let _ = std::fs::remove_file(target);
        return Err(format!("backup failed: {e}"));
    }
    Ok(())
}

/// `file` with `suffix` added to its name.
fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Checks that the SQLite file at `path` is intact and a themanet database
/// of a schema this program knows, and folds its write-ahead log in.
fn check_backup(path: &Path, source: &Path) -> Result<(), String> {
    let mut check = db::establish(&format!("sqlite://{}", path.display()))
        .map_err(|e| format!("{} is not an SQLite database: {e}", source.display()))?;
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
        .map_err(|e| format!("{} is damaged or not a database: {e}", source.display()))?;
    if result.first().map(|r| r.integrity_check.as_str()) != Some("ok") {
        return Err(format!(
            "{} is damaged (integrity check failed)",
            source.display()
        ));
    }
    match version::schema_state(&mut check)? {
        SchemaState::Missing => {
            return Err(format!(
                "{} is not a themanet database (it has no migrations table)",
                source.display()
            ))
        }
        SchemaState::Newer { newest, unknown } => {
            return Err(version::newer_schema_message(&newest, &unknown))
        }
        SchemaState::Known { .. } => {}
    }
    let DbConn::Sqlite(c) = &mut check else {
        return Err("not an SQLite backup".into());
    };
    c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// Replaces the SQLite database file at `database_url` with the backup at
/// `source`; returns where the replaced database was kept.
///
/// Refused, with nothing changed, when the source does not exist, is
/// damaged, is not a themanet database or has a schema newer than this
/// program, and while any process uses the database (`DatabaseLock`). The
/// replaced database is kept beside it as
/// `<database>.before-restore-<UTC time>` (with its write-ahead log, if
/// any). The backup is copied and checked before anything is replaced, and
/// put in place with a rename.
pub fn restore(database_url: &str, source: &Path) -> Result<Option<PathBuf>, String> {
    if db::Backend::of_url(database_url) != db::Backend::Sqlite {
        return Err("on PostgreSQL, restore with pg_restore (see docs/operations.md)".into());
    }
    if !source.is_file() {
        return Err(format!(
            "{} does not exist or is not a file; nothing was changed",
            source.display()
        ));
    }
    let target = Path::new(db::sqlite_path(database_url));
    let _lock = DatabaseLock::exclusive(target)?;
    let temporary = with_suffix(target, ".restoring");
    let cleanup = |temporary: &Path| {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(with_suffix(temporary, suffix));
        }
    };
    cleanup(&temporary);
    let copied = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&temporary)
        .and_then(|mut out| std::io::copy(&mut std::fs::File::open(source)?, &mut out));
    if let Err(e) = copied {
        cleanup(&temporary);
        return Err(format!("cannot copy the backup: {e}; nothing was changed"));
    }
    if let Err(e) = check_backup(&temporary, source) {
        cleanup(&temporary);
        return Err(format!("{e}; nothing was changed"));
    }
    let kept = if target.exists() {
        let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
        let kept = with_suffix(target, &format!(".before-restore-{stamp}"));
        std::fs::rename(target, &kept).map_err(|e| {
            cleanup(&temporary);
            format!("cannot move the database aside: {e}; nothing was changed")
        })?;
        // Its write-ahead log holds its latest changes: it goes with it.
        let wal = with_suffix(target, "-wal");
        if wal.exists() {
            std::fs::rename(&wal, with_suffix(&kept, "-wal"))
                .map_err(|e| format!("cannot move {}: {e}", wal.display()))?;
        }
        let _ = std::fs::remove_file(with_suffix(target, "-shm"));
        Some(kept)
    } else {
        None
    };
    std::fs::rename(&temporary, target)
        .map_err(|e| format!("cannot put the backup in place: {e}"))?;
    cleanup(&temporary);
    Ok(kept)
}
