//! `POST /networks/{networkId}/documents`: share a document.

use actix_multipart::Multipart;
use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::accounts::sessions::sha256_hex;
use crate::db;
use crate::db::models::{Document, DocumentValues};
use crate::db::schema::{document_contents, documents};
use crate::domain::{NoticeKind, Visibility};
use crate::mail::notices::{self, Notice};
use crate::permissions::{
    has_accepted_house_rules, must_accept_house_rules, network_access, Viewer,
};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::http::created;
use crate::web::pagination::base_url;
use crate::AppState;

use super::form::{clean_name, read_form, Form};
use super::read::one;
use super::rules;
use super::sniff::{sniff, taken};
use super::types::{DocumentOut, DocumentUpload};

/// Share a document
///
/// `multipart/form-data` with the `file` and its `title` (and optionally
/// `description`, `altText`, `visibility`, `goalId`, `meetingId`). Members
/// only, once they accepted the current house rules. What the file is comes from its content: PDF, ODT, ODS, DOCX,
/// XLSX, PNG, JPEG, GIF, WebP or plain text (UTF-8); anything else, or a
/// file whose name says it is something else, is refused with 415. An image
/// needs `altText`. At most `DOCUMENT_MAX_MB` (20 MB) a file, and
/// `DOCUMENT_QUOTA_MB` (500 MB) for a network's documents together. The
/// file and its row are written in one transaction: a refused upload leaves
/// nothing behind. The network's members hear of it as they chose.
#[utoipa::path(
    tag = "Documents",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    request_body(content = DocumentUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "The document was shared.", body = DocumentOut,
            headers(("Location" = String, description = "Address of the document"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Only members of the network share documents in it."),
        (status = 404, description = "No such network, or you may not see it."),
        (status = 409, description = "The network's room for documents is full."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks/{networkId}/documents")]
pub async fn upload_document(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    payload: Multipart,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let network_id = path.into_inner();
    let limit = state.config.document_max_bytes;
    let quota = state.config.document_quota_bytes;
    let form = read_form(payload, limit).await?;
    let base = base_url(&req);
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let access = network_access(conn, &viewer, network_id)?;
        let me = access.sharer(&viewer)?;
        let accepted = has_accepted_house_rules(conn, &viewer, network_id)?;
        must_accept_house_rules(&access, accepted)?;
        let Form { file, name, fields, mut errors } = form;
        let file = file.filter(|f| !f.is_empty());
        if file.is_none() {
            errors.push(InvalidParam::new("file", Code::Required, "is required: the file to share"));
        }
        let title = fields.title.unwrap_or_default();
        if title.trim().is_empty() {
            errors.push(InvalidParam::new("title", Code::Required, "is required"));
        }
        let v = DocumentValues {
            title: title.trim().to_string(),
            description: fields.description.unwrap_or_default().trim().to_string(),
            alt_text: fields.alt_text.unwrap_or_default().trim().to_string(),
            visibility: fields.visibility.unwrap_or(Visibility::Members).as_str().into(),
            goal_id: fields.goal_id,
            meeting_id: fields.meeting_id,
        };
        let sniffed = file.as_deref().and_then(sniff);
        rules::check(conn, network_id, &v, sniffed.is_some_and(|k| k.image), &mut errors)?;
        ensure_valid(errors)?;
        let bytes = file.unwrap_or_default();
        let kind = taken(sniffed, &name)?;
        let used: i64 = documents::table
            .filter(documents::network_id.eq(network_id))
            .select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
                "CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT)",
            ))
            .first(conn)?;
        if used + bytes.len() as i64 > quota {
            return Err(ApiError::Conflict(format!(
                "This network's room for documents ({} MB) is full. Delete documents it no longer needs first.",
                quota / (1024 * 1024)
            )));
        }
        let now = db::now();
        let id: i64 = diesel::insert_into(documents::table)
            .values((
                &v,
                documents::network_id.eq(network_id),
                documents::file_name.eq(clean_name(&name)),
                documents::media_type.eq(kind.media_type),
                documents::size_bytes.eq(bytes.len() as i64),
                documents::sha256.eq(sha256_hex(&bytes)),
                documents::uploaded_by.eq(viewer.user_id),
                documents::uploader_id.eq(me),
                documents::created_at.eq(now),
                documents::updated_at.eq(now),
            ))
            .returning(documents::id)
            .get_result(conn)?;
        diesel::insert_into(document_contents::table)
            .values((document_contents::document_id.eq(id), document_contents::bytes.eq(&bytes)))
            .execute(conn)?;
        crate::audit::record(conn, &viewer, "document.created", "document", Some(id), Some(network_id))?;
        notices::announce(
            conn,
            &base,
            Notice {
                network_id,
                kind: NoticeKind::Document,
                title: &v.title,
                path: format!("/documenten.html?netwerk={network_id}"),
                actor: viewer.user_id,
            },
        )?;
        let row: Document = documents::table.find(id).select(Document::as_select()).first(conn)?;
        one(conn, &viewer, &access, row)
    })
    .await?;
    let location = format!("/documents/{}", out.id);
    Ok(created(&req, &location, &out, Some(&tag)))
}
