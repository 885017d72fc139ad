//! A stakeholder as a viewer sees it: whether they may see or change it at
//! all, and each field as far as `permissions` lets them. Members and the
//! account export show profiles through here.

use diesel::prelude::*;

use crate::db::models::Stakeholder;
use crate::db::schema::stakeholders;
use crate::db::DbConn;
use crate::domain::{FieldVisibility, StakeholderKind};
use crate::permissions::{self, Viewer};
use crate::queries::stakeholders::tags_of;
use crate::web::error::ApiError;
use crate::web::http::{etag, utc};

use super::{AvailabilityOut, ContactOut, FieldVisibilityOut, StakeholderOut};

/// Contact details, for those [`permissions::may_see_contact`] allows.
pub fn contact_for(viewer: &Viewer, s: &Stakeholder, co_member: bool) -> Option<ContactOut> {
    let allowed = permissions::may_see_contact(viewer, s, co_member);
    (allowed && (s.email.is_some() || s.phone.is_some())).then(|| ContactOut {
        email: s.email.clone(),
        phone: s.phone.clone(),
    })
}

/// Builds the wire form of several stakeholders with few queries, each
/// field as far as the viewer may see it (`permissions`).
pub fn present_all(
    conn: &mut DbConn,
    viewer: &Viewer,
    rows: Vec<Stakeholder>,
) -> Result<Vec<StakeholderOut>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|s| s.id).collect();
    let mut tags = tags_of(conn, &ids)?;
    let co = permissions::co_members(conn, viewer, &ids)?;
    let coordinated = permissions::coordinated_members(conn, viewer, &ids)?;
    Ok(rows
        .into_iter()
        .map(|s| {
            let co_member = co.contains(&s.id);
            let shows =
                |visibility: &str| permissions::may_see_field(viewer, &s, visibility, co_member);
            let (organisation, expertise, talents, languages, municipality) = (
                shows(&s.organisation_visibility),
                shows(&s.expertise_visibility),
                shows(&s.talents_visibility),
                shows(&s.languages_visibility),
                shows(&s.municipality_visibility),
            );
            let choices = permissions::may_see_choices(viewer, &s);
            let needs_visible =
                permissions::may_see_access_needs(viewer, &s, coordinated.contains(&s.id));
            StakeholderOut {
                talents: talents.then(|| tags.remove(&(s.id, "talent".into())).unwrap_or_default()),
                availability: AvailabilityOut::of(s.availability_hours, s.availability_occasional)
                    .filter(|_| talents),
                findable: choices.then_some(s.findable),
                languages: languages
                    .then(|| tags.remove(&(s.id, "language".into())).unwrap_or_default()),
                can_edit: permissions::may_edit_profile(viewer, &s),
                has_account: s.user_id.is_some(),
                contact: contact_for(viewer, &s, co_member),
                listed: choices.then_some(s.listed),
                share_contact: choices.then_some(s.share_contact),
                access_needs_consent: choices.then_some(s.access_needs_consent),
                visibility: choices.then(|| FieldVisibilityOut {
                    organisation: FieldVisibility::from_db(&s.organisation_visibility),
                    expertise: FieldVisibility::from_db(&s.expertise_visibility),
                    talents: FieldVisibility::from_db(&s.talents_visibility),
                    languages: FieldVisibility::from_db(&s.languages_visibility),
                    municipality_code: FieldVisibility::from_db(&s.municipality_visibility),
                }),
                id: s.id,
                kind: StakeholderKind::from_db(&s.kind),
                name: s.name,
                organisation: s.organisation.filter(|_| organisation),
                expertise: s.expertise.filter(|_| expertise),
                municipality_code: s.municipality_code.filter(|_| municipality),
                access_needs: s.access_needs.filter(|_| needs_visible),
                created_at: utc(s.created_at),
                updated_at: utc(s.updated_at),
            }
        })
        .collect())
}

/// One stakeholder as the viewer sees it, with its ETag.
pub(super) fn one(
    conn: &mut DbConn,
    viewer: &Viewer,
    s: Stakeholder,
) -> Result<(StakeholderOut, String), ApiError> {
    let tag = etag("stakeholder", s.id, s.version);
    let out = present_all(conn, viewer, vec![s])?
        .pop()
        .ok_or_else(|| ApiError::Internal("stakeholder vanished".into()))?;
    Ok((out, tag))
}

/// One stakeholder as it stands after a write, as the viewer sees it.
pub(super) fn written(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<(StakeholderOut, String), ApiError> {
    let s = stakeholders::table
        .find(id)
        .select(Stakeholder::as_select())
        .first(conn)?;
    one(conn, viewer, s)
}

/// Loads a stakeholder the viewer may see: listed ones, their own, ones they
/// manage, co-members, or any as admin. Others do not exist (404).
pub(super) fn visible(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<Stakeholder, ApiError> {
    crate::permissions::visible_stakeholder(conn, viewer, id)?
        .ok_or_else(|| ApiError::not_found("This stakeholder"))
}

/// Loads a stakeholder the viewer may change ([`permissions::may_edit_profile`]):
/// 404 as [`visible`], 403 with `refusal` when they may only see it.
pub(super) fn editable(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
    refusal: &str,
) -> Result<Stakeholder, ApiError> {
    let s = visible(conn, viewer, id)?;
    if permissions::may_edit_profile(viewer, &s) {
        Ok(s)
    } else {
        Err(ApiError::Forbidden(refusal.into()))
    }
}
