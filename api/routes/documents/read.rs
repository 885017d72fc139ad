//! `GET /documents/{documentId}`: what a document is (not its bytes).

use std::collections::HashMap;

use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::models::{Document, Stakeholder};
use crate::db::schema::stakeholders;
use crate::db::DbConn;
use crate::permissions::{self, document_access, may_edit_document, NetworkAccess, Viewer};
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::AppState;

use super::types::DocumentOut;

/// Read a document's details
///
/// Its title, description, text alternative, kind, size and what it
/// belongs to; download it at `contentUrl`. A members-only document is 404
/// to others.
#[utoipa::path(
    tag = "Documents",
    params(("documentId" = i64, Path, description = "Document id", minimum = 1)),
    responses(
        (status = 200, description = "The document.", body = DocumentOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such document, or you may not see it."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/documents/{documentId}")]
pub async fn get_document(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    read_row(&state, auth, move |conn, viewer| {
        let (row, access) = document_access(conn, viewer, id)?;
        one(conn, viewer, &access, row)
    })
    .await
}

/// One document as the viewer sees it, with its ETag.
pub fn one(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &NetworkAccess,
    row: Document,
) -> Result<(DocumentOut, String), ApiError> {
    let tag = etag("document", row.id, row.version);
    let out = present(conn, viewer, access, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::Internal("document vanished".into()))?;
    Ok((out, tag))
}

/// Documents as the viewer sees them: the name of whoever shared each as
/// far as the viewer may see that person, and whether the viewer may change
/// it.
pub fn present(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &NetworkAccess,
    rows: Vec<Document>,
) -> Result<Vec<DocumentOut>, ApiError> {
    let mut ids: Vec<i64> = rows.iter().filter_map(|d| d.uploader_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let people: Vec<Stakeholder> = stakeholders::table
        .filter(stakeholders::id.eq_any(&ids))
        .select(Stakeholder::as_select())
        .load(conn)?;
    let co = if access.is_member() {
        permissions::co_members(conn, viewer, &ids)?
    } else {
        Vec::new()
    };
    let names: HashMap<i64, String> = people
        .into_iter()
        .filter(|s| permissions::may_see_stakeholder(viewer, s, co.contains(&s.id)))
        .map(|s| (s.id, s.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|d| {
            let name = d.uploader_id.and_then(|id| names.get(&id).cloned());
            let editable = may_edit_document(access, viewer, d.uploaded_by);
            DocumentOut::new(d, name, editable)
        })
        .collect())
}
