//! Goals: a network's ambition broken into small steps (a tree through
//! `parentId`), with status, target date and owner.

use std::collections::HashMap;

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::accounts::auth::Auth;
use crate::db::models::{Goal, GoalValues};
use crate::db::schema::{endorsements, goals, memberships};
use crate::db::versioned::{self, Precondition};
use crate::db::{self, DbConn};
use crate::domain::{GoalStatus, Stance};
use crate::permissions::{network_access, NetworkAccess, Viewer};
use crate::web::error::ensure_valid;
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::{merge, merge_opt};
use crate::web::extract::{nullable, Body, JsonBody, Query};
use crate::web::http::{created, etag, ok_with_etag, utc};
use crate::web::pagination::{Cursor, PageLinks, PageRequest};
use crate::{page_type, AppState};

/// A goal or a step towards one.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GoalOut {
    pub id: i64,
    pub network_id: i64,
    /// The larger goal this is a step towards; none for a top-level ambition.
    pub parent_id: Option<i64>,
    pub title: String,
    pub description: String,
    pub status: GoalStatus,
    pub target_date: Option<NaiveDate>,
    /// When it was marked achieved (set by the platform).
    pub achieved_at: Option<DateTime<Utc>>,
    /// The member (stakeholder) who takes the lead.
    pub owner_id: Option<i64>,
    /// Order among its siblings, lowest first.
    pub position: i32,
    /// Endorsements that support the goal.
    pub support_count: i64,
    /// Endorsements that raise a concern.
    pub concern_count: i64,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(GoalPage, GoalOut, "A page of goals.");

/// A goal as sent to create one (POST: `title` required) or to change one
/// (PATCH: JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoalInput {
    #[validate(length(min = 3, max = 200, message = "must have 3 to 200 characters"))]
    #[schema(min_length = 3, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub title: Option<Option<String>>,
    #[validate(length(max = 5000, message = "must have at most 5000 characters"))]
    #[schema(max_length = 5000)]
    #[serde(default, deserialize_with = "nullable")]
    pub description: Option<Option<String>>,
    /// Default `proposed`. `achieved` sets `achievedAt`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub status: Option<Option<GoalStatus>>,
    #[serde(default, deserialize_with = "nullable")]
    pub target_date: Option<Option<NaiveDate>>,
    /// A goal of the same network; `null` makes it top-level.
    #[validate(range(min = 1, message = "must be a goal id"))]
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "nullable")]
    pub parent_id: Option<Option<i64>>,
    /// A member (stakeholder id) of the network.
    #[validate(range(min = 1, message = "must be a stakeholder id"))]
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "nullable")]
    pub owner_id: Option<Option<i64>>,
    #[validate(range(min = 0, max = 100000, message = "must be from 0 to 100000"))]
    #[schema(minimum = 0, maximum = 100000, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub position: Option<Option<i32>>,
}

impl Body for GoalInput {
    const REQUIRED: &'static [&'static str] = &["title"];
}

impl From<&Goal> for GoalValues {
    fn from(g: &Goal) -> Self {
        GoalValues {
            parent_id: g.parent_id,
            title: g.title.clone(),
            description: g.description.clone(),
            status: g.status.clone(),
            target_date: g.target_date,
            achieved_at: g.achieved_at,
            owner_id: g.owner_id,
            position: g.position,
        }
    }
}

impl GoalInput {
    fn apply(self, v: &mut GoalValues, errors: &mut Vec<InvalidParam>) {
        merge(
            &mut v.title,
            self.title.map(|t| t.map(|s| s.trim().to_string())),
            "title",
            errors,
        );
        if let Some(d) = self.description {
            v.description = d.unwrap_or_default().trim().to_string();
        }
        let before = GoalStatus::from_db(&v.status);
        let mut status = before;
        merge(&mut status, self.status, "status", errors);
        v.status = status.as_str().into();
        if status == GoalStatus::Achieved && before != GoalStatus::Achieved {
            v.achieved_at = Some(db::now());
        } else if status != GoalStatus::Achieved {
            v.achieved_at = None;
        }
        merge_opt(&mut v.target_date, self.target_date);
        merge_opt(&mut v.parent_id, self.parent_id);
        merge_opt(&mut v.owner_id, self.owner_id);
        merge(&mut v.position, self.position, "position", errors);
    }
}

/// Parent in the same network and no loop; owner a member.
fn check_values(
    conn: &mut DbConn,
    network_id: i64,
    id: Option<i64>,
    v: &GoalValues,
    errors: &mut Vec<InvalidParam>,
) -> Result<(), ApiError> {
    if let Some(parent) = v.parent_id {
        let mut cursor = Some(parent);
        let mut steps = 0;
        while let Some(current) = cursor {
            if Some(current) == id {
                errors.push(
                    InvalidParam::conflict(
                        "parentId",
                        Code::Rule,
                        "would make the goal a step of itself",
                    )
                    .expected("goalCycle"),
                );
                break;
            }
            let row: Option<(i64, Option<i64>)> = goals::table
                .find(current)
                .select((goals::network_id, goals::parent_id))
                .first(conn)
                .optional()?;
            match row {
                Some((net, up)) if net == network_id => cursor = up,
                _ => {
                    errors.push(
                        InvalidParam::conflict(
                            "parentId",
                            Code::Reference,
                            "is not a goal of this network",
                        )
                        .expected("goal"),
                    );
                    break;
                }
            }
            steps += 1;
            if steps > 100 {
                errors.push(
                    InvalidParam::conflict("parentId", Code::Rule, "makes the tree too deep")
                        .expected("goalDepth"),
                );
                break;
            }
        }
    }
    if let Some(owner) = v.owner_id {
        let member = memberships::table
            .filter(memberships::network_id.eq(network_id))
            .filter(memberships::stakeholder_id.eq(owner))
            .select(count_star())
            .first::<i64>(conn)?
            > 0;
        if !member {
            errors.push(
                InvalidParam::conflict(
                    "ownerId",
                    Code::Reference,
                    "is not a member of this network",
                )
                .expected("member"),
            );
        }
    }
    Ok(())
}

fn present(conn: &mut DbConn, rows: Vec<Goal>) -> Result<Vec<GoalOut>, ApiError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|g| g.id).collect();
    let counts: HashMap<(i64, String), i64> = endorsements::table
        .filter(db::in_ids(endorsements::goal_id, &ids))
        .group_by((endorsements::goal_id, endorsements::stance))
        .select((endorsements::goal_id, endorsements::stance, count_star()))
        .load::<(i64, String, i64)>(conn)?
        .into_iter()
        .map(|(g, s, n)| ((g, s), n))
        .collect();
    Ok(rows
        .into_iter()
        .map(|g| GoalOut {
            support_count: counts
                .get(&(g.id, Stance::Support.as_str().into()))
                .copied()
                .unwrap_or(0),
            concern_count: counts
                .get(&(g.id, Stance::Concern.as_str().into()))
                .copied()
                .unwrap_or(0),
            id: g.id,
            network_id: g.network_id,
            parent_id: g.parent_id,
            title: g.title,
            description: g.description,
            status: GoalStatus::from_db(&g.status),
            target_date: g.target_date,
            achieved_at: g.achieved_at.map(utc),
            owner_id: g.owner_id,
            position: g.position,
            created_at: utc(g.created_at),
            updated_at: utc(g.updated_at),
        })
        .collect())
}

fn one(conn: &mut DbConn, id: i64) -> Result<(GoalOut, String), ApiError> {
    let g = goals::table
        .find(id)
        .select(Goal::as_select())
        .first(conn)?;
    let tag = etag("goal", id, g.version);
    let out = present(conn, vec![g])?
        .pop()
        .ok_or_else(|| ApiError::Internal("goal vanished".into()))?;
    Ok((out, tag))
}

/// Loads a goal whose network the viewer may see.
pub fn goal_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<(Goal, NetworkAccess), ApiError> {
    let goal: Goal = goals::table
        .find(id)
        .select(Goal::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("This goal"))?;
    let access = network_access(conn, viewer, goal.network_id)
        .map_err(|_| ApiError::not_found("This goal"))?;
    Ok((goal, access))
}

/// Filters for the goal list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
#[expect(
    dead_code,
    reason = "documents the query for OpenAPI; read by extract::Query"
)]
pub struct GoalFilters {
    /// Only the steps of this goal.
    #[param(minimum = 1)]
    parent_id: Option<i64>,
    /// `true`: only top-level goals (ambitions).
    top_level: Option<bool>,
    status: Option<GoalStatus>,
    /// Only goals changed at or after this time.
    updated_since: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<i64>,
    cursor: Option<String>,
}

/// List a network's goals
///
/// Every goal and step, flat; build the tree with `parentId` and `position`.
#[utoipa::path(
    tag = "Goals",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), GoalFilters),
    responses(
        (status = 200, description = "A page of goals.", body = GoalPage),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/goals")]
pub async fn list_goals(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    let mut query = Query::new(&req);
    let parent = query.id("parentId");
    let top_level = query.parse::<bool>("topLevel", "true false");
    let status = query.parse::<GoalStatus>("status", GoalStatus::NAMES);
    let updated_since = query.datetime("updatedSince");
    let page = PageRequest::read(&mut query);
    query.finish()?;
    let (items, next) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        network_access(conn, &viewer, network_id)?;
        let mut sql = goals::table
            .filter(goals::network_id.eq(network_id))
            .filter(goals::id.gt(page.after_id()))
            .select(Goal::as_select())
            .into_boxed();
        if let Some(p) = parent {
            sql = sql.filter(goals::parent_id.eq(p));
        }
        if top_level == Some(true) {
            sql = sql.filter(goals::parent_id.is_null());
        } else if top_level == Some(false) {
            sql = sql.filter(goals::parent_id.is_not_null());
        }
        if let Some(s) = status {
            sql = sql.filter(goals::status.eq(s.as_str()));
        }
        if let Some(t) = updated_since {
            sql = sql.filter(goals::updated_at.ge(t.naive_utc()));
        }
        let mut rows: Vec<Goal> = sql.order(goals::id).limit(page.fetch_limit()).load(conn)?;
        let next = page.finish(&mut rows, |g| Cursor::Id(g.id));
        Ok((present(conn, rows)?, next))
    })
    .await?;
    let links = PageLinks::new(&req, &query, &page, next);
    Ok(HttpResponse::Ok().json(GoalPage { items, links }))
}

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
    auth.required()?;
    let network_id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        network_access(conn, &viewer, network_id)?.ensure_core()?;
        let mut v = GoalValues {
            parent_id: None,
            title: String::new(),
            description: String::new(),
            status: GoalStatus::Proposed.as_str().into(),
            target_date: None,
            achieved_at: None,
            owner_id: None,
            position: 0,
        };
        let mut errors = parse_errors;
        input.apply(&mut v, &mut errors);
        check_values(conn, network_id, None, &v, &mut errors)?;
        ensure_valid(errors)?;
        let now = db::now();
        let id: i64 = diesel::insert_into(goals::table)
            .values((
                &v,
                goals::network_id.eq(network_id),
                goals::created_by.eq(viewer.user_id),
                goals::created_at.eq(now),
                goals::updated_at.eq(now),
            ))
            .returning(goals::id)
            .get_result(conn)?;
        crate::audit::record(
            conn,
            viewer.user_id,
            "goal.created",
            "goal",
            Some(id),
            Some(network_id),
        )?;
        one(conn, id)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/goals/{}", out.id),
        &out,
        Some(&tag),
    ))
}

/// Read a goal
///
/// With its status, target date and how many members support it or raise a concern.
#[utoipa::path(
    tag = "Goals",
    params(("goalId" = i64, Path, description = "Goal id", minimum = 1)),
    responses(
        (status = 200, description = "The goal.", body = GoalOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such goal, or its network is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/goals/{goalId}")]
pub async fn get_goal(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (out, tag) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        goal_access(conn, &viewer, id)?;
        one(conn, id)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// Change a goal
///
/// Core group and coordinators. Setting `status` to `achieved` records
/// `achievedAt`: celebrate it.
#[utoipa::path(
    tag = "Goals",
    params(
        ("goalId" = i64, Path, description = "Goal id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
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
    body: JsonBody<GoalInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let (input, parse_errors) = body.with_errors();
    let (out, tag) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, goals::table.find(id).select(goals::id));
        let viewer = Viewer::load(conn, auth)?;
        let (current, access) = goal_access(conn, &viewer, id)?;
        access.ensure_core()?;
        let mut v = GoalValues::from(&current);
        let mut errors = parse_errors;
        input.apply(&mut v, &mut errors);
        check_values(conn, current.network_id, Some(id), &v, &mut errors)?;
        precondition.check(errors, &etag("goal", id, current.version))?;
        let changed = diesel::update(
            goals::table
                .filter(goals::id.eq(id))
                .filter(goals::version.eq(current.version)),
        )
        .set((
            &v,
            goals::updated_at.eq(db::now()),
            goals::version.eq(current.version + 1),
        ))
        .execute(conn)?;
        versioned::one_row(changed)?;
        crate::audit::record(
            conn,
            viewer.user_id,
            "goal.updated",
            "goal",
            Some(id),
            Some(current.network_id),
        )?;
        one(conn, id)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// Delete a goal
///
/// Core group and coordinators. Its steps and endorsements go with it.
#[utoipa::path(
    tag = "Goals",
    params(
        ("goalId" = i64, Path, description = "Goal id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    responses(
        (status = 204, description = "The goal was deleted."),
        (status = 403, description = "Only the core group and coordinators delete goals."),
        (status = 404, description = "No such goal, or its network is for members only."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/goals/{goalId}")]
pub async fn delete_goal(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    db::write(&state.pool, move |conn| {
        versioned::lock!(conn, goals::table.find(id).select(goals::id));
        let viewer = Viewer::load(conn, auth)?;
        let (current, access) = goal_access(conn, &viewer, id)?;
        access.ensure_core()?;
        precondition.matches(&etag("goal", id, current.version))?;
        versioned::one_row(
            diesel::delete(
                goals::table
                    .filter(goals::id.eq(id))
                    .filter(goals::version.eq(current.version)),
            )
            .execute(conn)?,
        )?;
        crate::audit::record(
            conn,
            viewer.user_id,
            "goal.deleted",
            "goal",
            Some(id),
            Some(current.network_id),
        )?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
