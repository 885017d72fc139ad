//! A network's house rules (spelregels): every version kept, the highest
//! the current one, and who accepted which version.

use diesel::prelude::*;

use crate::db::models::HouseRules;
use crate::db::schema::{house_rule_acceptances, house_rules};
use crate::db::{self, DbConn};
use crate::web::error::{ApiError, Code, InvalidParam};

/// The rules a new network starts from, in plain Dutch: what is shared
/// stays in the network unless the person agrees; respect and equal
/// voices, experience experts first; nobody's personal data or disability
/// outside the network; how to raise a concern with the coordinators. The
/// migration `2026-12-07-000020_message_board` gave existing networks the
/// same text.
pub const DEFAULT: &str = "Zo gaan we met elkaar om in dit netwerk.\n\n- Wat we in het netwerk delen, blijft in het netwerk. Wil je iets verder vertellen? Vraag dan eerst of de persoon het goed vindt.\n- We hebben respect voor elkaar. Ieders stem telt even zwaar. Ervaringsdeskundigen spreken eerst: zij weten hoe het is.\n- Deel geen persoonlijke gegevens van anderen buiten het netwerk. Ook niet wat je weet over iemands beperking of gezondheid.\n- Zit iets je niet lekker? Zeg het tegen de coördinatoren van het netwerk. Stuur hun een bericht, of gebruik de knop **Melden** bij een bericht op het prikbord.";

/// The current version of a network's rules.
pub fn current(conn: &mut DbConn, network_id: i64) -> Result<HouseRules, ApiError> {
    house_rules::table
        .filter(house_rules::network_id.eq(network_id))
        .order(house_rules::version.desc())
        .select(HouseRules::as_select())
        .first(conn)
        .optional()?
        .map_or_else(
            // A network made outside the API (the load generator) has none
            // written yet: the default, as version 0.
            || {
                Ok(HouseRules {
                    network_id,
                    version: 0,
                    body: DEFAULT.into(),
                    changed_by: None,
                    created_at: db::now(),
                })
            },
            Ok,
        )
}

/// The number of the current version (0 when there is none).
pub fn current_version(conn: &mut DbConn, network_id: i64) -> Result<i64, ApiError> {
    Ok(house_rules::table
        .filter(house_rules::network_id.eq(network_id))
        .select(diesel::dsl::max(house_rules::version))
        .first::<Option<i64>>(conn)?
        .unwrap_or(0))
}

/// Whether this person accepted the current version of the rules.
pub fn has_accepted(
    conn: &mut DbConn,
    network_id: i64,
    stakeholder_id: i64,
) -> Result<bool, ApiError> {
    let version = current_version(conn, network_id)?;
    if version == 0 {
        // No rules written (a network the load generator made): nothing
        // to accept.
        return Ok(true);
    }
    let found: i64 = house_rule_acceptances::table
        .filter(house_rule_acceptances::network_id.eq(network_id))
        .filter(house_rule_acceptances::stakeholder_id.eq(stakeholder_id))
        .filter(house_rule_acceptances::version.eq(version))
        .count()
        .get_result(conn)?;
    Ok(found > 0)
}

/// Records that a person accepted a version (once).
pub fn accept(
    conn: &mut DbConn,
    network_id: i64,
    stakeholder_id: i64,
    version: i64,
) -> Result<(), ApiError> {
    let found: i64 = house_rule_acceptances::table
        .filter(house_rule_acceptances::network_id.eq(network_id))
        .filter(house_rule_acceptances::stakeholder_id.eq(stakeholder_id))
        .filter(house_rule_acceptances::version.eq(version))
        .count()
        .get_result(conn)?;
    if found == 0 {
        diesel::insert_into(house_rule_acceptances::table)
            .values((
                house_rule_acceptances::network_id.eq(network_id),
                house_rule_acceptances::stakeholder_id.eq(stakeholder_id),
                house_rule_acceptances::version.eq(version),
                house_rule_acceptances::accepted_at.eq(db::now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Writes a new version of the rules, by `by` (who thereby accepts it);
/// returns its number.
pub fn write(
    conn: &mut DbConn,
    network_id: i64,
    body: &str,
    by: Option<i64>,
) -> Result<i64, ApiError> {
    let version = current_version(conn, network_id)? + 1;
    diesel::insert_into(house_rules::table)
        .values((
            house_rules::network_id.eq(network_id),
            house_rules::version.eq(version),
            house_rules::body.eq(body),
            house_rules::changed_by.eq(by),
            house_rules::created_at.eq(db::now()),
        ))
        .execute(conn)?;
    if let Some(me) = by {
        accept(conn, network_id, me, version)?;
    }
    Ok(version)
}

/// The problem with accepting `version`: 409 when it is not the current
/// one (the rules changed since they were read).
pub fn check_version(
    conn: &mut DbConn,
    network_id: i64,
    version: i64,
) -> Result<Option<InvalidParam>, ApiError> {
    let current = current_version(conn, network_id)?;
    Ok((version != current).then(|| {
        InvalidParam::conflict(
            "version",
            Code::Rule,
            format!("is not the current version of the house rules ({current}): read them again"),
        )
        .bounds(Some(current), Some(current))
        .expected("houseRulesVersion")
    }))
}
