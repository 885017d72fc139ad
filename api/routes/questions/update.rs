//! `PATCH /questions/{questionId}`: the raising network changes its
//! question's words before it is received (JSON merge patch).

use actix_web::{patch, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::audit;
use crate::db::models::QuestionValues;
use crate::db::schema::questions;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::domain::QuestionStatus;
use crate::permissions::question_access;
use crate::routes::update_row;
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::AppState;

use super::input::QuestionInput;
use super::read::one;
use super::types::QuestionOut;

/// Change a raised question
///
/// The raising network's core group changes its words, the reason and the
/// links until the receiving network has received it. Where it is raised
/// to does not change: withdraw it and raise it again.
#[utoipa::path(
    tag = "Questions",
    params(("questionId" = i64, Path, description = "Question id", minimum = 1), IfMatch),
    request_body(content = QuestionInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed question.", body = QuestionOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the raising network's core group changes it."),
        (status = 404, description = "No such question, or you may not see it."),
        (status = 409, description = "It was received already; invalidParams names it."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/questions/{questionId}")]
pub async fn update_question(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<QuestionInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let lock = versioned::locker!(questions, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let access = question_access(conn, viewer, id)?;
        access.ensure_raiser()?;
        let current = &access.question;
        let mut errors = parse_errors;
        if input.to_network_id.is_some() {
            errors.push(
                InvalidParam::new(
                    "toNetworkId",
                    Code::Rule,
                    "does not change: withdraw the question and raise it again",
                )
                .expected("unchanged"),
            );
        }
        if QuestionStatus::from_db(&current.status) != QuestionStatus::Raised {
            errors.push(
                InvalidParam::conflict("questionId", Code::Rule, "was received already")
                    .expected("raised"),
            );
        }
        let mut v = QuestionValues::from(current);
        input.apply(&mut v, &mut errors);
        precondition.check(errors, &etag("question", id, current.version))?;
        versioned::update!(conn, questions, id, current.version, &v);
        audit::record(
            conn,
            viewer,
            "question.updated",
            "question",
            Some(id),
            Some(current.network_id),
        )?;
        one(conn, viewer, id)
    })
    .await
}
