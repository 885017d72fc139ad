//! Invitations as the members and invitations resources write them: a
//! coordinator invites, joining accepts the open invitation, and who may
//! see or answer one.

use diesel::prelude::*;

use crate::db::models::{Invitation, Stakeholder};
use crate::db::schema::invitations;
use crate::db::versioned;
use crate::db::{self, DbConn};
use crate::domain::{InvitationStatus, Role};
use crate::permissions::Viewer;
use crate::web::error::ApiError;

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
    let of_person = || {
        invitations::table
            .filter(invitations::network_id.eq(network_id))
            .filter(invitations::stakeholder_id.eq(person.id))
    };
    versioned::lock!(conn, of_person().select(invitations::id));
    let existing: Option<Invitation> = of_person()
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
                versioned::update!(
                    conn,
                    invitations,
                    old.id,
                    old.version,
                    (
                        invitations::role.eq(role.as_str()),
                        invitations::message.eq(message.trim()),
                        invitations::invited_by.eq(viewer.user_id),
                        invitations::status.eq(InvitationStatus::Pending.as_str()),
                    )
                );
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
        viewer,
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
    let of_person = || {
        invitations::table
            .filter(invitations::network_id.eq(network_id))
            .filter(invitations::stakeholder_id.eq(stakeholder_id))
    };
    versioned::lock!(conn, of_person().select(invitations::id));
    let open: Option<Invitation> = of_person()
        .filter(invitations::status.ne(InvitationStatus::Accepted.as_str()))
        .select(Invitation::as_select())
        .first(conn)
        .optional()?;
    let Some(open) = open else {
        return Ok(None);
    };
    versioned::update!(
        conn,
        invitations,
        open.id,
        open.version,
        invitations::status.eq(InvitationStatus::Accepted.as_str())
    );
    Ok(
        (InvitationStatus::from_db(&open.status) == InvitationStatus::Pending)
            .then(|| Role::from_db(&open.role)),
    )
}

/// An invitation; 404 when there is none.
pub fn load(conn: &mut DbConn, id: i64) -> Result<Invitation, ApiError> {
    invitations::table
        .find(id)
        .select(Invitation::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("This invitation"))
}

/// 409 when an invitation was answered already: only an open one is
/// answered or withdrawn.
pub fn ensure_open(i: &Invitation) -> Result<(), ApiError> {
    if InvitationStatus::from_db(&i.status) == InvitationStatus::Pending {
        Ok(())
    } else {
        Err(ApiError::Conflict(format!(
            "This invitation was {} already.",
            i.status
        )))
    }
}
