//! `GET /messages/{messageId}`: one message or reply.

use actix_web::{get, web, HttpResponse};

use super::create::answer;
use super::types::MessageOut;
use crate::accounts::auth::Auth;
use crate::permissions::message_access;
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::AppState;

/// A message
///
/// A public announcement for whoever sees the network; other messages and
/// replies for its members who accepted the current house rules; hidden
/// ones for coordinators.
#[utoipa::path(
    tag = "Messages",
    params(("messageId" = i64, Path, description = "Message id", minimum = 1)),
    responses(
        (status = 200, description = "The message.", body = MessageOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Accept the network's house rules first."),
        (status = 404, description = "No such message, or you may not see it."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/messages/{messageId}")]
pub async fn get_message(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    read_row(&state, auth, move |conn, viewer| {
        message_access(conn, viewer, id)?;
        answer(conn, viewer, id)
    })
    .await
}
