//! The part of your export from the shared place: the mail written to you,
//! the messages you wrote and reported, the house rules you accepted.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{house_rule_acceptances, message_reports, messages};
use crate::db::DbConn;
use crate::web::error::ApiError;
use crate::web::http::utc;

use super::{ExportAcceptance, ExportMessage, ExportReport};

/// The mail written to the account, oldest first, with its words while it
/// waits.
pub(super) fn mail_to(
    conn: &mut DbConn,
    user_id: i64,
) -> Result<Vec<crate::routes::outbox::OutboxMailOut>, ApiError> {
    use crate::db::models::OutboxMail;
    use crate::db::schema::outbox;
    Ok(outbox::table
        .filter(outbox::user_id.eq(user_id))
        .order(outbox::id)
        .select(OutboxMail::as_select())
        .load(conn)?
        .into_iter()
        .map(|m| crate::routes::outbox::OutboxMailOut::new(m, true))
        .collect())
}

pub(super) fn messages_written(
    conn: &mut DbConn,
    user_id: i64,
    me: i64,
) -> Result<Vec<ExportMessage>, ApiError> {
    type Row = (i64, i64, Option<i64>, String, String, NaiveDateTime);
    let rows: Vec<Row> = messages::table
        .filter(
            messages::author_user_id
                .eq(user_id)
                .or(messages::author_stakeholder_id.eq(me)),
        )
        .order(messages::id)
        .select((
            messages::id,
            messages::network_id,
            messages::parent_id,
            messages::title,
            messages::body,
            messages::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, network_id, parent_id, title, body, created)| ExportMessage {
                id,
                network_id,
                parent_id,
                title,
                body,
                created_at: utc(created),
            },
        )
        .collect())
}

pub(super) fn messages_reported(
    conn: &mut DbConn,
    user_id: i64,
) -> Result<Vec<ExportReport>, ApiError> {
    let rows: Vec<(i64, String, NaiveDateTime)> = message_reports::table
        .filter(message_reports::user_id.eq(user_id))
        .order(message_reports::message_id)
        .select((
            message_reports::message_id,
            message_reports::reason,
            message_reports::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(message_id, reason, created)| ExportReport {
            message_id,
            reason,
            created_at: utc(created),
        })
        .collect())
}

pub(super) fn house_rules_accepted(
    conn: &mut DbConn,
    me: i64,
) -> Result<Vec<ExportAcceptance>, ApiError> {
    let rows: Vec<(i64, i64, NaiveDateTime)> = house_rule_acceptances::table
        .filter(house_rule_acceptances::stakeholder_id.eq(me))
        .order((
            house_rule_acceptances::network_id,
            house_rule_acceptances::version,
        ))
        .select((
            house_rule_acceptances::network_id,
            house_rule_acceptances::version,
            house_rule_acceptances::accepted_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(network_id, version, accepted)| ExportAcceptance {
            network_id,
            version,
            accepted_at: utc(accepted),
        })
        .collect())
}
