//! The logs never hold passwords, tokens, contact details or access needs:
//! this test captures every log line while the account and privacy flows
//! run on both backends, and searches them.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{json, Value};
use themanet::db::Backend;
use themanet::web::logging::{layer, Format};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Everything written to the log, in both formats, as the program writes it.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}

impl Capture {
    fn lines(&self) -> Vec<String> {
        let bytes = self.0.lock().unwrap_or_else(|e| e.into_inner()).clone();
        String::from_utf8_lossy(&bytes)
            .lines()
            .map(str::to_string)
            .collect()
    }
}

/// Every event at every level, as plain lines and as JSON (the two layers
/// the program uses), with `log` records bridged like in the program.
fn capture() -> &'static Capture {
    static CAPTURE: OnceLock<Capture> = OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture = Capture::default();
        tracing_subscriber::registry()
            .with(tracing_subscriber::EnvFilter::new("trace"))
            .with(layer(Format::Text, capture.clone(), false))
            .with(layer(Format::Json, capture.clone(), false))
            .try_init()
            .expect("no other subscriber");
        capture
    })
}

/// Runs the flows that handle secrets and personal data; returns them.
async fn flows(backend: Backend) -> Vec<String> {
    let app = common::TestApp::start(backend).await;
    let email = "geheim.persoon@example.org";
    let password = "mijn zeer geheime zin";
    let new_password = "een nog geheimere zin";
    let phone = "+31 6 9876 5432";
    let needs = "Rolstoeltoegankelijke ruimte graag";
    let r = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": email, "password": password, "displayName": "Geheim Persoon"}),
        )
        .await
        .expect(201);
    let access = r.body["accessToken"].as_str().unwrap().to_string();
    let refresh = r.body["refreshToken"].as_str().unwrap().to_string();
    let me = r.body["user"]["stakeholderId"].as_i64().unwrap();
    app.post(
        "/api/v1/auth/login",
        None,
        json!({"email": email, "password": "fout wachtwoord"}),
    )
    .await
    .expect(401);
    app.post(
        "/api/v1/auth/login",
        None,
        json!({"email": "onbekend@example.org", "password": password}),
    )
    .await
    .expect(401);
    app.post(
        "/api/v1/auth/login",
        None,
        json!({"email": email, "password": password}),
    )
    .await
    .expect(200);
    let r = app.refresh(&refresh).await.expect(200);
    let second_refresh = r.body["refreshToken"].as_str().unwrap().to_string();
    app.refresh(&refresh).await.expect(401);
    app.patch(
        &format!("/api/v1/stakeholders/{me}"),
        Some(&access),
        json!({"email": email, "phone": phone, "shareContact": true, "accessNeeds": needs, "accessNeedsConsent": true}),
    )
    .await
    .expect(200);
    app.patch(
        &format!("/api/v1/stakeholders/{me}"),
        Some(&access),
        json!({"phone": "geen nummer"}),
    )
    .await
    .expect(400);
    app.get("/api/v1/me/export", Some(&access))
        .await
        .expect(200);
    app.get("/api/v1/me", Some("niet.een.token"))
        .await
        .expect(401);
    let r = app
        .post(
            "/api/v1/me/password",
            Some(&access),
            json!({"currentPassword": password, "newPassword": new_password}),
        )
        .await
        .expect(200);
    let fresh = r.body["accessToken"].as_str().unwrap().to_string();
    app.delete("/api/v1/me", Some(&fresh)).await.expect(204);
    vec![
        email.into(),
        password.into(),
        new_password.into(),
        phone.into(),
        needs.into(),
        access,
        refresh,
        second_refresh,
        fresh,
    ]
}

#[actix_web::test]
async fn logs_hold_no_secrets_or_personal_data() {
    let capture = capture();
    let mut secrets = flows(Backend::Sqlite).await;
    secrets.extend(flows(Backend::Postgres).await);
    log::warn!(target: "bridge", "a record of the log crate");
    let lines = capture.lines();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("a record of the log crate")),
        "records of the log crate (actix, r2d2) are logged too: {lines:?}"
    );
    // One request line per request, in the request's span, in both formats.
    let text = lines
        .iter()
        .filter(|l| l.contains("route=/api/v1/auth/login}") && l.contains("status=401"))
        .count();
    assert_eq!(
        text, 4,
        "plain request lines of the failed sign-ins: {lines:?}"
    );
    let json: Vec<Value> = lines
        .iter()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .collect();
    let failed_logins: Vec<&Value> = json
        .iter()
        .filter(|v| v["span"]["route"] == "/api/v1/auth/login" && v["status"] == 401)
        .collect();
    assert_eq!(failed_logins.len(), 4, "JSON request lines: {json:?}");
    for line in failed_logins {
        assert_eq!(line["target"], "themanet::access");
        assert_eq!(line["span"]["method"], "POST");
        assert!(line["duration_ms"].is_number(), "{line}");
        assert!(line["span"]["request_id"]
            .as_str()
            .is_some_and(|id| id.len() == 16));
    }
    // An event inside a handler carries its request's id.
    assert!(
        lines.iter().any(|l| l.contains("request{request_id=")
            && l.contains("route=/api/v1/auth/refresh}")
            && l.contains("a used refresh token came back")),
        "the handler's warning is in the request's span: {lines:?}"
    );
    for secret in &secrets {
        for line in &lines {
            assert!(
                !line.contains(secret.as_str()),
                "a log line holds {secret:?}: {line}"
            );
        }
    }
    // Also no part of an e-mail address or token.
    for line in &lines {
        assert!(
            !line.contains("@example.org"),
            "a log line holds an e-mail address: {line}"
        );
        assert!(!line.contains("eyJ"), "a log line holds a JWT: {line}");
    }
}
