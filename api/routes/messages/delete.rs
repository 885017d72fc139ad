//! `DELETE /messages/{messageId}`: delete a message and its replies.

use actix_web::{delete, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::schema::messages;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::{may_delete_message, message_access};
use crate::routes::{delete_row, Deleted};
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::AppState;

/// Delete a message
///
/// Its author, or a coordinator. Deleting a message deletes its replies.
#[utoipa::path(
    tag = "Messages",
    params(("messageId" = i64, Path, description = "Message id", minimum = 1), IfMatch),
    responses(
        (status = 204, description = "Deleted, with its replies."),
        (status = 403, description = "Only the author or a coordinator deletes a message."),
        (status = 404, description = "No such message, or you may not see it."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/messages/{messageId}")]
pub async fn delete_message(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    delete_row(
        &state,
        auth,
        move |conn| {
            versioned::lock!(conn, messages, id);
            Ok(())
        },
        move |conn, viewer| {
            let (current, access, _) = message_access(conn, viewer, id)?;
            if !may_delete_message(&access, viewer, &current) {
                return Err(ApiError::Forbidden(
                    "Only the author or a coordinator deletes a message.".into(),
                ));
            }
            precondition.matches(&etag("message", id, current.version))?;
            diesel::delete(messages::table.filter(messages::parent_id.eq(id))).execute(conn)?;
            versioned::delete!(conn, messages, id, current.version);
            Ok(Deleted {
                action: "message.deleted",
                object: ("message", id),
                network_id: Some(current.network_id),
            })
        },
    )
    .await
}
