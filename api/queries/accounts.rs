//! Accounts as registering, signing in, `/me`, `/users` and the command
//! line (`create-admin`) read and write them.

use diesel::prelude::*;

use crate::accounts::auth::{hash_password, Auth};
use crate::accounts::sessions::Issued;
use crate::db::models::{NewUser, StakeholderValues, User};
use crate::db::schema::{stakeholders, users};
use crate::db::{self, versioned, DbConn};
use crate::domain::StakeholderKind;
use crate::permissions::Viewer;
use crate::queries::stakeholders as profiles;
use crate::web::error::{ApiError, Code, InvalidParam};

/// An e-mail address as accounts are found by it.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Creates an account with its own stakeholder profile, not listed, its
/// fields as visible as suits its kind; 409 when the address is taken.
pub fn insert(
    conn: &mut DbConn,
    email: &str,
    hash: &str,
    name: &str,
    kind: StakeholderKind,
    admin: bool,
) -> Result<i64, ApiError> {
    let now = db::now();
    let taken = users::table
        .filter(users::email.eq(email))
        .select(users::id)
        .first::<i64>(conn)
        .optional()?;
    if taken.is_some() {
        return Err(ApiError::Conflict(
            "An account with this e-mail address already exists. Sign in instead.".into(),
        ));
    }
    let id: i64 = diesel::insert_into(users::table)
        .values(&NewUser {
            email,
            password_hash: hash,
            display_name: name,
            is_admin: admin,
            created_at: now,
            updated_at: now,
        })
        .returning(users::id)
        .get_result(conn)?;
    let mut profile = StakeholderValues {
        kind: kind.as_str().into(),
        name: name.into(),
        ..StakeholderValues::default()
    };
    profiles::show_as_suits_kind(&mut profile);
    let stakeholder = profiles::insert_row(conn, &profile, Some(id), Some(id))?;
    profiles::index(conn, stakeholder, &profile, &[])?;
    Ok(id)
}

/// Makes (or promotes) a platform admin; from the command line only.
pub fn make_admin(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    password: &str,
) -> Result<bool, ApiError> {
    let email = normalise_email(email);
    if password.chars().count() < 8 {
        return Err(ApiError::Invalid(vec![InvalidParam::new(
            "password",
            Code::Length,
            "must have at least 8 characters",
        )
        .bounds(Some(8), None)]));
    }
    let hash = hash_password(password)?;
    db::write_tx(conn, |conn| {
        let existing = users::table
            .filter(users::email.eq(&email))
            .select(users::id)
            .first::<i64>(conn)
            .optional()?;
        match existing {
            Some(id) => {
                diesel::update(users::table.find(id))
                    .set((
                        users::is_admin.eq(true),
                        users::updated_at.eq(db::now()),
                        users::version.eq(users::version + 1),
                    ))
                    .execute(conn)?;
                Ok(false)
            }
            None => insert(conn, &email, &hash, name, StakeholderKind::Other, true).map(|_| true),
        }
    })
}

/// A change to an account; what is `None` stays as it is.
#[derive(Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct Changes<'a> {
    pub display_name: Option<&'a str>,
    pub password_hash: Option<&'a str>,
    pub disabled: Option<bool>,
}

/// Writes a change to an account read at `version`: the last step of the
/// write kernel (`versioned`), under its lock and after its checks.
pub fn update(conn: &mut DbConn, id: i64, version: i64, changes: &Changes) -> Result<(), ApiError> {
    versioned::update!(conn, users, id, version, changes);
    Ok(())
}

/// An account and the id of its own stakeholder profile.
pub fn with_profile(conn: &mut DbConn, user_id: i64) -> Result<(User, Option<i64>), ApiError> {
    let user = users::table
        .find(user_id)
        .select(User::as_select())
        .first(conn)?;
    let stakeholder = stakeholders::table
        .filter(stakeholders::user_id.eq(user_id))
        .select(stakeholders::id)
        .first::<i64>(conn)
        .optional()?;
    Ok((user, stakeholder))
}

/// Starts a session for an account, with the account as it answers it.
pub fn sign_in(
    conn: &mut DbConn,
    user_id: i64,
    days: i64,
) -> Result<(User, Option<i64>, Issued), ApiError> {
    let (user, stakeholder) = with_profile(conn, user_id)?;
    let session = crate::accounts::sessions::start(conn, user_id, days)?;
    Ok((user, stakeholder, session))
}

/// The signed-in account, as long as the token's session is still current
/// (401 otherwise), and its own stakeholder profile's id.
pub fn current(conn: &mut DbConn, auth: Auth) -> Result<(User, Option<i64>), ApiError> {
    let user_id = auth.required()?;
    let viewer = Viewer::load(conn, auth)?;
    let user = users::table
        .find(user_id)
        .select(User::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::Unauthorized("This account no longer exists.".into()))?;
    Ok((user, viewer.stakeholder_id))
}
