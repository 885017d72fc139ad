//! Notices: who hears of what happens in a network, and when.
//!
//! `announce` runs in the transaction of the change (a new message, a
//! meeting, an achieved step). Each member with an account, who joined by
//! their own act and has a verified address, hears of it as they chose for
//! that network (or in general): at once (a mail now), in a daily or weekly
//! digest (a pending notice), or never. The author does not hear of their
//! own change. `compose_digests` turns pending notices into one mail per
//! person once the oldest has waited a day (daily) or a week (weekly).

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{
    memberships, network_notice_settings, networks, pending_notices, stakeholders, users,
};
use crate::db::DbConn;
use crate::domain::{MailKind, MailLanguage, NoticeFrequency, NoticeKind};
use crate::web::error::ApiError;

use super::outbox::{enqueue, random_hex, Outgoing};
use super::texts;

/// Something that happened in a network.
pub struct Notice<'a> {
    pub network_id: i64,
    pub kind: NoticeKind,
    pub title: &'a str,
    /// The page in the web frontend, from the root (`/bijeenkomst.html?id=4`).
    pub path: String,
    /// Who did it: they are not told.
    pub actor: Option<i64>,
}

/// A member who may hear of a notice: their account, their general and
/// per-network choice, and their unsubscribe key if they have one.
#[derive(Queryable)]
struct Recipient {
    user_id: i64,
    email: String,
    name: String,
    language: String,
    general: String,
    own: Option<String>,
    key: Option<String>,
}

/// Tells the network's members of `notice`, each as they chose. `base`:
/// the public address of the web frontend (`https://host`).
pub fn announce(conn: &mut DbConn, base: &str, notice: Notice) -> Result<(), ApiError> {
    let network: String = networks::table
        .find(notice.network_id)
        .select(networks::name)
        .first(conn)?;
    let recipients: Vec<Recipient> = memberships::table
        .inner_join(stakeholders::table.on(stakeholders::id.eq(memberships::stakeholder_id)))
        .inner_join(users::table.on(stakeholders::user_id.eq(users::id.nullable())))
        .left_join(
            network_notice_settings::table.on(network_notice_settings::user_id
                .eq(users::id)
                .and(network_notice_settings::network_id.eq(memberships::network_id))),
        )
        .filter(memberships::network_id.eq(notice.network_id))
        .filter(memberships::by_consent.eq(true))
        .filter(users::disabled.eq(false))
        .filter(users::email_verified_at.is_not_null())
        .select((
            users::id,
            users::email,
            users::display_name,
            users::language,
            users::notices,
            network_notice_settings::notices.nullable(),
            users::mail_key,
        ))
        .order(users::id)
        .load(conn)?;
    let now = Utc::now().naive_utc();
    let url = format!("{base}{}", notice.path);
    for Recipient {
        user_id,
        email,
        name,
        language,
        general,
        own,
        key,
    } in recipients
    {
        if Some(user_id) == notice.actor {
            continue;
        }
        let frequency = NoticeFrequency::from_db(own.as_deref().unwrap_or(&general));
        match frequency {
            NoticeFrequency::Never => {}
            NoticeFrequency::Immediate => {
                let language = MailLanguage::from_db(&language);
                // Read with the recipients; made here only the first time.
                let key = match key {
                    Some(key) => key,
                    None => mail_key(conn, user_id)?,
                };
                let letter = texts::notice(
                    language,
                    &name,
                    &network,
                    notice.kind,
                    notice.title,
                    url.clone(),
                );
                enqueue(
                    conn,
                    Outgoing {
                        kind: MailKind::Notice,
                        user_id: Some(user_id),
                        to: email,
                        letter,
                        unsubscribe_url: Some(unsubscribe_url(base, &key, Some(notice.network_id))),
                        unsubscribe_page: Some(unsubscribe_page(
                            base,
                            &key,
                            Some(notice.network_id),
                        )),
                    },
                )?;
            }
            NoticeFrequency::Daily | NoticeFrequency::Weekly => {
                diesel::insert_into(pending_notices::table)
                    .values((
                        pending_notices::user_id.eq(user_id),
                        pending_notices::network_id.eq(notice.network_id),
                        pending_notices::kind.eq(notice.kind.as_str()),
                        pending_notices::frequency.eq(frequency.as_str()),
                        pending_notices::title.eq(format!("{network}: {}", notice.title)),
                        pending_notices::path.eq(&notice.path),
                        pending_notices::created_at.eq(now),
                    ))
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

/// How long a digest gathers notices.
pub fn period(frequency: NoticeFrequency) -> Duration {
    match frequency {
        NoticeFrequency::Weekly => Duration::days(7),
        _ => Duration::days(1),
    }
}

/// Whether a digest is due at `now`: a pending notice has waited its
/// period. Read before [`compose_digests`] takes a write lock.
pub fn digest_due(conn: &mut DbConn, now: NaiveDateTime) -> Result<bool, ApiError> {
    for frequency in [NoticeFrequency::Daily, NoticeFrequency::Weekly] {
        let waiting: Option<i64> = pending_notices::table
            .filter(pending_notices::frequency.eq(frequency.as_str()))
            .filter(pending_notices::created_at.le(now - period(frequency)))
            .select(pending_notices::id)
            .first(conn)
            .optional()?;
        if waiting.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Writes a digest for each person whose oldest pending notice of a
/// frequency has waited its period at `now`, and drops those notices.
/// Returns how many digests were written.
pub fn compose_digests(
    conn: &mut DbConn,
    base: &str,
    now: NaiveDateTime,
) -> Result<usize, ApiError> {
    let mut written = 0;
    for frequency in [NoticeFrequency::Daily, NoticeFrequency::Weekly] {
        let due: Vec<i64> = pending_notices::table
            .filter(pending_notices::frequency.eq(frequency.as_str()))
            .filter(pending_notices::created_at.le(now - period(frequency)))
            .select(pending_notices::user_id)
            .distinct()
            .load(conn)?;
        for user_id in due {
            let (email, name, language, disabled): (String, String, String, bool) = users::table
                .find(user_id)
                .select((
                    users::email,
                    users::display_name,
                    users::language,
                    users::disabled,
                ))
                .first(conn)?;
            let pending = pending_notices::table
                .filter(pending_notices::user_id.eq(user_id))
                .filter(pending_notices::frequency.eq(frequency.as_str()))
                .filter(pending_notices::created_at.le(now));
            let notices: Vec<(String, String, String)> = pending
                .order(pending_notices::id)
                .select((
                    pending_notices::kind,
                    pending_notices::title,
                    pending_notices::path,
                ))
                .load(conn)?;
            diesel::delete(pending).execute(conn)?;
            if disabled || notices.is_empty() {
                continue;
            }
            let language = MailLanguage::from_db(&language);
            let items = notices
                .into_iter()
                .map(|(kind, title, path)| {
                    let what = texts::kind_words(language, NoticeKind::from_db(&kind));
                    (format!("{what}: {title}"), format!("{base}{path}"))
                })
                .collect();
            let key = mail_key(conn, user_id)?;
            let letter = texts::digest(
                language,
                &name,
                frequency,
                items,
                format!("{base}/mijn.html#berichten"),
            );
            enqueue(
                conn,
                Outgoing {
                    kind: MailKind::Digest,
                    user_id: Some(user_id),
                    to: email,
                    letter,
                    unsubscribe_url: Some(unsubscribe_url(base, &key, None)),
                    unsubscribe_page: Some(unsubscribe_page(base, &key, None)),
                },
            )?;
            written += 1;
        }
    }
    Ok(written)
}

/// The person's key for unsubscribe links, made the first time it is
/// needed. It lets whoever holds it stop notices, nothing else.
pub fn mail_key(conn: &mut DbConn, user_id: i64) -> Result<String, ApiError> {
    let key: Option<String> = users::table
        .find(user_id)
        .select(users::mail_key)
        .first(conn)?;
    if let Some(key) = key {
        return Ok(key);
    }
    let key = random_hex(24);
    diesel::update(users::table.find(user_id))
        .set(users::mail_key.eq(&key))
        .execute(conn)?;
    Ok(key)
}

/// The address a mail program posts to for one-click unsubscribing.
pub fn unsubscribe_url(base: &str, key: &str, network: Option<i64>) -> String {
    match network {
        Some(n) => format!("{base}/api/v1/unsubscribe/{key}?networkId={n}"),
        None => format!("{base}/api/v1/unsubscribe/{key}"),
    }
}

/// The page where a person unsubscribes with a button.
pub fn unsubscribe_page(base: &str, key: &str, network: Option<i64>) -> String {
    match network {
        Some(n) => format!("{base}/afmelden.html#key={key}&networkId={n}"),
        None => format!("{base}/afmelden.html#key={key}"),
    }
}

/// Writes the invitation mail to a person with an account whom a
/// coordinator invited (in the transaction that made the invitation).
pub fn invitation(
    conn: &mut DbConn,
    base: &str,
    user_id: i64,
    network_id: i64,
    message: &str,
) -> Result<(), ApiError> {
    let (email, name, language, disabled): (String, String, String, bool) = users::table
        .find(user_id)
        .select((
            users::email,
            users::display_name,
            users::language,
            users::disabled,
        ))
        .first(conn)?;
    if disabled {
        return Ok(());
    }
    let network: String = networks::table
        .find(network_id)
        .select(networks::name)
        .first(conn)?;
    let letter = texts::invitation(
        MailLanguage::from_db(&language),
        &name,
        &network,
        message,
        format!("{base}/mijn.html#uitnodigingen"),
    );
    enqueue(
        conn,
        Outgoing {
            kind: MailKind::Invitation,
            user_id: Some(user_id),
            to: email,
            letter,
            unsubscribe_url: None,
            unsubscribe_page: None,
        },
    )?;
    Ok(())
}
