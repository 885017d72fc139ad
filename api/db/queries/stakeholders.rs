//! Stakeholders as several handlers, the CSV import and the demo data
//! write them.

use crate::db::models::StakeholderValues;
use crate::db::DbConn;
use crate::domain::FieldVisibility;
use crate::search::documents::{StakeholderText, STAKEHOLDER};
use crate::web::error::ApiError;

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
