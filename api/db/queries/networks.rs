//! Networks as several handlers and the demo data write them.

use crate::db::models::NetworkValues;
use crate::db::DbConn;
use crate::reference::municipality;
use crate::search::documents::{NetworkText, NETWORK};
use crate::web::error::ApiError;

/// Keeps a network's entry in the search index in step with its values.
pub fn index(conn: &mut DbConn, id: i64, v: &NetworkValues) -> Result<(), ApiError> {
    let place = v
        .municipality_code
        .as_deref()
        .and_then(municipality)
        .map(|m| m.name.as_str())
        .unwrap_or_default();
    let text = NetworkText {
        name: &v.name,
        theme: &v.theme,
        place,
        region: v.region.as_deref().unwrap_or_default(),
        description: &v.description,
        ambition: &v.ambition,
        needs: &v.needs,
    };
    crate::search::index(conn, NETWORK, id, &text.fields())
}
