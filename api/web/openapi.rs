//! The OpenAPI document. Paths come from the same registration that builds
//! the app (`router::api`); this module adds what every operation shares
//! (the `API-Version` header, error responses as problem+json) once for all,
//! and converts the 3.1 document to 3.0.3 for tools that want that.

use serde_json::{json, Map, Value};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::web::error::{Code, InvalidParam, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "themanet API",
        version = "1.0.0",
        description = "The API of themanet, the platform for inclusion theme networks (themanetwerken) in the Netherlands and Flanders: networks, their stakeholders and members, goals and endorsements, meetings, and the knowledge platform.\n\nResource names are English; the API follows the Dutch government's REST API Design Rules. Errors are application/problem+json (RFC 9457); invalid input lists every invalid field in `invalidParams`. Collections use keyset pagination: follow `_links.next`. Single resources carry an `ETag`; send it back in `If-Match` when you change them. Times are RFC 3339 in UTC.",
        contact(name = "themanet developers", email = "dev@themanet.nl", url = "https://themanet.nl"),
        license(name = "EUPL-1.2", url = "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"),
    ),
    servers((url = "/api/v1", description = "This server")),
    components(schemas(Problem, InvalidParam, Code)),
    modifiers(&BearerScheme),
    tags(
        (name = "Accounts", description = "Register, sign in and manage your own account."),
        (name = "Networks", description = "Theme networks: local, regional and national."),
        (name = "Members", description = "Who takes part in a network, and in which role."),
        (name = "Goals", description = "A network's ambition, broken into small steps, and members' endorsements."),
        (name = "Stakeholders", description = "People and organisations taking part."),
        (name = "Meetings", description = "A network's meetings: when and where, what the venue offers so that everyone can take part, registrations with a waiting list, and calendars."),
        (name = "Talents", description = "Talents and needs: what people offer and steps need, the matchcentrum, offers of help on a step, and experience experts whom organisations may ask for contact."),
        (name = "Documents", description = "Documents members share in a network: what a file is comes from its content; public or for members only; attached to a goal or a meeting."),
        (name = "Messages", description = "A network's message board (prikbord): messages and replies, public announcements, reports, and messages hidden by coordinators."),
        (name = "House rules", description = "A network's house rules (spelregels): every version kept, and who accepted the current one."),
        (name = "Questions", description = "Questions a local or regional network raises to its parent or a national network (agenderen): support from other networks, the steps to an answer on a timeline both networks see, and the national agenda."),
        (name = "Reports", description = "A network's progress over a period, for its partners and its municipality (in Flanders the report on the lokale afsprakennota): as JSON, as CSV for a spreadsheet, and as a printable page."),
        (name = "Knowledge links", description = "The knowledge platform: a start page of links per audience."),
        (name = "API clients", description = "Systems that sign in as themselves, such as a municipality's: a client per organisation with a secret and scopes, and access tokens through OAuth 2.0 client credentials (`POST /oauth/token`)."),
        (name = "Reference", description = "Reference lists: topics, municipalities, and this document."),
    ),
)]
pub struct ApiDoc;

/// Declares the bearer token security scheme.
pub struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .bearer_format("JWT")
                        .description(Some("An access token: a person's from /auth/login or /auth/register, an API client's from /oauth/token."))
                        .build(),
                ),
            );
        }
    }
}

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn default_description(status: &str) -> &'static str {
    match status {
        "400" => "The request is invalid; invalidParams names every invalid field.",
        "401" => "The access token is missing, invalid or expired.",
        "403" => "You may not do this.",
        "404" => "Not found, or you may not see it.",
        "409" => "This conflicts with the current state.",
        "412" => "It changed since you read it; fetch it again.",
        "413" => "The request body is too large.",
        "414" => "The address is too long (a request line of at most 65,534 bytes).",
        "415" => "The body must be JSON.",
        "500" => "Something went wrong on our side.",
        "429" => "Too many attempts; try again after Retry-After seconds.",
        "503" => "Briefly unavailable; try again after Retry-After seconds.",
        _ => "An error.",
    }
}

/// Finishes the generated document: shared headers and error responses, and
/// `*Create` schemas that mark what POST requires.
pub fn finish(doc: &mut Value, required: &[(&str, &[&str])]) {
    // Registered under the /api/v1 scope; documented relative to the server URL.
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        let taken = std::mem::take(paths);
        for (path, item) in taken {
            let short = path.strip_prefix("/api/v1").unwrap_or(&path).to_string();
            paths.insert(short, item);
        }
    }
    let mut creates: Vec<(String, String, Vec<String>)> = Vec::new();
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for method in METHODS {
                let Some(op) = item.get_mut(*method).and_then(Value::as_object_mut) else {
                    continue;
                };
                let has_params = op
                    .get("parameters")
                    .and_then(Value::as_array)
                    .is_some_and(|p| !p.is_empty());
                let has_body = op.contains_key("requestBody");
                let secured = op
                    .get("security")
                    .and_then(Value::as_array)
                    .is_some_and(|s| {
                        s.iter()
                            .any(|r| r.as_object().is_some_and(|o| !o.is_empty()))
                    });
                let is_spec = path.starts_with("/openapi");
                let searches = op
                    .get("parameters")
                    .and_then(Value::as_array)
                    .is_some_and(|p| p.iter().any(|p| p["name"] == "q" && p["in"] == "query"));
                let responses = op.entry("responses").or_insert_with(|| json!({}));
                let Some(responses) = responses.as_object_mut() else {
                    continue;
                };
                // Any address can be too long (api/web/server.rs).
                let mut add = vec!["414"];
                if has_params || has_body {
                    add.push("400");
                }
                if secured {
                    add.push("401");
                }
                if has_body {
                    add.extend(["413", "415"]);
                }
                if !is_spec {
                    add.extend(["500", "503"]);
                }
                if searches || matches!(*method, "post" | "patch" | "put" | "delete") {
                    add.push("429");
                }
                for status in add {
                    responses.entry(status).or_insert_with(|| json!({}));
                }
                for (status, response) in responses.iter_mut() {
                    let Some(response) = response.as_object_mut() else {
                        continue;
                    };
                    if status.starts_with('4') || status.starts_with('5') {
                        response
                            .entry("description")
                            .or_insert_with(|| json!(default_description(status)));
                        let mut problem = json!({
                            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                        });
                        let mut headers = Map::new();
                        if status == "503" || status == "429" {
                            headers.insert(
                                "Retry-After".into(),
                                json!({
                                    "description": "Seconds to wait before trying again.",
                                    "schema": {"type": "integer"}
                                }),
                            );
                        }
                        if status == "401" {
                            headers.insert(
                                "WWW-Authenticate".into(),
                                json!({
                                    "description": "Bearer",
                                    "schema": {"type": "string"}
                                }),
                            );
                        }
                        if !headers.is_empty() {
                            response.insert("headers".into(), Value::Object(headers));
                        }
                        // A problem; a page for people may answer with a
                        // page besides (`Accept` chooses).
                        let content = response.entry("content").or_insert_with(|| json!({}));
                        if let (Some(content), Some(problem)) =
                            (content.as_object_mut(), problem.as_object_mut())
                        {
                            content.append(problem);
                        }
                    } else {
                        let headers = response.entry("headers").or_insert_with(|| json!({}));
                        if let Some(h) = headers.as_object_mut() {
                            h.insert(
                                "API-Version".into(),
                                json!({
                                    "description": "The version of this API.",
                                    "schema": {"type": "string", "example": crate::API_VERSION}
                                }),
                            );
                        }
                    }
                }
                if *method == "post" {
                    if let Some(schema) = op
                        .get_mut("requestBody")
                        .and_then(|b| b.pointer_mut("/content/application~1json/schema"))
                    {
                        if let Some(name) = schema
                            .get("$ref")
                            .and_then(Value::as_str)
                            .and_then(|r| r.strip_prefix("#/components/schemas/"))
                        {
                            if let Some((_, req)) = required.iter().find(|(n, _)| *n == name) {
                                let create = format!("{}Create", name.trim_end_matches("Input"));
                                creates.push((
                                    name.to_string(),
                                    create.clone(),
                                    req.iter().map(|s| s.to_string()).collect(),
                                ));
                                *schema = json!({"$ref": format!("#/components/schemas/{create}")});
                            }
                        }
                    }
                }
            }
        }
    }
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for (input, create, req) in creates {
            if let Some(mut schema) = schemas.get(&input).cloned() {
                if let Some(obj) = schema.as_object_mut() {
                    obj.insert("required".into(), json!(req));
                    if let Some(d) = obj.get("description").and_then(Value::as_str) {
                        let d = d.split("\n\n").next().unwrap_or(d).to_string();
                        obj.insert("description".into(), json!(d));
                    }
                }
                schemas.insert(create, schema);
            }
        }
    }
}

/// Enumerations that may gain values within this version of the API
/// (docs/api.md says so): where a response carries one, the document says
/// "one of these, or another string", so that a generated client keeps
/// working when a value is added. Requests keep the closed list.
const EXTENSIBLE: &[&str] = &["InvalidParamCode", "Audience"];

/// The names of the schemas `value` refers to.
fn references(value: &Value, found: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(name) = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            {
                found.insert(name.to_string());
            }
            map.values().for_each(|v| references(v, found));
        }
        Value::Array(list) => list.iter().for_each(|v| references(v, found)),
        _ => {}
    }
}

/// `names` and every schema they refer to, however deep.
fn with_referenced(
    schemas: &Map<String, Value>,
    mut names: std::collections::BTreeSet<String>,
) -> std::collections::BTreeSet<String> {
    let mut todo: Vec<String> = names.iter().cloned().collect();
    while let Some(name) = todo.pop() {
        let mut found = std::collections::BTreeSet::new();
        if let Some(schema) = schemas.get(&name) {
            references(schema, &mut found);
        }
        for name in found {
            if names.insert(name.clone()) {
                todo.push(name);
            }
        }
    }
    names
}

/// Whether a property's schema admits null.
fn admits_null(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
        _ => ["oneOf", "anyOf"].iter().any(|key| {
            schema
                .get(*key)
                .and_then(Value::as_array)
                .is_some_and(|list| list.iter().any(|s| s["type"] == "null"))
        }),
    }
}

/// A reference with words beside it inside `oneOf: [S, null]` (the shape
/// utoipa gives an `Option` of a schema) becomes the reference alone, the
/// words moving up to the property: generators otherwise make an empty
/// model of the wrapper.
fn hoist_reference_words(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for key in ["oneOf", "anyOf"] {
                let mut words = Map::new();
                if let Some(list) = map.get_mut(key).and_then(Value::as_array_mut) {
                    if !list.iter().any(|s| s["type"] == "null") {
                        continue;
                    }
                    for member in list.iter_mut().filter_map(Value::as_object_mut) {
                        if let Some(reference) = member.remove("$ref") {
                            for (k, v) in std::mem::take(member) {
                                words.entry(k).or_insert(v);
                            }
                            member.insert("$ref".into(), reference);
                        }
                    }
                }
                for (k, v) in words {
                    map.entry(k).or_insert(v);
                }
            }
            map.values_mut().for_each(hoist_reference_words);
        }
        Value::Array(list) => list.iter_mut().for_each(hoist_reference_words),
        _ => {}
    }
}

/// Makes the document read as a client generator needs it (checked by
/// generating a Python client from it, scripts/test-client.sh):
/// - in schemas that only responses use, every property the server always
///   sends is required, null or not; what is left out when it does not
///   apply (an `Option` the server skips, documented `nullable = false`)
///   stays optional;
/// - `ETag` and `Location` headers are required where documented;
/// - operations open to everyone declare no security requirement (an empty
///   list) instead of "anonymous or bearer", which generators read as
///   "bearer needed"; a token is still welcome there;
/// - the values of the [`EXTENSIBLE`] enumerations are open in responses;
/// - references with words beside them lose the wrapper.
pub fn for_generators(doc: &mut Value) {
    hoist_reference_words(doc);
    let mut answered = std::collections::BTreeSet::new();
    let mut asked = std::collections::BTreeSet::new();
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for op in paths
            .values_mut()
            .filter_map(Value::as_object_mut)
            .flat_map(|item| item.values_mut())
            .filter_map(Value::as_object_mut)
        {
            if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
                responses
                    .values()
                    .for_each(|r| references(r, &mut answered));
                for header in responses
                    .values_mut()
                    .filter_map(|r| r.get_mut("headers"))
                    .filter_map(Value::as_object_mut)
                    .flat_map(|h| h.iter_mut())
                    .filter(|(name, _)| matches!(name.as_str(), "ETag" | "Location"))
                    .filter_map(|(_, header)| header.as_object_mut())
                {
                    header.insert("required".into(), json!(true));
                }
            }
            for key in ["requestBody", "parameters"] {
                if let Some(part) = op.get(key) {
                    references(part, &mut asked);
                }
            }
            let open = op
                .get("security")
                .and_then(Value::as_array)
                .is_some_and(|s| s.iter().any(|r| r.as_object().is_some_and(Map::is_empty)));
            if open {
                op.insert("security".into(), json!([]));
            }
        }
    }
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let answered = with_referenced(schemas, answered);
    let asked = with_referenced(schemas, asked);
    for name in answered.difference(&asked) {
        let Some(schema) = schemas.get_mut(name).and_then(Value::as_object_mut) else {
            continue;
        };
        let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
            continue;
        };
        let mut always: Vec<String> = Vec::new();
        for (prop, value) in props.iter_mut() {
            if admits_null(value) {
                always.push(prop.clone());
            }
            open_extensible(value);
        }
        let required = schema.entry("required").or_insert_with(|| json!([]));
        if let Some(list) = required.as_array_mut() {
            list.extend(always.into_iter().map(Value::String));
            list.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
            list.dedup();
        }
    }
}

/// A reference to an [`EXTENSIBLE`] enumeration, directly or as the items
/// of a list, becomes "that, or another string".
fn open_extensible(value: &mut Value) {
    if let Some(items) = value.get_mut("items") {
        open_extensible(items);
    }
    let Some(map) = value.as_object_mut() else {
        return;
    };
    let extensible = map
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
        .is_some_and(|name| EXTENSIBLE.contains(&name));
    if extensible {
        if let Some(reference) = map.remove("$ref") {
            map.insert(
                "anyOf".into(),
                json!([{"$ref": reference}, {"type": "string"}]),
            );
        }
    }
}

/// Converts the OpenAPI 3.1 document to 3.0.3: `type: [X, "null"]` becomes
/// `type: X, nullable: true`, and `oneOf: [{type: null}, S]` becomes S made
/// nullable.
pub fn to_3_0(doc: &Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Array(types)) = map.get("type").cloned() {
                    let others: Vec<Value> = types
                        .iter()
                        .filter(|t| t.as_str() != Some("null"))
                        .cloned()
                        .collect();
                    if others.len() == 1 {
                        map.insert("type".into(), others[0].clone());
                        if others.len() < types.len() {
                            map.insert("nullable".into(), Value::Bool(true));
                        }
                    }
                }
                for key in ["oneOf", "anyOf"] {
                    if let Some(Value::Array(list)) = map.get(key).cloned() {
                        let non_null: Vec<Value> = list
                            .iter()
                            .filter(|s| s.get("type").and_then(Value::as_str) != Some("null"))
                            .cloned()
                            .collect();
                        if non_null.len() < list.len() {
                            map.remove(key);
                            if non_null.len() == 1 {
                                map.insert("allOf".into(), Value::Array(non_null));
                            } else {
                                map.insert(key.into(), Value::Array(non_null));
                            }
                            map.insert("nullable".into(), Value::Bool(true));
                        }
                    }
                }
                if map.contains_key("$ref") && map.len() > 1 {
                    // OpenAPI 3.0 ignores siblings of $ref: wrap it.
                    if let Some(reference) = map.remove("$ref") {
                        map.insert("allOf".into(), json!([{ "$ref": reference }]));
                    }
                }
                // 3.0 has no if/then: the consent rules stay in the 3.1 document
                // (and in the descriptions).
                if let Some(Value::Array(list)) = map.get("allOf").cloned() {
                    let kept: Vec<Value> =
                        list.into_iter().filter(|s| s.get("if").is_none()).collect();
                    if kept.is_empty() {
                        map.remove("allOf");
                    } else {
                        map.insert("allOf".into(), Value::Array(kept));
                    }
                }
                if let Some(value) = map.remove("const") {
                    map.insert("enum".into(), json!([value]));
                }
                if let Some(Value::Array(examples)) = map.remove("examples") {
                    if let Some(first) = examples.into_iter().next() {
                        map.insert("example".into(), first);
                    }
                }
                for value in map.values_mut() {
                    walk(value);
                }
            }
            Value::Array(list) => list.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut out = doc.clone();
    out["openapi"] = json!("3.0.3");
    if let Some(components) = out.get_mut("components") {
        walk(components);
    }
    if let Some(paths) = out.get_mut("paths") {
        walk(paths);
    }
    if let Some(license) = out
        .pointer_mut("/info/license")
        .and_then(Value::as_object_mut)
    {
        license.remove("identifier");
    }
    out
}

/// The control characters text may not hold: all but tab, newline and
/// carriage return (`extract` refuses a field that has one).
const CONTROL: &str = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F";

/// Gives a free-text string schema the rule on control characters as a
/// `pattern`, so that clients and fuzzers know it: schemas with a format of
/// their own, an enumeration or a reference keep theirs; "not blank" (`\S`)
/// becomes "not blank, and no control characters". Array items too.
fn plain_text(schema: &mut serde_json::Map<String, Value>) {
    if let Some(items) = schema.get_mut("items").and_then(Value::as_object_mut) {
        plain_text(items);
    }
    let is_string = match schema.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
        _ => false,
    };
    let constrained = ["enum", "const", "$ref"]
        .iter()
        .any(|k| schema.contains_key(*k))
        || schema.get("format").is_some_and(|f| f != "password");
    if !is_string || constrained {
        return;
    }
    let pattern = match schema.get("pattern").and_then(Value::as_str) {
        None => format!("^[^{CONTROL}]*$"),
        Some("\\S") => format!("^[^{CONTROL}]*[^\\s{CONTROL}][^{CONTROL}]*$"),
        Some(_) => return,
    };
    schema.insert("pattern".into(), json!(pattern));
}

/// Makes the request schemas say what the handlers check, so that a client
/// (or a fuzzer) that follows the document sends what the API accepts: the
/// reference lists as enums, tag lengths, required fields of POST-only
/// bodies, and the consent rules of a stakeholder profile.
pub fn refine(doc: &mut Value, post_only_required: &[(&str, &[&str])]) {
    let municipality = json!({"$ref": "#/components/schemas/MunicipalityCode"});
    let province = json!({"$ref": "#/components/schemas/ProvinceCode"});
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        let codes: Vec<&str> = crate::reference::municipalities()
            .iter()
            .map(|m| m.code.as_str())
            .collect();
        schemas.insert(
            "MunicipalityCode".into(),
            json!({"type": "string", "enum": codes, "example": "GM0344",
                   "description": "A municipality: a CBS code in the Netherlands (GM0344), a NIS code in Flanders and Brussels (44021); see /municipalities."}),
        );
        let mut provinces: Vec<&str> = crate::reference::municipalities()
            .iter()
            .map(|m| m.province_code.as_str())
            .collect();
        provinces.sort_unstable();
        provinces.dedup();
        schemas.insert(
            "ProvinceCode".into(),
            json!({"type": "string", "enum": provinces, "example": "PV23",
                   "description": "A province: a CBS code in the Netherlands (PV23), the NIS code of a Flemish province (40000), or 04000 for the Brussels-Capital Region; see /municipalities."}),
        );
        schemas.insert(
            "Topic".into(),
            json!({"type": "string", "enum": crate::reference::TOPICS,
                   "description": "A topic slug (see /topics)."}),
        );
        schemas.insert(
            "Language".into(),
            json!({"type": "string", "enum": crate::domain::LANGUAGES,
                   "description": "ISO 639-1, or `ngt`/`vgt` for Dutch and Flemish sign language."}),
        );
        for (name, schema) in schemas.iter_mut() {
            if !(name.ends_with("Input") || name.ends_with("Create") || name.ends_with("Patch")) {
                continue;
            }
            let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
                continue;
            };
            for (prop, value) in props.iter_mut() {
                let Some(obj) = value.as_object_mut() else {
                    continue;
                };
                match prop.as_str() {
                    "topics" => {
                        obj.insert(
                            "items".into(),
                            json!({"$ref": "#/components/schemas/Topic"}),
                        );
                    }
                    "languages" => {
                        obj.insert(
                            "items".into(),
                            json!({"$ref": "#/components/schemas/Language"}),
                        );
                    }
                    "talents" => {
                        obj.insert(
                            "items".into(),
                            json!({"type": "string", "minLength": 1, "maxLength": 40, "pattern": "\\S"}),
                        );
                    }
                    // http(s) on a public host name; check_url also takes public
                    // IP addresses, the document asks for names.
                    "url" => {
                        obj.insert(
                            "pattern".into(),
                            json!("^https?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}(:[0-9]{1,5})?([/?#][^\\s]*)?$"),
                        );
                    }
                    "audiences" => {
                        obj.insert("minItems".into(), json!(1));
                    }
                    // A name of blanks is no name.
                    "displayName" => {
                        obj.insert("pattern".into(), json!("\\S"));
                    }
                    // A password that is sent is never empty.
                    "password" | "currentPassword" => {
                        obj.entry("minLength").or_insert(json!(1));
                    }
                    "language" | "municipalityCode" | "provinceCode" => {
                        let target = match prop.as_str() {
                            "language" => json!({"$ref": "#/components/schemas/Language"}),
                            "provinceCode" => province.clone(),
                            _ => municipality.clone(),
                        };
                        let nullable = obj
                            .get("type")
                            .and_then(Value::as_array)
                            .is_some_and(|t| t.iter().any(|t| t == "null"));
                        for key in ["type", "pattern", "example", "maxLength", "minLength"] {
                            obj.remove(key);
                        }
                        if nullable {
                            obj.insert("oneOf".into(), json!([{"type": "null"}, target]));
                        } else {
                            obj.insert("allOf".into(), json!([target]));
                        }
                    }
                    _ => {}
                }
                plain_text(obj);
                // Null, like leaving it out: your own profile, the cookie's
                // token, the default role; an empty list.
                let null_is_absent =
                    matches!(
                        prop.as_str(),
                        "stakeholderId" | "refreshToken" | "topics" | "talents" | "languages"
                    ) || (matches!(prop.as_str(), "role" | "commitment" | "message")
                        && name == "MemberInput");
                if null_is_absent {
                    if let Some(t) = obj.get("type").and_then(Value::as_str).map(str::to_string) {
                        obj.insert("type".into(), json!([t, "null"]));
                    } else if let Some(reference) = obj.remove("$ref") {
                        obj.insert(
                            "oneOf".into(),
                            json!([{"type": "null"}, {"$ref": reference}]),
                        );
                    }
                }
            }
        }
        for (name, fields) in post_only_required {
            if let Some(obj) = schemas.get_mut(*name).and_then(Value::as_object_mut) {
                obj.insert("required".into(), json!(fields));
            }
        }
        // Contact details and access needs are kept only with consent. In a
        // new profile the body decides the consent; in a change a consent
        // sent along must allow them (otherwise the stored consent decides:
        // 409 when it does not).
        // A new local network names its municipality, or a region.
        if let Some(obj) = schemas
            .get_mut("NetworkCreate")
            .and_then(Value::as_object_mut)
        {
            obj.insert(
                "allOf".into(),
                json!([{
                    "if": {"required": ["scope"], "properties": {"scope": {"const": "local"}}},
                    "then": {"anyOf": [
                        {"required": ["municipalityCode"], "properties": {"municipalityCode": {"type": "string"}}},
                        {"required": ["region"], "properties": {"region": {"type": "string", "pattern": "\\S"}}}
                    ]}
                }, {
                    // A national network reaches every province.
                    "if": {"required": ["scope"], "properties": {"scope": {"const": "national"}}},
                    "then": {"properties": {"provinceCode": {"type": "null"}}}
                }]),
            );
        }
        // Needs for a meeting are kept only with consent.
        if let Some(obj) = schemas
            .get_mut("RegistrationInput")
            .and_then(Value::as_object_mut)
        {
            let consent = json!({"required": ["needsConsent"],
                                 "properties": {"needsConsent": {"const": true}}});
            obj.insert(
                "allOf".into(),
                json!([{
                    "if": {"required": ["accessNeeds"], "properties": {"accessNeeds": {"minItems": 1}}},
                    "then": consent
                }, {
                    "if": {"required": ["accessNote"], "properties": {"accessNote": {"pattern": "\\S"}}},
                    "then": consent
                }]),
            );
        }
        // A commitment goes with accepting an invitation, not declining it.
        if let Some(obj) = schemas
            .get_mut("InvitationInput")
            .and_then(Value::as_object_mut)
        {
            obj.insert(
                "allOf".into(),
                json!([{
                    "if": {"properties": {"status": {"const": "declined"}}},
                    "then": {"not": {"required": ["commitment"]}}
                }]),
            );
        }
        for (name, creating) in [("StakeholderCreate", true), ("StakeholderInput", false)] {
            let Some(obj) = schemas.get_mut(name).and_then(Value::as_object_mut) else {
                continue;
            };
            let rule = |field: &str, consent: &str| {
                let mut condition =
                    json!({"required": [field], "properties": {field: {"type": "string"}}});
                if !creating {
                    condition["required"] = json!([field, consent]);
                }
                json!({"if": condition,
                       "then": {"required": [consent], "properties": {consent: {"const": true}}}})
            };
            obj.insert(
                "allOf".into(),
                json!([
                    rule("email", "shareContact"),
                    rule("phone", "shareContact"),
                    rule("accessNeeds", "accessNeedsConsent")
                ]),
            );
        }
    }
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut().filter_map(Value::as_object_mut) {
            for op in item.values_mut() {
                let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
                    continue;
                };
                for p in params.iter_mut() {
                    if p["in"] != "query" {
                        continue;
                    }
                    match p["name"].as_str() {
                        Some("municipality") => p["schema"] = municipality.clone(),
                        Some("province") => p["schema"] = province.clone(),
                        Some("accessFeatures") => {
                            // One or more of the list, separated by commas.
                            let one = crate::domain::AccessFeature::NAMES
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join("|");
                            p["schema"] = json!({"type": "string",
                                                 "pattern": format!("^({one})(,({one}))*$"),
                                                 "example": "step_free,sign_language"});
                        }
                        Some("cursor") => {
                            // Opaque; `format: cursor` lets the fuzzer make real ones.
                            p["schema"] = json!({"type": "string", "format": "cursor",
                                                 "pattern": "^[A-Za-z0-9_-]{1,200}$",
                                                 "example": "cjAuMA"});
                        }
                        _ => {
                            if let Some(schema) = p.get_mut("schema").and_then(Value::as_object_mut)
                            {
                                plain_text(schema);
                            }
                        }
                    }
                }
            }
        }
    }
}
