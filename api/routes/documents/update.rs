//! `PATCH /documents/{documentId}`: change a document's words, who sees it
//! or what it belongs to.

use actix_web::{patch, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::audit;
use crate::db::models::{Document, DocumentValues};
use crate::db::schema::documents;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::{document_access, may_edit_document};
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::AppState;

use super::read::one;
use super::rules;
use super::types::{DocumentInput, DocumentOut};

/// Change a document
///
/// Whoever shared it, the core group and coordinators. JSON merge patch of
/// its title, description, text alternative, visibility, goal or meeting.
#[utoipa::path(
    tag = "Documents",
    params(("documentId" = i64, Path, description = "Document id", minimum = 1), IfMatch),
    request_body(content = DocumentInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed document.", body = DocumentOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only whoever shared it, the core group and coordinators change it."),
        (status = 404, description = "No such document, or you may not see it."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/documents/{documentId}")]
pub async fn update_document(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<DocumentInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let lock = versioned::locker!(documents, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let (current, access) = document_access(conn, viewer, id)?;
        if !may_edit_document(&access, viewer, current.uploaded_by) {
            return Err(ApiError::Forbidden(
                "Only whoever shared this document, the core group and coordinators change it."
                    .into(),
            ));
        }
        let mut v = DocumentValues::from(&current);
        let mut errors = parse_errors;
        input.apply(&mut v, &mut errors);
        let image = current.media_type.starts_with("image/");
        rules::check(conn, current.network_id, &v, image, &mut errors)?;
        precondition.check(errors, &etag("document", id, current.version))?;
        versioned::update!(conn, documents, id, current.version, &v);
        audit::record(
            conn,
            viewer,
            "document.updated",
            "document",
            Some(id),
            Some(current.network_id),
        )?;
        let row: Document = {
            use diesel::prelude::*;
            documents::table
                .find(id)
                .select(Document::as_select())
                .first(conn)?
        };
        one(conn, viewer, &access, row)
    })
    .await
}
