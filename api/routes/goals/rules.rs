//! The rules a goal's values follow that need the database, for adding and
//! changing a goal alike.

use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::db::models::GoalValues;
use crate::db::schema::{goals, memberships};
use crate::db::DbConn;
use crate::web::error::{ApiError, Code, InvalidParam};

/// The parent a goal of the same network, without a loop; the owner a
/// member of the network. `id` is the goal's own, when it is changed.
pub fn check(
    conn: &mut DbConn,
    network_id: i64,
    id: Option<i64>,
    v: &GoalValues,
    errors: &mut Vec<InvalidParam>,
) -> Result<(), ApiError> {
    if let Some(parent) = v.parent_id {
        let mut cursor = Some(parent);
        let mut steps = 0;
        while let Some(current) = cursor {
            if Some(current) == id {
                errors.push(
                    InvalidParam::conflict(
                        "parentId",
                        Code::Rule,
                        "would make the goal a step of itself",
                    )
                    .expected("goalCycle"),
                );
                break;
            }
            let row: Option<(i64, Option<i64>)> = goals::table
                .find(current)
                .select((goals::network_id, goals::parent_id))
                .first(conn)
                .optional()?;
            match row {
                Some((net, up)) if net == network_id => cursor = up,
                _ => {
                    errors.push(
                        InvalidParam::conflict(
                            "parentId",
                            Code::Reference,
                            "is not a goal of this network",
                        )
                        .expected("goal"),
                    );
                    break;
                }
            }
            steps += 1;
            if steps > 100 {
                errors.push(
                    InvalidParam::conflict("parentId", Code::Rule, "makes the tree too deep")
                        .expected("goalDepth"),
                );
                break;
            }
        }
    }
    if let Some(owner) = v.owner_id {
        let member = memberships::table
            .filter(memberships::network_id.eq(network_id))
            .filter(memberships::stakeholder_id.eq(owner))
            .select(count_star())
            .first::<i64>(conn)?
            > 0;
        if !member {
            errors.push(
                InvalidParam::conflict(
                    "ownerId",
                    Code::Reference,
                    "is not a member of this network",
                )
                .expected("member"),
            );
        }
    }
    Ok(())
}
