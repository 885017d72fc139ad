//! Stakeholders as several handlers, the CSV import and the demo data
//! write and read them: a profile is its row (`StakeholderValues`) and its
//! talents and languages (`stakeholder_tags`).

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::models::{Stakeholder, StakeholderValues};
use crate::db::schema::{stakeholder_tags, stakeholders};
use crate::db::{self, DbConn};
use crate::domain::{FieldVisibility, StakeholderKind};
use crate::permissions::Viewer;
use crate::search::documents::{StakeholderText, STAKEHOLDER};
use crate::web::error::ApiError;

/// A profile as it is written: the row's values and the two tag lists.
pub struct Profile {
    pub values: StakeholderValues,
    pub talents: Vec<String>,
    pub languages: Vec<String>,
}

impl From<&Stakeholder> for StakeholderValues {
    fn from(s: &Stakeholder) -> Self {
        StakeholderValues {
            kind: s.kind.clone(),
            name: s.name.clone(),
            organisation: s.organisation.clone(),
            expertise: s.expertise.clone(),
            municipality_code: s.municipality_code.clone(),
            email: s.email.clone(),
            phone: s.phone.clone(),
            listed: s.listed,
            share_contact: s.share_contact,
            access_needs: s.access_needs.clone(),
            access_needs_consent: s.access_needs_consent,
            organisation_visibility: s.organisation_visibility.clone(),
            expertise_visibility: s.expertise_visibility.clone(),
            talents_visibility: s.talents_visibility.clone(),
            languages_visibility: s.languages_visibility.clone(),
            municipality_visibility: s.municipality_visibility.clone(),
            availability_hours: s.availability_hours,
            availability_occasional: s.availability_occasional,
            findable: s.findable,
        }
    }
}

/// Gives every kind of field the person has not chosen a visibility for
/// the one that suits their kind: everything public for an organisation,
/// nothing beyond name, kind and role for a person.
pub fn show_as_suits_kind(v: &mut StakeholderValues) {
    let shown = FieldVisibility::default_for(StakeholderKind::from_db(&v.kind)).as_str();
    for slot in [
        &mut v.organisation_visibility,
        &mut v.expertise_visibility,
        &mut v.talents_visibility,
        &mut v.languages_visibility,
        &mut v.municipality_visibility,
    ] {
        if slot.is_empty() {
            *slot = shown.into();
        }
    }
}

/// The profile of a stored stakeholder, tags included.
pub fn profile(conn: &mut DbConn, s: &Stakeholder) -> Result<Profile, ApiError> {
    let mut tags = tags_of(conn, &[s.id])?;
    Ok(Profile {
        values: StakeholderValues::from(s),
        talents: tags.remove(&(s.id, "talent".into())).unwrap_or_default(),
        languages: tags.remove(&(s.id, "language".into())).unwrap_or_default(),
    })
}

/// Adds a stakeholder managed by the viewer: `POST /stakeholders` and the
/// CSV import both create through here.
pub fn create(conn: &mut DbConn, viewer: &Viewer, p: &Profile) -> Result<i64, ApiError> {
    let id = insert_row(conn, &p.values, None, viewer.user_id)?;
    save_extras(conn, id, p)?;
    crate::audit::record(
        conn,
        viewer,
        "stakeholder.created",
        "stakeholder",
        Some(id),
        None,
    )?;
    Ok(id)
}

/// Inserts a profile's row: `account` is the person's own account, if
/// this is one; `added_by` the account that manages the profile.
pub fn insert_row(
    conn: &mut DbConn,
    v: &StakeholderValues,
    account: Option<i64>,
    added_by: Option<i64>,
) -> Result<i64, ApiError> {
    let now = db::now();
    Ok(diesel::insert_into(stakeholders::table)
        .values((
            v,
            stakeholders::user_id.eq(account),
            stakeholders::created_by.eq(added_by),
            stakeholders::created_at.eq(now),
            stakeholders::updated_at.eq(now),
        ))
        .returning(stakeholders::id)
        .get_result(conn)?)
}

/// Writes what goes with a profile's row: its tags and its search entry.
pub fn save_extras(conn: &mut DbConn, id: i64, p: &Profile) -> Result<(), ApiError> {
    save_tags(conn, id, "talent", &p.talents)?;
    save_tags(conn, id, "language", &p.languages)?;
    index(conn, id, &p.values, &p.talents)
}

fn save_tags(conn: &mut DbConn, id: i64, kind: &str, values: &[String]) -> Result<(), ApiError> {
    diesel::delete(
        stakeholder_tags::table
            .filter(stakeholder_tags::stakeholder_id.eq(id))
            .filter(stakeholder_tags::kind.eq(kind)),
    )
    .execute(conn)?;
    for value in values {
        diesel::insert_into(stakeholder_tags::table)
            .values((
                stakeholder_tags::stakeholder_id.eq(id),
                stakeholder_tags::kind.eq(kind),
                stakeholder_tags::value.eq(value),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The tags of several stakeholders, by stakeholder and kind of tag
/// (`talent`, `language`), each list in order.
pub fn tags_of(
    conn: &mut DbConn,
    ids: &[i64],
) -> Result<HashMap<(i64, String), Vec<String>>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, String, String)> = stakeholder_tags::table
        .filter(db::in_ids(stakeholder_tags::stakeholder_id, ids))
        .order((
            stakeholder_tags::stakeholder_id,
            stakeholder_tags::kind,
            stakeholder_tags::value,
        ))
        .select((
            stakeholder_tags::stakeholder_id,
            stakeholder_tags::kind,
            stakeholder_tags::value,
        ))
        .load(conn)?;
    let mut map: HashMap<(i64, String), Vec<String>> = HashMap::new();
    for (id, kind, value) in rows {
        map.entry((id, kind)).or_default().push(value);
    }
    Ok(map)
}

/// Keeps a stakeholder's entry in the search index in step: the name, and
/// the organisation, expertise and talents as far as the person shows them
/// to everyone.
pub fn index(
    conn: &mut DbConn,
    id: i64,
    v: &StakeholderValues,
    talents: &[String],
) -> Result<(), ApiError> {
    fn public<'a>(text: &'a str, visibility: &str) -> &'a str {
        match FieldVisibility::from_db(visibility) {
            FieldVisibility::Public => text,
            _ => "",
        }
    }
    let talents = talents.join(" ");
    let text = StakeholderText {
        name: &v.name,
        organisation: public(
            v.organisation.as_deref().unwrap_or_default(),
            &v.organisation_visibility,
        ),
        expertise: public(
            v.expertise.as_deref().unwrap_or_default(),
            &v.expertise_visibility,
        ),
        talents: public(&talents, &v.talents_visibility),
    };
    crate::search::index(conn, STAKEHOLDER, id, &text.fields())
}
