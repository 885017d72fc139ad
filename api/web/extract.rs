//! Reading requests: JSON bodies and query strings, with every invalid field
//! reported at once.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::Value;
use validator::Validate;

use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::params;

/// Largest accepted request body.
pub const MAX_BODY: usize = 64 * 1024;

/// A request body type: which fields a POST must send (the types use `Option`
/// so that missing and mistyped fields are all reported together).
pub trait Body: DeserializeOwned + Validate {
    const REQUIRED: &'static [&'static str] = &[];
}

/// A JSON request body, checked field by field. Fields that could not be
/// read are left out of the value and listed as errors, so that a handler can
/// add its own checks and report everything at once.
pub struct JsonBody<T> {
    value: T,
    errors: Vec<InvalidParam>,
}

impl<T> JsonBody<T> {
    /// The body, or 400 when any field was invalid.
    pub fn into_inner(self) -> Result<T, ApiError> {
        crate::web::error::ensure_valid(self.errors).map(|()| self.value)
    }

    /// The readable part of the body and the problems found so far; the
    /// caller must end with [`crate::web::error::ensure_valid`].
    pub fn with_errors(self) -> (T, Vec<InvalidParam>) {
        (self.value, self.errors)
    }
}

impl<T: Body + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            });
        let acceptable = matches!(
            content_type.as_deref(),
            Some("application/json") | Some("application/merge-patch+json")
        );
        // Required fields apply when creating; a PATCH may send any subset.
        let creating = req.method() == actix_web::http::Method::POST;
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if !acceptable {
                return Err(ApiError::UnsupportedMediaType(
                    "Send the body as JSON, with Content-Type: application/json.".into(),
                ));
            }
            let bytes =
                bytes
                    .await
                    .map_err(|e| match e.as_error::<actix_web::error::PayloadError>() {
                        Some(actix_web::error::PayloadError::Overflow) => ApiError::PayloadTooLarge,
                        _ => ApiError::BadRequest("The request body could not be read.".into()),
                    })?;
            if bytes.len() > MAX_BODY {
                return Err(ApiError::PayloadTooLarge);
            }
            parse_body::<T>(&bytes, creating).map(|(value, errors)| JsonBody { value, errors })
        })
    }
}

/// The keys of a JSON object, in order, duplicates included.
struct TopLevelKeys(Vec<String>);

impl<'de> serde::Deserialize<'de> for TopLevelKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = TopLevelKeys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<TopLevelKeys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(TopLevelKeys(keys))
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

/// `serde` names a rejected unknown field in backticks: "unknown field `x`, ...".
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

/// The code of a problem serde found with a field, from its message.
fn serde_code(message: &str) -> Code {
    if message.starts_with("invalid type") || message.starts_with("may not be null") {
        Code::Type
    } else if message.starts_with("unknown variant") {
        Code::Enum
    } else if message.starts_with("missing field") {
        Code::Required
    } else if message.starts_with("invalid length") {
        Code::Length
    } else {
        Code::Format
    }
}

/// The values serde lists in "unknown variant `x`, expected one of `a`, `b`".
fn expected_variants(message: &str) -> Vec<String> {
    let Some((_, list)) = message.split_once("expected") else {
        return Vec::new();
    };
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The forms a `validator` rule checks, by the rule's code (`email`, and
/// the custom rules of the routes, which name theirs after the form).
fn known_form(code: &str) -> Option<&'static str> {
    ["email", "url", "publicUrl", "slug", "phone"]
        .into_iter()
        .find(|form| *form == code)
}

/// The code of a failed `validator` rule (the custom rules of the routes
/// name theirs after a `Code`, or after the form they check).
fn validator_code(code: &str) -> Code {
    match code {
        "length" => Code::Length,
        "range" => Code::Range,
        "required" => Code::Required,
        _ => Code::Format,
    }
}

fn tidy(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    message
        .replace("invalid type: ", "has the wrong type: ")
        .replace("invalid value: ", "has a wrong value: ")
}

pub fn snake_to_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Parses a JSON object into `T`, collecting every problem: unknown fields,
/// wrong types, missing required fields and failed rules. Only malformed JSON
/// or a body that is not an object fails at once.
pub fn parse_body<T: Body>(
    bytes: &[u8],
    creating: bool,
) -> Result<(T, Vec<InvalidParam>), ApiError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::BadRequest(format!(
            "The body is not valid JSON: {}.",
            tidy(&e.to_string())
        ))
    })?;
    let Value::Object(mut object) = value else {
        return Err(ApiError::BadRequest(
            "The body must be a JSON object.".into(),
        ));
    };
    // JSON does not tell 12 from 12.0, and JSON Schema counts both as an
    // integer: read a whole number written with a fraction as one.
    for value in object.values_mut() {
        if let Some(whole) = value
            .as_f64()
            .filter(|f| value.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15)
        {
            *value = Value::from(whole as i64);
        }
    }
    let mut errors: Vec<InvalidParam> = Vec::new();
    // Text holds no control characters but tab, newline and carriage return
    // (PostgreSQL cannot store a NUL at all): the field is refused whole.
    let tainted: Vec<String> = object
        .iter()
        .filter(|(_, v)| has_control_character(v))
        .map(|(k, _)| k.clone())
        .collect();
    for key in tainted {
        object.remove(&key);
        errors
            .push(InvalidParam::new(key, Code::Format, params::CONTROL_CHARACTER).expected("text"));
    }
    // A JSON object may name a field twice; a parser silently keeps one of
    // them. Refuse it instead of guessing which the client meant.
    if let Ok(TopLevelKeys(keys)) = serde_json::from_slice::<TopLevelKeys>(bytes) {
        let mut seen = std::collections::HashSet::new();
        for key in keys {
            if !seen.insert(key.clone()) && !errors.iter().any(|e| e.name == key) {
                errors.push(InvalidParam::new(
                    key.clone(),
                    Code::Duplicate,
                    "appears more than once",
                ));
            }
        }
    }
    for name in T::REQUIRED.iter().filter(|_| creating) {
        if object.get(*name).is_none_or(Value::is_null) && !errors.iter().any(|e| e.name == *name) {
            errors.push(InvalidParam::new(*name, Code::Required, "is required"));
        }
    }
    let parsed = loop {
        match serde_path_to_error::deserialize::<_, T>(Value::Object(object.clone())) {
            Ok(value) => break Some(value),
            Err(e) => {
                let (key, message) = failed_key(&e);
                let problem = if message.starts_with("unknown field") {
                    InvalidParam::new(key.clone(), Code::Unknown, "is not a field of this request")
                } else {
                    let code = serde_code(&message);
                    let problem = InvalidParam::new(key.clone(), code, tidy(&message));
                    if code == Code::Enum {
                        problem.allowed(expected_variants(&message))
                    } else {
                        problem
                    }
                };
                if !errors.iter().any(|p| p.name == key) {
                    errors.push(problem);
                }
                if object.remove(&key).is_none() {
                    break None;
                }
            }
        }
    };
    if let Some(value) = &parsed {
        if let Err(failed) = value.validate() {
            for (field, list) in failed.field_errors() {
                let name = snake_to_camel(&field);
                if errors.iter().any(|p| p.name == name) {
                    continue;
                }
                let first = list.first();
                let code = first.map_or(Code::Format, |e| validator_code(&e.code));
                let bound = |which: &str| {
                    first
                        .and_then(|e| e.params.get(which))
                        .and_then(serde_json::Value::as_i64)
                };
                let reason = list
                    .iter()
                    .map(|e| {
                        e.message
                            .as_ref()
                            .map(|m| m.to_string())
                            .unwrap_or_else(|| format!("is not valid ({})", e.code))
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                let mut problem = InvalidParam::new(name, code, reason);
                match code {
                    Code::Length | Code::Range => {
                        problem = problem.bounds(bound("min"), bound("max"));
                    }
                    Code::Format => {
                        if let Some(form) = first.and_then(|e| known_form(&e.code)) {
                            problem = problem.expected(form);
                        }
                    }
                    _ => {}
                }
                errors.push(problem);
            }
        }
    }
    match parsed {
        Some(value) => Ok((value, errors)),
        None => Err(ApiError::Invalid(errors)),
    }
}

/// Whether a JSON value holds a control character in any string or key.
fn has_control_character(value: &Value) -> bool {
    match value {
        Value::String(s) => s.chars().any(params::is_control_character),
        Value::Array(items) => items.iter().any(has_control_character),
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.chars().any(params::is_control_character) || has_control_character(v)),
        _ => false,
    }
}

/// A required field of a body that [`Body::REQUIRED`] already checked.
pub fn present<T>(value: Option<T>, name: &str) -> Result<T, ApiError> {
    value.ok_or_else(|| ApiError::invalid(name, Code::Required, "is required"))
}

/// Deserialises a field so that `null` and "absent" differ (JSON merge patch:
/// absent keeps the value, `null` clears it).
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
}

/// Sets `target` from a merge-patch field: absent keeps, `null` clears (or
/// is refused when the field may not be empty).
pub fn merge<T>(
    target: &mut T,
    field: Option<Option<T>>,
    name: &str,
    errors: &mut Vec<InvalidParam>,
) {
    match field {
        None => {}
        Some(Some(v)) => *target = v,
        Some(None) => errors.push(InvalidParam::new(name, Code::Required, "may not be empty")),
    }
}

/// Sets an optional `target` from a merge-patch field.
pub fn merge_opt<T>(target: &mut Option<T>, field: Option<Option<T>>) {
    if let Some(v) = field {
        *target = v;
    }
}

/// Deserialises a field that may be left out but not sent as `null`.
pub fn not_null<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    match <Option<T> as serde::Deserialize>::deserialize(deserializer)? {
        Some(value) => Ok(Some(value)),
        None => Err(serde::de::Error::custom(
            "may not be null; leave it out instead",
        )),
    }
}

/// The key a deserialisation failed on (its path's first step, or the
/// field its message names), and the message.
fn failed_key(e: &serde_path_to_error::Error<serde_json::Error>) -> (String, String) {
    let message = e.inner().to_string();
    let key = match e.path().iter().next() {
        Some(serde_path_to_error::Segment::Map { key }) => key.clone(),
        _ => backticked(&message).unwrap_or_default(),
    };
    (key, message)
}

/// A query string, read parameter by parameter; every bad parameter is kept
/// and reported together by [`Query::finish`].
pub struct Query {
    pairs: Vec<(String, String)>,
    errors: Vec<InvalidParam>,
}

impl Query {
    pub fn new(req: &HttpRequest) -> Query {
        let pairs = url::form_urlencoded::parse(req.query_string().as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Query {
            pairs,
            errors: Vec::new(),
        }
    }

    /// Keeps an invalid parameter for [`Query::finish`].
    pub fn push(&mut self, problem: InvalidParam) {
        self.errors.push(problem);
    }

    pub fn fail(&mut self, name: &str, code: Code, reason: impl Into<String>) {
        self.errors.push(InvalidParam::new(name, code, reason));
    }

    /// Reads every parameter into `T`, the filters struct that the spec
    /// documents (its `IntoParams`): each field by the rule its
    /// `deserialize_with` names (`web::params`). Every bad parameter is
    /// kept for [`Query::finish`], and so is a key `T` does not name (its
    /// `deny_unknown_fields`): a misspelt filter is an error, never a filter
    /// silently not applied.
    pub fn read<T: DeserializeOwned + Default>(&mut self) -> T {
        // The last value of a key counts, as with `text`.
        let mut map = serde_json::Map::new();
        for (key, value) in &self.pairs {
            map.insert(key.clone(), Value::String(value.clone()));
        }
        loop {
            match serde_path_to_error::deserialize::<_, T>(Value::Object(map.clone())) {
                Ok(value) => return value,
                Err(e) => {
                    let (key, message) = failed_key(&e);
                    let problem = if message.starts_with("unknown field") {
                        InvalidParam::new(&key, Code::Unknown, "is not a parameter of this request")
                    } else {
                        params::decode(&key, &message)
                    };
                    if !self.errors.iter().any(|p| p.name == key) {
                        self.errors.push(problem);
                    }
                    if map.remove(&key).is_none() {
                        return T::default();
                    }
                }
            }
        }
    }

    /// Ends reading: 400 with every invalid parameter, if any.
    pub fn finish(&mut self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Invalid(std::mem::take(&mut self.errors)))
        }
    }

    /// A parameter as it was sent (its last value), valid or not; `""`
    /// when it was not: to show a form again with what was filled in.
    pub fn sent(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// All pairs except `cursor`, to build `_links`.
    pub fn pairs_without_cursor(&self) -> Vec<(String, String)> {
        self.pairs
            .iter()
            .filter(|(k, _)| k != "cursor")
            .cloned()
            .collect()
    }
}
