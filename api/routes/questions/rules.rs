//! The checks of a raised question that need the database: where it may be
//! raised to, and which step may follow which.

use diesel::prelude::*;

use crate::db::models::Network;
use crate::db::schema::{agenda_items, meetings, networks};
use crate::db::DbConn;
use crate::domain::{QuestionStatus, Scope};
use crate::permissions::{visible_networks, Viewer};
use crate::web::error::{ApiError, Code, InvalidParam};

/// Whether `from` may raise a question to the network `to_id`: it must be
/// a network the viewer sees, other than `from`, and either `from`'s parent
/// or a national network. A national network has no level above it.
pub fn check_target(
    conn: &mut DbConn,
    viewer: &Viewer,
    from: &Network,
    to_id: i64,
    errors: &mut Vec<InvalidParam>,
) -> Result<(), ApiError> {
    let conflict = |reason: &str| {
        InvalidParam::conflict("toNetworkId", Code::Rule, reason)
            .expected("parentOrNationalNetwork")
    };
    if Scope::from_db(&from.scope) == Scope::National {
        errors.push(conflict(
            "a national network raises no questions: it is the level questions are raised to",
        ));
        return Ok(());
    }
    if to_id == from.id {
        errors.push(conflict("is the network that raises the question"));
        return Ok(());
    }
    let to: Option<(i64, String)> = crate::db::on_each!(conn, c => networks::table
        .find(to_id)
        .filter(visible_networks(viewer))
        .select((networks::id, networks::scope))
        .first(c)
        .optional())?;
    match to {
        None => errors.push(
            InvalidParam::conflict(
                "toNetworkId",
                Code::Reference,
                "refers to no network you may see",
            )
            .expected("network"),
        ),
        Some((id, scope)) => {
            if from.parent_id != Some(id) && Scope::from_db(&scope) != Scope::National {
                errors.push(conflict(
                    "is neither this network's parent nor a national network",
                ));
            }
        }
    }
    Ok(())
}

/// Whether a question in `current` may move to `next`: forward only, and
/// not after it was answered or declined. The answer or the reason is
/// required to end it; an agenda item only goes with `on_agenda`, and must
/// be on a meeting of the receiving network.
pub fn check_step(
    conn: &mut DbConn,
    current: QuestionStatus,
    next: QuestionStatus,
    note: &str,
    agenda_item_id: Option<i64>,
    receiving_network: i64,
    errors: &mut Vec<InvalidParam>,
) -> Result<(), ApiError> {
    if current.is_final() {
        errors.push(
            InvalidParam::conflict(
                "status",
                Code::Rule,
                "the question is answered or declined already",
            )
            .expected("openQuestion"),
        );
    } else if next <= current {
        errors.push(
            InvalidParam::conflict(
                "status",
                Code::Rule,
                format!(
                    "a question moves forward only; it is {} now",
                    current.as_str()
                ),
            )
            .expected("laterStatus"),
        );
    }
    if next.is_final() && note.is_empty() {
        errors.push(
            InvalidParam::new(
                "note",
                Code::Required,
                if next == QuestionStatus::Answered {
                    "is required to answer: write the answer"
                } else {
                    "is required to decline: say why, so that the raising network knows"
                },
            )
            .expected("note"),
        );
    }
    if let Some(item) = agenda_item_id {
        if next != QuestionStatus::OnAgenda {
            errors.push(
                InvalidParam::new(
                    "agendaItemId",
                    Code::Rule,
                    "goes only with status on_agenda",
                )
                .expected("onAgenda"),
            );
        } else {
            let network: Option<i64> = agenda_items::table
                .inner_join(meetings::table)
                .filter(agenda_items::id.eq(item))
                .select(meetings::network_id)
                .first(conn)
                .optional()?;
            if network != Some(receiving_network) {
                errors.push(
                    InvalidParam::conflict(
                        "agendaItemId",
                        Code::Reference,
                        "is not an agenda item of a meeting of the receiving network",
                    )
                    .expected("agendaItem"),
                );
            }
        }
    }
    Ok(())
}
