//! `PATCH /messages/{messageId}`: change a message's words, pin it, make it
//! public, or hide it (JSON merge patch).

use actix_web::{patch, web, HttpResponse};

use super::create::answer;
use super::types::{MessageInput, MessageOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db::models::MessageValues;
use crate::db::schema::messages;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::{may_announce, may_edit_message, may_moderate_messages, message_access};
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::AppState;

/// Change a message
///
/// The author changes `title` and `body`; the core group `pinned` and
/// `public`; coordinators hide it (`hidden: true` with a `hiddenReason`)
/// or show it again.
#[utoipa::path(
    tag = "Messages",
    params(("messageId" = i64, Path, description = "Message id", minimum = 1), IfMatch),
    request_body(content = MessageInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed message.", body = MessageOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the author changes the words; only the core group pins and publishes; only coordinators hide."),
        (status = 404, description = "No such message, or you may not see it."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/messages/{messageId}")]
pub async fn update_message(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<MessageInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let lock = versioned::locker!(messages, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let (current, access, _) = message_access(conn, viewer, id)?;
        if input.writes() && !may_edit_message(&access, viewer, &current) {
            return Err(ApiError::Forbidden(
                "Only the author changes the words of a message.".into(),
            ));
        }
        if input.announces() && !may_announce(&access) {
            return Err(ApiError::Forbidden(
                "Only the core group and coordinators pin messages and make them public.".into(),
            ));
        }
        if input.moderates() && !may_moderate_messages(&access) {
            return Err(ApiError::Forbidden(
                "Only coordinators hide messages or show them again.".into(),
            ));
        }
        let mut v = MessageValues::from(&current);
        let mut errors = parse_errors;
        input.apply(&mut v, current.parent_id.is_some(), &mut errors);
        precondition.check(errors, &etag("message", id, current.version))?;
        let action = match (current.hidden, v.hidden) {
            (false, true) => "message.hidden",
            (true, false) => "message.shown",
            _ => "message.updated",
        };
        versioned::update!(conn, messages, id, current.version, &v);
        audit::record(
            conn,
            viewer,
            action,
            "message",
            Some(id),
            Some(current.network_id),
        )?;
        answer(conn, viewer, id)
    })
    .await
}
