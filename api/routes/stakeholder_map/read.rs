//! `GET /networks/{networkId}/stakeholder-map`: who is at the table.

use actix_web::{get, web, HttpResponse};

use super::types::StakeholderMapOut;
use crate::accounts::auth::Auth;
use crate::db::DbConn;
use crate::permissions::{network_access, Viewer};
use crate::queries::stakeholder_map::{at_table, open_seats_of};
use crate::web::error::ApiError;
use crate::{db, AppState};

/// A network's stakeholder map as the viewer may see it.
pub(super) fn load(
    conn: &mut DbConn,
    auth: Auth,
    network_id: i64,
) -> Result<StakeholderMapOut, ApiError> {
    let viewer = Viewer::load(conn, auth)?;
    let access = network_access(conn, &viewer, network_id)?;
    let members = at_table(conn, network_id)?;
    let seats = open_seats_of(conn, network_id)?;
    Ok(StakeholderMapOut::new(&access.network, members, seats))
}

/// A network's stakeholder map
///
/// Who is at the table, by role (core group, members, partners) and kind;
/// the open seats the core group still looks for; and the balance signal
/// when nobody who speaks from experience is in the core group ("niets
/// over ons zonder ons"). Members who agreed to be listed are named, the
/// others counted. Drawn: `GET /networks/{networkId}/stakeholder-map.svg`.
#[utoipa::path(
    tag = "Networks",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    responses(
        (status = 200, description = "The stakeholder map.", body = StakeholderMapOut),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/stakeholder-map")]
pub async fn stakeholder_map(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    let out = db::read(&state.pool, move |conn| load(conn, auth, network_id)).await?;
    Ok(HttpResponse::Ok().json(out))
}
