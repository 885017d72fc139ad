//! The rules a meeting's values follow that need the database, for
//! planning and changing a meeting alike.

use diesel::prelude::*;

use crate::db::models::MeetingValues;
use crate::db::schema::memberships;
use crate::db::DbConn;
use crate::queries;
use crate::reference::municipality;
use crate::web::error::{ApiError, Code, InvalidParam};

/// The venue's municipality on the list, the organiser a member of the
/// network, and (a meeting that exists, `id`) no fewer places than people
/// who have one.
pub fn check(
    conn: &mut DbConn,
    network_id: i64,
    id: Option<i64>,
    v: &MeetingValues,
    errors: &mut Vec<InvalidParam>,
) -> Result<(), ApiError> {
    if let Some(code) = &v.municipality_code {
        if municipality(code).is_none() {
            errors.push(
                InvalidParam::new(
                    "municipalityCode",
                    Code::Reference,
                    "is not a CBS municipality code (see GET /municipalities)",
                )
                .expected("municipality"),
            );
        }
    }
    if let Some(organiser) = v.organiser_id {
        let member: i64 = memberships::table
            .filter(memberships::network_id.eq(network_id))
            .filter(memberships::stakeholder_id.eq(organiser))
            .count()
            .get_result(conn)?;
        if member == 0 {
            errors.push(
                InvalidParam::conflict(
                    "organiserId",
                    Code::Reference,
                    "is not a member of this network",
                )
                .expected("member"),
            );
        }
    }
    if let (Some(id), Some(capacity)) = (id, v.capacity) {
        let taken = queries::meetings::registered_count(conn, id)?;
        if i64::from(capacity) < taken {
            errors.push(
                InvalidParam::conflict(
                    "capacity",
                    Code::Range,
                    format!("must be at least {taken}: that many people have a place"),
                )
                .bounds(Some(taken), None)
                .expected("registrations"),
            );
        }
    }
    Ok(())
}
