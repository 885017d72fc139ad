//! The checks of a subscription's fields, shared by making and changing
//! one: the address (`webhooks::target`), the events, the filters.

use crate::db::DbConn;
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::webhooks::{target, EVENTS};

/// Checks the address, when one is sent: its form, and that its host
/// resolves only to addresses a webhook may go to. Resolving a name may
/// take a while, so it runs on a blocking thread, before the request's
/// transaction.
pub async fn url(
    text: Option<String>,
    allow_loopback: bool,
) -> Result<Vec<InvalidParam>, ApiError> {
    let Some(text) = text else {
        return Ok(Vec::new());
    };
    let checked = actix_web::web::block(move || {
        target::parse(&text, allow_loopback)
            .and_then(|url| target::resolve(&url, allow_loopback).map(|_| ()))
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(match checked {
        Ok(()) => Vec::new(),
        Err(reason) => {
            vec![InvalidParam::new("url", Code::Format, reason).expected("webhookUrl")]
        }
    })
}

/// Checks the events: at least one, each a known one.
pub fn events(events: &[String], errors: &mut Vec<InvalidParam>) {
    if events.is_empty() {
        errors.push(InvalidParam::new(
            "events",
            Code::Required,
            "needs at least one event",
        ));
    }
    for (i, e) in events.iter().enumerate() {
        if !EVENTS.contains(&e.as_str()) {
            errors.push(
                InvalidParam::new(format!("events[{i}]"), Code::Enum, "is not an event")
                    .allowed(EVENTS.iter()),
            );
        }
    }
}

/// Checks the municipality filter (a known code).
pub fn municipality(code: Option<&str>, errors: &mut Vec<InvalidParam>) {
    if let Some(reason) = code.and_then(crate::reference::municipality_problem) {
        errors.push(
            InvalidParam::new("municipality", Code::Reference, reason).expected("municipality"),
        );
    }
}

/// Checks the network filter: a network the viewer may see.
pub fn network(
    conn: &mut DbConn,
    viewer: &crate::permissions::Viewer,
    id: Option<i64>,
    errors: &mut Vec<InvalidParam>,
) -> Result<(), ApiError> {
    if let Some(id) = id {
        match crate::permissions::network_access(conn, viewer, id) {
            Ok(_) => {}
            Err(ApiError::NotFound(_)) => errors.push(
                InvalidParam::conflict(
                    "networkId",
                    Code::Reference,
                    "is not a network you can see",
                )
                .expected("network"),
            ),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
