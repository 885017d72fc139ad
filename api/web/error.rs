//! One error type for the whole API. Every error leaves as
//! `application/problem+json` (RFC 9457); a 500 or 503 body says nothing
//! internal, the cause goes to the log.

use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// What kind of problem a field has: a fixed value for programs to act on;
/// `reason` says it in words for people, and may be reworded. More codes may
/// be added: treat one you do not know as `format`.
///
/// - `required`: missing, or empty where a value is needed.
/// - `unknown`: not a field of this request.
/// - `duplicate`: given more than once.
/// - `type`: the wrong JSON type, or `null` where a value must be given.
/// - `length`: too short or too long (characters, or entries of a list).
/// - `range`: a number out of range, or a time too long ago.
/// - `format`: not in the expected form (an e-mail or web address, a phone
///   number, a date-time, a slug, a whole number, a cursor), or text with a
///   control character (only tab, newline and carriage return are text).
/// - `enum`: not one of the allowed values.
/// - `reference`: names something that does not exist or that you may not
///   see (a network, stakeholder, goal, topic or municipality).
/// - `consent`: a personal detail sent without the consent to keep it.
/// - `rule`: breaks a rule of the platform (how far networks above and
///   below reach, the tree of goals).
/// - `weak_password`: a password that is too easy to guess.
#[derive(Debug, Clone, Copy, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[schema(as = InvalidParamCode)]
pub enum Code {
    Required,
    Unknown,
    Duplicate,
    Type,
    Length,
    Range,
    Format,
    Enum,
    Reference,
    Consent,
    Rule,
    WeakPassword,
}

impl Code {
    /// The code as the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Required => "required",
            Code::Unknown => "unknown",
            Code::Duplicate => "duplicate",
            Code::Type => "type",
            Code::Length => "length",
            Code::Range => "range",
            Code::Format => "format",
            Code::Enum => "enum",
            Code::Reference => "reference",
            Code::Consent => "consent",
            Code::Rule => "rule",
            Code::WeakPassword => "weak_password",
        }
    }

    /// The code [`Code::as_str`] writes as `name`; `format` for any other.
    pub fn from_name(name: &str) -> Code {
        [
            Code::Required,
            Code::Unknown,
            Code::Duplicate,
            Code::Type,
            Code::Length,
            Code::Range,
            Code::Format,
            Code::Enum,
            Code::Reference,
            Code::Consent,
            Code::Rule,
            Code::WeakPassword,
        ]
        .into_iter()
        .find(|c| c.as_str() == name)
        .unwrap_or(Code::Format)
    }
}

/// One invalid field of a request: what a program needs to explain it in
/// its own words, without reading `reason`.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct InvalidParam {
    /// The field or query parameter, as named in the request (lowerCamelCase).
    pub name: String,
    pub code: Code,
    /// What is wrong with it, in plain language (English; may be reworded).
    pub reason: String,
    /// With `length` and `range`: the least allowed (characters, entries of
    /// a list, or the number).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub minimum: Option<i64>,
    /// With `length` and `range`: the most allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub maximum: Option<i64>,
    /// With `enum`: the allowed values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(nullable = false)]
    pub allowed: Vec<String>,
    /// What exactly the code is about. With `format`, the expected form:
    /// `email`, `url`, `publicUrl`, `webhookUrl` (https, and public), `slug`,
    /// `phone`, `dateTime`, `date`,
    /// `text` (it held a control character), `wholeNumber`, `cursor`,
    /// `value` (sent empty). With `reference`, what it names: `network`,
    /// `stakeholder`, `goal`, `member`, `topic`, `municipality`, `province`.
    /// With `consent`, the consent it needs: `shareContact`,
    /// `accessNeedsConsent`, `needsConsent`. With `rule`: `parentScope`,
    /// `childScope`, `goalCycle`, `goalDepth`, `province`, `ownWords`,
    /// `accepting`, `nationalProvince`, `endsAfterStart`, `meetingOpen`,
    /// `meetingHeld`, `registration`, `agendaOpen`, `topLevelMessage`,
    /// `houseRulesVersion`. With `required`: `localPlace` (a municipality or
    /// a region), `audience`, `cancelReason`, `declineReason`,
    /// `hiddenReason`. With `duplicate`: `registration`, `support`, `pulse`,
    /// `report`.
    /// With `range`: `registrations`, `agendaItems`, `fullSync` (an
    /// `updatedSince` older than the deletions kept: sync in full, without
    /// it). With `reference` also
    /// `agendaItem`. More may be added: treat one you do not
    /// know as absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub expected: Option<&'static str>,
    /// Well-formed, but at odds with what is stored (a reference to
    /// something that is not there, a detail kept only with consent): such
    /// fields alone make a 409, not a 400.
    #[serde(skip)]
    pub conflict: bool,
}

impl InvalidParam {
    pub fn new(name: impl Into<String>, code: Code, reason: impl Into<String>) -> Self {
        InvalidParam {
            name: name.into(),
            code,
            reason: reason.into(),
            minimum: None,
            maximum: None,
            allowed: Vec::new(),
            expected: None,
            conflict: false,
        }
    }

    /// A field that is well-formed but conflicts with the stored state.
    pub fn conflict(name: impl Into<String>, code: Code, reason: impl Into<String>) -> Self {
        InvalidParam {
            conflict: true,
            ..InvalidParam::new(name, code, reason)
        }
    }

    /// The bounds of a length or a range.
    pub fn bounds(mut self, minimum: Option<i64>, maximum: Option<i64>) -> Self {
        self.minimum = minimum;
        self.maximum = maximum;
        self
    }

    /// The allowed values of an `enum`.
    pub fn allowed<S: ToString>(mut self, values: impl IntoIterator<Item = S>) -> Self {
        self.allowed = values.into_iter().map(|v| v.to_string()).collect();
        self
    }

    /// What exactly the code is about (see [`InvalidParam::expected`]).
    pub fn expected(mut self, what: &'static str) -> Self {
        self.expected = Some(what);
        self
    }
}

/// An error, as described by RFC 9457 (Problem Details for HTTP APIs).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// A URI that identifies the kind of problem.
    #[schema(
        format = "uri-reference",
        example = "urn:themanet:problem:invalid-input"
    )]
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    #[schema(minimum = 400, maximum = 599)]
    pub status: u16,
    /// What went wrong this time, in plain language.
    pub detail: String,
    /// Every invalid field of the request, all at once (on 400; on 409 the
    /// fields that conflict with what is stored).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(nullable = false)]
    pub invalid_params: Vec<InvalidParam>,
}

#[derive(Debug)]
pub enum ApiError {
    Invalid(Vec<InvalidParam>),
    BadRequest(String),
    Unauthorized(String),
    Forbidden(String),
    NotFound(String),
    MethodNotAllowed(String),
    Conflict(String),
    /// Well-formed fields that conflict with what is stored (409).
    ConflictingFields(Vec<InvalidParam>),
    PreconditionFailed,
    PayloadTooLarge,
    /// 413 with a detail of its own (a document over its limit).
    TooLarge(String),
    UnsupportedMediaType(String),
    /// Too many attempts; retry after this many seconds.
    TooManyRequests(u64),
    Unavailable(String),
    Internal(String),
}

impl ApiError {
    pub fn invalid(name: &str, code: Code, reason: &str) -> ApiError {
        ApiError::Invalid(vec![InvalidParam::new(name, code, reason)])
    }

    pub fn not_found(what: &str) -> ApiError {
        ApiError::NotFound(format!("{what} does not exist, or you may not see it."))
    }

    fn parts(&self) -> (&'static str, String, Vec<InvalidParam>) {
        match self {
            ApiError::Invalid(params) => (
                "invalid-input",
                format!(
                    "The request has {} invalid field{}; see invalidParams.",
                    params.len(),
                    if params.len() == 1 { "" } else { "s" }
                ),
                params.clone(),
            ),
            ApiError::BadRequest(d) => ("bad-request", d.clone(), vec![]),
            ApiError::Unauthorized(d) => ("unauthorized", d.clone(), vec![]),
            ApiError::Forbidden(d) => ("forbidden", d.clone(), vec![]),
            ApiError::NotFound(d) => ("not-found", d.clone(), vec![]),
            ApiError::MethodNotAllowed(allow) => (
                "method-not-allowed",
                format!("This address does not support that method. Allowed: {allow}."),
                vec![],
            ),
            ApiError::Conflict(d) => ("conflict", d.clone(), vec![]),
            ApiError::ConflictingFields(params) => (
                "conflict",
                format!(
                    "The request has {} field{} at odds with what is stored; see invalidParams.",
                    params.len(),
                    if params.len() == 1 { "" } else { "s" }
                ),
                params.clone(),
            ),
            ApiError::PreconditionFailed => (
                "precondition-failed",
                "Someone else changed this since you read it. Fetch it again, reapply your change and send it with the new ETag.".into(),
                vec![],
            ),
            ApiError::PayloadTooLarge => (
                "payload-too-large",
                "The request body is too large.".into(),
                vec![],
            ),
            ApiError::TooLarge(d) => ("payload-too-large", d.clone(), vec![]),
            ApiError::UnsupportedMediaType(d) => ("unsupported-media-type", d.clone(), vec![]),
            ApiError::TooManyRequests(seconds) => (
                "too-many-requests",
                format!("Too many attempts. Wait {seconds} seconds and try again."),
                vec![],
            ),
            ApiError::Unavailable(_) => (
                "unavailable",
                "The service is briefly unavailable. Try again in a moment.".into(),
                vec![],
            ),
            ApiError::Internal(_) => (
                "internal",
                "Something went wrong on our side. It has been logged.".into(),
                vec![],
            ),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Internal(cause) | ApiError::Unavailable(cause) => write!(f, "{cause}"),
            other => write!(f, "{}", other.parts().1),
        }
    }
}

/// The problem+json body of an error.
fn problem_body(
    status: StatusCode,
    kind: &str,
    detail: String,
    invalid_params: Vec<InvalidParam>,
) -> String {
    let body = Problem {
        kind: format!("urn:themanet:problem:{kind}"),
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        detail,
        invalid_params,
    };
    serde_json::to_string(&body).unwrap_or_default()
}

/// The problem+json body of an error without invalid fields, for answers
/// written outside the app (`server`).
pub fn problem_json(status: StatusCode, kind: &str, detail: String) -> String {
    problem_body(status, kind, detail, vec![])
}

/// Builds a problem+json response.
pub fn problem_response(
    status: StatusCode,
    kind: &str,
    detail: String,
    invalid_params: Vec<InvalidParam>,
) -> HttpResponse {
    HttpResponse::build(status)
        .content_type(PROBLEM_JSON)
        .body(problem_body(status, kind, detail, invalid_params))
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Invalid(_) | ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict(_) | ApiError::ConflictingFields(_) => StatusCode::CONFLICT,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge | ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        match self {
            ApiError::Internal(cause) => tracing::error!("internal error: {cause}"),
            ApiError::Unavailable(cause) => tracing::warn!("unavailable: {cause}"),
            _ => {}
        }
        let (kind, detail, params) = self.parts();
        let mut response = problem_response(status, kind, detail, params);
        let headers = response.headers_mut();
        match self {
            ApiError::Unauthorized(_) => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            ApiError::MethodNotAllowed(allow) => {
                if let Ok(v) = HeaderValue::from_str(allow) {
                    headers.insert(header::ALLOW, v);
                }
            }
            ApiError::Unavailable(_) => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            ApiError::TooManyRequests(seconds) => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(*seconds));
            }
            _ => {}
        }
        response
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        match e {
            E::NotFound => ApiError::NotFound("That does not exist, or you may not see it.".into()),
            E::DatabaseError(K::UniqueViolation, _) => {
                ApiError::Conflict("Something with these details already exists.".into())
            }
            E::DatabaseError(K::ForeignKeyViolation, _) => ApiError::Conflict(
                "This refers to something that does not exist, or is still in use.".into(),
            ),
            E::DatabaseError(K::ClosedConnection, info) => {
                ApiError::Unavailable(format!("database connection closed: {}", info.message()))
            }
            E::DatabaseError(K::SerializationFailure, info) => {
                ApiError::Unavailable(format!("serialization failure: {}", info.message()))
            }
            // PostgreSQL ended this transaction to break a deadlock: rolled
            // back whole, and a second try will most likely pass.
            E::DatabaseError(_, info) if info.message().contains("deadlock detected") => {
                ApiError::Unavailable(format!("database: {}", info.message()))
            }
            E::DatabaseError(_, info)
                if info.message().contains("database is locked")
                    || info.message().contains("readonly")
                    || info.message().contains("disk")
                    || info.message().contains("unable to open database")
                    || info.message().contains("connection") =>
            {
                ApiError::Unavailable(format!("database: {}", info.message()))
            }
            other => ApiError::Internal(format!("database error: {other}")),
        }
    }
}

impl From<diesel::r2d2::PoolError> for ApiError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        ApiError::Unavailable(e.to_string())
    }
}

/// Marks an error answer that is a page for people (the printable
/// report's page for a period that does not work): it keeps its own body
/// instead of becoming a problem.
pub struct PageForPeople;

/// Last line of defence: any error response that did not come from
/// [`ApiError`] (actix's own rejections) is rewritten as problem+json.
pub fn rewrite_foreign_errors<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    if is_problem || res.response().extensions().contains::<PageForPeople>() {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let detail = match status {
        StatusCode::BAD_REQUEST => "The request could not be read.".to_string(),
        StatusCode::NOT_FOUND => "There is nothing at this address.".to_string(),
        StatusCode::PAYLOAD_TOO_LARGE => "The request body is too large.".to_string(),
        s if s.is_server_error() => "Something went wrong on our side.".to_string(),
        s => s.canonical_reason().unwrap_or("Error").to_string(),
    };
    let (req, old) = res.into_parts();
    let mut new = problem_response(status, "http", detail, vec![]);
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.headers_mut().insert(name.clone(), value.clone());
        }
    }
    let res = ServiceResponse::new(req, new.map_into_boxed_body()).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(res))
}

/// Fails with 400 when a collected field is invalid in itself; fields that
/// only conflict with what is stored wait (a stale `If-Match` comes first).
pub fn ensure_well_formed(errors: &[InvalidParam]) -> Result<(), ApiError> {
    if errors.iter().any(|e| !e.conflict) {
        return ensure_valid(errors.to_vec());
    }
    Ok(())
}

/// Fails with 400 when any invalid field was collected (one entry per
/// field: the first reason found), or with 409 when every field is
/// well-formed and only conflicts with what is stored.
pub fn ensure_valid(mut errors: Vec<InvalidParam>) -> Result<(), ApiError> {
    if errors.is_empty() {
        return Ok(());
    }
    errors.sort_by(|a, b| a.name.cmp(&b.name));
    errors.dedup_by(|a, b| a.name == b.name);
    if errors.iter().all(|e| e.conflict) {
        return Err(ApiError::ConflictingFields(errors));
    }
    Err(ApiError::Invalid(errors))
}
