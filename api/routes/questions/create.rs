//! `POST /networks/{networkId}/questions`: a network raises a question to
//! the level above it ("agenderen").

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db;
use crate::db::models::QuestionValues;
use crate::db::schema::questions;
use crate::domain::{QuestionEventKind, QuestionStatus};
use crate::permissions::{ensure_speaks_for, network_access, Viewer};
use crate::queries::questions::{record, Step};
use crate::web::error::{ensure_valid, ApiError};
use crate::web::extract::{present, JsonBody};
use crate::web::http::created;
use crate::web::pagination::base_url;
use crate::AppState;

use super::input::QuestionInput;
use super::read::one;
use super::rules::check_target;
use super::types::QuestionOut;

/// Raise a question
///
/// The core group of a local or regional network raises a question that
/// goes beyond its own level to its parent network or to a national
/// network. That network's members hear of it.
#[utoipa::path(
    tag = "Questions",
    params(("networkId" = i64, Path, description = "The raising network's id", minimum = 1)),
    request_body = QuestionInput,
    responses(
        (status = 201, description = "The raised question.", body = QuestionOut,
            headers(("Location" = String, description = "Address of the question"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the core group and coordinators raise questions for their network."),
        (status = 404, description = "No such network, or you may not see it."),
        (status = 409, description = "The network it is raised to is neither the parent nor a national network; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks/{networkId}/questions")]
pub async fn raise_question(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<QuestionInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let network_id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = base_url(&req);
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        ensure_speaks_for(&access)?;
        let to = input.to_network_id.flatten();
        let mut v = QuestionValues {
            title: String::new(),
            question: String::new(),
            beyond: String::new(),
            tried: String::new(),
            link_list: String::new(),
            status: QuestionStatus::Raised.as_str().into(),
            answer: String::new(),
            agenda_item_id: None,
        };
        let mut errors = parse_errors;
        input.apply(&mut v, &mut errors);
        if let Some(to) = to {
            check_target(conn, &viewer, &access.network, to, &mut errors)?;
        }
        ensure_valid(errors)?;
        let to = present(to, "toNetworkId")?;
        let now = db::now();
        let id: i64 = diesel::insert_into(questions::table)
            .values((
                &v,
                questions::network_id.eq(network_id),
                questions::to_network_id.eq(to),
                questions::raised_by.eq(viewer.user_id),
                questions::created_at.eq(now),
                questions::updated_at.eq(now),
            ))
            .returning(questions::id)
            .get_result(conn)?;
        let step = Step {
            question_id: id,
            title: &v.title,
            kind: QuestionEventKind::Raised,
            status: Some(QuestionStatus::Raised),
            by_network: network_id,
            note: "",
            tell: Some(to),
        };
        record(conn, &viewer, &base, step)?;
        one(conn, &viewer, id)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/questions/{}", out.id),
        &out,
        Some(&tag),
    ))
}
