//! Mail about talents, at once and to the people concerned only: an offer
//! of help reaches the step's core group and coordinators, an accepted
//! offer the helper, a contact request the person asked. Each goes to an
//! account with a confirmed address that did not choose to hear nothing
//! (`notices` is `never`), and never to the one who acted. Written in the
//! transaction of the change (`enqueue`).

use diesel::prelude::*;

use crate::db::schema::{memberships, stakeholders, users};
use crate::db::DbConn;
use crate::domain::{MailKind, MailLanguage, NoticeFrequency, Role};
use crate::web::error::ApiError;

use super::outbox::{enqueue, Outgoing};
use super::texts::{self, TalentNews};

/// Writes the mail to each of these accounts that may get it.
fn send(
    conn: &mut DbConn,
    accounts: Vec<i64>,
    actor: Option<i64>,
    letter: impl Fn(MailLanguage, &str) -> texts::Letter,
) -> Result<(), ApiError> {
    if accounts.is_empty() {
        return Ok(());
    }
    let found: Vec<(i64, String, String, String, String)> = users::table
        .filter(users::id.eq_any(&accounts))
        .filter(users::disabled.eq(false))
        .filter(users::email_verified_at.is_not_null())
        .select((
            users::id,
            users::email,
            users::display_name,
            users::language,
            users::notices,
        ))
        .order(users::id)
        .load(conn)?;
    for (id, email, name, language, notices) in found {
        if Some(id) == actor || NoticeFrequency::from_db(&notices) == NoticeFrequency::Never {
            continue;
        }
        enqueue(
            conn,
            Outgoing {
                kind: MailKind::Notice,
                user_id: Some(id),
                to: email,
                letter: letter(MailLanguage::from_db(&language), &name),
                unsubscribe_url: None,
                unsubscribe_page: None,
            },
        )?;
    }
    Ok(())
}

/// The account of a stakeholder, if it has one.
fn account_of(conn: &mut DbConn, stakeholder_id: i64) -> Result<Vec<i64>, ApiError> {
    Ok(stakeholders::table
        .find(stakeholder_id)
        .select(stakeholders::user_id)
        .first::<Option<i64>>(conn)
        .optional()?
        .flatten()
        .into_iter()
        .collect())
}

/// A member offered help on a step: its network's core group and
/// coordinators hear of it.
pub fn help_offered(
    conn: &mut DbConn,
    base: &str,
    network_id: i64,
    goal_id: i64,
    step: &str,
    actor: Option<i64>,
) -> Result<(), ApiError> {
    let core: Vec<Option<i64>> = memberships::table
        .inner_join(stakeholders::table)
        .filter(memberships::network_id.eq(network_id))
        .filter(memberships::role.eq_any([Role::Coordinator.as_str(), Role::CoreGroup.as_str()]))
        .select(stakeholders::user_id)
        .load(conn)?;
    let url = format!("{base}/matchcentrum.html?doel={goal_id}");
    send(
        conn,
        core.into_iter().flatten().collect(),
        actor,
        |l, name| texts::talent_notice(l, name, TalentNews::HelpOffered { step }, url.clone()),
    )
}

/// The core group accepted an offer of help: the helper hears of it.
pub fn help_accepted(
    conn: &mut DbConn,
    base: &str,
    helper: i64,
    step: &str,
    actor: Option<i64>,
) -> Result<(), ApiError> {
    let accounts = account_of(conn, helper)?;
    let url = format!("{base}/talenten.html#nodig-kop");
    send(conn, accounts, actor, |l, name| {
        texts::talent_notice(l, name, TalentNews::HelpAccepted { step }, url.clone())
    })
}

/// Someone asked a findable person for contact: the person hears of it.
pub fn contact_requested(
    conn: &mut DbConn,
    base: &str,
    person: i64,
    from: &str,
    actor: Option<i64>,
) -> Result<(), ApiError> {
    let accounts = account_of(conn, person)?;
    let url = format!("{base}/talenten.html#verzoeken-kop");
    send(conn, accounts, actor, |l, name| {
        texts::talent_notice(l, name, TalentNews::ContactRequested { from }, url.clone())
    })
}
