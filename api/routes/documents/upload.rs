//! `POST /networks/{networkId}/documents`: share a document.

use actix_multipart::{Multipart, MultipartError};
use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

use crate::accounts::auth::Auth;
use crate::db::models::{Document, DocumentValues};
use crate::db::schema::{document_contents, documents};
use crate::db::{self, DbConn};
use crate::domain::{NoticeKind, Visibility};
use crate::mail::notices::{self, Notice};
use crate::permissions::{
    has_accepted_house_rules, must_accept_house_rules, network_access, Viewer,
};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::http::created;
use crate::web::pagination::base_url;
use crate::AppState;

use super::read::present;
use super::rules;
use super::sniff::{name_fits, sniff, KINDS};
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
    auth.required()?;
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
        let kind = file.as_deref().map(|bytes| (sniff(bytes), bytes));
        let image = matches!(kind, Some((Some(k), _)) if k.image);
        rules::check(conn, network_id, &v, image, &mut errors)?;
        ensure_valid(errors)?;
        let bytes = file.unwrap_or_default();
        let kind = match sniff(&bytes) {
            Some(kind) if name_fits(&name, kind) => kind,
            Some(kind) => {
                return Err(ApiError::UnsupportedMediaType(format!(
                    "The file is {} but its name {name:?} says otherwise. Give it a name that fits.",
                    kind.media_type
                )))
            }
            None => {
                return Err(ApiError::UnsupportedMediaType(format!(
                    "This kind of file is not taken. Share one of: {}.",
                    KINDS.iter().map(|k| k.media_type.split(';').next().unwrap_or_default()).collect::<Vec<_>>().join(", ")
                )))
            }
        };
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
                documents::sha256.eq(hex(&Sha256::digest(&bytes))),
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
        crate::audit::record(conn, viewer.user_id, "document.created", "document", Some(id), Some(network_id))?;
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
        present_one(conn, &viewer, &access, row)
    })
    .await?;
    let location = format!("/documents/{}", out.id);
    Ok(created(&req, &location, &out, Some(&tag)))
}

fn present_one(
    conn: &mut DbConn,
    viewer: &Viewer,
    access: &crate::permissions::NetworkAccess,
    row: Document,
) -> Result<(DocumentOut, String), ApiError> {
    let tag = crate::web::http::etag("document", row.id, row.version);
    let out = present(conn, viewer, access, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::Internal("document vanished".into()))?;
    Ok((out, tag))
}

/// The text fields of the form.
#[derive(Default)]
struct Fields {
    title: Option<String>,
    description: Option<String>,
    alt_text: Option<String>,
    visibility: Option<Visibility>,
    goal_id: Option<i64>,
    meeting_id: Option<i64>,
}

/// The form as read: the file's bytes and name, the fields, and every
/// invalid field.
struct Form {
    file: Option<Vec<u8>>,
    name: String,
    fields: Fields,
    errors: Vec<InvalidParam>,
}

/// Reads the form, the file at most `limit` bytes (413 beyond), each text
/// field at most 4 KB.
async fn read_form(mut payload: Multipart, limit: usize) -> Result<Form, ApiError> {
    let mut form = Form {
        file: None,
        name: String::new(),
        fields: Fields::default(),
        errors: Vec::new(),
    };
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(multipart_error)?;
        let name = field.name().unwrap_or_default().to_string();
        let is_file = name == "file";
        if is_file {
            form.name = field
                .content_disposition()
                .and_then(|d| d.get_filename())
                .unwrap_or_default()
                .to_string();
        }
        let max = if is_file { limit } else { 4096 };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(multipart_error)?;
            if bytes.len() + chunk.len() > max {
                if is_file {
                    return Err(ApiError::TooLarge(format!(
                        "The file is larger than {} MB, the most a document may be.",
                        limit / (1024 * 1024)
                    )));
                }
                return Err(ApiError::invalid(
                    &name,
                    Code::Length,
                    "must have at most 4096 bytes",
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        if is_file {
            if form.file.is_some() {
                form.errors.push(InvalidParam::new(
                    "file",
                    Code::Duplicate,
                    "is given more than once: share one file at a time",
                ));
            }
            form.file = Some(bytes);
            continue;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            form.errors
                .push(InvalidParam::new(name, Code::Format, "must be UTF-8 text"));
            continue;
        };
        read_field(&mut form, &name, text);
    }
    Ok(form)
}

fn read_field(form: &mut Form, name: &str, text: String) {
    let errors = &mut form.errors;
    let f = &mut form.fields;
    let mut length = |value: &str, max: usize| {
        if value.chars().count() > max {
            errors.push(
                InvalidParam::new(
                    name,
                    Code::Length,
                    format!("must have at most {max} characters"),
                )
                .bounds(None, Some(max as i64)),
            );
        }
    };
    match name {
        "title" => {
            length(&text, 200);
            f.title = Some(text);
        }
        "description" => {
            length(&text, 2000);
            f.description = Some(text);
        }
        "altText" => {
            length(&text, 1000);
            f.alt_text = Some(text);
        }
        "visibility" => match text.parse::<Visibility>() {
            Ok(v) => f.visibility = Some(v),
            Err(()) => errors.push(InvalidParam::new(
                name,
                Code::Enum,
                "must be public or members",
            )),
        },
        "goalId" | "meetingId" => match text.trim().parse::<i64>() {
            Ok(id) if id >= 1 => {
                if name == "goalId" {
                    f.goal_id = Some(id);
                } else {
                    f.meeting_id = Some(id);
                }
            }
            _ => errors.push(InvalidParam::new(
                name,
                Code::Type,
                "must be a whole number of at least 1",
            )),
        },
        _ => errors.push(InvalidParam::new(
            name,
            Code::Unknown,
            "is not a field of this form",
        )),
    }
}

fn multipart_error(e: MultipartError) -> ApiError {
    match e {
        MultipartError::ContentTypeMissing
        | MultipartError::ContentTypeParse
        | MultipartError::ContentTypeIncompatible => {
            ApiError::UnsupportedMediaType("Send the document as multipart/form-data.".into())
        }
        other => ApiError::BadRequest(format!("The form could not be read: {other}")),
    }
}

/// A file name as kept: its last part (no folders), without control
/// characters, at most 200 characters.
fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(200)
        .collect();
    if clean.trim().is_empty() {
        "document".into()
    } else {
        clean.trim().to_string()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
