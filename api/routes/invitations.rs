//! Invitations: a coordinator asks a person with an account to join a
//! network. Until the person accepts, they are not a member and the network
//! sees nothing of them beyond what is public; declining ends it, and the
//! person is not asked again (they may still join themselves).

use std::collections::HashMap;

use actix_web::{delete, get, patch, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::accounts::auth::Auth;
use crate::db::models::{Invitation, Network, Stakeholder};
use crate::db::queries::memberships;
use crate::db::schema::{invitations, networks, stakeholders, users};
use crate::db::versioned::{self, Precondition};
use crate::db::{self, DbConn};
use crate::domain::{InvitationStatus, NetworkStatus, Role};
use crate::permissions::{self, network_access, Viewer};
use crate::web::error::{ApiError, Code};
use crate::web::extract::{present, Body, JsonBody, Query};
use crate::web::http::{etag, ok_with_etag, utc};
use crate::web::pagination::{Cursor, PageLinks, PageRequest};
use crate::{page_type, AppState};

/// An invitation to join a network.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvitationOut {
    pub id: i64,
    pub network_id: i64,
    pub network_name: String,
    /// The invited person's stakeholder profile.
    pub stakeholder_id: i64,
    /// The invited person's name.
    pub name: String,
    /// The role they get when they accept.
    pub role: Role,
    /// A word from whoever invited them.
    pub message: String,
    /// Who invited them (their display name), while that account exists.
    pub invited_by: Option<String>,
    pub status: InvitationStatus,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(InvitationPage, InvitationOut, "A page of invitations.");

/// Your answer to an invitation.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvitationInput {
    /// `accepted` makes you a member with the role offered; `declined` ends
    /// the invitation.
    #[schema(nullable = false, required = true)]
    pub status: Option<Answer>,
    /// Why you connect to the theme, in your own words (when accepting).
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    pub commitment: Option<String>,
}

/// An answer to an invitation: the statuses a person may give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = InvitationAnswer)]
pub enum Answer {
    Accepted,
    Declined,
}

impl Answer {
    fn status(self) -> InvitationStatus {
        match self {
            Answer::Accepted => InvitationStatus::Accepted,
            Answer::Declined => InvitationStatus::Declined,
        }
    }
}

impl Body for InvitationInput {
    const REQUIRED: &'static [&'static str] = &["status"];
}

/// Filters for lists of invitations.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
#[expect(
    dead_code,
    reason = "documents the query for OpenAPI; read by extract::Query"
)]
pub struct InvitationFilters {
    status: Option<InvitationStatus>,
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<i64>,
    cursor: Option<String>,
}

fn tag(i: &Invitation) -> String {
    etag("invitation", i.id, i.version)
}

/// Invites a person with an account to a network, as `viewer` (a
/// coordinator): a new invitation, or one the person accepted before and
/// left since made open again. 409 when one is open or was declined.
pub fn invite(
    conn: &mut DbConn,
    viewer: &Viewer,
    network_id: i64,
    person: &Stakeholder,
    role: Role,
    message: &str,
) -> Result<Invitation, ApiError> {
    let existing: Option<Invitation> = invitations::table
        .filter(invitations::network_id.eq(network_id))
        .filter(invitations::stakeholder_id.eq(person.id))
        .select(Invitation::as_select())
        .first(conn)
        .optional()?;
    let now = db::now();
    let id = match existing {
        Some(old) => match InvitationStatus::from_db(&old.status) {
            InvitationStatus::Pending => {
                return Err(ApiError::Conflict(
                    "This person has been invited already and has not answered yet.".into(),
                ))
            }
            InvitationStatus::Declined => {
                return Err(ApiError::Conflict(
                    "This person declined an invitation to this network; they can still join themselves.".into(),
                ))
            }
            InvitationStatus::Accepted => {
                diesel::update(invitations::table.find(old.id))
                    .set((
                        invitations::role.eq(role.as_str()),
                        invitations::message.eq(message.trim()),
                        invitations::invited_by.eq(viewer.user_id),
                        invitations::status.eq(InvitationStatus::Pending.as_str()),
                        invitations::updated_at.eq(now),
                        invitations::version.eq(old.version + 1),
                    ))
                    .execute(conn)?;
                old.id
            }
        },
        None => diesel::insert_into(invitations::table)
            .values((
                invitations::network_id.eq(network_id),
                invitations::stakeholder_id.eq(person.id),
                invitations::role.eq(role.as_str()),
                invitations::message.eq(message.trim()),
                invitations::invited_by.eq(viewer.user_id),
                invitations::status.eq(InvitationStatus::Pending.as_str()),
                invitations::created_at.eq(now),
                invitations::updated_at.eq(now),
            ))
            .returning(invitations::id)
            .get_result(conn)?,
    };
    crate::audit::record(
        conn,
        viewer.user_id,
        "invitation.sent",
        "invitation",
        Some(id),
        Some(network_id),
    )?;
    load(conn, id)
}

/// Marks the viewer's open invitation to a network accepted, when there is
/// one, and gives the role it offers: joining a network you were invited to
/// is accepting the invitation.
pub fn accept_open(
    conn: &mut DbConn,
    network_id: i64,
    stakeholder_id: i64,
) -> Result<Option<Role>, ApiError> {
    let open: Option<Invitation> = invitations::table
        .filter(invitations::network_id.eq(network_id))
        .filter(invitations::stakeholder_id.eq(stakeholder_id))
        .filter(invitations::status.ne(InvitationStatus::Accepted.as_str()))
        .select(Invitation::as_select())
        .first(conn)
        .optional()?;
    let Some(open) = open else {
        return Ok(None);
    };
    diesel::update(invitations::table.find(open.id))
        .set((
            invitations::status.eq(InvitationStatus::Accepted.as_str()),
            invitations::updated_at.eq(db::now()),
            invitations::version.eq(open.version + 1),
        ))
        .execute(conn)?;
    Ok(
        (InvitationStatus::from_db(&open.status) == InvitationStatus::Pending)
            .then(|| Role::from_db(&open.role)),
    )
}

fn load(conn: &mut DbConn, id: i64) -> Result<Invitation, ApiError> {
    invitations::table
        .find(id)
        .select(Invitation::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("This invitation"))
}

/// Who the viewer is to an invitation: the invited person, or someone who
/// may manage it (the network's coordinators, admins). Anyone else: 404.
enum Party {
    Invitee,
    Coordinator,
}

fn party(conn: &mut DbConn, viewer: &Viewer, i: &Invitation) -> Result<Party, ApiError> {
    if viewer.stakeholder_id == Some(i.stakeholder_id) {
        return Ok(Party::Invitee);
    }
    let coordinates = match network_access(conn, viewer, i.network_id) {
        Ok(access) => access.ensure_coordinator().is_ok(),
        Err(ApiError::NotFound(_)) => false,
        Err(e) => return Err(e),
    };
    if coordinates {
        Ok(Party::Coordinator)
    } else {
        Err(ApiError::not_found("This invitation"))
    }
}

/// Builds the wire form of invitations with one query per kind of name.
pub fn present_all(
    conn: &mut DbConn,
    rows: Vec<Invitation>,
) -> Result<Vec<InvitationOut>, ApiError> {
    let network_ids: Vec<i64> = rows.iter().map(|i| i.network_id).collect();
    let person_ids: Vec<i64> = rows.iter().map(|i| i.stakeholder_id).collect();
    let user_ids: Vec<i64> = rows.iter().filter_map(|i| i.invited_by).collect();
    let network_names: HashMap<i64, String> = networks::table
        .filter(db::in_ids(networks::id, &network_ids))
        .select((networks::id, networks::name))
        .load(conn)?
        .into_iter()
        .collect();
    let names: HashMap<i64, String> = stakeholders::table
        .filter(db::in_ids(stakeholders::id, &person_ids))
        .select((stakeholders::id, stakeholders::name))
        .load(conn)?
        .into_iter()
        .collect();
    let inviters: HashMap<i64, String> = users::table
        .filter(db::in_ids(users::id, &user_ids))
        .select((users::id, users::display_name))
        .load(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|i| InvitationOut {
            network_name: network_names
                .get(&i.network_id)
                .cloned()
                .unwrap_or_default(),
            name: names.get(&i.stakeholder_id).cloned().unwrap_or_default(),
            invited_by: i.invited_by.and_then(|u| inviters.get(&u).cloned()),
            id: i.id,
            network_id: i.network_id,
            stakeholder_id: i.stakeholder_id,
            role: Role::from_db(&i.role),
            message: i.message,
            status: InvitationStatus::from_db(&i.status),
            created_at: utc(i.created_at),
            updated_at: utc(i.updated_at),
        })
        .collect())
}

fn one(conn: &mut DbConn, i: Invitation) -> Result<(InvitationOut, String), ApiError> {
    let tag = tag(&i);
    let out = present_all(conn, vec![i])?
        .pop()
        .ok_or_else(|| ApiError::Internal("invitation vanished".into()))?;
    Ok((out, tag))
}

/// Whose invitations a list shows.
enum Of {
    Network(i64),
    Person(i64),
}

/// A page of invitations, oldest first.
fn page_of(
    conn: &mut DbConn,
    page: &PageRequest,
    of: Of,
    status: Option<InvitationStatus>,
) -> Result<(Vec<InvitationOut>, Option<Cursor>), ApiError> {
    let mut sql = invitations::table
        .filter(invitations::id.gt(page.after_id()))
        .select(Invitation::as_select())
        .into_boxed();
    sql = match of {
        Of::Network(id) => sql.filter(invitations::network_id.eq(id)),
        Of::Person(id) => sql.filter(invitations::stakeholder_id.eq(id)),
    };
    if let Some(s) = status {
        sql = sql.filter(invitations::status.eq(s.as_str()));
    }
    let mut rows: Vec<Invitation> = sql
        .order(invitations::id)
        .limit(page.fetch_limit())
        .load(conn)?;
    let next = page.finish(&mut rows, |i| Cursor::Id(i.id));
    Ok((present_all(conn, rows)?, next))
}

/// A network's invitations
///
/// For its coordinators (and platform admins): who was invited, and who
/// answered how. A declined invitation stays, so nobody is asked twice.
#[utoipa::path(
    tag = "Members",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), InvitationFilters),
    responses(
        (status = 200, description = "A page of invitations.", body = InvitationPage),
        (status = 403, description = "Only coordinators see a network's invitations."),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security(("bearer" = [])),
)]
#[get("/networks/{networkId}/invitations")]
pub async fn list_network_invitations(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let network_id = path.into_inner();
    let mut query = Query::new(&req);
    let status = query.parse::<InvitationStatus>("status", InvitationStatus::NAMES);
    let page = PageRequest::read(&mut query);
    query.finish()?;
    let (items, next) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        network_access(conn, &viewer, network_id)?.ensure_coordinator()?;
        page_of(conn, &page, Of::Network(network_id), status)
    })
    .await?;
    let links = PageLinks::new(&req, &query, &page, next);
    Ok(HttpResponse::Ok().json(InvitationPage { items, links }))
}

/// Your invitations
///
/// The networks that asked you to join, and how you answered.
#[utoipa::path(
    tag = "Accounts",
    params(InvitationFilters),
    responses((status = 200, description = "A page of invitations.", body = InvitationPage)),
    security(("bearer" = [])),
)]
#[get("/me/invitations")]
pub async fn list_my_invitations(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let mut query = Query::new(&req);
    let status = query.parse::<InvitationStatus>("status", InvitationStatus::NAMES);
    let page = PageRequest::read(&mut query);
    query.finish()?;
    let (items, next) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let me = viewer.stakeholder_id.unwrap_or(0);
        page_of(conn, &page, Of::Person(me), status)
    })
    .await?;
    let links = PageLinks::new(&req, &query, &page, next);
    Ok(HttpResponse::Ok().json(InvitationPage { items, links }))
}

/// Read an invitation
///
/// For the invited person, and the network's coordinators.
#[utoipa::path(
    tag = "Members",
    params(("invitationId" = i64, Path, description = "Invitation id", minimum = 1)),
    responses(
        (status = 200, description = "The invitation.", body = InvitationOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such invitation, or it is not yours to see."),
    ),
    security(("bearer" = [])),
)]
#[get("/invitations/{invitationId}")]
pub async fn get_invitation(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let (out, tag) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let invitation = load(conn, id)?;
        party(conn, &viewer, &invitation)?;
        one(conn, invitation)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// Accept or decline an invitation
///
/// Only the invited person answers. Accepting makes you a member with the
/// role offered; only then do your contact details and access needs reach
/// the network, as far as your consents allow.
#[utoipa::path(
    tag = "Members",
    params(
        ("invitationId" = i64, Path, description = "Invitation id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    request_body(content = InvitationInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The answered invitation.", body = InvitationOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only the invited person answers."),
        (status = 404, description = "No such invitation, or it is not yours to see."),
        (status = 409, description = "It was answered already, you are a member already, or the network is closed."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/invitations/{invitationId}")]
pub async fn answer_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<InvitationInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let (input, mut errors) = body.with_errors();
    if input.status == Some(Answer::Declined) && input.commitment.is_some() {
        errors.push(
            crate::web::error::InvalidParam::new(
                "commitment",
                Code::Rule,
                "goes with accepting only",
            )
            .expected("accepting"),
        );
    }
    crate::web::error::ensure_valid(errors)?;
    let answer = present(input.status, "status")?.status();
    let commitment = input.commitment.unwrap_or_default();
    let (out, tag) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, invitations::table.find(id).select(invitations::id));
        let viewer = Viewer::load(conn, auth)?;
        let current = load(conn, id)?;
        if let Party::Coordinator = party(conn, &viewer, &current)? {
            return Err(ApiError::Forbidden(
                "Only the invited person accepts or declines an invitation.".into(),
            ));
        }
        precondition.matches(&tag(&current))?;
        if InvitationStatus::from_db(&current.status) != InvitationStatus::Pending {
            return Err(ApiError::Conflict(format!(
                "This invitation was {} already.",
                current.status
            )));
        }
        if answer == InvitationStatus::Accepted {
            let network: Network = networks::table
                .find(current.network_id)
                .select(Network::as_select())
                .first(conn)?;
            if NetworkStatus::from_db(&network.status) == NetworkStatus::Closed {
                return Err(ApiError::Conflict(
                    "This network is closed and takes no new members.".into(),
                ));
            }
            memberships::insert(
                conn,
                current.network_id,
                current.stakeholder_id,
                Role::from_db(&current.role),
                &commitment,
                true,
            )?;
        }
        versioned::one_row(
            diesel::update(
                invitations::table
                    .filter(invitations::id.eq(id))
                    .filter(invitations::version.eq(current.version)),
            )
            .set((
                invitations::status.eq(answer.as_str()),
                invitations::updated_at.eq(db::now()),
                invitations::version.eq(current.version + 1),
            ))
            .execute(conn)?,
        )?;
        let action = match answer {
            InvitationStatus::Accepted => "invitation.accepted",
            _ => "invitation.declined",
        };
        crate::audit::record(
            conn,
            viewer.user_id,
            action,
            "invitation",
            Some(id),
            Some(current.network_id),
        )?;
        let answered = load(conn, id)?;
        one(conn, answered)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// Withdraw an invitation
///
/// A coordinator withdraws an invitation that has not been answered. A
/// declined one stays, so the person is not asked again.
#[utoipa::path(
    tag = "Members",
    params(
        ("invitationId" = i64, Path, description = "Invitation id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    responses(
        (status = 204, description = "The invitation was withdrawn."),
        (status = 403, description = "Only coordinators withdraw invitations."),
        (status = 404, description = "No such invitation, or it is not yours to see."),
        (status = 409, description = "It was answered already."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/invitations/{invitationId}")]
pub async fn withdraw_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    db::write(&state.pool, move |conn| {
        versioned::lock!(conn, invitations::table.find(id).select(invitations::id));
        let viewer = Viewer::load(conn, auth)?;
        let current = load(conn, id)?;
        if let Party::Invitee = party(conn, &viewer, &current)? {
            if !viewer.is_admin {
                return Err(ApiError::Forbidden(
                    "Decline the invitation instead (PATCH with status declined).".into(),
                ));
            }
        }
        precondition.matches(&tag(&current))?;
        if InvitationStatus::from_db(&current.status) != InvitationStatus::Pending {
            return Err(ApiError::Conflict(format!(
                "This invitation was {} already.",
                current.status
            )));
        }
        versioned::one_row(
            diesel::delete(
                invitations::table
                    .filter(invitations::id.eq(id))
                    .filter(invitations::version.eq(current.version)),
            )
            .execute(conn)?,
        )?;
        crate::audit::record(
            conn,
            viewer.user_id,
            "invitation.withdrawn",
            "invitation",
            Some(id),
            Some(current.network_id),
        )?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Whether a stakeholder may be added to a network by the viewer without
/// being asked: an organisation, or a person without an account whose
/// profile the viewer manages (or any, for admins). People with an account
/// are invited instead.
pub fn may_add_directly(viewer: &Viewer, s: &Stakeholder) -> bool {
    use crate::domain::StakeholderKind;
    s.user_id.is_none()
        && (viewer.is_admin
            || permissions::manages(viewer, s)
            || StakeholderKind::from_db(&s.kind).is_organisation())
}
