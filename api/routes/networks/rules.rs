//! The rules a network's values follow that need the database or several
//! fields at once, for creating and changing a network alike.

use diesel::prelude::*;

use crate::db::models::NetworkValues;
use crate::db::schema::networks;
use crate::db::DbConn;
use crate::domain::Scope;
use crate::permissions::{network_access, Viewer};
use crate::reference::{municipality, province};
use crate::routes::{check_municipality, check_topics};
use crate::web::error::{ApiError, Code, InvalidParam};

/// Checks a network's values: the place, the topics, the parent and the
/// children. `id` is the network's own, when it is changed; `province_given`
/// the province the input named.
pub fn check(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: Option<i64>,
    v: &mut NetworkValues,
    topics: &[String],
    province_given: Option<String>,
    errors: &mut Vec<InvalidParam>,
) -> Result<(), ApiError> {
    let scope = Scope::from_db(&v.scope);
    settle_province(id, v, scope, province_given, errors);
    check_municipality(v.municipality_code.as_deref(), errors);
    let scope_unknown = errors.iter().any(|e| e.name == "scope");
    if scope == Scope::Local
        && !scope_unknown
        && v.municipality_code.is_none()
        && v.region.is_none()
    {
        let reason = "is required for a local network (or give a region, for places outside the Netherlands)";
        // A new network: the body alone is wrong. A change: at odds with the
        // stored network.
        errors.push(
            match id {
                None => InvalidParam::new("municipalityCode", Code::Required, reason),
                Some(_) => InvalidParam::conflict("municipalityCode", Code::Required, reason),
            }
            .expected("localPlace"),
        );
    }
    check_topics(conn, topics, errors)?;
    if let Some(parent_id) = v.parent_id {
        let parent = if Some(parent_id) == id {
            None
        } else {
            network_access(conn, viewer, parent_id)
                .ok()
                .map(|a| a.network)
        };
        match parent {
            None => errors.push(
                InvalidParam::conflict("parentId", Code::Reference, "is not a network you can see")
                    .expected("network"),
            ),
            Some(p) if Scope::from_db(&p.scope).rank() <= scope.rank() => errors.push(
                InvalidParam::conflict(
                    "parentId",
                    Code::Rule,
                    "must reach further than this network (local -> regional -> national)",
                )
                .expected("parentScope"),
            ),
            Some(_) => {}
        }
    }
    if let Some(id) = id {
        let child_scopes: Vec<String> = networks::table
            .filter(networks::parent_id.eq(id))
            .select(networks::scope)
            .load(conn)?;
        if child_scopes
            .iter()
            .any(|s| Scope::from_db(s).rank() >= scope.rank())
        {
            errors.push(
                InvalidParam::conflict(
                    "scope",
                    Code::Rule,
                    "must reach further than every narrower network below it",
                )
                .expected("childScope"),
            );
        }
    }
    Ok(())
}

/// Checks the province: a known code; the municipality's, when there is one
/// (then it is not stored: it follows the municipality); none for a
/// national network (a stored one goes when a network becomes national).
fn settle_province(
    id: Option<i64>,
    v: &mut NetworkValues,
    scope: Scope,
    given: Option<String>,
    errors: &mut Vec<InvalidParam>,
) {
    // A new network: the body alone is wrong. A change: perhaps at odds
    // with what is stored.
    let wrong = |code, reason: String| match id {
        None => InvalidParam::new("provinceCode", code, reason),
        Some(_) => InvalidParam::conflict("provinceCode", code, reason),
    };
    if let Some(p) = &given {
        if province(p).is_none() {
            errors.push(
                InvalidParam::new(
                    "provinceCode",
                    Code::Reference,
                    "is not a CBS province code, such as PV23 (see GET /municipalities)",
                )
                .expected("province"),
            );
            return;
        }
    }
    if scope == Scope::National {
        if given.is_some() {
            errors.push(wrong(
                Code::Rule,
                "must be left out: a national network reaches every province".into(),
            ));
        }
        v.province_code = None;
    } else if let Some(m) = v.municipality_code.as_deref().and_then(municipality) {
        if given.as_ref().is_some_and(|p| *p != m.province_code) {
            // At odds with the reference list, whatever the request.
            errors.push(
                InvalidParam::conflict(
                    "provinceCode",
                    Code::Rule,
                    format!(
                        "must be the province of municipalityCode ({}), or left out",
                        m.province_code
                    ),
                )
                .expected("province"),
            );
        }
        v.province_code = None;
    }
}
