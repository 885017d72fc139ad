//! `POST /networks/{networkId}/goals`: add a goal or a step.

use actix_web::{post, web, HttpRequest, HttpResponse};

use super::read::answer;
use super::rules;
use super::types::{GoalInput, GoalOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::models::GoalValues;
use crate::domain::GoalStatus;
use crate::permissions::{network_access, Viewer};
use crate::queries;
use crate::web::error::{ensure_valid, ApiError};
use crate::web::extract::JsonBody;
use crate::web::http::created;
use crate::webhooks::{self, Event};
use crate::AppState;

/// Add a goal or step
///
/// Core group and coordinators. Give `parentId` to add a small step towards
/// a larger goal.
#[utoipa::path(
    tag = "Goals",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    request_body = GoalInput,
    responses(
        (status = 201, description = "The goal was added.", body = GoalOut,
            headers(("Location" = String, description = "Address of the goal"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the core group and coordinators add goals."),
        (status = 409, description = "A field refers to something that is not there, or is at odds with what is stored; invalidParams names it."),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks/{networkId}/goals")]
pub async fn create_goal(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<GoalInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let network_id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = crate::web::pagination::base_url(&req);
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        network_access(conn, &viewer, network_id)?.ensure_goal_editor()?;
        let mut v = GoalValues {
            parent_id: None,
            title: String::new(),
            description: String::new(),
            status: GoalStatus::Proposed.as_str().into(),
            target_date: None,
            achieved_at: None,
            owner_id: None,
            position: 0,
            articles: String::new(),
        };
        let mut errors = parse_errors;
        let mut input = input;
        let talents = input.take_talents(&mut errors);
        input.apply(&mut v, &mut errors);
        rules::check(conn, network_id, None, &v, &mut errors)?;
        ensure_valid(errors)?;
        let id = queries::goals::insert(conn, network_id, &v, viewer.user_id, None)?;
        if let Some(talents) = talents {
            queries::talents::set_needed(conn, id, &talents)?;
        }
        audit::record(
            conn,
            &viewer,
            "goal.created",
            "goal",
            Some(id),
            Some(network_id),
        )?;
        let path = format!("/goals/{id}");
        let made = Event::of("goal.created", path, id, Some(network_id), &base);
        webhooks::emit(conn, &made)?;
        answer(conn, id)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/goals/{}", out.id),
        &out,
        Some(&tag),
    ))
}
