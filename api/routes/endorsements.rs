//! Endorsements: members say whether they support a goal or have a concern,
//! so a goal is "tested with everyone". One per member per goal, changeable.
//! Each member chooses who sees their reaction: the network's members (the
//! default), or everyone.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::accounts::auth::Auth;
use crate::db::models::{Endorsement, Stakeholder};
use crate::db::schema::{endorsements, stakeholders};
use crate::db::{self, DbConn};
use crate::domain::{ReactionVisibility, Stance};
use crate::permissions::{goal_access, Viewer};

use crate::web::error::ApiError;
use crate::web::extract::{present, Body, JsonBody, Query};
use crate::web::http::utc;
use crate::web::pagination::{Cursor, PageLinks, PageRequest};
use crate::{page_type, AppState};

/// A member's view of a goal.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EndorsementOut {
    pub goal_id: i64,
    /// The member; hidden from outsiders unless they agreed to be listed.
    pub stakeholder_id: Option<i64>,
    pub name: Option<String>,
    pub stance: Stance,
    pub comment: String,
    /// Who sees this reaction: the network's `members`, or everyone.
    pub visibility: ReactionVisibility,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(EndorsementPage, EndorsementOut, "A page of endorsements.");

/// Your view of a goal: support or concern, with a comment.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EndorsementInput {
    #[schema(nullable = false)]
    pub stance: Option<Stance>,
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(max_length = 2000, nullable = false)]
    pub comment: Option<String>,
    /// Who sees your reaction: the network's `members` (default) or
    /// `public`, everyone who may see the goal.
    #[schema(nullable = false)]
    pub visibility: Option<ReactionVisibility>,
}

impl Body for EndorsementInput {
    const REQUIRED: &'static [&'static str] = &["stance"];
}

fn present_all(rows: Vec<(Endorsement, Stakeholder)>, insider: bool) -> Vec<EndorsementOut> {
    rows.into_iter()
        .map(|(e, s)| {
            let shown = insider || s.listed;
            EndorsementOut {
                goal_id: e.goal_id,
                stakeholder_id: shown.then_some(s.id),
                name: shown.then_some(s.name),
                stance: Stance::from_db(&e.stance),
                comment: e.comment,
                visibility: ReactionVisibility::from_db(&e.visibility),
                created_at: utc(e.created_at),
                updated_at: utc(e.updated_at),
            }
        })
        .collect()
}

fn load_one(
    conn: &mut DbConn,
    goal_id: i64,
    stakeholder_id: i64,
) -> Result<Option<(Endorsement, Stakeholder)>, ApiError> {
    Ok(endorsements::table
        .inner_join(stakeholders::table)
        .filter(endorsements::goal_id.eq(goal_id))
        .filter(endorsements::stakeholder_id.eq(stakeholder_id))
        .select((Endorsement::as_select(), Stakeholder::as_select()))
        .first(conn)
        .optional()?)
}

/// Filters for the endorsement list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
#[expect(
    dead_code,
    reason = "documents the query for OpenAPI; read by extract::Query"
)]
pub struct EndorsementFilters {
    stance: Option<Stance>,
    /// Only endorsements changed at or after this time.
    updated_since: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<i64>,
    cursor: Option<String>,
}

/// List a goal's endorsements
///
/// Members see every reaction and who wrote it. Others see only the
/// reactions their writers made public, with the writer's name when they
/// agreed to be listed.
#[utoipa::path(
    tag = "Goals",
    params(("goalId" = i64, Path, description = "Goal id", minimum = 1), EndorsementFilters),
    responses(
        (status = 200, description = "A page of endorsements.", body = EndorsementPage),
        (status = 404, description = "No such goal, or its network is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/goals/{goalId}/endorsements")]
pub async fn list_endorsements(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let goal_id = path.into_inner();
    let mut query = Query::new(&req);
    let stance = query.parse::<Stance>("stance", Stance::NAMES);
    let updated_since = query.datetime("updatedSince");
    let page = PageRequest::read(&mut query);
    query.finish()?;
    let (items, next) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (_, access) = goal_access(conn, &viewer, goal_id)?;
        let insider = access.is_member() || viewer.is_admin;
        let mut sql = endorsements::table
            .inner_join(stakeholders::table)
            .filter(endorsements::goal_id.eq(goal_id))
            .filter(endorsements::stakeholder_id.gt(page.after_id()))
            .select((Endorsement::as_select(), Stakeholder::as_select()))
            .into_boxed();
        if !insider {
            sql = sql.filter(endorsements::visibility.eq(ReactionVisibility::Public.as_str()));
        }
        if let Some(s) = stance {
            sql = sql.filter(endorsements::stance.eq(s.as_str()));
        }
        if let Some(t) = updated_since {
            sql = sql.filter(endorsements::updated_at.ge(t.naive_utc()));
        }
        let mut rows: Vec<(Endorsement, Stakeholder)> = sql
            .order(endorsements::stakeholder_id)
            .limit(page.fetch_limit())
            .load(conn)?;
        let next = page.finish(&mut rows, |(e, _)| Cursor::Id(e.stakeholder_id));
        Ok((present_all(rows, insider), next))
    })
    .await?;
    let links = PageLinks::new(&req, &query, &page, next);
    Ok(HttpResponse::Ok().json(EndorsementPage { items, links }))
}

/// Endorse a goal, or change your endorsement
///
/// Members of the network only; one endorsement per member per goal. The
/// first time answers 201, a change 200.
#[utoipa::path(
    tag = "Goals",
    params(("goalId" = i64, Path, description = "Goal id", minimum = 1)),
    request_body = EndorsementInput,
    responses(
        (status = 201, description = "Your endorsement was recorded.", body = EndorsementOut,
            headers(("Location" = String, description = "The goal's endorsements"))),
        (status = 200, description = "Your endorsement was changed.", body = EndorsementOut),
        (status = 403, description = "Only members of the network endorse its goals."),
        (status = 404, description = "No such goal, or its network is for members only."),
    ),
    security(("bearer" = [])),
)]
#[post("/goals/{goalId}/endorsements")]
pub async fn endorse_goal(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<EndorsementInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let goal_id = path.into_inner();
    let input = body.into_inner()?;
    let stance = present(input.stance, "stance")?;
    let comment = input.comment.unwrap_or_default().trim().to_string();
    let visibility = input.visibility.unwrap_or(ReactionVisibility::Members);
    let (out, is_new) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (_, access) = goal_access(conn, &viewer, goal_id)?;
        let me = match (access.role, viewer.stakeholder_id) {
            (Some(_), Some(me)) => me,
            _ => {
                return Err(ApiError::Forbidden(
                    "Only members of this network endorse its goals. Join the network first."
                        .into(),
                ))
            }
        };
        // An upsert: of many equal requests at once, one inserts and the
        // others (waiting on the key, on PostgreSQL) change what it wrote.
        let now = db::now();
        let inserted = db::on_each!(conn, c => diesel::insert_into(endorsements::table)
            .values((
                endorsements::goal_id.eq(goal_id),
                endorsements::stakeholder_id.eq(me),
                endorsements::stance.eq(stance.as_str()),
                endorsements::comment.eq(&comment),
                endorsements::visibility.eq(visibility.as_str()),
                endorsements::created_at.eq(now),
                endorsements::updated_at.eq(now),
            ))
            .on_conflict((endorsements::goal_id, endorsements::stakeholder_id))
            .do_nothing()
            .execute(c))?;
        if inserted == 0 {
            diesel::update(
                endorsements::table
                    .filter(endorsements::goal_id.eq(goal_id))
                    .filter(endorsements::stakeholder_id.eq(me)),
            )
            .set((
                endorsements::stance.eq(stance.as_str()),
                endorsements::comment.eq(&comment),
                endorsements::visibility.eq(visibility.as_str()),
                endorsements::updated_at.eq(now),
            ))
            .execute(conn)?;
        }
        let row = load_one(conn, goal_id, me)?
            .ok_or_else(|| ApiError::Internal("endorsement vanished".into()))?;
        let out = present_all(vec![row], true)
            .pop()
            .ok_or_else(|| ApiError::Internal("endorsement vanished".into()))?;
        Ok((out, inserted == 1))
    })
    .await?;
    if is_new {
        Ok(crate::web::http::created(
            &req,
            &format!("/goals/{goal_id}/endorsements"),
            &out,
            None,
        ))
    } else {
        Ok(HttpResponse::Ok().json(out))
    }
}
