//! `GET /networks/{networkId}/messages` and `GET /messages/{messageId}/replies`:
//! a network's message board, and the replies to a message.

use std::collections::{HashMap, HashSet};

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::types::{MessageFilters, MessageOut, MessagePage, MessageView, ReplyFilters};
use crate::accounts::auth::Auth;
use crate::db::models::{Message, Stakeholder};
use crate::db::schema::{message_reports, messages, stakeholders};
use crate::db::{self, DbConn};
use crate::permissions::{
    has_accepted_house_rules, may_delete_message, may_edit_message, may_moderate_messages,
    may_read_members_messages, may_see_message_author, message_access, must_accept_house_rules,
    network_access, NetworkAccess, Viewer,
};
use crate::routes;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

/// A network's message board
///
/// Pinned messages first, then the newest. Members who accepted the
/// current house rules read every message; others only public
/// announcements (`publicOnly=true`; a member who has not accepted the
/// rules gets 403 without it). Hidden messages only coordinators see.
#[utoipa::path(
    tag = "Messages",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), MessageFilters),
    responses(
        (status = 200, description = "A page of messages.", body = MessagePage),
        (status = 403, description = "Accept the network's house rules first (or ask for publicOnly=true)."),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/messages")]
pub async fn list_messages(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    routes::list::<MessageFilters, MessagePage>(
        &state,
        &req,
        auth,
        move |conn, viewer, filters, page| {
            let access = network_access(conn, viewer, network_id)?;
            let public_only = filters.public_only == Some(true);
            let accepted = has_accepted_house_rules(conn, viewer, network_id)?;
            if !public_only {
                must_accept_house_rules(&access, accepted)?;
            }
            let reads_members = !public_only && may_read_members_messages(&access, accepted);
            let mut sql = messages::table
                .filter(messages::network_id.eq(network_id))
                .filter(messages::parent_id.is_null())
                .select(Message::as_select())
                .into_boxed();
            if !reads_members {
                sql = sql.filter(messages::public.eq(true));
            }
            if !may_moderate_messages(&access) {
                sql = sql.filter(messages::hidden.eq(false));
            }
            if let Some(t) = filters.updated_since {
                sql = sql.filter(messages::updated_at.ge(t.naive_utc()));
            }
            match page.after {
                Some(Cursor::Pinned(true, id)) => {
                    sql = sql.filter(
                        messages::pinned
                            .eq(false)
                            .or(messages::pinned.eq(true).and(messages::id.lt(id))),
                    );
                }
                Some(Cursor::Pinned(false, id)) => {
                    sql = sql
                        .filter(messages::pinned.eq(false))
                        .filter(messages::id.lt(id));
                }
                _ => {}
            }
            let mut rows: Vec<Message> = sql
                .order((messages::pinned.desc(), messages::id.desc()))
                .limit(page.fetch_limit())
                .load(conn)?;
            let next = page.finish(&mut rows, |m| Cursor::Pinned(m.pinned, m.id));
            Ok((present(conn, viewer, &access, reads_members, rows)?, next))
        },
    )
    .await
}

/// The replies to a message
///
/// Oldest first. Replies are for the network's members (who accepted the
/// current house rules), also under a public announcement.
#[utoipa::path(
    tag = "Messages",
    params(("messageId" = i64, Path, description = "Message id", minimum = 1), ReplyFilters),
    responses(
        (status = 200, description = "A page of replies.", body = MessagePage),
        (status = 403, description = "Accept the network's house rules first."),
        (status = 404, description = "No such message, or you may not see it."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/messages/{messageId}/replies")]
pub async fn list_replies(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let message_id = path.into_inner();
    routes::list::<ReplyFilters, MessagePage>(
        &state,
        &req,
        auth,
        move |conn, viewer, filters, page| {
            let (_, access, reads_members) = message_access(conn, viewer, message_id)?;
            if !reads_members {
                let accepted = has_accepted_house_rules(conn, viewer, access.network.id)?;
                must_accept_house_rules(&access, accepted)?;
                return Ok((Vec::new(), None));
            }
            let mut sql = messages::table
                .filter(messages::parent_id.eq(message_id))
                .filter(messages::id.gt(page.after_id()))
                .select(Message::as_select())
                .into_boxed();
            if !may_moderate_messages(&access) {
                sql = sql.filter(messages::hidden.eq(false));
            }
            if let Some(t) = filters.updated_since {
                sql = sql.filter(messages::updated_at.ge(t.naive_utc()));
            }
            let mut rows: Vec<Message> = sql
                .order(messages::id.asc())
                .limit(page.fetch_limit())
                .load(conn)?;
            let next = page.finish(&mut rows, |m| Cursor::Id(m.id));
            Ok((present(conn, viewer, &access, reads_members, rows)?, next))
        },
    )
    .await
}

/// Messages of one network as the viewer sees them, in the order given.
pub fn present(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &NetworkAccess,
    reads_members: bool,
    rows: Vec<Message>,
) -> Result<Vec<MessageOut>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let moderator = may_moderate_messages(access);
    let mut replies = messages::table
        .filter(messages::parent_id.eq_any(ids.clone()))
        .select(messages::parent_id)
        .into_boxed();
    if !moderator {
        replies = replies.filter(messages::hidden.eq(false));
    }
    let mut reply_counts: HashMap<i64, i64> = HashMap::new();
    if reads_members && !ids.is_empty() {
        for parent in replies.load::<Option<i64>>(conn)?.into_iter().flatten() {
            *reply_counts.entry(parent).or_default() += 1;
        }
    }
    let reports: HashMap<i64, i64> = if moderator {
        message_reports::table
            .filter(db::in_ids(message_reports::message_id, &ids))
            .group_by(message_reports::message_id)
            .select((message_reports::message_id, count_star()))
            .load::<(i64, i64)>(conn)?
            .into_iter()
            .collect()
    } else {
        HashMap::new()
    };
    let mine: HashSet<i64> = match viewer.user_id {
        Some(me) => message_reports::table
            .filter(db::in_ids(message_reports::message_id, &ids))
            .filter(message_reports::user_id.eq(me))
            .select(message_reports::message_id)
            .load::<i64>(conn)?
            .into_iter()
            .collect(),
        None => HashSet::new(),
    };
    let author_ids: Vec<i64> = rows
        .iter()
        .filter_map(|m| m.author_stakeholder_id)
        .collect();
    let authors: HashMap<i64, Stakeholder> = stakeholders::table
        .filter(db::in_ids(stakeholders::id, &author_ids))
        .select(Stakeholder::as_select())
        .load::<Stakeholder>(conn)?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    Ok(rows
        .into_iter()
        .map(|m| {
            let author = m.author_stakeholder_id.and_then(|id| authors.get(&id));
            let view = MessageView {
                author_name: author
                    .filter(|s| may_see_message_author(access.is_insider(), s))
                    .map(|s| s.name.clone()),
                by_me: m.author_stakeholder_id.is_some()
                    && m.author_stakeholder_id == viewer.stakeholder_id,
                moderator,
                reply_count: reply_counts.get(&m.id).copied().unwrap_or(0),
                report_count: reports.get(&m.id).copied().unwrap_or(0),
                reported_by_me: mine.contains(&m.id),
                may_edit: may_edit_message(access, viewer, &m),
                may_delete: may_delete_message(access, viewer, &m),
            };
            MessageOut::new(m, view)
        })
        .collect())
}
