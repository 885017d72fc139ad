//! `PATCH /goals/{goalId}`: change a goal (JSON merge patch).

use actix_web::{patch, web, HttpRequest, HttpResponse};

use super::read::answer;
use super::rules;
use super::types::{GoalInput, GoalOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db::models::GoalValues;
use crate::db::schema::goals;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::domain::NoticeKind;
use crate::mail::notices::{self, Notice};
use crate::permissions::goal_access;
use crate::queries;
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::web::pagination::base_url;
use crate::webhooks::{self, Event};
use crate::AppState;

/// Change a goal
///
/// Core group and coordinators. Setting `status` to `achieved` records
/// `achievedAt`: celebrate it.
#[utoipa::path(
    tag = "Goals",
    params(
        ("goalId" = i64, Path, description = "Goal id", minimum = 1),
        IfMatch,
    ),
    request_body(content = GoalInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed goal.", body = GoalOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the core group and coordinators change goals."),
        (status = 409, description = "A field refers to something that is not there, or is at odds with what is stored; invalidParams names it."),
        (status = 404, description = "No such goal, or its network is for members only."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/goals/{goalId}")]
pub async fn update_goal(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<GoalInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = base_url(&req);
    let lock = versioned::locker!(goals, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let (current, access) = goal_access(conn, viewer, id)?;
        access.ensure_goal_editor()?;
        let mut v = GoalValues::from(&current);
        let mut errors = parse_errors;
        let mut input = input;
        let talents = input.take_talents(&mut errors);
        input.apply(&mut v, &mut errors);
        rules::check(conn, current.network_id, Some(id), &v, &mut errors)?;
        precondition.check(errors, &etag("goal", id, current.version))?;
        versioned::update!(conn, goals, id, current.version, &v);
        if let Some(talents) = talents {
            queries::talents::set_needed(conn, id, &talents)?;
        }
        audit::record(
            conn,
            viewer,
            "goal.updated",
            "goal",
            Some(id),
            Some(current.network_id),
        )?;
        // A first success is celebrated with everyone.
        if v.achieved_at.is_some() && current.achieved_at.is_none() {
            let path = format!("/goals/{id}");
            let achieved = Event::of("goal.achieved", path, id, Some(current.network_id), &base);
            webhooks::emit(conn, &achieved)?;
            notices::announce(
                conn,
                &base,
                Notice {
                    network_id: current.network_id,
                    kind: NoticeKind::StepAchieved,
                    title: &v.title,
                    path: format!("/netwerk.html?id={}#doelen-kop", current.network_id),
                    actor: viewer.user_id,
                },
            )?;
        }
        answer(conn, id)
    })
    .await
}
