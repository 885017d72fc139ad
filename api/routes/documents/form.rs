//! Reading the upload's `multipart/form-data`: the file (at most the
//! configured size) and its text fields, every bad field kept.

use actix_multipart::{Multipart, MultipartError};
use futures_util::StreamExt;

use crate::domain::Visibility;
use crate::web::error::{ApiError, Code, InvalidParam};

/// The text fields of the form.
#[derive(Default)]
pub(super) struct Fields {
    pub title: Option<String>,
    pub description: Option<String>,
    pub alt_text: Option<String>,
    pub visibility: Option<Visibility>,
    pub goal_id: Option<i64>,
    pub meeting_id: Option<i64>,
}

/// The form as read: the file's bytes and name, the fields, and every
/// invalid field.
pub(super) struct Form {
    pub file: Option<Vec<u8>>,
    pub name: String,
    pub fields: Fields,
    pub errors: Vec<InvalidParam>,
}

/// Reads the form, the file at most `limit` bytes (413 beyond), each text
/// field at most 4 KB.
pub(super) async fn read_form(mut payload: Multipart, limit: usize) -> Result<Form, ApiError> {
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
pub(super) fn clean_name(name: &str) -> String {
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
