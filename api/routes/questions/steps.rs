//! `POST /questions/{questionId}/steps`: the receiving network moves a
//! question on: received, on the agenda, being worked on, answered or
//! declined.

use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db::models::QuestionValues;
use crate::db::schema::questions;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::domain::{QuestionEventKind, QuestionStatus};
use crate::permissions::question_access;
use crate::queries::questions::{record, Step};
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::{present, JsonBody};
use crate::web::http::etag;
use crate::web::pagination::base_url;
use crate::AppState;

use super::input::QuestionStepInput;
use super::read::one;
use super::rules::check_step;
use super::types::QuestionOut;

/// Move a question on
///
/// The receiving network's core group moves the question forward, never
/// back: `received`, `on_agenda` (with the agenda item it is on),
/// `in_progress`, then `answered` (the answer in `note`) or `declined`
/// (why, in `note`). Each step goes on the timeline, and the raising
/// network's members hear of it.
#[utoipa::path(
    tag = "Questions",
    params(("questionId" = i64, Path, description = "Question id", minimum = 1), IfMatch),
    request_body = QuestionStepInput,
    responses(
        (status = 200, description = "The question after the step.", body = QuestionOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the receiving network's core group moves it."),
        (status = 404, description = "No such question, or you may not see it."),
        (status = 409, description = "The step goes back, the question has ended, or the agenda item is not the receiving network's; invalidParams names it."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[post("/questions/{questionId}/steps")]
pub async fn move_question(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<QuestionStepInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = base_url(&req);
    let lock = versioned::locker!(questions, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let access = question_access(conn, viewer, id)?;
        access.ensure_receiver()?;
        let current = &access.question;
        let mut errors = parse_errors;
        let note = input.note.flatten().unwrap_or_default().trim().to_string();
        let agenda_item = input.agenda_item_id.flatten();
        let mut v = QuestionValues::from(current);
        if let Some(next) = input.status.flatten() {
            let now = QuestionStatus::from_db(&current.status);
            check_step(
                conn,
                now,
                next,
                &note,
                agenda_item,
                current.to_network_id,
                &mut errors,
            )?;
        }
        precondition.check(errors, &etag("question", id, current.version))?;
        let next = present(input.status.flatten(), "status")?;
        v.status = next.as_str().into();
        if next.is_final() {
            v.answer = note.clone();
        }
        if agenda_item.is_some() {
            v.agenda_item_id = agenda_item;
        }
        versioned::update!(conn, questions, id, current.version, &v);
        let step = Step {
            question_id: id,
            title: &v.title,
            kind: QuestionEventKind::Moved,
            status: Some(next),
            by_network: current.to_network_id,
            note: &note,
            tell: Some(current.network_id),
        };
        record(conn, viewer, &base, step)?;
        one(conn, viewer, id)
    })
    .await
}
