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
//! A rule fails with a `Problem`, which travels through serde as its error
//! message: `Query::read` takes it apart again for `invalidParams`.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

use crate::web::error::{Code, InvalidParam};

/// Separates the parts of a rule's error message.
const SEPARATOR: char = '\u{1f}';

/// What a rule found wrong: the parts of an `invalidParams` entry. A rule
/// that only one filter has (in its route module) fails with one too.
pub struct Problem {
    code: Code,
    reason: String,
    expected: &'static str,
    bounds: (Option<i64>, Option<i64>),
    allowed: &'static str,
}

impl Problem {
    pub fn new(code: Code, reason: impl std::fmt::Display) -> Problem {
        Problem {
            code,
            reason: reason.to_string(),
            expected: "",
            bounds: (None, None),
            allowed: "",
        }
    }

    pub fn expected(self, expected: &'static str) -> Problem {
        Problem { expected, ..self }
    }

    pub fn bounds(self, minimum: Option<i64>, maximum: Option<i64>) -> Problem {
        Problem {
            bounds: (minimum, maximum),
            ..self
        }
    }

    pub fn allowed(self, allowed: &'static str) -> Problem {
        Problem { allowed, ..self }
    }

    /// The error a rule returns.
    pub fn fail<E: serde::de::Error>(self) -> E {
        let bound = |b: Option<i64>| b.map(|v| v.to_string()).unwrap_or_default();
        E::custom(
            [
                self.code.as_str().to_string(),
                self.reason,
                self.expected.to_string(),
                bound(self.bounds.0),
                bound(self.bounds.1),
                self.allowed.to_string(),
            ]
            .join(&SEPARATOR.to_string()),
        )
    }
}

/// The `invalidParams` entry of a failed rule, from its error message;
/// other messages (serde's own) are `format`, said as they are.
pub fn decode(name: &str, message: &str) -> InvalidParam {
    let parts: Vec<&str> = message.split(SEPARATOR).collect();
    let [code, reason, expected, minimum, maximum, allowed] = parts[..] else {
        return InvalidParam::new(name, Code::Format, message);
    };
    let mut problem = InvalidParam::new(name, Code::from_name(code), reason)
        .bounds(minimum.parse().ok(), maximum.parse().ok())
        .allowed(allowed.split_whitespace());
    problem.expected = EXPECTED.iter().copied().find(|e| *e == expected);
    problem
}

/// The `expected` values the rules here give.
const EXPECTED: &[&str] = &[
    "value",
    "text",
    "wholeNumber",
    "municipality",
    "province",
    "dateTime",
    "date",
    "cursor",
];

pub const CONTROL_CHARACTER: &str =
    "contains a control character; only tab, newline and carriage return are allowed in text";

/// Whether a character may not appear in text: the C0 and C1 control
/// characters and DEL, except tab, newline and carriage return.
pub fn is_control_character(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Why a query's date-time is refused. A `+` sent as is in a query string
/// means a space: `+01:00` arrives as ` 01:00`.
pub fn date_time_reason(raw: &str) -> &'static str {
    if DateTime::parse_from_rfc3339(&raw.replace(' ', "+")).is_ok() {
        "has a space where its offset's + should be: a + in a query string means a space, so send it encoded as %2B (or give the time in UTC with Z)"
    } else {
        "must be an RFC 3339 date-time, such as 2026-01-31T12:00:00Z"
    }
}

/// The value as sent: empty means "not sent" for text, "invalid" for the rest.
fn raw<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(String::deserialize(d)?.trim().to_string())
}

/// A typed value as sent (trimmed): sent empty, it is invalid.
pub fn typed<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let value = raw(d)?;
    if value.is_empty() {
        return Err(
            Problem::new(Code::Format, "is empty; leave it out or give a value")
                .expected("value")
                .fail(),
        );
    }
    Ok(value)
}

/// Free text, such as a search: at most 200 characters.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = raw(d)?;
    if value.is_empty() {
        Ok(None)
    } else if value.chars().any(is_control_character) {
        Err(Problem::new(Code::Format, CONTROL_CHARACTER)
            .expected("text")
            .fail())
    } else if value.chars().count() > 200 {
        Err(Problem::new(Code::Length, "is longer than 200 characters")
            .bounds(None, Some(200))
            .fail())
    } else {
        Ok(Some(value))
    }
}

/// A positive whole number, such as an id.
pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match typed(d)?.parse::<i64>() {
        Ok(v) if v > 0 => Ok(Some(v)),
        _ => Err(
            Problem::new(Code::Format, "must be a positive whole number")
                .expected("wholeNumber")
                .fail(),
        ),
    }
}

/// An article of the UN Convention, 1 to 33.
pub fn article<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match typed(d)?.parse::<i64>() {
        Ok(v) if crate::convention::article(v).is_some() => Ok(Some(v)),
        _ => Err(Problem::new(Code::Range, "must be an article from 1 to 33")
            .bounds(Some(1), Some(crate::convention::LAST))
            .fail()),
    }
}

/// `true` or `false`.
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match typed(d)?.as_str() {
        "true" => Ok(Some(true)),
        "false" => Ok(Some(false)),
        _ => Err(Problem::new(Code::Enum, "must be one of: true false")
            .allowed("true false")
            .fail()),
    }
}

/// A value of a fixed list (`domain::Choice`).
pub fn choice<'de, D, E>(d: D) -> Result<Option<E>, D::Error>
where
    D: Deserializer<'de>,
    E: FromStr + crate::domain::Choice,
{
    typed(d)?.parse::<E>().map(Some).map_err(|_| {
        Problem::new(
            Code::Enum,
            format!("must be one of: {}", E::NAMES.trim_end()),
        )
        .allowed(E::NAMES)
        .fail()
    })
}

/// Values of a fixed list, separated by commas (`step_free,quiet_room`):
/// each must be one of the list. Sorted, without repeats.
pub fn choices<'de, D, E>(d: D) -> Result<Option<Vec<E>>, D::Error>
where
    D: Deserializer<'de>,
    E: FromStr + Ord + crate::domain::Choice,
{
    let mut values = Vec::new();
    for part in typed(d)?.split(',') {
        let value = part.trim().parse::<E>().map_err(|_| {
            Problem::new(
                Code::Enum,
                format!(
                    "must be one or more of, separated by commas: {}",
                    E::NAMES.trim_end()
                ),
            )
            .allowed(E::NAMES)
            .fail()
        })?;
        values.push(value);
    }
    values.sort();
    values.dedup();
    Ok(Some(values))
}

/// A municipality code from the reference list: CBS (Netherlands) or NIS
/// (Flanders, Brussels).
pub fn municipality<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let code = typed(d)?;
    match crate::reference::municipality_problem(&code) {
        None => Ok(Some(code)),
        Some(reason) => Err(Problem::new(Code::Reference, reason)
            .expected("municipality")
            .fail()),
    }
}

/// A province code from the reference list: CBS, or NIS for a Flemish
/// province (`04000`: Brussels).
pub fn province<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let code = typed(d)?;
    match crate::reference::province_problem(&code) {
        None => Ok(Some(code)),
        Some(reason) => Err(Problem::new(Code::Reference, reason)
            .expected("province")
            .fail()),
    }
}

/// An RFC 3339 date-time.
pub fn date_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    let value = typed(d)?;
    DateTime::parse_from_rfc3339(&value)
        .map(|v| Some(v.with_timezone(&Utc)))
        .map_err(|_| {
            Problem::new(Code::Format, date_time_reason(&value))
                .expected("dateTime")
                .fail()
        })
}

/// A calendar date, `YYYY-MM-DD`.
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<chrono::NaiveDate>, D::Error> {
    let value = typed(d)?;
    chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d")
        .ok()
        .filter(|_| value.len() == 10)
        .map(Some)
        .ok_or_else(|| {
            Problem::new(
                Code::Format,
                "must be a date as YYYY-MM-DD, such as 2026-01-31",
            )
            .expected("date")
            .fail()
        })
}

/// `pageSize`: 1 to 100.
pub fn page_size<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match typed(d)?.parse::<i64>() {
        Ok(v) if (1..=crate::web::pagination::MAX_PAGE_SIZE).contains(&v) => Ok(Some(v)),
        _ => Err(
            Problem::new(Code::Range, "must be a whole number from 1 to 100")
                .bounds(Some(1), Some(crate::web::pagination::MAX_PAGE_SIZE))
                .fail(),
        ),
    }
}

/// `cursor`: one this API gave out.
pub fn cursor<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = typed(d)?;
    match crate::web::pagination::Cursor::decode(&value) {
        Some(_) => Ok(Some(value)),
        None => Err(Problem::new(
            Code::Format,
            "is not a cursor this API gave out; follow _links.next",
        )
        .expected("cursor")
        .fail()),
    }
}
