//! `DELETE /documents/{documentId}`: delete a document and its bytes.

use actix_web::{delete, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db::schema::documents;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::{document_access, may_edit_document};
use crate::routes::{delete_row, Deleted};
use crate::web::error::ApiError;
use crate::web::http::etag;
use crate::AppState;

/// Delete a document
///
/// Whoever shared it, the core group and coordinators. Its bytes go in the
/// same transaction.
#[utoipa::path(
    tag = "Documents",
    params(("documentId" = i64, Path, description = "Document id", minimum = 1), IfMatch),
    responses(
        (status = 204, description = "The document and its file are gone."),
        (status = 403, description = "Only whoever shared it, the core group and coordinators delete it."),
        (status = 404, description = "No such document, or you may not see it."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/documents/{documentId}")]
pub async fn delete_document(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    delete_row(
        &state,
        auth,
        versioned::locker!(documents, id),
        move |conn, viewer| {
            let (current, access) = document_access(conn, viewer, id)?;
            if !may_edit_document(&access, viewer, current.uploaded_by) {
                return Err(ApiError::Forbidden(
                    "Only whoever shared this document, the core group and coordinators delete it."
                        .into(),
                ));
            }
            precondition.matches(&etag("document", id, current.version))?;
            // The bytes go with the row (ON DELETE CASCADE), in this transaction.
            versioned::delete!(conn, documents, id, current.version);
            Ok(Deleted {
                action: "document.deleted",
                object: ("document", id),
                network_id: Some(current.network_id),
            })
        },
    )
    .await
}
