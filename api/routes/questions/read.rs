//! `GET /questions/{questionId}`: a raised question with its supporters and
//! its timeline; and the presenter every question endpoint answers with.

use std::collections::{HashMap, HashSet};

use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::models::{Question, QuestionEvent, QuestionSupport};
use crate::db::schema::{networks, question_events, question_supports, questions};
use crate::db::{self, DbConn};
use crate::domain::{QuestionEventKind, QuestionStatus, Scope};
use crate::permissions::{
    may_edit_question, may_move_question, question_access, visible_networks, Viewer,
};
use crate::routes::networks::NetworkRef;
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::web::http::{etag, utc};
use crate::AppState;

use super::input::links_of;
use super::types::{QuestionEventOut, QuestionOut, QuestionSupportOut};

/// Read a raised question
///
/// The question, the networks that raised it, received it and support it,
/// and every step so far. Public when both networks are public; members of
/// either network always see it.
#[utoipa::path(
    tag = "Questions",
    params(("questionId" = i64, Path, description = "Question id", minimum = 1)),
    responses(
        (status = 200, description = "The question.", body = QuestionOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such question, or you may not see it."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/questions/{questionId}")]
pub async fn get_question(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    read_row(&state, auth, move |conn, viewer| {
        question_access(conn, viewer, id)?;
        one(conn, viewer, id)
    })
    .await
}

/// One question as the viewer sees it, with its ETag.
pub fn one(conn: &mut DbConn, viewer: &Viewer, id: i64) -> Result<(QuestionOut, String), ApiError> {
    let row: Question = questions::table
        .find(id)
        .select(Question::as_select())
        .first(conn)?;
    let tag = etag("question", id, row.version);
    let out = present(conn, viewer, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::Internal("question vanished".into()))?;
    Ok((out, tag))
}

/// Questions as the viewer sees them, in the order given. Supporting
/// networks the viewer may not see are counted, not named.
pub fn present(
    conn: &mut DbConn,
    viewer: &Viewer,
    rows: Vec<Question>,
) -> Result<Vec<QuestionOut>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|q| q.id).collect();
    let supports: Vec<QuestionSupport> = question_supports::table
        .filter(db::in_ids(question_supports::question_id, &ids))
        .select(QuestionSupport::as_select())
        .order((question_supports::created_at, question_supports::network_id))
        .load(conn)?;
    let events: Vec<QuestionEvent> = question_events::table
        .filter(db::in_ids(question_events::question_id, &ids))
        .select(QuestionEvent::as_select())
        .order(question_events::id)
        .load(conn)?;
    let mut network_ids: Vec<i64> = rows
        .iter()
        .flat_map(|q| [q.network_id, q.to_network_id])
        .chain(supports.iter().map(|s| s.network_id))
        .chain(events.iter().filter_map(|e| e.network_id))
        .collect();
    network_ids.sort_unstable();
    network_ids.dedup();
    let named: HashMap<i64, (String, String)> = networks::table
        .filter(db::in_ids(networks::id, &network_ids))
        .select((networks::id, networks::name, networks::scope))
        .load::<(i64, String, String)>(conn)?
        .into_iter()
        .map(|(id, name, scope)| (id, (name, scope)))
        .collect();
    let seen: HashSet<i64> = db::on_each!(conn, c => networks::table
        .filter(db::in_ids(networks::id, &network_ids))
        .filter(visible_networks(viewer))
        .select(networks::id)
        .load::<i64>(c))?
    .into_iter()
    .collect();
    let roles = viewer.roles_in(conn, &network_ids)?;
    let role = |id: i64| roles.get(&id).copied();
    let reference = |id: i64| {
        named.get(&id).map(|(name, scope)| NetworkRef {
            id,
            name: name.clone(),
            scope: Scope::from_db(scope),
        })
    };
    let shown = |id: i64| {
        if seen.contains(&id) {
            reference(id)
        } else {
            None
        }
    };
    let mut by_question: HashMap<i64, Vec<QuestionSupportOut>> = HashMap::new();
    for s in supports {
        if let Some(network) = shown(s.network_id) {
            by_question
                .entry(s.question_id)
                .or_default()
                .push(QuestionSupportOut {
                    network,
                    note: s.note,
                    created_at: utc(s.created_at),
                });
        }
    }
    let mut timelines: HashMap<i64, Vec<QuestionEventOut>> = HashMap::new();
    for e in events {
        let kind = QuestionEventKind::from_db(&e.kind);
        // A step by a network the viewer may not see keeps its place on the
        // timeline without its name, and without a supporter's note.
        let network = e.network_id.and_then(shown);
        let note = if kind != QuestionEventKind::Moved && network.is_none() {
            String::new()
        } else {
            e.note
        };
        timelines
            .entry(e.question_id)
            .or_default()
            .push(QuestionEventOut {
                kind,
                status: e.status.as_deref().map(QuestionStatus::from_db),
                network,
                note,
                at: utc(e.created_at),
            });
    }
    rows.into_iter()
        .map(|q| {
            let status = QuestionStatus::from_db(&q.status);
            let missing = || ApiError::Internal("a question's network vanished".into());
            Ok(QuestionOut {
                links: links_of(&q),
                raised_by: reference(q.network_id).ok_or_else(missing)?,
                raised_to: reference(q.to_network_id).ok_or_else(missing)?,
                supported_by: by_question.remove(&q.id).unwrap_or_default(),
                timeline: timelines.remove(&q.id).unwrap_or_default(),
                may_edit: may_edit_question(viewer.is_admin, role(q.network_id), status),
                may_move: may_move_question(viewer.is_admin, role(q.to_network_id), status),
                id: q.id,
                title: q.title,
                question: q.question,
                beyond: q.beyond,
                tried: q.tried,
                status,
                answer: q.answer,
                agenda_item_id: q.agenda_item_id,
                support_count: q.support_count,
                created_at: utc(q.created_at),
                updated_at: utc(q.updated_at),
            })
        })
        .collect()
}
