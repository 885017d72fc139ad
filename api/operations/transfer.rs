//! CSV import and CSV/JSON export of networks, stakeholders and knowledge
//! links, for operators (`themanet import` / `themanet export`).
//!
//! An import checks every row with exactly the rules of the API (the same
//! `create` functions), reports every bad row with its line and reason, and
//! writes all rows or none. Columns carry the API's field names; list cells
//! separate values with `;`.
//!
//! Files come as spreadsheets save them: columns separated by `,` or (Excel
//! in a Dutch setting) `;`, found from the header line; UTF-8, with or
//! without a byte order mark, or Windows-1252 (`Encoding`). Control
//! characters other than tab, line feed and carriage return are refused
//! with their line, before any database sees them, so both backends answer
//! alike.
//!
//! Stakeholders are matched on a key, so that importing a file twice, or
//! importing an export, adds nobody twice: a row whose kind, name and
//! organisation (compared without regard to case, accents kept, and with
//! spaces trimmed and collapsed) equal those of a stored profile, or of an
//! earlier row, is skipped and reported. So is a row marked `account=ja`:
//! the profile of a person with an account is theirs to manage, and an
//! export lists it only for reading.

use std::io::Write;

use diesel::prelude::*;
use serde_json::{Map, Value};

use crate::db::schema::{knowledge_links, networks, stakeholders, users};
use crate::db::{self, DbConn};
use crate::permissions::Viewer;
use crate::routes::stakeholders::StakeholderInput;
use crate::routes::{knowledge_links as links_routes, networks as network_routes};
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::parse_body;
use crate::web::params::is_control_character;

/// What can be moved in and out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Networks,
    Stakeholders,
    KnowledgeLinks,
}

impl Kind {
    pub fn parse(name: &str) -> Result<Kind, String> {
        match name {
            "networks" => Ok(Kind::Networks),
            "stakeholders" => Ok(Kind::Stakeholders),
            "knowledge-links" => Ok(Kind::KnowledgeLinks),
            other => Err(format!(
                "unknown kind {other:?}: use networks, stakeholders or knowledge-links"
            )),
        }
    }

    /// The CSV columns, in order: the API's field names.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Kind::Networks => &[
                "name",
                "slug",
                "theme",
                "topics",
                "scope",
                "municipalityCode",
                "region",
                "provinceCode",
                "description",
                "ambition",
                "needs",
                "status",
                "visibility",
                "parentSlug",
                "contact",
                "communication",
            ],
            Kind::Stakeholders => &[
                "kind",
                "name",
                "organisation",
                "expertise",
                "talents",
                "languages",
                "municipalityCode",
                "email",
                "phone",
                "listed",
                "shareContact",
                "account",
            ],
            Kind::KnowledgeLinks => &[
                "url",
                "title",
                "summary",
                "language",
                "audiences",
                "topics",
                "networkSlug",
            ],
        }
    }
}

const LISTS: &[&str] = &["topics", "talents", "languages", "audiences"];
const FLAGS: &[&str] = &["listed", "shareContact", "account"];

/// How the bytes of an import file are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 when the file is valid UTF-8, else Windows-1252.
    Detect,
    Utf8,
    Windows1252,
}

impl Encoding {
    pub fn parse(name: &str) -> Result<Encoding, String> {
        match name.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "windows-1252" | "cp1252" | "ansi" => Ok(Encoding::Windows1252),
            other => Err(format!("--encoding {other:?}: use utf-8 or windows-1252")),
        }
    }
}

/// The characters of Windows-1252's bytes 0x80 to 0x9F (the rest of the
/// upper half is Latin-1, the same code points as Unicode). The five bytes
/// Windows-1252 leaves undefined become the control characters of the same
/// number, which the import then refuses.
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn from_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => WINDOWS_1252[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// The file's text and the name of the encoding it was read in.
fn decode(bytes: &[u8], encoding: Encoding) -> Result<(String, &'static str), String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match (encoding, std::str::from_utf8(bytes)) {
        (Encoding::Windows1252, _) => Ok((from_windows_1252(bytes), "Windows-1252")),
        (_, Ok(text)) => Ok((text.to_string(), "UTF-8")),
        (Encoding::Detect, Err(_)) => Ok((from_windows_1252(bytes), "Windows-1252")),
        (Encoding::Utf8, Err(e)) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Err(format!(
                "line {line} is not UTF-8; save the file as CSV UTF-8, or import it with --encoding windows-1252"
            ))
        }
    }
}

/// The column separator: `;` or `,`, whichever the header line (outside
/// quotes) has more of; a tab when it has only tabs.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let (mut commas, mut semicolons, mut tabs, mut quoted) = (0, 0, 0, false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else if commas == 0 && tabs > 0 {
        b'\t'
    } else {
        b','
    }
}

/// The key that a stakeholder is matched on: kind, name and organisation,
/// trimmed, spaces collapsed, in lower case.
fn stakeholder_key(kind: &str, name: &str, organisation: Option<&str>) -> String {
    [kind, name, organisation.unwrap_or("")]
        .iter()
        .map(|part| {
            part.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// The keys of every stored stakeholder.
fn stored_stakeholder_keys(
    conn: &mut DbConn,
) -> Result<std::collections::HashSet<String>, ApiError> {
    let rows: Vec<(String, String, Option<String>)> = stakeholders::table
        .select((
            stakeholders::kind,
            stakeholders::name,
            stakeholders::organisation,
        ))
        .load(conn)?;
    Ok(rows
        .iter()
        .map(|(kind, name, organisation)| stakeholder_key(kind, name, organisation.as_deref()))
        .collect())
}

/// One bad row.
#[derive(Debug, PartialEq)]
pub struct RowError {
    pub line: u64,
    pub reason: String,
}

/// What an import wrote.
#[derive(Debug)]
pub struct Report {
    /// Rows written.
    pub written: usize,
    /// Rows left out on purpose (a stakeholder already there), with why.
    pub skipped: Vec<RowError>,
    /// The encoding the file was read in.
    pub encoding: &'static str,
    /// The column separator found in the header line.
    pub delimiter: u8,
}

/// The outcome of an import.
#[derive(Debug)]
pub enum Outcome {
    /// Every row was written (or skipped on purpose).
    Imported(Report),
    /// Nothing was written; these rows are wrong.
    Refused(Vec<RowError>),
}

fn cell_value(column: &str, cell: &str) -> Value {
    if LISTS.contains(&column) {
        Value::Array(
            cell.split(';')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| Value::String(v.into()))
                .collect(),
        )
    } else if FLAGS.contains(&column) {
        match cell.to_lowercase().as_str() {
            "true" | "ja" | "yes" | "1" => Value::Bool(true),
            "false" | "nee" | "no" | "0" => Value::Bool(false),
            _ => Value::String(cell.into()),
        }
    } else {
        Value::String(cell.into())
    }
}

fn network_id_by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<i64>, ApiError> {
    Ok(networks::table
        .filter(networks::slug.eq(slug))
        .select(networks::id)
        .first(conn)
        .optional()?)
}

/// Writes one row through the API's rules.
fn create_row(
    conn: &mut DbConn,
    viewer: &Viewer,
    kind: Kind,
    mut object: Map<String, Value>,
) -> Result<(), ApiError> {
    for (column, field) in [("parentSlug", "parentId"), ("networkSlug", "networkId")] {
        if let Some(Value::String(slug)) = object.remove(column) {
            match network_id_by_slug(conn, &slug)? {
                Some(id) => {
                    object.insert(field.into(), Value::from(id));
                }
                None => {
                    return Err(ApiError::Invalid(vec![InvalidParam::new(
                        column,
                        Code::Reference,
                        "is not the slug of an existing network",
                    )
                    .expected("network")]))
                }
            }
        }
    }
    let bytes = serde_json::to_vec(&Value::Object(object))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    match kind {
        Kind::Networks => {
            let (input, errors) = parse_body(&bytes, true)?;
            network_routes::create(conn, viewer, input, errors).map(|_| ())
        }
        Kind::Stakeholders => {
            let (input, errors) = parse_body::<StakeholderInput>(&bytes, true)?;
            let profile = input.into_profile(errors)?;
            crate::queries::stakeholders::create(conn, viewer, &profile).map(|_| ())
        }
        Kind::KnowledgeLinks => {
            let (input, errors) = parse_body(&bytes, true)?;
            links_routes::create(conn, viewer, input, errors).map(|_| ())
        }
    }
}

fn describe(error: &ApiError) -> String {
    match error {
        ApiError::Invalid(params) | ApiError::ConflictingFields(params) => params
            .iter()
            .map(|p| format!("{} {}", p.name, p.reason))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// The account an import acts as: it becomes coordinator of imported
/// networks and manager of imported profiles.
pub fn viewer_for(conn: &mut DbConn, email: &str) -> Result<Viewer, String> {
    let (id, epoch): (i64, i64) = users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .select((users::id, users::session_epoch))
        .first(conn)
        .optional()
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no account with e-mail address {email}"))?;
    Viewer::load(conn, crate::accounts::auth::Auth::User { id, epoch }).map_err(|e| e.to_string())
}

/// Imports CSV rows in one transaction: all of them, or none. `progress`
/// is told the bytes read so far and the total, and ends at the total.
pub fn import(
    conn: &mut DbConn,
    viewer: &Viewer,
    kind: Kind,
    input: &[u8],
    encoding: Encoding,
    mut progress: impl FnMut(u64, u64),
) -> Result<Outcome, String> {
    let (text, encoding) = decode(input, encoding)?;
    let delimiter = delimiter(&text);
    let total = text.len() as u64;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("cannot read the header line: {e}"))?
        .clone();
    let unknown: Vec<&str> = headers
        .iter()
        .filter(|h| !kind.columns().contains(h))
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "unknown columns: {} (allowed: {}; columns separated by {:?})",
            unknown.join(", "),
            kind.columns().join(", "),
            delimiter as char
        ));
    }
    let result = db::write_tx(conn, |conn| {
        let mut errors = Vec::new();
        let mut skipped = Vec::new();
        let mut written = 0;
        let mut keys = match kind {
            Kind::Stakeholders => stored_stakeholder_keys(conn)?,
            _ => Default::default(),
        };
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map(|p| p.line()).unwrap_or(0);
                    errors.push(RowError {
                        line,
                        reason: format!("cannot be read: {e}"),
                    });
                    continue;
                }
            };
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            progress(record.position().map(|p| p.byte()).unwrap_or(0), total);
            let mut object = Map::new();
            let mut refused = Vec::new();
            for (column, cell) in headers.iter().zip(record.iter()) {
                // Checked before any cell reaches a query (a slug is looked
                // up before the row's fields are), with the API's rule.
                if let Some(c) = cell.chars().find(|c| is_control_character(*c)) {
                    refused.push(format!(
                        "{column} holds the control character U+{:04X}; remove it",
                        u32::from(c)
                    ));
                } else if !cell.is_empty() {
                    object.insert(column.to_string(), cell_value(column, cell));
                }
            }
            if !refused.is_empty() {
                errors.push(RowError {
                    line,
                    reason: refused.join("; "),
                });
                continue;
            }
            if kind == Kind::Stakeholders {
                if object.remove("account") == Some(Value::Bool(true)) {
                    skipped.push(RowError {
                        line,
                        reason: "the profile of a person with an account, who manages it".into(),
                    });
                    continue;
                }
                let text = |field: &str| object.get(field).and_then(Value::as_str).unwrap_or("");
                let key = stakeholder_key(text("kind"), text("name"), Some(text("organisation")));
                if !text("name").is_empty() && keys.contains(&key) {
                    skipped.push(RowError {
                        line,
                        reason:
                            "a stakeholder of this kind, name and organisation is there already"
                                .into(),
                    });
                    continue;
                }
                keys.insert(key);
            }
            // Each row in a savepoint: a failed row leaves the others usable.
            match conn.transaction(|conn| create_row(conn, viewer, kind, object)) {
                Ok(()) => written += 1,
                Err(e) => errors.push(RowError {
                    line,
                    reason: describe(&e),
                }),
            }
        }
        if errors.is_empty() {
            Ok((written, skipped))
        } else {
            // Roll back everything by failing the transaction.
            Err(ApiError::Conflict(
                serde_json::to_string(
                    &errors
                        .iter()
                        .map(|e| (e.line, e.reason.clone()))
                        .collect::<Vec<_>>(),
                )
                .unwrap_or_default(),
            ))
        }
    });
    progress(total, total);
    match result {
        Ok((written, skipped)) => Ok(Outcome::Imported(Report {
            written,
            skipped,
            encoding,
            delimiter,
        })),
        Err(ApiError::Conflict(list)) => {
            let rows: Vec<(u64, String)> = serde_json::from_str(&list).unwrap_or_default();
            Ok(Outcome::Refused(
                rows.into_iter()
                    .map(|(line, reason)| RowError { line, reason })
                    .collect(),
            ))
        }
        Err(other) => Err(other.to_string()),
    }
}

/// Each network's slug by its id: how an export names a network.
fn network_slugs(
    conn: &mut DbConn,
) -> Result<std::collections::HashMap<i64, String>, diesel::result::Error> {
    Ok(networks::table
        .select((networks::id, networks::slug))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect())
}

/// Rows for export, as JSON objects with the import's columns (plus `id`).
fn rows(conn: &mut DbConn, kind: Kind) -> Result<Vec<Map<String, Value>>, String> {
    let e = |e: diesel::result::Error| e.to_string();
    let mut out = Vec::new();
    match kind {
        Kind::Networks => {
            let slugs = network_slugs(conn).map_err(e)?;
            let list: Vec<crate::db::models::Network> = networks::table
                .order(networks::id)
                .select(crate::db::models::Network::as_select())
                .load(conn)
                .map_err(e)?;
            for n in list {
                let topics = crate::db::split_list(&n.topic_list);
                let mut m = Map::new();
                m.insert("id".into(), n.id.into());
                for (k, v) in [
                    ("name", Some(n.name)),
                    ("slug", Some(n.slug)),
                    ("theme", Some(n.theme)),
                    ("scope", Some(n.scope)),
                    ("municipalityCode", n.municipality_code),
                    ("region", n.region),
                    ("provinceCode", n.province_code),
                    ("description", Some(n.description)),
                    ("ambition", Some(n.ambition)),
                    ("needs", Some(n.needs)),
                    ("status", Some(n.status)),
                    ("visibility", Some(n.visibility)),
                    (
                        "parentSlug",
                        n.parent_id.and_then(|p| slugs.get(&p).cloned()),
                    ),
                    ("contact", n.contact),
                    ("communication", Some(n.communication)),
                ] {
                    m.insert(k.into(), v.map(Value::String).unwrap_or(Value::Null));
                }
                m.insert("topics".into(), topics.into());
                out.push(m);
            }
        }
        Kind::Stakeholders => {
            let list: Vec<crate::db::models::Stakeholder> = stakeholders::table
                .order(stakeholders::id)
                .select(crate::db::models::Stakeholder::as_select())
                .load(conn)
                .map_err(e)?;
            for s in list {
                let tags: Vec<(String, String)> = crate::db::schema::stakeholder_tags::table
                    .filter(crate::db::schema::stakeholder_tags::stakeholder_id.eq(s.id))
                    .order((
                        crate::db::schema::stakeholder_tags::kind,
                        crate::db::schema::stakeholder_tags::value,
                    ))
                    .select((
                        crate::db::schema::stakeholder_tags::kind,
                        crate::db::schema::stakeholder_tags::value,
                    ))
                    .load(conn)
                    .map_err(e)?;
                let of = |k: &str| {
                    tags.iter()
                        .filter(|(kind, _)| kind == k)
                        .map(|(_, v)| v.clone())
                        .collect::<Vec<_>>()
                };
                let mut m = Map::new();
                m.insert("id".into(), s.id.into());
                for (k, v) in [
                    ("kind", Some(s.kind)),
                    ("name", Some(s.name)),
                    ("organisation", s.organisation),
                    ("expertise", s.expertise),
                    ("municipalityCode", s.municipality_code),
                    ("email", s.email),
                    ("phone", s.phone),
                ] {
                    m.insert(k.into(), v.map(Value::String).unwrap_or(Value::Null));
                }
                m.insert("talents".into(), of("talent").into());
                m.insert("languages".into(), of("language").into());
                m.insert("listed".into(), s.listed.into());
                m.insert("shareContact".into(), s.share_contact.into());
                m.insert("account".into(), s.user_id.is_some().into());
                out.push(m);
            }
        }
        Kind::KnowledgeLinks => {
            let slugs = network_slugs(conn).map_err(e)?;
            let list: Vec<crate::db::models::KnowledgeLink> = knowledge_links::table
                .order(knowledge_links::id)
                .select(crate::db::models::KnowledgeLink::as_select())
                .load(conn)
                .map_err(e)?;
            for l in list {
                // Kept with the row (migration 11), sorted as the API shows them.
                let audiences = crate::db::split_list(&l.audience_list);
                let topics = crate::db::split_list(&l.topic_list);
                let mut m = Map::new();
                m.insert("id".into(), l.id.into());
                for (k, v) in [
                    ("url", Some(l.url)),
                    ("title", Some(l.title)),
                    ("summary", Some(l.summary)),
                    ("language", Some(l.language)),
                    (
                        "networkSlug",
                        l.network_id.and_then(|n| slugs.get(&n).cloned()),
                    ),
                ] {
                    m.insert(k.into(), v.map(Value::String).unwrap_or(Value::Null));
                }
                m.insert("audiences".into(), audiences.into());
                m.insert("topics".into(), topics.into());
                m.insert("clicks".into(), l.clicks.into());
                out.push(m);
            }
        }
    }
    Ok(out)
}

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    }
}

/// Writes every row as CSV (the import's columns, so it can be read back)
/// or as a JSON array. Returns how many rows were written.
pub fn export(conn: &mut DbConn, kind: Kind, json: bool, out: impl Write) -> Result<usize, String> {
    let rows = rows(conn, kind)?;
    if json {
        serde_json::to_writer_pretty(out, &rows).map_err(|e| e.to_string())?;
        return Ok(rows.len());
    }
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record(kind.columns())
        .map_err(|e| e.to_string())?;
    for row in &rows {
        writer
            .write_record(kind.columns().iter().map(|c| cell(row.get(*c))))
            .map_err(|e| e.to_string())?;
    }
    writer.flush().map_err(|e| e.to_string())?;
    Ok(rows.len())
}
