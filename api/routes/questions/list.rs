//! `GET /questions`: the national agenda of the networks, every raised
//! question the viewer may see, most supported first; and `GET
//! /networks/{networkId}/questions`: those raised by or to one network.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::models::Question;
use crate::db::schema::{network_topics, networks, questions};
use crate::db::DbConn;
use crate::domain::QuestionStatus;
use crate::permissions::{network_access, visible_questions, Viewer};
use crate::routes;
use crate::web::error::ApiError;
use crate::web::pagination::{Cursor, PageRequest};
use crate::AppState;

use super::read::present;
use super::types::{QuestionFilters, QuestionPage};

/// The national agenda
///
/// Questions that networks raised to the level above them, most supported
/// first. Filter by status (`open=true`: not yet answered or declined),
/// the raising network's municipality or topic, or a network.
#[utoipa::path(
    tag = "Questions",
    params(QuestionFilters),
    responses(
        (status = 200, description = "A page of questions.", body = QuestionPage),
    ),
    security((), ("bearer" = [])),
)]
#[get("/questions")]
pub async fn list_questions(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    list(state, req, auth, None).await
}

/// A network's questions
///
/// The questions a network raised and the ones raised to it, most
/// supported first.
#[utoipa::path(
    tag = "Questions",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), QuestionFilters),
    responses(
        (status = 200, description = "A page of questions.", body = QuestionPage),
        (status = 404, description = "No such network, or you may not see it."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/questions")]
pub async fn list_network_questions(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    list(state, req, auth, Some(path.into_inner())).await
}

async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    network: Option<i64>,
) -> Result<HttpResponse, ApiError> {
    routes::list::<QuestionFilters, QuestionPage>(
        &state,
        &req,
        auth,
        move |conn, viewer, filters, page| {
            if let Some(id) = network {
                network_access(conn, viewer, id)?;
            }
            let mut rows = select(conn, viewer, network, &filters, &page)?;
            let next = page.finish(&mut rows, |q| Cursor::Count(q.support_count, q.id));
            Ok((present(conn, viewer, rows)?, next))
        },
    )
    .await
}

/// The rows of one page: visible to the viewer, filtered, most supported
/// first (then oldest), after the cursor.
fn select(
    conn: &mut DbConn,
    viewer: &Viewer,
    network: Option<i64>,
    f: &QuestionFilters,
    page: &PageRequest,
) -> Result<Vec<Question>, ApiError> {
    let mut sql = questions::table
        .filter(visible_questions(viewer))
        .select(Question::as_select())
        .into_boxed();
    if let Some(id) = network.or(f.network_id) {
        sql = sql.filter(
            questions::network_id
                .eq(id)
                .or(questions::to_network_id.eq(id)),
        );
    }
    if let Some(status) = f.status {
        sql = sql.filter(questions::status.eq(status.as_str()));
    }
    if f.open == Some(true) {
        let ended = [
            QuestionStatus::Answered.as_str(),
            QuestionStatus::Declined.as_str(),
        ];
        sql = sql.filter(questions::status.ne_all(ended));
    }
    if let Some(code) = &f.municipality {
        sql = sql.filter(
            questions::network_id.eq_any(
                networks::table
                    .filter(networks::municipality_code.eq(code.clone()))
                    .select(networks::id),
            ),
        );
    }
    if let Some(topic) = &f.topic {
        sql = sql.filter(
            questions::network_id.eq_any(
                network_topics::table
                    .filter(network_topics::topic.eq(topic.clone()))
                    .select(network_topics::network_id),
            ),
        );
    }
    if let Some(t) = f.updated_since {
        sql = sql.filter(questions::updated_at.ge(t.naive_utc()));
    }
    if let Some(Cursor::Count(count, id)) = page.after {
        sql = sql.filter(
            questions::support_count
                .lt(count)
                .or(questions::support_count.eq(count).and(questions::id.gt(id))),
        );
    }
    Ok(sql
        .order((questions::support_count.desc(), questions::id))
        .limit(page.fetch_limit())
        .load(conn)?)
}
