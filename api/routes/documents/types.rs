//! The wire types of documents.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::{Document, DocumentValues};
use crate::domain::Visibility;
use crate::web::error::{Code, InvalidParam};
use crate::web::extract::Body;
use crate::web::http::utc;
use crate::web::params;

/// A document shared in a network.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DocumentOut {
    pub id: i64,
    pub network_id: i64,
    pub title: String,
    pub description: String,
    /// What an image shows, in words (required for images).
    pub alt_text: String,
    /// The name the file had.
    pub file_name: String,
    /// What the file is, found from its content.
    #[schema(example = "application/pdf")]
    pub media_type: String,
    pub size_bytes: i64,
    /// `public`: everyone who sees the network; `members`: its members.
    pub visibility: Visibility,
    /// The goal or step it belongs to.
    pub goal_id: Option<i64>,
    /// The meeting it belongs to.
    pub meeting_id: Option<i64>,
    /// Who shared it (their name as the profile shows it to you).
    pub uploaded_by: Option<String>,
    /// Whether you may change or delete it.
    pub editable: bool,
    /// Where to download it.
    pub content_url: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

impl DocumentOut {
    pub fn new(d: Document, uploaded_by: Option<String>, editable: bool) -> DocumentOut {
        DocumentOut {
            content_url: format!("/api/v1/documents/{}/content", d.id),
            id: d.id,
            network_id: d.network_id,
            title: d.title,
            description: d.description,
            alt_text: d.alt_text,
            file_name: d.file_name,
            media_type: d.media_type,
            size_bytes: d.size_bytes,
            visibility: Visibility::from_db(&d.visibility),
            goal_id: d.goal_id,
            meeting_id: d.meeting_id,
            uploaded_by,
            editable,
            created_at: utc(d.created_at),
            updated_at: utc(d.updated_at),
        }
    }
}

crate::page_type!(
    DocumentPage,
    DocumentOut,
    "A page of documents, newest first."
);

crate::list_filters! {
    /// Filters for a network's documents.
    pub struct DocumentFilters {
        /// Only documents of this goal or step.
        #[param(minimum = 1)]
        #[serde(default, deserialize_with = "params::id")]
        pub goal_id: Option<i64>,
        /// Only documents of this meeting.
        #[param(minimum = 1)]
        #[serde(default, deserialize_with = "params::id")]
        pub meeting_id: Option<i64>,
        /// Only documents changed at or after this time.
        #[serde(default, deserialize_with = "params::date_time")]
        pub updated_since: Option<DateTime<Utc>>,
    }
}

/// A new document, as `multipart/form-data`: the file and what it is.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
pub struct DocumentUpload {
    /// The file: PDF, ODT, ODS, DOCX, XLSX, PNG, JPEG, GIF, WebP or plain
    /// text (UTF-8); its kind is found from its content.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[schema(max_length = 2000, nullable = false)]
    pub description: Option<String>,
    /// What an image shows, in words: required for images.
    #[schema(max_length = 1000, nullable = false)]
    pub alt_text: Option<String>,
    /// Default `members`.
    #[schema(nullable = false)]
    pub visibility: Option<Visibility>,
    #[schema(minimum = 1, nullable = false)]
    pub goal_id: Option<i64>,
    #[schema(minimum = 1, nullable = false)]
    pub meeting_id: Option<i64>,
}

/// Changes to a document's words, visibility or attachment (JSON merge
/// patch); the file itself does not change: share a new one.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DocumentInput {
    #[validate(length(min = 1, max = 200, message = "must have 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub title: Option<String>,
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(max_length = 2000, nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub description: Option<String>,
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub alt_text: Option<String>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub visibility: Option<Visibility>,
    /// `null` detaches it.
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "crate::web::extract::nullable")]
    pub goal_id: Option<Option<i64>>,
    /// `null` detaches it.
    #[schema(minimum = 1)]
    #[serde(default, deserialize_with = "crate::web::extract::nullable")]
    pub meeting_id: Option<Option<i64>>,
}

impl Body for DocumentInput {}

impl DocumentInput {
    /// Applies the change to a document's values.
    pub fn apply(self, v: &mut DocumentValues, errors: &mut Vec<InvalidParam>) {
        if let Some(t) = self.title {
            if t.trim().is_empty() {
                errors.push(InvalidParam::new(
                    "title",
                    Code::Required,
                    "must not be empty",
                ));
            }
            v.title = t.trim().to_string();
        }
        if let Some(d) = self.description {
            v.description = d.trim().to_string();
        }
        if let Some(a) = self.alt_text {
            v.alt_text = a.trim().to_string();
        }
        if let Some(vis) = self.visibility {
            v.visibility = vis.as_str().into();
        }
        if let Some(g) = self.goal_id {
            v.goal_id = g;
        }
        if let Some(m) = self.meeting_id {
            v.meeting_id = m;
        }
    }
}

impl From<&Document> for DocumentValues {
    fn from(d: &Document) -> DocumentValues {
        DocumentValues {
            title: d.title.clone(),
            description: d.description.clone(),
            alt_text: d.alt_text.clone(),
            visibility: d.visibility.clone(),
            goal_id: d.goal_id,
            meeting_id: d.meeting_id,
        }
    }
}
