//! Sessions: opaque refresh tokens, stored as SHA-256 hashes, rotated on
//! every use, with an absolute lifetime per family (one login). A token used
//! twice means it was stolen: the whole family is revoked.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::db::schema::{refresh_tokens, users};
use crate::db::{self, DbConn};
use crate::web::error::ApiError;

/// The cookie that carries the refresh token for the web frontend.
pub const COOKIE: &str = "themanet_refresh";

/// 32 random bytes, URL-safe: a secret that cannot be guessed.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// How a secret is stored: its SHA-256, in hex.
pub fn hash(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// The SHA-256 of bytes, in hex (stored secrets, a document's checksum).
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A refresh token handed out, with the end of its session.
pub struct Issued {
    pub token: String,
    pub expires_at: NaiveDateTime,
}

fn insert(
    conn: &mut DbConn,
    user_id: i64,
    family: &str,
    expires_at: NaiveDateTime,
) -> Result<Issued, ApiError> {
    let token = random_token();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::family.eq(family),
            refresh_tokens::token_hash.eq(hash(&token)),
            refresh_tokens::created_at.eq(db::now()),
            refresh_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(Issued { token, expires_at })
}

/// Starts a session (a new family) for a user.
pub fn start(conn: &mut DbConn, user_id: i64, days: i64) -> Result<Issued, ApiError> {
    insert(
        conn,
        user_id,
        &random_token(),
        db::now() + Duration::days(days),
    )
}

pub fn ended() -> ApiError {
    ApiError::Unauthorized("Your session has ended. Sign in again.".into())
}

/// id, user, family, end of session, used, revoked.
type TokenRow = (
    i64,
    i64,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

/// What using a refresh token gave.
pub enum Rotation {
    /// The user, and the next token of the family.
    Next(i64, Issued),
    /// The token had been used before: its family is now revoked. The caller
    /// commits that and answers 401.
    Replayed,
}

/// Uses a refresh token.
pub fn rotate(conn: &mut DbConn, token: &str) -> Result<Rotation, ApiError> {
    let row: Option<TokenRow> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash(token)))
        .select((
            refresh_tokens::id,
            refresh_tokens::user_id,
            refresh_tokens::family,
            refresh_tokens::expires_at,
            refresh_tokens::used_at,
            refresh_tokens::revoked_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, user_id, family, expires_at, used_at, revoked_at)) = row else {
        return Err(ended());
    };
    let now = db::now();
    if revoked_at.is_some() || expires_at <= now {
        return Err(ended());
    }
    let claimed = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(id))
            .filter(refresh_tokens::used_at.is_null())
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    if used_at.is_some() || claimed != 1 {
        revoke_family_of(conn, token)?;
        return Ok(Rotation::Replayed);
    }
    let next = insert(conn, user_id, &family, expires_at)?;
    Ok(Rotation::Next(user_id, next))
}

/// Revokes the family a token belongs to (sign out, or a replay).
pub fn revoke_family_of(conn: &mut DbConn, token: &str) -> Result<(), ApiError> {
    let family: Option<String> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash(token)))
        .select(refresh_tokens::family)
        .first(conn)
        .optional()?;
    if let Some(family) = family {
        diesel::update(
            refresh_tokens::table
                .filter(refresh_tokens::family.eq(family))
                .filter(refresh_tokens::revoked_at.is_null()),
        )
        .set(refresh_tokens::revoked_at.eq(db::now()))
        .execute(conn)?;
    }
    Ok(())
}

/// Ends every session of a user: refresh tokens revoked, and every access
/// token issued before now refused (the session epoch goes up).
pub fn end_all(conn: &mut DbConn, user_id: i64) -> Result<i64, ApiError> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(db::now()))
    .execute(conn)?;
    diesel::update(users::table.find(user_id))
        .set(users::session_epoch.eq(users::session_epoch + 1))
        .execute(conn)?;
    Ok(users::table
        .find(user_id)
        .select(users::session_epoch)
        .first(conn)?)
}

/// Removes tokens of sessions that ended more than a day ago.
pub fn purge(conn: &mut DbConn) -> Result<usize, ApiError> {
    let cutoff = db::now() - Duration::days(1);
    Ok(
        diesel::delete(refresh_tokens::table.filter(refresh_tokens::expires_at.lt(cutoff)))
            .execute(conn)?,
    )
}
