//! `GET /networks/{networkId}`: a network with its relatives and counts.

use actix_web::{get, web, HttpResponse};

use super::types::NetworkOut;
use crate::accounts::auth::Auth;
use crate::db::models::Network;
use crate::db::{self, DbConn};
use crate::domain::Role;
use crate::permissions::{network_access, Viewer};
use crate::queries;
use crate::web::error::ApiError;
use crate::web::http::{etag, ok_with_etag};
use crate::AppState;

/// A single network as its page shows it (also the answer to a create or a
/// change): its wider and narrower networks the viewer may see, members per
/// kind and goals per status.
pub(super) fn detail(
    conn: &mut DbConn,
    viewer: &Viewer,
    network: Network,
    role: Option<Role>,
) -> Result<NetworkOut, ApiError> {
    let around = queries::networks::surroundings(conn, viewer, network.id, network.parent_id)?;
    Ok(NetworkOut::detail(network, role, around))
}

/// Read a network
///
/// With its wider and narrower networks, members per kind and goals per status.
#[utoipa::path(
    tag = "Networks",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    responses(
        (status = 200, description = "The network.", body = NetworkOut,
            headers(("ETag" = String, description = "Version tag, for If-Match"))),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}")]
pub async fn get_network(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (out, version) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, id)?;
        let version = access.network.version;
        Ok((detail(conn, &viewer, access.network, access.role)?, version))
    })
    .await?;
    Ok(ok_with_etag(&out, &etag("network", id, version)))
}
