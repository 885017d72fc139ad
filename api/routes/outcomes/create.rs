//! `POST /meetings/{meetingId}/outcomes`: write down an outcome, and make
//! it a goal or a step at once if wanted.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{OutcomeInput, OutcomeOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::models::{GoalValues, Outcome};
use crate::db::schema::{agenda_items, meeting_outcomes};
use crate::domain::GoalStatus;
use crate::permissions::{meeting_access, Viewer};
use crate::queries;
use crate::routes::goals::check_goal;
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::created;
use crate::AppState;

/// Add an outcome
///
/// The core group, once the meeting has begun. With `goal`, the outcome
/// becomes an agreed goal of the network (or a step, with `parentId`),
/// which links back to the meeting.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    request_body = OutcomeInput,
    responses(
        (status = 201, description = "The outcome.", body = OutcomeOut,
            headers(("Location" = String, description = "The meeting's outcomes"))),
        (status = 403, description = "Only the core group writes outcomes."),
        (status = 404, description = "No such meeting, or it is for members only."),
        (status = 409, description = "The meeting has not begun, or a field names something that is not there; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/meetings/{meetingId}/outcomes")]
pub async fn add_outcome(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<OutcomeInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let meeting_id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let out = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (meeting, access) = meeting_access(conn, &viewer, meeting_id)?;
        access.ensure_organiser()?;
        let mut errors = parse_errors;
        let text = input.text.clone().unwrap_or_default().trim().to_string();
        if meeting.starts_at > db::now() {
            errors.push(
                InvalidParam::conflict(
                    "meetingId",
                    Code::Rule,
                    "has not begun: outcomes come after it",
                )
                .expected("meetingHeld"),
            );
        }
        if let Some(item) = input.agenda_item_id {
            let of_meeting: i64 = agenda_items::table
                .filter(agenda_items::id.eq(item))
                .filter(agenda_items::meeting_id.eq(meeting_id))
                .count()
                .get_result(conn)?;
            if of_meeting == 0 {
                errors.push(
                    InvalidParam::conflict(
                        "agendaItemId",
                        Code::Reference,
                        "is not an item of this meeting's agenda",
                    )
                    .expected("agendaItem"),
                );
            }
        }
        let goal = input.goal.as_ref().map(|g| GoalValues {
            parent_id: g.parent_id,
            title: g.title.trim().to_string(),
            description: text.clone(),
            status: GoalStatus::Agreed.as_str().into(),
            target_date: None,
            achieved_at: None,
            owner_id: None,
            position: 0,
            articles: String::new(),
        });
        if let Some(v) = &goal {
            let mut goal_errors = Vec::new();
            check_goal(conn, meeting.network_id, None, v, &mut goal_errors)?;
            errors.extend(goal_errors.into_iter().map(|mut e| {
                e.name = format!("goal.{}", e.name);
                e
            }));
        }
        ensure_valid(errors)?;
        let goal_id = match goal {
            Some(v) => Some(queries::goals::insert(
                conn,
                meeting.network_id,
                &v,
                viewer.user_id,
                Some(meeting_id),
            )?),
            None => None,
        };
        let id: i64 = diesel::insert_into(meeting_outcomes::table)
            .values((
                meeting_outcomes::meeting_id.eq(meeting_id),
                meeting_outcomes::item_id.eq(input.agenda_item_id),
                meeting_outcomes::text.eq(text),
                meeting_outcomes::goal_id.eq(goal_id),
                meeting_outcomes::created_by.eq(viewer.user_id),
                meeting_outcomes::created_at.eq(db::now()),
            ))
            .returning(meeting_outcomes::id)
            .get_result(conn)?;
        let outcome: Outcome = meeting_outcomes::table
            .find(id)
            .select(Outcome::as_select())
            .first(conn)?;
        if let Some(id) = goal_id {
            audit::record(
                conn,
                &viewer,
                "goal.created",
                "goal",
                Some(id),
                Some(meeting.network_id),
            )?;
        }
        audit::record(
            conn,
            &viewer,
            "meeting.outcome_added",
            "meeting",
            Some(meeting_id),
            Some(meeting.network_id),
        )?;
        Ok(OutcomeOut::from(outcome))
    })
    .await?;
    Ok(created(
        &req,
        &format!("/meetings/{meeting_id}/outcomes"),
        &out,
        None,
    ))
}
