//! The logs never hold passwords, tokens, contact details or access needs:
//! this test captures every log line while the account and privacy flows
//! run on both backends, and searches them.

mod common;

use std::sync::{Mutex, OnceLock};

use serde_json::json;
use themanet::db::Backend;

struct Capture(Mutex<Vec<String>>);

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }

    fn log(&self, record: &log::Record) {
        let line = format!("{} {} {}", record.level(), record.target(), record.args());
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(line);
    }

    fn flush(&self) {}
}

fn capture() -> &'static Capture {
    static CAPTURE: OnceLock<&'static Capture> = OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture: &'static Capture = Box::leak(Box::new(Capture(Mutex::new(Vec::new()))));
        log::set_logger(capture).expect("no other logger");
        log::set_max_level(log::LevelFilter::Trace);
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
    let r = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refreshToken": refresh}),
        )
        .await
        .expect(200);
    let second_refresh = r.body["refreshToken"].as_str().unwrap().to_string();
    app.post(
        "/api/v1/auth/refresh",
        None,
        json!({"refreshToken": refresh}),
    )
    .await
    .expect(401);
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
    let lines = capture.0.lock().unwrap_or_else(|e| e.into_inner()).clone();
    assert!(
        lines.iter().any(|l| l.contains("/api/v1/auth/login 401")),
        "the request log was captured: {lines:?}"
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
