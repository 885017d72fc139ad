//! `GET /knowledge-links/{linkId}`: one link.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::KnowledgeLinkOut;
use crate::accounts::auth::Auth;
use crate::db::models::KnowledgeLink;
use crate::db::schema::knowledge_links;
use crate::db::DbConn;
use crate::permissions::{link_access, may_edit_link_as, Viewer};
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::web::pagination::base_url;
use crate::AppState;

/// Links as the viewer sees them, with whether they may change each (the
/// viewer's roles in the links' networks come from one statement).
pub(super) fn present(
    conn: &mut DbConn,
    base: &str,
    viewer: &Viewer,
    rows: Vec<KnowledgeLink>,
) -> Result<Vec<KnowledgeLinkOut>, ApiError> {
    let networks: Vec<i64> = rows.iter().filter_map(|l| l.network_id).collect();
    let roles = viewer.roles_in(conn, &networks)?;
    Ok(rows
        .into_iter()
        .map(|l| {
            let role = l.network_id.and_then(|n| roles.get(&n).copied());
            let can_edit = may_edit_link_as(viewer, &l, role);
            KnowledgeLinkOut::new(l, base, can_edit)
        })
        .collect())
}

/// A link as the link endpoints answer it, with its ETag.
pub(super) fn answer(
    conn: &mut DbConn,
    base: &str,
    viewer: &Viewer,
    id: i64,
) -> Result<(KnowledgeLinkOut, String), ApiError> {
    let link = knowledge_links::table
        .find(id)
        .select(KnowledgeLink::as_select())
        .first(conn)?;
    let tag = etag("knowledge-link", id, link.version);
    let out = present(conn, base, viewer, vec![link])?
        .pop()
        .ok_or_else(|| ApiError::Internal("link vanished".into()))?;
    Ok((out, tag))
}

/// Read a knowledge link
///
/// Platform-wide links, and links of networks you may see.
#[utoipa::path(
    tag = "Knowledge links",
    params(("linkId" = i64, Path, description = "Link id", minimum = 1)),
    responses(
        (status = 200, description = "The link.", body = KnowledgeLinkOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such link, or its network is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/knowledge-links/{linkId}")]
pub async fn get_knowledge_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let base = base_url(&req);
    read_row(&state, auth, move |conn, viewer| {
        link_access(conn, viewer, id)?;
        answer(conn, &base, viewer, id)
    })
    .await
}
