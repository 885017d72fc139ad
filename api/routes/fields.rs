//! Checks and clean-ups of fields that several resources share: topics,
//! municipality codes, tag lists.

use diesel::prelude::*;

use crate::db::schema::topics;
use crate::db::DbConn;
use crate::web::error::{ApiError, Code, InvalidParam};

/// Checks a list of topic slugs against the topic table.
pub fn check_topics(
    conn: &mut DbConn,
    list: &[String],
    errors: &mut Vec<InvalidParam>,
) -> Result<(), ApiError> {
    if list.is_empty() {
        return Ok(());
    }
    let known: Vec<String> = topics::table
        .filter(topics::slug.eq_any(list))
        .select(topics::slug)
        .load(conn)?;
    let unknown: Vec<&str> = list
        .iter()
        .filter(|t| !known.contains(t))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        errors.push(
            InvalidParam::new(
                "topics",
                Code::Reference,
                format!("unknown topic: {} (see GET /topics)", unknown.join(", ")),
            )
            .expected("topic"),
        );
    }
    Ok(())
}

/// Checks a municipality code against the CBS and NIS lists.
pub fn check_municipality(code: Option<&str>, errors: &mut Vec<InvalidParam>) {
    if let Some(reason) = code.and_then(crate::reference::municipality_problem) {
        errors.push(
            InvalidParam::new("municipalityCode", Code::Reference, reason).expected("municipality"),
        );
    }
}

/// Trims, drops empties and duplicates, keeps order.
pub fn clean_tags(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in list {
        let tag = tag.trim().to_lowercase();
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

/// Empty or whitespace-only text becomes `None`.
pub fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// A tag list: at most `max` tags, each a slug of at most 40 characters.
pub fn validate_tag_list(list: &[String]) -> Result<(), validator::ValidationError> {
    if list.len() > 20 {
        let mut too_many = validator::ValidationError::new("length")
            .with_message("has more than 20 entries".into());
        too_many.add_param("max".into(), &20);
        return Err(too_many);
    }
    for tag in list {
        let t = tag.trim();
        if t.is_empty() || t.chars().count() > 40 {
            let mut wrong = validator::ValidationError::new("length")
                .with_message("every entry must have 1 to 40 characters".into());
            wrong.add_param("min".into(), &1);
            wrong.add_param("max".into(), &40);
            return Err(wrong);
        }
    }
    Ok(())
}
