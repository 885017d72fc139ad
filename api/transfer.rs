//! CSV import and CSV/JSON export of networks, stakeholders and knowledge
//! links, for operators (`themanet import` / `themanet export`).
//!
//! An import checks every row with exactly the rules of the API (the same
//! `create` functions), reports every bad row with its line and reason, and
//! writes all rows or none. Columns carry the API's field names; list cells
//! separate values with `;`.

use std::io::{Read, Write};

use diesel::prelude::*;
use serde_json::{Map, Value};

use crate::db::schema::{knowledge_links, networks, stakeholders, users};
use crate::db::{self, DbConn};
use crate::error::{ApiError, Code};
use crate::extract::parse_body;
use crate::permissions::Viewer;
use crate::routes::{
    knowledge_links as links_routes, networks as network_routes, stakeholders as stakeholder_routes,
};

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
const FLAGS: &[&str] = &["listed", "shareContact"];

/// One bad row.
#[derive(Debug, PartialEq)]
pub struct RowError {
    pub line: u64,
    pub reason: String,
}

/// The outcome of an import.
#[derive(Debug)]
pub enum Outcome {
    /// Every row was written.
    Imported(usize),
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
                    return Err(ApiError::invalid(
                        column,
                        Code::Reference,
                        "is not the slug of an existing network",
                    ))
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
            let (input, errors) = parse_body(&bytes, true)?;
            stakeholder_routes::create(conn, viewer, input, errors).map(|_| ())
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
    Viewer::load(conn, crate::auth::Auth::User { id, epoch }).map_err(|e| e.to_string())
}

/// Imports CSV rows in one transaction: all of them, or none. `progress` is
/// told the bytes read so far.
pub fn import(
    conn: &mut DbConn,
    viewer: &Viewer,
    kind: Kind,
    input: impl Read,
    mut progress: impl FnMut(u64),
) -> Result<Outcome, String> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(input);
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
            "unknown columns: {} (allowed: {})",
            unknown.join(", "),
            kind.columns().join(", ")
        ));
    }
    let result = db::write_tx(conn, |conn| {
        let mut errors = Vec::new();
        let mut written = 0;
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
            progress(record.position().map(|p| p.byte()).unwrap_or(0));
            let mut object = Map::new();
            for (column, cell) in headers.iter().zip(record.iter()) {
                if !cell.is_empty() {
                    object.insert(column.to_string(), cell_value(column, cell));
                }
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
            Ok(Outcome::Imported(written))
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
    match result {
        Ok(outcome) => Ok(outcome),
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

/// Rows for export, as JSON objects with the import's columns (plus `id`).
fn rows(conn: &mut DbConn, kind: Kind) -> Result<Vec<Map<String, Value>>, String> {
    let e = |e: diesel::result::Error| e.to_string();
    let mut out = Vec::new();
    match kind {
        Kind::Networks => {
            let slugs: std::collections::HashMap<i64, String> = networks::table
                .select((networks::id, networks::slug))
                .load::<(i64, String)>(conn)
                .map_err(e)?
                .into_iter()
                .collect();
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
                out.push(m);
            }
        }
        Kind::KnowledgeLinks => {
            let slugs: std::collections::HashMap<i64, String> = networks::table
                .select((networks::id, networks::slug))
                .load::<(i64, String)>(conn)
                .map_err(e)?
                .into_iter()
                .collect();
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
