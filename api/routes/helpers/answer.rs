//! `PATCH /goals/{goalId}/helpers/{stakeholderId}`: the core group accepts
//! or declines an offer of help.

use actix_web::{patch, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{present, HelpAnswerInput, HelperOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::schema::{goal_helpers, goals};
use crate::db::versioned;
use crate::domain::HelperStatus;
use crate::permissions::{goal_access, may_match, Viewer};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::AppState;

/// Accept or decline an offer of help
///
/// The core group and coordinators. An accepted member is a helper on the
/// step (`helperIds`) and hears of it by mail; either answer may be
/// changed later.
#[utoipa::path(
    tag = "Talents",
    params(
        ("goalId" = i64, Path, description = "Goal id", minimum = 1),
        ("stakeholderId" = i64, Path, description = "The member who offered help", minimum = 1),
    ),
    request_body(content = HelpAnswerInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The offer as answered.", body = HelperOut),
        (status = 403, description = "Only the core group and coordinators answer offers."),
        (status = 404, description = "No such goal or offer, or the network is for members only."),
    ),
    security(("bearer" = [])),
)]
#[patch("/goals/{goalId}/helpers/{stakeholderId}")]
pub async fn answer_help(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(i64, i64)>,
    auth: Auth,
    body: JsonBody<HelpAnswerInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let (id, helper) = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = crate::web::pagination::base_url(&req);
    let out = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, goals, id);
        let viewer = Viewer::load(conn, auth)?;
        let (goal, access) = goal_access(conn, &viewer, id)?;
        may_match(&access)?;
        let current: Option<String> = goal_helpers::table
            .filter(goal_helpers::goal_id.eq(id))
            .filter(goal_helpers::stakeholder_id.eq(helper))
            .select(goal_helpers::status)
            .first(conn)
            .optional()?;
        if current.is_none() {
            return Err(ApiError::not_found("This offer of help"));
        }
        let mut errors = parse_errors;
        if input.status == Some(HelperStatus::Offered) {
            errors.push(
                InvalidParam::new("status", Code::Enum, "must be accepted or declined")
                    .allowed(["accepted", "declined"]),
            );
        }
        ensure_valid(errors)?;
        let status = input.status.unwrap_or(HelperStatus::Declined);
        diesel::update(
            goal_helpers::table
                .filter(goal_helpers::goal_id.eq(id))
                .filter(goal_helpers::stakeholder_id.eq(helper)),
        )
        .set((
            goal_helpers::status.eq(status.as_str()),
            goal_helpers::decided_at.eq(Some(db::now())),
        ))
        .execute(conn)?;
        // The step changed: its helpers are part of it.
        diesel::update(goals::table.find(id))
            .set((
                goals::version.eq(goals::version + 1),
                goals::updated_at.eq(db::now()),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &viewer,
            if status == HelperStatus::Accepted {
                "goal.help_accepted"
            } else {
                "goal.help_declined"
            },
            "goal",
            Some(id),
            Some(goal.network_id),
        )?;
        if status == HelperStatus::Accepted && current.as_deref() != Some(status.as_str()) {
            crate::mail::talents::help_accepted(conn, &base, helper, &goal.title, viewer.user_id)?;
        }
        present(conn, &viewer, &access, id, Some(helper))?
            .pop()
            .ok_or_else(|| ApiError::Internal("offer vanished".into()))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}
