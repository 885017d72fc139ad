//! `DELETE /knowledge-links/{linkId}`: delete a link.

use actix_web::{delete, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db::schema::knowledge_links;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::{link_access, may_edit_link};
use crate::routes::{delete_row, Deleted};
use crate::search::documents::KNOWLEDGE_LINK;
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::{search, AppState};

/// Delete a knowledge link
///
/// The network's core group and coordinators, the member who added it, or platform admins.
#[utoipa::path(
    tag = "Knowledge links",
    params(
        ("linkId" = i64, Path, description = "Link id", minimum = 1),
        IfMatch,
    ),
    responses(
        (status = 204, description = "The link was deleted."),
        (status = 403, description = "You may not delete this link."),
        (status = 404, description = "No such link, or its network is for members only."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/knowledge-links/{linkId}")]
pub async fn delete_knowledge_link(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    delete_row(&state, auth, versioned::locker!(knowledge_links, id), move |conn, viewer| {
        let current = link_access(conn, viewer, id)?;
        if !may_edit_link(conn, viewer, &current)? {
            return Err(ApiError::Forbidden(
                "Only the network's core group, the member who added it, or admins delete this link."
                    .into(),
            ));
        }
        precondition.matches(&etag("knowledge-link", id, current.version))?;
        versioned::delete!(conn, knowledge_links, id, current.version);
        search::remove(conn, KNOWLEDGE_LINK, id)?;
        Ok(Deleted {
            action: "knowledge_link.deleted",
            object: ("knowledge_link", id),
            network_id: current.network_id,
        })
    })
    .await
}
