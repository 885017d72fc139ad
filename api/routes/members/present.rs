//! A membership as a viewer sees it: the member's name and kind, their
//! organisation as far as they show it, and contact details for co-members
//! when the person agreed (`stakeholders::contact_for`).

use diesel::prelude::*;

use crate::db::models::{Membership, Stakeholder};
use crate::db::schema::{stakeholders, users};
use crate::db::DbConn;
use crate::domain::{ContactChannel, ContactFormat, MailLanguage, Role, StakeholderKind};
use crate::permissions::{self, NetworkAccess, Viewer};
use crate::queries::memberships;
use crate::routes::stakeholders::contact_for;
use crate::web::error::ApiError;
use crate::web::http::{etag, utc};

use super::{MemberOut, ReachOut};

/// A membership's version tag.
pub(super) fn member_tag(m: &Membership) -> String {
    etag(
        "member",
        format!("{}-{}", m.network_id, m.stakeholder_id),
        m.version,
    )
}

/// Builds the wire form of memberships; contact details only among
/// co-members.
pub(super) fn present(
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
    let reach: std::collections::HashMap<i64, ReachOut> = if access.may_see_reach() {
        let consenting: Vec<i64> = rows
            .iter()
            .filter(|(m, _)| m.by_consent)
            .map(|(m, _)| m.stakeholder_id)
            .collect();
        stakeholders::table
            .inner_join(users::table.on(stakeholders::user_id.eq(users::id.nullable())))
            .filter(stakeholders::id.eq_any(&consenting))
            .select((
                stakeholders::id,
                users::contact_channel,
                users::contact_format,
                users::language,
            ))
            .load::<(i64, String, String, String)>(conn)?
            .into_iter()
            .map(|(id, channel, format, language)| {
                (
                    id,
                    ReachOut {
                        channel: ContactChannel::from_db(&channel),
                        format: ContactFormat::from_db(&format),
                        language: MailLanguage::from_db(&language),
                    },
                )
            })
            .collect()
    } else {
        Default::default()
    };
    Ok(rows
        .into_iter()
        .map(|(m, s)| MemberOut {
            contact: contact_for(viewer, &s, co.contains(&s.id)),
            reach: reach.get(&s.id).cloned(),
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

/// One membership as the viewer sees it, with its ETag (404 when none).
pub(super) fn one(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &NetworkAccess,
    network_id: i64,
    stakeholder_id: i64,
) -> Result<(MemberOut, String), ApiError> {
    let m = memberships::load(conn, network_id, stakeholder_id)?;
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
