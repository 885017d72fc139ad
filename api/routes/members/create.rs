use actix_web::http::header;
use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db::{self, DbConn};
use crate::domain::{NetworkStatus, Role};
use crate::permissions::{self, network_access, NetworkAccess, Viewer};
use crate::queries::{house_rules, invitations, memberships};
use crate::routes::invitations::{present_all, InvitationOut};
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::created;
use crate::web::pagination::base_url;
use crate::AppState;

use super::present::one;
use super::{MemberInput, MemberOut};

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
/// invitation, and a mail): they become a member only by accepting it. Coordinators add
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
        (status = 409, description = "Already a member or invited, the invitation was declined, the network is closed, no such stakeholder, a commitment written for a person who is invited, or house rules accepted that are not the current version (invalidParams)."),
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
    auth.signed_in()?;
    let network_id = path.into_inner();
    let input = body.into_inner()?;
    let base = base_url(&req);
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
        if Some(target) == own {
            join(conn, &access, target, input)?;
        } else if let Some(invited) = add_other(conn, &viewer, &access, target, input, &base)? {
            return Ok(Added::Invited(invited));
        }
        let access = network_access(conn, &viewer, network_id)?;
        crate::audit::record(
            conn,
            &viewer,
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
            let location = format!("{}/api/v1/invitations/{}", base_url(&req), out.id);
            Ok(HttpResponse::Accepted()
                .insert_header((header::LOCATION, location))
                .json(out))
        }
    }
}

/// Your own act: joining, or accepting the invitation you have (with the
/// role it offers). Other roles than `member` are a coordinator's to give.
fn join(
    conn: &mut DbConn,
    access: &NetworkAccess,
    me: i64,
    input: MemberInput,
) -> Result<(), ApiError> {
    let network_id = access.network.id;
    let invited = invitations::accept_open(conn, network_id, me)?;
    let role = invited.unwrap_or(input.role.unwrap_or(Role::Member));
    if invited.is_none() && role != Role::Member {
        access.ensure_coordinator()?;
    }
    let accepted = match input.accepted_house_rules_version {
        Some(version) => {
            if let Some(problem) = house_rules::check_version(conn, network_id, version)? {
                return Err(ApiError::ConflictingFields(vec![problem]));
            }
            Some(version)
        }
        None => None,
    };
    let commitment = input.commitment.unwrap_or_default();
    memberships::insert(conn, network_id, me, role, &commitment, true)?;
    if let Some(version) = accepted {
        house_rules::accept(conn, network_id, me, version)?;
    }
    Ok(())
}

/// A coordinator adds someone else: a person with an account is invited
/// (the invitation is returned), an organisation or a profile they manage
/// is added at once.
fn add_other(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &NetworkAccess,
    target: i64,
    input: MemberInput,
    base: &str,
) -> Result<Option<InvitationOut>, ApiError> {
    let network_id = access.network.id;
    access.ensure_coordinator()?;
    let role = input.role.unwrap_or(Role::Member);
    let commitment = input.commitment.unwrap_or_default();
    // Others are "not an existing stakeholder", so ids cannot be walked.
    let person =
        crate::permissions::visible_stakeholder(conn, viewer, target)?.ok_or_else(|| {
            ApiError::ConflictingFields(vec![InvalidParam::conflict(
                "stakeholderId",
                Code::Reference,
                "is not an existing stakeholder",
            )
            .expected("stakeholder")])
        })?;
    if memberships::find(conn, network_id, target)?.is_some() {
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
            )
            .expected("ownWords")]));
        }
        let message = input.message.unwrap_or_default();
        let invitation = invitations::invite(conn, viewer, network_id, &person, role, &message)?;
        if let Some(user_id) = person.user_id {
            crate::mail::notices::invitation(conn, base, user_id, network_id, &message)?;
        }
        let out = present_all(conn, vec![invitation])?
            .pop()
            .ok_or_else(|| ApiError::Internal("invitation vanished".into()))?;
        return Ok(Some(out));
    }
    if !crate::permissions::may_add_directly(viewer, &person) {
        return Err(ApiError::Forbidden(
            "You may add organisations and people whose profile you manage. Ask whoever manages this profile to add them.".into(),
        ));
    }
    let by_consent = permissions::manages(viewer, &person);
    memberships::insert(conn, network_id, target, role, &commitment, by_consent)?;
    Ok(None)
}
