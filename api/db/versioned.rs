//! The write kernel: how every change to a row with a `version` is made, so
//! that concurrent edits never lose data and every resource answers in the
//! same order.
//!
//! 1. [`lock!`] the row first. On PostgreSQL that is `SELECT .. FOR NO KEY
//!    UPDATE`: a second writer waits until the first commits and then reads
//!    the row as the first left it. On SQLite the write transaction holds
//!    the database's write lock from its start (`BEGIN IMMEDIATE`), so the
//!    row is already the latest.
//! 2. Read the row and apply the change to a copy of its values.
//! 3. [`Precondition::check`]: invalid input (400), then a stale `If-Match`
//!    (412), then fields at odds with what is stored (409).
//! 4. Write `WHERE version = <read version>` and end with [`one_row`]
//!    ([`update!`] and [`delete!`] do both for a table with `id`,
//!    `version` and `updated_at`).
//!
//! A write without `If-Match` therefore always applies to the latest
//! version (last writer wins) and never answers 412; a write with a stale
//! `If-Match` answers 412, however many run at once.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};

use crate::web::error::{ApiError, InvalidParam};

/// Locks the rows a query selects until the transaction ends (PostgreSQL);
/// on SQLite the write transaction already holds the lock. The query is a
/// `SELECT` of the row's id, for example
/// `networks::table.find(id).select(networks::id)`; `lock!(conn, networks,
/// id)` says the same of one row of a table.
macro_rules! lock {
    ($conn:expr, $table:ident, $id:expr) => {
        $crate::db::versioned::lock!($conn, $table::table.find($id).select($table::id))
    };
    ($conn:expr, $query:expr) => {{
        if let $crate::db::DbConn::Pg(c) = &mut *$conn {
            use diesel::prelude::*;
            let _: Vec<i64> = $query.for_no_key_update().load(c)?;
        }
    }};
}
pub(crate) use lock;

/// The lock of one row as a step of its own, for `routes::update_row` and
/// `routes::delete_row`, which take it before they load the viewer:
/// `locker!(goals, id)`.
macro_rules! locker {
    ($table:ident, $id:expr) => {{
        let id: i64 = $id;
        move |conn: &mut $crate::db::DbConn| -> Result<(), $crate::web::error::ApiError> {
            $crate::db::versioned::lock!(conn, $table, id);
            Ok(())
        }
    }};
}
pub(crate) use locker;

/// Writes a row's new values at the version that was read, with the
/// version one up and a new `updated_at`, and ends with [`one_row`]:
/// `update!(conn, goals, id, current.version, &values)`.
macro_rules! update {
    ($conn:expr, $table:ident, $id:expr, $version:expr, $values:expr) => {{
        use diesel::prelude::*;
        let version: i64 = $version;
        let changed = diesel::update(
            $table::table
                .filter($table::id.eq($id))
                .filter($table::version.eq(version)),
        )
        .set((
            $values,
            $table::updated_at.eq($crate::db::now()),
            $table::version.eq(version + 1),
        ))
        .execute($conn)?;
        $crate::db::versioned::one_row(changed)?
    }};
}
pub(crate) use update;

/// Deletes a row at the version that was read, and ends with [`one_row`]:
/// `delete!(conn, goals, id, current.version)`.
macro_rules! delete {
    ($conn:expr, $table:ident, $id:expr, $version:expr) => {{
        use diesel::prelude::*;
        let deleted = diesel::delete(
            $table::table
                .filter($table::id.eq($id))
                .filter($table::version.eq($version)),
        )
        .execute($conn)?;
        $crate::db::versioned::one_row(deleted)?
    }};
}
pub(crate) use delete;

/// What a client demands of the version it changes: the tags it sent in
/// `If-Match` (`*` matches any version), or nothing.
#[derive(Debug, Clone, Default)]
pub struct Precondition(Option<Vec<String>>);

/// A handler takes it as an argument: `precondition: Precondition`.
impl FromRequest for Precondition {
    type Error = ApiError;
    type Future = Ready<Result<Precondition, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Precondition::from_request(req)))
    }
}

impl Precondition {
    pub fn from_request(req: &HttpRequest) -> Precondition {
        let tags = req
            .headers()
            .get(header::IF_MATCH)
            .and_then(|v| v.to_str().ok())
            .map(|value| {
                value
                    .split(',')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect()
            });
        Precondition(tags)
    }

    /// 412 when the client named another version than `current`.
    pub fn matches(&self, current: &str) -> Result<(), ApiError> {
        match &self.0 {
            Some(tags) if !tags.iter().any(|t| t == "*" || t == current) => {
                Err(ApiError::PreconditionFailed)
            }
            _ => Ok(()),
        }
    }

    /// The checks of a versioned write, in the order the API promises:
    /// fields invalid in themselves (400), then a stale `If-Match` (412),
    /// then fields that only conflict with what is stored (409).
    pub fn check(&self, errors: Vec<InvalidParam>, current: &str) -> Result<(), ApiError> {
        crate::web::error::ensure_well_formed(&errors)?;
        self.matches(current)?;
        crate::web::error::ensure_valid(errors)
    }
}

/// Ends a compare-and-set: the `UPDATE` or `DELETE` named the version it
/// read, so it changed exactly one row unless someone else got there first.
/// Under [`lock!`] nobody can, so this is a guard, not a path taken.
pub fn one_row(changed: usize) -> Result<(), ApiError> {
    if changed == 1 {
        Ok(())
    } else {
        Err(ApiError::PreconditionFailed)
    }
}

/// The `If-Match` header of a versioned write, as the spec documents it
/// (`params(.., IfMatch)`); read with [`Precondition`].
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[expect(
    dead_code,
    reason = "documents the header for OpenAPI; read by Precondition"
)]
pub struct IfMatch {
    /// The ETag you read; a stale one gives 412
    #[param(rename = "If-Match")]
    if_match: Option<String>,
}
