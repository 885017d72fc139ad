//! `DELETE /questions/{questionId}`: the raising network withdraws its
//! question before it is received.

use actix_web::{delete, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db::schema::questions;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::domain::QuestionStatus;
use crate::permissions::question_access;
use crate::routes::{delete_row, Deleted};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::http::etag;
use crate::AppState;

/// Withdraw a raised question
///
/// The raising network's core group, until the receiving network has
/// received it; after that it stays on the record, and the receiving
/// network may decline it.
#[utoipa::path(
    tag = "Questions",
    params(("questionId" = i64, Path, description = "Question id", minimum = 1), IfMatch),
    responses(
        (status = 204, description = "The question is withdrawn."),
        (status = 403, description = "Only the raising network's core group withdraws it."),
        (status = 404, description = "No such question, or you may not see it."),
        (status = 409, description = "It was received already; invalidParams names it."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/questions/{questionId}")]
pub async fn withdraw_question(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    delete_row(
        &state,
        auth,
        versioned::locker!(questions, id),
        move |conn, viewer| {
            let access = question_access(conn, viewer, id)?;
            access.ensure_raiser()?;
            let current = access.question;
            precondition.matches(&etag("question", id, current.version))?;
            if QuestionStatus::from_db(&current.status) != QuestionStatus::Raised {
                ensure_valid(vec![InvalidParam::conflict(
                    "questionId",
                    Code::Rule,
                    "was received already: it stays on the record",
                )
                .expected("raised")])?;
            }
            versioned::delete!(conn, questions, id, current.version);
            Ok(Deleted {
                action: "question.withdrawn",
                object: ("question", id),
                network_id: Some(current.network_id),
            })
        },
    )
    .await
}
