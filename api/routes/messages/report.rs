//! `POST /messages/{messageId}/reports`: tell the coordinators that a
//! message is not right.

use actix_web::{post, web, HttpResponse};
use diesel::prelude::*;

use super::create::answer;
use super::types::{MessageOut, ReportInput};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::schema::message_reports;
use crate::permissions::{message_access, reporter, Viewer};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::AppState;

/// Report a message
///
/// Anyone signed in who sees the message, once, with a reason. The
/// network's coordinators see how many reported it.
#[utoipa::path(
    tag = "Messages",
    params(("messageId" = i64, Path, description = "Message id", minimum = 1)),
    request_body = ReportInput,
    responses(
        (status = 201, description = "Reported; the message as you see it.", body = MessageOut),
        (status = 404, description = "No such message, or you may not see it."),
        (status = 409, description = "You reported it already; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/messages/{messageId}/reports")]
pub async fn report_message(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<ReportInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    let (input, mut errors) = body.with_errors();
    let (out, _) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (message, _, _) = message_access(conn, &viewer, id)?;
        let me = reporter(&viewer)?;
        let reason = input.reason.unwrap_or_default().trim().to_string();
        if reason.is_empty() && !errors.iter().any(|e| e.name == "reason") {
            errors.push(InvalidParam::new(
                "reason",
                Code::Required,
                "may not be empty",
            ));
        }
        let already: i64 = message_reports::table
            .filter(message_reports::message_id.eq(id))
            .filter(message_reports::user_id.eq(me))
            .count()
            .get_result(conn)?;
        if already > 0 {
            errors.push(
                InvalidParam::conflict("messageId", Code::Duplicate, "you reported it already")
                    .expected("report"),
            );
        }
        ensure_valid(errors)?;
        diesel::insert_into(message_reports::table)
            .values((
                message_reports::message_id.eq(id),
                message_reports::user_id.eq(me),
                message_reports::reason.eq(reason),
                message_reports::created_at.eq(db::now()),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &viewer,
            "message.reported",
            "message",
            Some(id),
            Some(message.network_id),
        )?;
        answer(conn, &viewer, id)
    })
    .await?;
    Ok(HttpResponse::Created().json(out))
}
