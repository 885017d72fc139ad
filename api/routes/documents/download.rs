//! `GET /documents/{documentId}/content`: the file itself.

use actix_web::http::header::{
    self, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
};
use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db;
use crate::db::schema::document_contents;
use crate::permissions::{document_access, Viewer};
use crate::web::error::ApiError;
use crate::AppState;

/// Download a document
///
/// The file as it was shared, always as a download (`Content-Disposition:
/// attachment`, `X-Content-Type-Options: nosniff`), so a browser never runs
/// it as a page. `If-None-Match` with the `ETag` (the file's SHA-256)
/// answers 304.
#[utoipa::path(
    tag = "Documents",
    params(("documentId" = i64, Path, description = "Document id", minimum = 1)),
    responses(
        (status = 200, description = "The file.", content(
            (String = "application/pdf"),
            (String = "application/vnd.oasis.opendocument.text"),
            (String = "application/vnd.oasis.opendocument.spreadsheet"),
            (String = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "image/png"),
            (String = "image/jpeg"),
            (String = "image/gif"),
            (String = "image/webp"),
            (String = "text/plain"),
        ), headers(
            ("Content-Disposition" = String, description = "attachment, with the file's name"),
            ("ETag" = String, description = "The file's SHA-256"),
        )),
        (status = 304, description = "Not changed since the tag in If-None-Match."),
        (status = 404, description = "No such document, or you may not see it."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/documents/{documentId}/content")]
pub async fn download_document(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let wanted = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let (document, bytes) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (document, _) = document_access(conn, &viewer, id)?;
        let tag = format!("\"{}\"", document.sha256);
        if wanted
            .as_deref()
            .is_some_and(|w| w.split(',').any(|t| t.trim() == tag || t.trim() == "*"))
        {
            return Ok((document, None));
        }
        let bytes: Vec<u8> = document_contents::table
            .find(id)
            .select(document_contents::bytes)
            .first(conn)?;
        Ok((document, Some(bytes)))
    })
    .await?;
    let tag = format!("\"{}\"", document.sha256);
    let Some(bytes) = bytes else {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, tag))
            .finish());
    };
    let ascii: String = document
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: header::Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: document.file_name.clone().into_bytes(),
            }),
        ],
    };
    Ok(HttpResponse::Ok()
        .content_type(document.media_type.as_str())
        .insert_header(disposition)
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'",
        ))
        .insert_header((header::ETAG, tag))
        .body(bytes))
}
