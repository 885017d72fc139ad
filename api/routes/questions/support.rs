//! `POST /questions/{questionId}/supports` and `DELETE
//! /questions/{questionId}/supports/{networkId}`: another network adds its
//! support to a question ("wij herkennen dit ook"), once, or takes it back.

use actix_web::{delete, post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db;
use crate::db::schema::{question_supports, questions};
use crate::db::versioned;
use crate::domain::{QuestionEventKind, QuestionStatus};
use crate::permissions::{ensure_speaks_for, network_access, question_access, Viewer};
use crate::queries::questions::{record, Step};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::{present, JsonBody};
use crate::web::pagination::base_url;
use crate::AppState;

use super::input::QuestionSupportInput;
use super::read::one;
use super::types::QuestionOut;

/// Support a question
///
/// The core group of another network adds its support, once, with a short
/// note: the more networks recognise a question, the higher it stands on
/// the national agenda. The raising network hears of it.
#[utoipa::path(
    tag = "Questions",
    params(("questionId" = i64, Path, description = "Question id", minimum = 1)),
    request_body = QuestionSupportInput,
    responses(
        (status = 201, description = "Supported; the question with its support counted.", body = QuestionOut),
        (status = 403, description = "Only the core group and coordinators of the supporting network add its support."),
        (status = 404, description = "No such question or network, or you may not see it."),
        (status = 409, description = "Your network supports it already, raised it, received it, or it has ended; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/questions/{questionId}/supports")]
pub async fn support_question(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<QuestionSupportInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = base_url(&req);
    let out = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, questions, id);
        let viewer = Viewer::load(conn, auth)?;
        let question = question_access(conn, &viewer, id)?.question;
        ensure_valid(parse_errors)?;
        let network_id = present(input.network_id.flatten(), "networkId")?;
        let supporter = network_access(conn, &viewer, network_id)?;
        ensure_speaks_for(&supporter)?;
        let note = input.note.flatten().unwrap_or_default().trim().to_string();
        let mut errors = Vec::new();
        let conflict = |reason: &str, expected: &'static str| {
            InvalidParam::conflict("networkId", Code::Rule, reason).expected(expected)
        };
        if network_id == question.network_id {
            errors.push(conflict("raised this question itself", "otherNetwork"));
        } else if network_id == question.to_network_id {
            errors.push(conflict(
                "received this question: it answers it",
                "otherNetwork",
            ));
        }
        if QuestionStatus::from_db(&question.status).is_final() {
            errors.push(
                InvalidParam::conflict("questionId", Code::Rule, "is answered or declined already")
                    .expected("openQuestion"),
            );
        }
        let already: i64 = question_supports::table
            .filter(question_supports::question_id.eq(id))
            .filter(question_supports::network_id.eq(network_id))
            .count()
            .get_result(conn)?;
        if already > 0 {
            errors.push(
                InvalidParam::conflict("networkId", Code::Duplicate, "supports it already")
                    .expected("support"),
            );
        }
        ensure_valid(errors)?;
        diesel::insert_into(question_supports::table)
            .values((
                question_supports::question_id.eq(id),
                question_supports::network_id.eq(network_id),
                question_supports::note.eq(&note),
                question_supports::supported_by.eq(viewer.user_id),
                question_supports::created_at.eq(db::now()),
            ))
            .execute(conn)?;
        count_support(conn, id)?;
        let step = Step {
            question_id: id,
            title: &question.title,
            kind: QuestionEventKind::Supported,
            status: None,
            by_network: network_id,
            note: &note,
            tell: Some(question.network_id),
        };
        record(conn, &viewer, &base, step)?;
        Ok(one(conn, &viewer, id)?.0)
    })
    .await?;
    Ok(HttpResponse::Created().json(out))
}

/// Take back a network's support
///
/// The core group of the supporting network, whenever they like; the
/// timeline keeps that it did.
#[utoipa::path(
    tag = "Questions",
    params(
        ("questionId" = i64, Path, description = "Question id", minimum = 1),
        ("networkId" = i64, Path, description = "The supporting network's id", minimum = 1),
    ),
    responses(
        (status = 204, description = "The support is taken back (or there was none)."),
        (status = 403, description = "Only the supporting network's core group takes it back."),
        (status = 404, description = "No such question or network, or you may not see it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/questions/{questionId}/supports/{networkId}")]
pub async fn withdraw_question_support(
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let (id, network_id) = path.into_inner();
    db::write(&state.pool, move |conn| {
        versioned::lock!(conn, questions, id);
        let viewer = Viewer::load(conn, auth)?;
        let question = question_access(conn, &viewer, id)?.question;
        let supporter = network_access(conn, &viewer, network_id)?;
        ensure_speaks_for(&supporter)?;
        let gone = diesel::delete(
            question_supports::table
                .filter(question_supports::question_id.eq(id))
                .filter(question_supports::network_id.eq(network_id)),
        )
        .execute(conn)?;
        if gone > 0 {
            count_support(conn, id)?;
            let step = Step {
                question_id: id,
                title: &question.title,
                kind: QuestionEventKind::SupportWithdrawn,
                status: None,
                by_network: network_id,
                note: "",
                tell: None,
            };
            record(conn, &viewer, "", step)?;
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Keeps a question's support count (the national agenda's order) equal to
/// its supporting networks, in the transaction that changed them; the
/// question's version moves with it, as its answer changed.
fn count_support(conn: &mut db::DbConn, id: i64) -> Result<(), ApiError> {
    let count: i64 = question_supports::table
        .filter(question_supports::question_id.eq(id))
        .count()
        .get_result(conn)?;
    diesel::update(questions::table.find(id))
        .set((
            questions::support_count.eq(count),
            questions::updated_at.eq(db::now()),
            questions::version.eq(questions::version + 1),
        ))
        .execute(conn)?;
    Ok(())
}
