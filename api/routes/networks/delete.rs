//! `DELETE /networks/{networkId}`: delete a network with its memberships,
//! goals and links.

use actix_web::{delete, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::schema::{knowledge_links, networks};
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::network_access;
use crate::routes::{delete_row, Deleted};
use crate::search::documents::{KNOWLEDGE_LINK, NETWORK};
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::webhooks::{self, Event};
use crate::{search, AppState};

/// Delete a network
///
/// Coordinators only. Its memberships, goals and links go with it; narrower
/// networks stay and lose their parent.
#[utoipa::path(
    tag = "Networks",
    params(
        ("networkId" = i64, Path, description = "Network id", minimum = 1),
        IfMatch,
    ),
    responses(
        (status = 204, description = "The network was deleted."),
        (status = 403, description = "You are not a coordinator of this network."),
        (status = 404, description = "No such network, or it is for members only."),
        (status = 412, description = "The network changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/networks/{networkId}")]
pub async fn delete_network(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let base = crate::web::pagination::base_url(&req);
    delete_row(
        &state,
        auth,
        versioned::locker!(networks, id),
        move |conn, viewer| {
            let access = network_access(conn, viewer, id)?;
            access.ensure_coordinator()?;
            let current = access.network;
            precondition.matches(&etag("network", id, current.version))?;
            // Heard of while the network can still be read.
            webhooks::emit(conn, &Event::network("network.deleted", id, &base))?;
            // The network's links go with it (ON DELETE CASCADE): their search
            // entries first.
            let links: Vec<i64> = knowledge_links::table
                .filter(knowledge_links::network_id.eq(id))
                .select(knowledge_links::id)
                .load(conn)?;
            for link in links {
                search::remove(conn, KNOWLEDGE_LINK, link)?;
            }
            versioned::delete!(conn, networks, id, current.version);
            search::remove(conn, NETWORK, id)?;
            Ok(Deleted {
                action: "network.deleted",
                object: ("network", id),
                network_id: Some(id),
            })
        },
    )
    .await
}
