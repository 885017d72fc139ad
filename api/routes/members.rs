//! Memberships: who takes part in a network, in which role, and why.

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::accounts::auth::Auth;
use crate::db::models::{Membership, Stakeholder};
use crate::db::queries;
use crate::db::schema::{memberships, networks, stakeholders};
use crate::db::versioned::{self, Precondition};
use crate::db::{self, DbConn};
use crate::domain::{NetworkStatus, Role, StakeholderKind};
use crate::permissions::{self, network_access, NetworkAccess, Viewer};
use crate::routes::invitations::{self, InvitationOut};
use crate::routes::stakeholders::{contact_for, ContactOut};
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::{Body, JsonBody, Query};
use crate::web::http::{created, etag, ok_with_etag, utc};
use crate::web::pagination::{Cursor, PageLinks, PageRequest};
use crate::{page_type, AppState};

/// A member of a network.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MemberOut {
    pub network_id: i64,
    pub stakeholder_id: i64,
    pub name: String,
    pub kind: StakeholderKind,
    pub organisation: Option<String>,
    pub role: Role,
    /// Why they connect to the theme, in their own words.
    pub commitment: String,
    /// Only for co-members when the person agreed to share it.
    pub contact: Option<ContactOut>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub joined_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(MemberPage, MemberOut, "A page of members.");

/// Join a network (leave out `stakeholderId`), or, as coordinator, invite a
/// person or add an organisation with a role.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberInput {
    /// Who to add; default: your own profile (joining).
    #[validate(range(min = 1, message = "must be a stakeholder id"))]
    #[schema(minimum = 1, nullable = false)]
    pub stakeholder_id: Option<i64>,
    /// Default `member`. Only coordinators give other roles; when you join
    /// after an invitation, you get the role it offers.
    #[schema(nullable = false)]
    pub role: Option<Role>,
    /// Why they connect to the theme. A person writes their own: not sent
    /// with an invitation.
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    pub commitment: Option<String>,
    /// A word to the person you invite (not used when you join yourself or
    /// add an organisation).
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    pub message: Option<String>,
}

impl Body for MemberInput {}

/// A change of role or commitment (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberPatch {
    /// Only coordinators change roles; the last coordinator keeps theirs.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub role: Option<Role>,
    /// The member themselves or a coordinator may change it.
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub commitment: Option<String>,
}

impl Body for MemberPatch {}

fn member_tag(m: &Membership) -> String {
    etag(
        "member",
        format!("{}-{}", m.network_id, m.stakeholder_id),
        m.version,
    )
}

fn coordinators(conn: &mut DbConn, network_id: i64) -> Result<i64, ApiError> {
    Ok(memberships::table
        .filter(memberships::network_id.eq(network_id))
        .filter(memberships::role.eq(Role::Coordinator.as_str()))
        .select(count_star())
        .first(conn)?)
}

/// Refuses to remove a stakeholder who is the last coordinator of a network.
pub fn ensure_not_last_coordinator_anywhere(
    conn: &mut DbConn,
    stakeholder_id: i64,
) -> Result<(), ApiError> {
    let coordinated: Vec<i64> = memberships::table
        .filter(memberships::stakeholder_id.eq(stakeholder_id))
        .filter(memberships::role.eq(Role::Coordinator.as_str()))
        .select(memberships::network_id)
        .load(conn)?;
    for network in coordinated {
        if coordinators(conn, network)? <= 1 {
            return Err(ApiError::Conflict(format!(
                "This is the last coordinator of network {network}. Make someone else coordinator first."
            )));
        }
    }
    Ok(())
}

fn load_membership(
    conn: &mut DbConn,
    network_id: i64,
    stakeholder_id: i64,
) -> Result<Membership, ApiError> {
    memberships::table
        .filter(memberships::network_id.eq(network_id))
        .filter(memberships::stakeholder_id.eq(stakeholder_id))
        .select(Membership::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("This member"))
}

fn present(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &NetworkAccess,
    rows: Vec<(Membership, Stakeholder)>,
) -> Result<Vec<MemberOut>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|(m, _)| m.stakeholder_id).collect();
    let co = if access.is_member() {
        permissions::co_members(conn, viewer, &ids)?
    } else {
        Vec::new()
    };
    Ok(rows
        .into_iter()
        .map(|(m, s)| MemberOut {
            contact: contact_for(viewer, &s, co.contains(&s.id)),
            organisation: s.organisation.clone().filter(|_| {
                permissions::may_see_field(
                    viewer,
                    &s,
                    &s.organisation_visibility,
                    co.contains(&s.id),
                )
            }),
            network_id: m.network_id,
            stakeholder_id: m.stakeholder_id,
            name: s.name,
            kind: StakeholderKind::from_db(&s.kind),
            role: Role::from_db(&m.role),
            commitment: m.commitment,
            joined_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
        })
        .collect())
}

fn one(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &NetworkAccess,
    network_id: i64,
    stakeholder_id: i64,
) -> Result<(MemberOut, String), ApiError> {
    let m = load_membership(conn, network_id, stakeholder_id)?;
    let s = stakeholders::table
        .find(stakeholder_id)
        .select(Stakeholder::as_select())
        .first(conn)?;
    let tag = member_tag(&m);
    let out = present(conn, viewer, access, vec![(m, s)])?
        .pop()
        .ok_or_else(|| ApiError::Internal("member vanished".into()))?;
    Ok((out, tag))
}

/// Filters for the member list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
#[expect(
    dead_code,
    reason = "documents the query for OpenAPI; read by extract::Query"
)]
pub struct MemberFilters {
    role: Option<Role>,
    kind: Option<StakeholderKind>,
    /// Only memberships changed at or after this time.
    updated_since: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<i64>,
    cursor: Option<String>,
}

/// List a network's members
///
/// Members see everyone; others see the members who agreed to be listed.
#[utoipa::path(
    tag = "Members",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), MemberFilters),
    responses(
        (status = 200, description = "A page of members.", body = MemberPage),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/members")]
pub async fn list_members(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    let mut query = Query::new(&req);
    let role = query.parse::<Role>("role", Role::NAMES);
    let kind = query.parse::<StakeholderKind>("kind", StakeholderKind::NAMES);
    let updated_since = query.datetime("updatedSince");
    let page = PageRequest::read(&mut query);
    query.finish()?;
    let (items, next) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        let mut sql = memberships::table
            .inner_join(stakeholders::table)
            .filter(memberships::network_id.eq(network_id))
            .filter(memberships::stakeholder_id.gt(page.after_id()))
            .select((Membership::as_select(), Stakeholder::as_select()))
            .into_boxed();
        if !(access.is_member() || viewer.is_admin) {
            sql = sql.filter(stakeholders::listed.eq(true));
        }
        if let Some(r) = role {
            sql = sql.filter(memberships::role.eq(r.as_str()));
        }
        if let Some(k) = kind {
            sql = sql.filter(stakeholders::kind.eq(k.as_str()));
        }
        if let Some(t) = updated_since {
            sql = sql.filter(memberships::updated_at.ge(t.naive_utc()));
        }
        let mut rows: Vec<(Membership, Stakeholder)> = sql
            .order(memberships::stakeholder_id)
            .limit(page.fetch_limit())
            .load(conn)?;
        let next = page.finish(&mut rows, |(m, _)| Cursor::Id(m.stakeholder_id));
        Ok((present(conn, &viewer, &access, rows)?, next))
    })
    .await?;
    let links = PageLinks::new(&req, &query, &page, next);
    Ok(HttpResponse::Ok().json(MemberPage { items, links }))
}

/// One member of a network
///
/// As in the list: members see everyone, others only members who agreed to
/// be listed. The ETag is what `PATCH` wants in `If-Match`.
#[utoipa::path(
    tag = "Members",
    params(
        ("networkId" = i64, Path, description = "Network id", minimum = 1),
        ("stakeholderId" = i64, Path, description = "Stakeholder id of the member", minimum = 1),
    ),
    responses(
        (status = 200, description = "The membership.", body = MemberOut,
            headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such network or member, or you may not see them."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/members/{stakeholderId}")]
pub async fn get_member(
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let (network_id, stakeholder_id) = path.into_inner();
    let (out, tag) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        if !(access.is_member() || viewer.is_admin) {
            let listed: bool = stakeholders::table
                .find(stakeholder_id)
                .select(stakeholders::listed)
                .first(conn)
                .optional()?
                .unwrap_or(false);
            if !listed {
                return Err(ApiError::not_found("This member"));
            }
        }
        one(conn, &viewer, &access, network_id, stakeholder_id)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// What adding to a network did.
enum Added {
    Member(MemberOut, String),
    Invited(InvitationOut),
}

/// Join a network, invite a person, or add an organisation
///
/// Without `stakeholderId` you join a public network yourself, as `member`,
/// or accept the invitation you have (with the role it offers). A
/// coordinator naming a person with an account invites them (`202`, an
/// invitation): they become a member only by accepting it. Coordinators add
/// organisations, and people without an account whose profile they manage,
/// at once (`201`).
#[utoipa::path(
    tag = "Members",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    request_body = MemberInput,
    responses(
        (status = 201, description = "The member was added.", body = MemberOut,
            headers(("Location" = String, description = "Address of the membership"), ("ETag" = String, description = "Version tag"))),
        (status = 202, description = "The person was invited; they join by accepting.", body = InvitationOut,
            headers(("Location" = String, description = "Address of the invitation"))),
        (status = 403, description = "Only coordinators add others or give roles, and only organisations and profiles they manage without asking."),
        (status = 404, description = "No such network, or you may not see it."),
        (status = 409, description = "Already a member or invited, the invitation was declined, the network is closed, no such stakeholder, or a commitment written for a person who is invited (invalidParams)."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks/{networkId}/members")]
pub async fn add_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<MemberInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let network_id = path.into_inner();
    let input = body.into_inner()?;
    let added = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        let own = viewer.stakeholder_id;
        let Some(target) = input.stakeholder_id.or(own) else {
            return Err(ApiError::Forbidden(
                "Your account has no stakeholder profile.".into(),
            ));
        };
        if NetworkStatus::from_db(&access.network.status) == NetworkStatus::Closed {
            return Err(ApiError::Conflict(
                "This network is closed and takes no new members.".into(),
            ));
        }
        let commitment = input.commitment.unwrap_or_default();
        if Some(target) == own {
            // Your own act: joining, or accepting the invitation you have.
            let invited = invitations::accept_open(conn, network_id, target)?;
            let role = invited.unwrap_or(input.role.unwrap_or(Role::Member));
            if invited.is_none() && role != Role::Member {
                access.ensure_coordinator()?;
            }
            queries::memberships::insert(conn, network_id, target, role, &commitment, true)?;
        } else {
            access.ensure_coordinator()?;
            let role = input.role.unwrap_or(Role::Member);
            let person = visible_stakeholder(conn, &viewer, target)?;
            if queries::memberships::find(conn, network_id, target)?.is_some() {
                return Err(ApiError::Conflict(
                    "This stakeholder is already a member of this network.".into(),
                ));
            }
            if person.user_id.is_some() {
                if !commitment.is_empty() {
                    return Err(ApiError::ConflictingFields(vec![InvalidParam::conflict(
                        "commitment",
                        Code::Rule,
                        "is written by the person themselves when they accept: this person has an account and is invited",
                    ).expected("ownWords")]));
                }
                let message = input.message.unwrap_or_default();
                let invitation = invitations::invite(conn, &viewer, network_id, &person, role, &message)?;
                let out = invitations::present_all(conn, vec![invitation])?
                    .pop()
                    .ok_or_else(|| ApiError::Internal("invitation vanished".into()))?;
                return Ok(Added::Invited(out));
            }
            if !invitations::may_add_directly(&viewer, &person) {
                return Err(ApiError::Forbidden(
                    "You may add organisations and people whose profile you manage. Ask whoever manages this profile to add them.".into(),
                ));
            }
            let by_consent = permissions::manages(&viewer, &person);
            queries::memberships::insert(conn, network_id, target, role, &commitment, by_consent)?;
        }
        let access = network_access(conn, &viewer, network_id)?;
        crate::audit::record(
            conn,
            viewer.user_id,
            "membership.added",
            "stakeholder",
            Some(target),
            Some(network_id),
        )?;
        let (out, tag) = one(conn, &viewer, &access, network_id, target)?;
        Ok(Added::Member(out, tag))
    })
    .await?;
    match added {
        Added::Member(out, tag) => {
            let location = format!("/networks/{network_id}/members/{}", out.stakeholder_id);
            Ok(created(&req, &location, &out, Some(&tag)))
        }
        Added::Invited(out) => {
            let location = format!(
                "{}/api/v1/invitations/{}",
                crate::web::pagination::base_url(&req),
                out.id
            );
            Ok(HttpResponse::Accepted()
                .insert_header((actix_web::http::header::LOCATION, location))
                .json(out))
        }
    }
}

/// A stakeholder the viewer may see; others are "not an existing
/// stakeholder" (409), so ids cannot be walked.
fn visible_stakeholder(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<Stakeholder, ApiError> {
    let missing = || {
        ApiError::ConflictingFields(vec![InvalidParam::conflict(
            "stakeholderId",
            Code::Reference,
            "is not an existing stakeholder",
        )
        .expected("stakeholder")])
    };
    let s: Stakeholder = stakeholders::table
        .find(id)
        .select(Stakeholder::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(missing)?;
    let co_member = !permissions::co_members(conn, viewer, &[id])?.is_empty();
    if permissions::may_see_stakeholder(viewer, &s, co_member) {
        Ok(s)
    } else {
        Err(missing())
    }
}

/// Change a member's role or commitment
///
/// Coordinators change roles; members change their own commitment. The last
/// coordinator cannot be demoted.
#[utoipa::path(
    tag = "Members",
    params(
        ("networkId" = i64, Path, description = "Network id", minimum = 1),
        ("stakeholderId" = i64, Path, description = "Stakeholder id of the member", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    request_body(content = MemberPatch, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed membership.", body = MemberOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "You may not change this membership."),
        (status = 404, description = "No such network or member."),
        (status = 409, description = "This is the last coordinator."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/networks/{networkId}/members/{stakeholderId}")]
pub async fn update_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(i64, i64)>,
    auth: Auth,
    body: JsonBody<MemberPatch>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let (network_id, stakeholder_id) = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let input = body.into_inner()?;
    let (out, tag) = db::write(&state.pool, move |conn| {
        // The network's row, not only the membership's: the count of its
        // coordinators must not change between the check and the write.
        versioned::lock!(conn, networks::table.find(network_id).select(networks::id));
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        let current = load_membership(conn, network_id, stakeholder_id)?;
        precondition.matches(&member_tag(&current))?;
        let is_self = viewer.stakeholder_id == Some(stakeholder_id);
        let mut role = Role::from_db(&current.role);
        if let Some(new_role) = input.role {
            if new_role != role {
                access.ensure_coordinator()?;
                if role == Role::Coordinator && coordinators(conn, network_id)? <= 1 {
                    return Err(ApiError::Conflict(
                        "This is the last coordinator. Make someone else coordinator first.".into(),
                    ));
                }
                role = new_role;
            }
        }
        let mut commitment = current.commitment.clone();
        if let Some(c) = input.commitment {
            if !is_self {
                access.ensure_coordinator()?;
            }
            commitment = c.trim().to_string();
        }
        let changed = diesel::update(
            memberships::table
                .filter(memberships::network_id.eq(network_id))
                .filter(memberships::stakeholder_id.eq(stakeholder_id))
                .filter(memberships::version.eq(current.version)),
        )
        .set((
            memberships::role.eq(role.as_str()),
            memberships::commitment.eq(commitment),
            memberships::updated_at.eq(db::now()),
            memberships::version.eq(current.version + 1),
        ))
        .execute(conn)?;
        versioned::one_row(changed)?;
        crate::audit::record(
            conn,
            viewer.user_id,
            if role != Role::from_db(&current.role) {
                "membership.role_changed"
            } else {
                "membership.updated"
            },
            "stakeholder",
            Some(stakeholder_id),
            Some(network_id),
        )?;
        one(conn, &viewer, &access, network_id, stakeholder_id)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// Leave a network, or remove a member
///
/// Members leave themselves; coordinators remove others. The last
/// coordinator cannot leave.
#[utoipa::path(
    tag = "Members",
    params(
        ("networkId" = i64, Path, description = "Network id", minimum = 1),
        ("stakeholderId" = i64, Path, description = "Stakeholder id of the member", minimum = 1),
    ),
    responses(
        (status = 204, description = "The membership ended."),
        (status = 403, description = "Only coordinators remove others."),
        (status = 404, description = "No such network or member."),
        (status = 409, description = "This is the last coordinator."),
    ),
    security(("bearer" = [])),
)]
#[delete("/networks/{networkId}/members/{stakeholderId}")]
pub async fn remove_member(
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let (network_id, stakeholder_id) = path.into_inner();
    db::write(&state.pool, move |conn| {
        // The network's row, not only the membership's: the count of its
        // coordinators must not change between the check and the write.
        versioned::lock!(conn, networks::table.find(network_id).select(networks::id));
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        let current = load_membership(conn, network_id, stakeholder_id)?;
        if viewer.stakeholder_id != Some(stakeholder_id) {
            access.ensure_coordinator()?;
        }
        if Role::from_db(&current.role) == Role::Coordinator && coordinators(conn, network_id)? <= 1
        {
            return Err(ApiError::Conflict(
                "This is the last coordinator. Make someone else coordinator first.".into(),
            ));
        }
        diesel::delete(
            memberships::table
                .filter(memberships::network_id.eq(network_id))
                .filter(memberships::stakeholder_id.eq(stakeholder_id)),
        )
        .execute(conn)?;
        crate::audit::record(
            conn,
            viewer.user_id,
            "membership.removed",
            "stakeholder",
            Some(stakeholder_id),
            Some(network_id),
        )?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
