//! The committed OpenAPI documents must equal what the code generates.
//! Rewrite them with: `UPDATE_OPENAPI=1 cargo test --test openapi`.

use std::path::Path;

fn check(file: &str, doc: &serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("openapi")
        .join(file);
    let generated = serde_json::to_string_pretty(doc).expect("serialise") + "\n";
    if std::env::var("UPDATE_OPENAPI").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("write spec");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi/{file} differs from the code; run `UPDATE_OPENAPI=1 cargo test --test openapi` and commit the result"
    );
}

#[test]
fn committed_spec_matches_the_code() {
    check("openapi.json", themanet::web::router::openapi());
}

#[test]
fn committed_3_0_spec_matches_the_code() {
    check("openapi-3.0.json", themanet::web::router::openapi_3_0());
}

#[test]
fn every_operation_documents_its_errors() {
    let doc = themanet::web::router::openapi();
    let paths = doc["paths"].as_object().expect("paths");
    assert!(paths.len() >= 15, "all endpoints are documented");
    for (path, item) in paths {
        for (method, op) in item.as_object().expect("path item") {
            let responses = op["responses"].as_object().expect("responses");
            if path.starts_with("/openapi") {
                continue;
            }
            for status in ["500", "503"] {
                assert!(
                    responses.contains_key(status),
                    "{method} {path} lacks {status}"
                );
            }
            if op.get("requestBody").is_some() {
                assert!(responses.contains_key("400"), "{method} {path} lacks 400");
            }
            for (status, response) in responses {
                assert!(
                    response["description"]
                        .as_str()
                        .is_some_and(|d| !d.is_empty()),
                    "{method} {path} {status} lacks a description"
                );
            }
        }
    }
}

#[test]
fn enums_are_documented_as_sent() {
    let doc = themanet::web::router::openapi();
    let enums = |name: &str| doc["components"]["schemas"][name]["enum"].clone();
    assert_eq!(
        enums("GoalStatus"),
        serde_json::json!(["proposed", "agreed", "in_progress", "achieved", "dropped"])
    );
    assert_eq!(enums("StakeholderKind")[0], "experience_expert");
    assert_eq!(enums("Role")[1], "core_group");
}

/// The spec's required fields follow one rule (`web::openapi::for_generators`):
/// in responses, a field that can be null is always sent, and a field the
/// server leaves out when it does not apply is documented as not null. So
/// every `Option` that serde skips must say `nullable = false`, or the spec
/// would promise a field that is not there.
#[test]
fn skipped_fields_are_documented_as_optional() {
    fn walk(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read api/") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read source");
                let lines: Vec<&str> = text.lines().collect();
                for (i, line) in lines.iter().enumerate() {
                    if !line.contains("skip_serializing_if = \"Option::is_none\"") {
                        continue;
                    }
                    // The field's attributes: up to the field itself.
                    let start = (0..i)
                        .rev()
                        .find(|&j| !lines[j].trim_start().starts_with("#["))
                        .map_or(0, |j| j + 1);
                    let end = (i..lines.len())
                        .find(|&j| !lines[j].trim_start().starts_with("#["))
                        .unwrap_or(lines.len());
                    let block = lines[start..end].join("\n");
                    let undocumented =
                        text.contains("ToSchema") && !block.contains("nullable = false");
                    if undocumented {
                        found.push(format!("{}:{}", path.display(), i + 1));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("api"),
        &mut found,
    );
    assert!(
        found.is_empty(),
        "add #[schema(nullable = false)] beside these skipped fields: {found:?}"
    );
}
