//! `POST /goals/{goalId}/helpers`: "Ik help mee", a member offers help on
//! an open step, once.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{present, HelpOfferInput, HelperOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::schema::{goal_helpers, goals};
use crate::db::versioned;
use crate::domain::{GoalStatus, HelperStatus};
use crate::permissions::{goal_access, Viewer};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::created;
use crate::AppState;

/// Offer help on a step
///
/// "Ik help mee": members of the step's network, once per step, while it is
/// open. The core group and coordinators hear of it by mail and accept
/// or decline.
#[utoipa::path(
    tag = "Talents",
    params(("goalId" = i64, Path, description = "Goal id", minimum = 1)),
    request_body = HelpOfferInput,
    responses(
        (status = 201, description = "Your offer, waiting for the core group.", body = HelperOut,
            headers(("Location" = String, description = "Address of the offers"))),
        (status = 403, description = "Only members of the network offer help."),
        (status = 404, description = "No such goal, or its network is for members only."),
        (status = 409, description = "You offered help already, or the step is achieved or dropped; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/goals/{goalId}/helpers")]
pub async fn offer_help(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<HelpOfferInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = crate::web::pagination::base_url(&req);
    let out = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, goals, id);
        let viewer = Viewer::load(conn, auth)?;
        let (goal, access) = goal_access(conn, &viewer, id)?;
        let me = access.helper(&viewer)?;
        let mut errors = parse_errors;
        if !GoalStatus::from_db(&goal.status).is_open() {
            errors.push(
                InvalidParam::conflict("goalId", Code::Rule, "is achieved or dropped")
                    .expected("goalOpen"),
            );
        }
        let already: i64 = goal_helpers::table
            .filter(goal_helpers::goal_id.eq(id))
            .filter(goal_helpers::stakeholder_id.eq(me))
            .count()
            .get_result(conn)?;
        if already > 0 {
            errors.push(
                InvalidParam::conflict("goalId", Code::Duplicate, "you offered help already")
                    .expected("helper"),
            );
        }
        ensure_valid(errors)?;
        diesel::insert_into(goal_helpers::table)
            .values((
                goal_helpers::goal_id.eq(id),
                goal_helpers::stakeholder_id.eq(me),
                goal_helpers::status.eq(HelperStatus::Offered.as_str()),
                goal_helpers::message.eq(input.message.unwrap_or_default().trim()),
                goal_helpers::created_at.eq(db::now()),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &viewer,
            "goal.help_offered",
            "goal",
            Some(id),
            Some(goal.network_id),
        )?;
        crate::mail::talents::help_offered(
            conn,
            &base,
            goal.network_id,
            id,
            &goal.title,
            viewer.user_id,
        )?;
        present(conn, &viewer, &access, id, Some(me))?
            .pop()
            .ok_or_else(|| ApiError::Internal("offer vanished".into()))
    })
    .await?;
    Ok(created(&req, &format!("/goals/{id}/helpers"), &out, None))
}
