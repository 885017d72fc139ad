//! `POST /networks/{networkId}/messages` and `POST /messages/{messageId}/replies`:
//! write a message on a network's board, or reply to one.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::list::present;
use super::types::{MessageInput, MessageOut, ReplyInput};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db::models::{Message, MessageValues};
use crate::db::schema::messages;
use crate::db::versioned;
use crate::db::{self, DbConn};
use crate::permissions::{
    has_accepted_house_rules, may_announce, may_see_message, message_access, message_author,
    must_accept_house_rules, network_access, Viewer,
};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::{created, etag};
use crate::AppState;

/// Write a message
///
/// Members who accepted the current house rules. Members-only by default;
/// the core group may pin it (`pinned`) and make it a public announcement
/// (`public`).
#[utoipa::path(
    tag = "Messages",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    request_body = MessageInput,
    responses(
        (status = 201, description = "The message.", body = MessageOut,
            headers(("Location" = String, description = "Address of the message"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only members write, after accepting the house rules; only the core group pins and publishes; only coordinators hide."),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks/{networkId}/messages")]
pub async fn create_message(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<MessageInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let network_id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = crate::web::pagination::base_url(&req);
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        let me = message_author(&access, &viewer)?;
        let accepted = has_accepted_house_rules(conn, &viewer, network_id)?;
        must_accept_house_rules(&access, accepted)?;
        if input.announces() && !may_announce(&access) {
            return Err(ApiError::Forbidden(
                "Only the core group and coordinators pin messages and make them public.".into(),
            ));
        }
        if input.moderates() {
            return Err(ApiError::Forbidden(
                "A new message is not hidden; coordinators hide messages afterwards.".into(),
            ));
        }
        let mut v = empty();
        let mut errors = parse_errors;
        input.apply(&mut v, false, &mut errors);
        ensure_valid(errors)?;
        let id = insert(conn, &viewer, network_id, None, me, &v)?;
        // The members hear of it as they chose (replies are not announced).
        crate::mail::notices::announce(
            conn,
            &base,
            crate::mail::notices::Notice {
                network_id,
                kind: crate::domain::NoticeKind::Message,
                title: &v.title,
                path: format!("/netwerk.html?id={network_id}#prikbord-kop"),
                actor: viewer.user_id,
            },
        )?;
        answer(conn, &viewer, id)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/messages/{}", out.id),
        &out,
        Some(&tag),
    ))
}

/// Reply to a message
///
/// Members who accepted the current house rules, to a message (not to a
/// reply: replies go one level deep).
#[utoipa::path(
    tag = "Messages",
    params(("messageId" = i64, Path, description = "Message id", minimum = 1)),
    request_body = ReplyInput,
    responses(
        (status = 201, description = "The reply.", body = MessageOut,
            headers(("Location" = String, description = "Address of the reply"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only members reply, after accepting the house rules."),
        (status = 404, description = "No such message, or you may not see it."),
    ),
    security(("bearer" = [])),
)]
#[post("/messages/{messageId}/replies")]
pub async fn create_reply(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<ReplyInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let parent_id = path.into_inner();
    let (input, mut errors) = body.with_errors();
    let (out, tag) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, messages, parent_id);
        let viewer = Viewer::load(conn, auth)?;
        let (parent, access, _) = message_access(conn, &viewer, parent_id)?;
        let me = message_author(&access, &viewer)?;
        let accepted = has_accepted_house_rules(conn, &viewer, parent.network_id)?;
        must_accept_house_rules(&access, accepted)?;
        if parent.parent_id.is_some() {
            errors.push(
                InvalidParam::new(
                    "messageId",
                    Code::Rule,
                    "is a reply: replies go one level deep, so reply to the message it answers",
                )
                .expected("topLevelMessage"),
            );
        }
        let mut v = empty();
        v.body = input.body.unwrap_or_default().trim().to_string();
        if v.body.is_empty() && !errors.iter().any(|e| e.name == "body") {
            errors.push(InvalidParam::new(
                "body",
                Code::Required,
                "may not be empty",
            ));
        }
        ensure_valid(errors)?;
        let id = insert(conn, &viewer, parent.network_id, Some(parent_id), me, &v)?;
        answer(conn, &viewer, id)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/messages/{}", out.id),
        &out,
        Some(&tag),
    ))
}

fn empty() -> MessageValues {
    MessageValues {
        title: String::new(),
        body: String::new(),
        pinned: false,
        public: false,
        hidden: false,
        hidden_reason: String::new(),
    }
}

fn insert(
    conn: &mut DbConn,
    viewer: &Viewer,
    network_id: i64,
    parent_id: Option<i64>,
    author: i64,
    v: &MessageValues,
) -> Result<i64, ApiError> {
    let now = db::now();
    let id: i64 = diesel::insert_into(messages::table)
        .values((
            v,
            messages::network_id.eq(network_id),
            messages::parent_id.eq(parent_id),
            messages::author_stakeholder_id.eq(author),
            messages::author_user_id.eq(viewer.user_id),
            messages::created_at.eq(now),
            messages::updated_at.eq(now),
        ))
        .returning(messages::id)
        .get_result(conn)?;
    audit::record(
        conn,
        viewer,
        if parent_id.is_some() {
            "message.replied"
        } else {
            "message.created"
        },
        "message",
        Some(id),
        Some(network_id),
    )?;
    Ok(id)
}

/// One message as `viewer` sees it, with its ETag; 404 when they may not
/// see it.
pub fn answer(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<(MessageOut, String), ApiError> {
    let row: Message = messages::table
        .find(id)
        .select(Message::as_select())
        .first(conn)?;
    let access = network_access(conn, viewer, row.network_id)?;
    let accepted = has_accepted_house_rules(conn, viewer, row.network_id)?;
    let reads_members = crate::permissions::may_read_members_messages(&access, accepted);
    if !may_see_message(&access, reads_members, &row) {
        return Err(ApiError::not_found("This message"));
    }
    let tag = etag("message", id, row.version);
    let out = present(conn, viewer, &access, reads_members, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::not_found("This message"))?;
    Ok((out, tag))
}
