//! Asking the kernel for a SQLite table's rows all at once.
//!
//! SQLite reads a page at a time and waits for each. When the rows a search
//! shows are not in the kernel's cache, 20 rows scattered over a large table
//! are 20 disk reads one after the other: on the benchmark's machine, which
//! evicts file pages not read for a minute, a search over 100,000 networks
//! waited for 15 of them (1.3 ms) when nothing was cached. Told first which
//! pages will be read (`posix_fadvise(WILLNEED)`), the kernel reads them
//! together: 24 uncached pages took 0.41 ms that way against 1.10 ms one by
//! one.
//!
//! To know a row's page, `Prefetch` reads the interior pages of the table's
//! B-tree from the database file (the file format is SQLite's stable,
//! documented one: <https://www.sqlite.org/fileformat.html>) and keeps which
//! leaf page holds which range of row ids. It is only a hint: a map made
//! before a change (or from a page whose newest version is still in the
//! write-ahead log) names a wrong page now and then, and the kernel then
//! reads one page in vain. What SQLite reads is never affected.

use std::collections::HashMap;
use std::fs::File;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::prelude::*;

use super::DbConn;

/// How long a table's map is used before it is read again: rows added since
/// are found on pages the old map does not know (the kernel is then told
/// nothing or the wrong page for them).
const MAP_TTL: Duration = Duration::from_secs(30);

/// A table with more leaf pages than this is not mapped (the map takes 16
/// bytes per leaf: 4 MB at most).
const MAX_LEAVES: usize = 256 * 1024;

/// The row pages of the tables of one SQLite database file; does nothing
/// on PostgreSQL (whose cache is its own shared memory, which the kernel
/// does not evict) or for a database without a file.
pub struct Prefetch {
    /// The database file, opened at first use (the server may make it after
    /// this is made): `None` on PostgreSQL or when it cannot be opened.
    path: Option<std::path::PathBuf>,
    file: std::sync::OnceLock<Option<File>>,
    maps: Mutex<HashMap<&'static str, Arc<LeafMap>>>,
}

/// Leaf pages of one table in row id order: `(last row id, page number)`,
/// the last leaf with `i64::MAX`.
struct LeafMap {
    read_at: Instant,
    /// `None`: the table could not be mapped (not tried again before
    /// `MAP_TTL`).
    leaves: Option<Vec<(i64, u32)>>,
    page_size: u64,
}

impl Prefetch {
    /// For the database at `url` (`DATABASE_URL`).
    pub fn new(url: &str) -> Prefetch {
        let path = match super::Backend::of_url(url) {
            super::Backend::Sqlite => Some(super::sqlite_path(url).into()),
            super::Backend::Postgres => None,
        };
        Prefetch {
            path,
            file: std::sync::OnceLock::new(),
            maps: Mutex::default(),
        }
    }

    /// Tells the kernel that the rows `ids` of `table` (a rowid table) will
    /// be read soon. Errors are ignored: this only makes reads faster.
    pub fn rows(&self, conn: &mut DbConn, table: &'static str, ids: &[i64]) {
        if !matches!(conn, DbConn::Sqlite(_)) {
            return;
        }
        let file = self
            .file
            .get_or_init(|| self.path.as_ref().and_then(|p| File::open(p).ok()));
        let Some(file) = file else {
            return;
        };
        let map = self.map(conn, file, table);
        let (Some(leaves), page_size) = (&map.leaves, map.page_size) else {
            return;
        };
        let mut pages: Vec<u32> = ids
            .iter()
            .filter_map(|&id| {
                let i = leaves.partition_point(|&(last, _)| last < id);
                leaves.get(i).map(|&(_, page)| page)
            })
            .collect();
        pages.sort_unstable();
        pages.dedup();
        for page in pages.into_iter().filter(|&p| p > 0) {
            advise(file, u64::from(page - 1) * page_size, page_size);
        }
    }

    fn map(&self, conn: &mut DbConn, file: &File, table: &'static str) -> Arc<LeafMap> {
        {
            let maps = self.maps.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(map) = maps.get(table) {
                if map.read_at.elapsed() < MAP_TTL {
                    return map.clone();
                }
            }
        }
        // Read without the lock: two searches may both read a stale map, and
        // the later one's is kept.
        let (page_size, leaves) = match read_map(conn, file, table) {
            Some((size, leaves)) => (size, Some(leaves)),
            None => (0, None),
        };
        let map = Arc::new(LeafMap {
            read_at: Instant::now(),
            leaves,
            page_size,
        });
        self.maps
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(table, map.clone());
        map
    }
}

#[cfg(unix)]
fn advise(file: &File, offset: u64, len: u64) {
    use std::os::fd::AsRawFd;
    let (Ok(offset), Ok(len)) = (offset.try_into(), len.try_into()) else {
        return;
    };
    // SAFETY: a hint about a file this struct keeps open; no memory is
    // passed.
    unsafe {
        libc::posix_fadvise(file.as_raw_fd(), offset, len, libc::POSIX_FADV_WILLNEED);
    }
}

#[cfg(not(unix))]
fn advise(_: &File, _: u64, _: u64) {}

#[derive(QueryableByName)]
struct RootPage {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    rootpage: i64,
}

/// The page size and the leaves of `table`'s B-tree, or `None` when the
/// file does not hold what SQLite's format says it should.
fn read_map(conn: &mut DbConn, file: &File, table: &str) -> Option<(u64, Vec<(i64, u32)>)> {
    let DbConn::Sqlite(c) = conn else {
        return None;
    };
    let root =
        diesel::sql_query("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?")
            .bind::<diesel::sql_types::Text, _>(table)
            .get_result::<RootPage>(c)
            .ok()?
            .rootpage;
    let root = u32::try_from(root).ok().filter(|&r| r > 1)?;
    let mut header = [0u8; 100];
    read_at(file, &mut header, 0)?;
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if !page_size.is_power_of_two() || page_size < 512 {
        return None;
    }
    let mut page = vec![0u8; page_size as usize];
    // Every leaf is equally deep: find the depth down the leftmost path,
    // then read only the interior pages above the leaves.
    let mut depth = 0;
    let mut at = root;
    loop {
        read_at(file, &mut page, u64::from(at.checked_sub(1)?) * page_size)?;
        match page[0] {
            0x0d => break,
            0x05 => {
                let first = cells(&page).next()?;
                at = first?.0;
                depth += 1;
            }
            _ => return None,
        }
        if depth > 20 {
            return None;
        }
    }
    let mut leaves = Vec::new();
    if depth == 0 {
        leaves.push((i64::MAX, root));
    } else {
        walk(file, &mut page, root, i64::MAX, depth, &mut leaves)?;
    }
    Some((page_size, leaves))
}

/// Appends the leaves under interior page `at` (`levels` above the leaves),
/// whose rows have ids up to `last`.
fn walk(
    file: &File,
    page: &mut Vec<u8>,
    at: u32,
    last: i64,
    levels: u32,
    leaves: &mut Vec<(i64, u32)>,
) -> Option<()> {
    let size = page.len() as u64;
    read_at(file, page, u64::from(at.checked_sub(1)?) * size)?;
    if page[0] != 0x05 {
        return None;
    }
    let mut children: Vec<(u32, i64)> = cells(page).collect::<Option<_>>()?;
    children.push((u32::from_be_bytes(page[8..12].try_into().ok()?), last));
    for (child, key) in children {
        if levels == 1 {
            leaves.push((key, child));
            if leaves.len() > MAX_LEAVES {
                return None;
            }
        } else {
            walk(file, page, child, key, levels - 1, leaves)?;
        }
    }
    Some(())
}

/// The cells of an interior table page: (left child, its last row id).
fn cells(page: &[u8]) -> impl Iterator<Item = Option<(u32, i64)>> + '_ {
    let count = usize::from(u16::from_be_bytes([page[3], page[4]]));
    (0..count).map(move |i| {
        let pointer = page.get(12 + 2 * i..14 + 2 * i)?;
        let at = usize::from(u16::from_be_bytes([pointer[0], pointer[1]]));
        let child = u32::from_be_bytes(page.get(at..at + 4)?.try_into().ok()?);
        let key = varint(page.get(at + 4..)?)?;
        Some((child, key))
    })
}

/// SQLite's variable-length integer: up to 8 bytes of 7 bits, then one of 8.
fn varint(bytes: &[u8]) -> Option<i64> {
    let mut value: u64 = 0;
    for (i, &b) in bytes.iter().enumerate().take(9) {
        if i == 8 {
            return Some(((value << 8) | u64::from(b)) as i64);
        }
        value = (value << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            return Some(value as i64);
        }
    }
    None
}

fn read_at(file: &File, buf: &mut [u8], offset: u64) -> Option<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset).ok()
    }
    #[cfg(not(unix))]
    {
        let _ = (file, buf, offset);
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use diesel::connection::SimpleConnection;
    use diesel::sqlite::SqliteConnection;

    /// The row ids on a leaf page of a table: each cell is its payload's
    /// length, then the row id.
    fn leaf_rowids(page: &[u8]) -> Vec<i64> {
        assert_eq!(page[0], 0x0d, "a leaf page of a table");
        let count = usize::from(u16::from_be_bytes([page[3], page[4]]));
        (0..count)
            .map(|i| {
                let at = usize::from(u16::from_be_bytes([page[8 + 2 * i], page[9 + 2 * i]]));
                let mut skip = at;
                while page[skip] & 0x80 != 0 {
                    skip += 1;
                }
                varint(&page[skip + 1..]).unwrap()
            })
            .collect()
    }

    #[test]
    fn every_row_is_on_the_leaf_the_map_names() {
        let dir = std::env::temp_dir().join(format!("themanet-pages-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("pages.db");
        let _ = std::fs::remove_file(&path);
        let mut c = SqliteConnection::establish(path.to_str().unwrap()).unwrap();
        // Small pages make a deep tree (three levels of interior pages)
        // from few rows; gaps in the ids as deleted rows leave them.
        c.batch_execute(
            "PRAGMA page_size = 512;
             CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
             INSERT INTO t SELECT i * 3, printf('%.*c', 40 + i % 90, 'x') FROM n;",
        )
        .unwrap();
        let mut conn = DbConn::Sqlite(c);
        let file = File::open(&path).unwrap();
        let (page_size, leaves) = read_map(&mut conn, &file, "t").expect("a map");
        assert_eq!(page_size, 512);
        assert!(
            leaves.len() > 55 * 55,
            "{} leaves: three levels",
            leaves.len()
        );
        assert!(leaves.windows(2).all(|w| w[0].0 < w[1].0));
        let mut page = vec![0u8; 512];
        let mut seen = 0;
        for (i, &(last, leaf)) in leaves.iter().enumerate() {
            read_at(&file, &mut page, u64::from(leaf - 1) * 512).unwrap();
            let ids = leaf_rowids(&page);
            let after = if i == 0 { i64::MIN } else { leaves[i - 1].0 };
            assert!(
                ids.iter().all(|&id| id > after && id <= last),
                "leaf {leaf}"
            );
            seen += ids.len();
        }
        assert_eq!(seen, 20_000, "every row on one of the leaves");
        assert!(read_map(&mut conn, &file, "missing").is_none());

        // Through `Prefetch`, for the ids a search would show.
        let prefetch = Prefetch::new(&format!("sqlite://{}", path.display()));
        prefetch.rows(&mut conn, "t", &[3, 30_000, 59_997, 70_000]);
        let maps = prefetch.maps.lock().unwrap();
        assert_eq!(maps["t"].leaves.as_ref().map(Vec::len), Some(leaves.len()));
        drop(maps);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_small_table_is_one_leaf_and_no_file_is_no_map() {
        let dir = std::env::temp_dir().join(format!("themanet-pages-small-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("small.db");
        let mut c = SqliteConnection::establish(path.to_str().unwrap()).unwrap();
        c.batch_execute("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2);")
            .unwrap();
        let mut conn = DbConn::Sqlite(c);
        let file = File::open(&path).unwrap();
        let (_, leaves) = read_map(&mut conn, &file, "t").expect("a map");
        assert_eq!(leaves.len(), 1);
        assert_eq!(leaves[0].0, i64::MAX);

        // A damaged root page (an interior page with more cells than fit,
        // or a child past the end of the file) gives no map, and no panic.
        let root = leaves[0].1;
        let size = read_map(&mut conn, &file, "t").unwrap().0;
        for damage in [[0x05, 0, 0, 0xff, 0xff], [0x05, 0, 0, 0, 1]] {
            let mut page = vec![0u8; size as usize];
            page[..5].copy_from_slice(&damage);
            std::os::unix::fs::FileExt::write_all_at(
                &std::fs::OpenOptions::new().write(true).open(&path).unwrap(),
                &page,
                u64::from(root - 1) * size,
            )
            .unwrap();
            assert!(read_map(&mut conn, &File::open(&path).unwrap(), "t").is_none());
        }
        std::fs::remove_dir_all(&dir).unwrap();

        // A database in memory has no file: nothing is mapped or done.
        let prefetch = Prefetch::new("sqlite://:memory:");
        prefetch.rows(&mut conn, "t", &[1]);
        assert!(prefetch.maps.lock().unwrap().is_empty());
    }
}
