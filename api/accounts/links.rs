//! Single-use links sent by mail: a forgotten password, an address to
//! verify. The token is 32 random bytes; only its SHA-256 is kept, so a
//! copy of the database opens no account. A token works once, until it
//! expires, and only for its purpose; a new reset link ends the older ones.

use chrono::{Duration, Utc};
use diesel::prelude::*;

use crate::accounts::sessions::{hash, random_token};
use crate::db::schema::account_tokens;
use crate::db::DbConn;
use crate::web::error::ApiError;

/// What a link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    PasswordReset,
    Verification,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::PasswordReset => "password_reset",
            Purpose::Verification => "verification",
        }
    }

    /// How long a link works.
    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::PasswordReset => Duration::minutes(RESET_MINUTES),
            Purpose::Verification => Duration::hours(VERIFICATION_HOURS),
        }
    }
}

pub const RESET_MINUTES: i64 = 30;
pub const VERIFICATION_HOURS: i64 = 48;

/// Makes a link's token for an account and the address it goes to; the
/// account's earlier unused tokens of the same purpose stop working.
pub fn issue(
    conn: &mut DbConn,
    user_id: i64,
    purpose: Purpose,
    email: &str,
) -> Result<String, ApiError> {
    let token = random_token();
    let now = Utc::now().naive_utc();
    diesel::delete(
        account_tokens::table
            .filter(account_tokens::user_id.eq(user_id))
            .filter(account_tokens::purpose.eq(purpose.as_str())),
    )
    .execute(conn)?;
    diesel::insert_into(account_tokens::table)
        .values((
            account_tokens::user_id.eq(user_id),
            account_tokens::purpose.eq(purpose.as_str()),
            account_tokens::token_hash.eq(hash(&token)),
            account_tokens::email.eq(email),
            account_tokens::expires_at.eq(now + purpose.lifetime()),
            account_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Uses a token: the account and the address it was sent to, when the
/// token is known, unused, unexpired and for this purpose; `None`
/// otherwise (one answer for all of these). Run in a write transaction: the
/// token is used up.
pub fn consume(
    conn: &mut DbConn,
    token: &str,
    purpose: Purpose,
) -> Result<Option<(i64, String)>, ApiError> {
    let now = Utc::now().naive_utc();
    let found: Option<(i64, i64, String)> = account_tokens::table
        .filter(account_tokens::token_hash.eq(hash(token.trim())))
        .filter(account_tokens::purpose.eq(purpose.as_str()))
        .filter(account_tokens::used_at.is_null())
        .filter(account_tokens::expires_at.gt(now))
        .select((
            account_tokens::id,
            account_tokens::user_id,
            account_tokens::email,
        ))
        .first(conn)
        .optional()?;
    let Some((id, user_id, email)) = found else {
        return Ok(None);
    };
    // Only the row still unused is marked: of two uses at once, one wins.
    let marked = diesel::update(
        account_tokens::table
            .find(id)
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(now))
    .execute(conn)?;
    Ok((marked == 1).then_some((user_id, email)))
}

/// Removes links that were used or have expired (`themanet purge`);
/// returns how many.
pub fn purge(conn: &mut DbConn) -> Result<usize, ApiError> {
    let now = Utc::now().naive_utc();
    Ok(diesel::delete(
        account_tokens::table.filter(
            account_tokens::used_at
                .is_not_null()
                .or(account_tokens::expires_at.lt(now)),
        ),
    )
    .execute(conn)?)
}
