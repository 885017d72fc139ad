//! The rules of query parameters, as `deserialize_with` functions for the
//! filter structs that the spec documents (`IntoParams`): `Query::read`
//! reads a query into such a struct, each field by the rule its attribute
//! names, and reports every bad parameter at once.
//!
//! - Text is trimmed; sent empty it is absent. At most 200 characters, and
//!   no control characters.
//! - A typed value (a number, a choice, a code, a time, a cursor) sent empty
//!   is invalid rather than absent.
//!
//! A rule fails with `fail(code, reason)`: `Query::read` takes the code and
//! the reason apart again for `invalidParams`.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

use crate::web::error::Code;

/// Separates the code from the reason in a rule's error message.
const SEPARATOR: char = '\u{1f}';

fn fail<E: serde::de::Error>(code: Code, reason: impl std::fmt::Display) -> E {
    E::custom(format!("{}{SEPARATOR}{reason}", code.as_str()))
}

/// The code and reason of a failed rule, from its error message; other
/// messages (serde's own) are `format`, said as they are.
pub fn decode(message: &str) -> (Code, String) {
    match message.split_once(SEPARATOR) {
        Some((code, reason)) => (Code::from_name(code), reason.to_string()),
        None => (Code::Format, message.to_string()),
    }
}

/// The value as sent: empty means "not sent" for text, "invalid" for the rest.
fn raw<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(String::deserialize(d)?.trim().to_string())
}

fn typed<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let value = raw(d)?;
    if value.is_empty() {
        return Err(fail(Code::Format, "is empty; leave it out or give a value"));
    }
    Ok(value)
}

/// Free text, such as a search: at most 200 characters.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = raw(d)?;
    if value.is_empty() {
        Ok(None)
    } else if value.chars().any(crate::web::extract::is_control_character) {
        Err(fail(Code::Format, crate::web::extract::CONTROL_CHARACTER))
    } else if value.chars().count() > 200 {
        Err(fail(Code::Length, "is longer than 200 characters"))
    } else {
        Ok(Some(value))
    }
}

/// A positive whole number, such as an id.
pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match typed(d)?.parse::<i64>() {
        Ok(v) if v > 0 => Ok(Some(v)),
        _ => Err(fail(Code::Format, "must be a positive whole number")),
    }
}

/// `true` or `false`.
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match typed(d)?.as_str() {
        "true" => Ok(Some(true)),
        "false" => Ok(Some(false)),
        _ => Err(fail(Code::Enum, "must be one of: true false")),
    }
}

/// The one value a parameter takes, such as `member=me`.
pub fn exactly<'de, D: Deserializer<'de>>(d: D, value: &str) -> Result<Option<String>, D::Error> {
    let sent = typed(d)?;
    if sent == value {
        Ok(Some(sent))
    } else {
        Err(fail(Code::Enum, format!("must be {value}")))
    }
}

/// A value of a fixed list (`domain::Choice`).
pub fn choice<'de, D, E>(d: D) -> Result<Option<E>, D::Error>
where
    D: Deserializer<'de>,
    E: FromStr + crate::domain::Choice,
{
    typed(d)?.parse::<E>().map(Some).map_err(|_| {
        fail(
            Code::Enum,
            format!("must be one of: {}", E::NAMES.trim_end()),
        )
    })
}

/// A CBS (or NIS) municipality code from the reference list.
pub fn municipality<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let code = typed(d)?;
    match crate::reference::municipality(&code) {
        Some(_) => Ok(Some(code)),
        None => Err(fail(
            Code::Reference,
            "is not a CBS municipality code, such as GM0344",
        )),
    }
}

/// A CBS province code from the reference list.
pub fn province<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let code = typed(d)?;
    match crate::reference::province(&code) {
        Some(_) => Ok(Some(code)),
        None => Err(fail(
            Code::Reference,
            "is not a CBS province code, such as PV23",
        )),
    }
}

/// An RFC 3339 date-time.
pub fn date_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    let value = typed(d)?;
    DateTime::parse_from_rfc3339(&value)
        .map(|v| Some(v.with_timezone(&Utc)))
        .map_err(|_| fail(Code::Format, crate::web::extract::date_time_reason(&value)))
}

/// `pageSize`: 1 to 100.
pub fn page_size<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match typed(d)?.parse::<i64>() {
        Ok(v) if (1..=crate::web::pagination::MAX_PAGE_SIZE).contains(&v) => Ok(Some(v)),
        _ => Err(fail(Code::Range, "must be a whole number from 1 to 100")),
    }
}

/// `cursor`: one this API gave out.
pub fn cursor<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = typed(d)?;
    match crate::web::pagination::Cursor::decode(&value) {
        Some(_) => Ok(Some(value)),
        None => Err(fail(
            Code::Format,
            "is not a cursor this API gave out; follow _links.next",
        )),
    }
}
