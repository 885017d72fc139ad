//! API clients: a municipality's system signs in as itself with OAuth 2.0
//! client credentials, acts with its organisation's place in networks as
//! far as its scopes reach, is never anyone's co-member, and stops at once
//! when revoked. Secrets rotate with an overlap.

use actix_web::http::{header, Method};
use actix_web::test::TestRequest;
use base64::Engine;
use serde_json::{json, Value};

use crate::both;
use crate::common::{Resp, TestApp, User};

/// A municipality's profile managed by `by`, a core-group member of a new
/// network; returns (network, organisation).
async fn municipality_in_network(app: &TestApp, by: &User) -> (i64, i64) {
    let network = app.network(by, "Toegankelijk Utrecht").await;
    let org = app
        .post(
            "/api/v1/stakeholders",
            Some(&by.token),
            json!({"kind": "municipality", "name": "Gemeente Utrecht", "listed": true}),
        )
        .await
        .expect(201)
        .id();
    app.post(
        &format!("/api/v1/networks/{network}/members"),
        Some(&by.token),
        json!({"stakeholderId": org, "role": "core_group"}),
    )
    .await
    .expect(201);
    (network, org)
}

async fn make_client(app: &TestApp, by: &User, org: i64, scopes: Value) -> Value {
    app.post(
        "/api/v1/api-clients",
        Some(&by.token),
        json!({"stakeholderId": org, "name": "Zaaksysteem", "scopes": scopes}),
    )
    .await
    .expect(201)
    .body
}

/// `POST /oauth/token` with HTTP Basic and a form.
async fn token_basic(app: &TestApp, id: &str, secret: &str, form: &str) -> Resp {
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
    app.send(
        TestRequest::default()
            .method(Method::POST)
            .uri("/api/v1/oauth/token")
            .insert_header((header::AUTHORIZATION, format!("Basic {basic}")))
            .insert_header((header::CONTENT_TYPE, "application/x-www-form-urlencoded"))
            .set_payload(form.to_string()),
    )
    .await
}

/// `POST /oauth/token` with the credentials in the form.
async fn token_posted(app: &TestApp, form: &str) -> Resp {
    app.send(
        TestRequest::default()
            .method(Method::POST)
            .uri("/api/v1/oauth/token")
            .insert_header((header::CONTENT_TYPE, "application/x-www-form-urlencoded"))
            .set_payload(form.to_string()),
    )
    .await
}

async fn client_token(app: &TestApp, client: &Value) -> String {
    let r = token_basic(
        app,
        client["clientId"].as_str().unwrap(),
        client["clientSecret"].as_str().unwrap(),
        "grant_type=client_credentials",
    )
    .await
    .expect(200);
    r.body["access_token"].as_str().unwrap().to_string()
}

both!(
    a_system_signs_in_as_itself_and_acts_within_its_scopes,
    |app: TestApp| async move {
        let anna = app.user("Anna Coordinator").await;
        let (network, org) = municipality_in_network(&app, &anna).await;
        let client = make_client(&app, &anna, org, json!(["read", "goals:write"])).await;
        assert_eq!(client["stakeholderId"], org);
        assert_eq!(client["scopes"], json!(["read", "goals:write"]));
        assert!(client["clientId"].as_str().unwrap().starts_with("tmc_"));
        let secret = client["clientSecret"].as_str().unwrap().to_string();
        assert!(secret.starts_with("tms_"));

        // The secret is shown once: never in a later read or list.
        let id = client["id"].as_i64().unwrap();
        let read = app
            .get(&format!("/api/v1/api-clients/{id}"), Some(&anna.token))
            .await
            .expect(200);
        assert!(read.body.get("clientSecret").is_none());
        let listed = app
            .get("/api/v1/api-clients", Some(&anna.token))
            .await
            .expect(200);
        assert_eq!(listed.items().len(), 1);
        assert!(!listed.body.to_string().contains(&secret));

        let r = token_basic(
            &app,
            client["clientId"].as_str().unwrap(),
            &secret,
            "grant_type=client_credentials",
        )
        .await
        .expect(200);
        assert_eq!(r.body["token_type"], "Bearer");
        assert_eq!(r.body["scope"], "read goals:write");
        assert!(r.body["expires_in"].as_i64().unwrap() > 0);
        assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
        let token = r.body["access_token"].as_str().unwrap().to_string();

        // Reading, and a goal in a network where its organisation is in
        // the core group: its scopes allow both.
        app.get(&format!("/api/v1/networks/{network}"), Some(&token))
            .await
            .expect(200);
        let goal = app
            .post(
                &format!("/api/v1/networks/{network}/goals"),
                Some(&token),
                json!({"title": "Alle loketten toegankelijk"}),
            )
            .await
            .expect(201)
            .id();
        // The audit log names the client.
        let log = app
            .get(
                &format!("/api/v1/audit-events?network={network}&action=goal.created"),
                Some(&anna.token),
            )
            .await
            .expect(200);
        let event = &log.items()[0];
        assert_eq!(event["objectId"], goal);
        assert_eq!(event["clientId"], id);
        assert_eq!(event["actorId"], Value::Null);

        // Beyond its scopes, and what only people do: 403.
        let r = app
            .post(
                "/api/v1/networks",
                Some(&token),
                json!({"name": "Nieuw netwerk", "scope": "local", "municipalityCode": "GM0344"}),
            )
            .await
            .expect(403);
        assert!(r.body["detail"]
            .as_str()
            .unwrap()
            .contains("networks:write"));
        app.post(
            &format!("/api/v1/networks/{network}/members"),
            Some(&token),
            json!({"stakeholderId": org, "role": "member"}),
        )
        .await
        .expect(403);
        app.get("/api/v1/me", Some(&token)).await.expect(403);
        app.post(
            "/api/v1/api-clients",
            Some(&token),
            json!({"stakeholderId": org, "name": "Nog een"}),
        )
        .await
        .expect(403);

        // A token asked with fewer scopes carries only those.
        let narrow = token_posted(
            &app,
            &format!(
                "grant_type=client_credentials&scope=read&client_id={}&client_secret={secret}",
                client["clientId"].as_str().unwrap()
            ),
        )
        .await
        .expect(200);
        assert_eq!(narrow.body["scope"], "read");
        let narrow = narrow.body["access_token"].as_str().unwrap().to_string();
        app.post(
            &format!("/api/v1/networks/{network}/goals"),
            Some(&narrow),
            json!({"title": "Nog een stap"}),
        )
        .await
        .expect(403);

        // A scope taken away counts from the next request.
        let read = app
            .get(&format!("/api/v1/api-clients/{id}"), Some(&anna.token))
            .await
            .expect(200);
        app.send(
            TestRequest::patch()
                .uri(&format!("/api/v1/api-clients/{id}"))
                .insert_header((header::AUTHORIZATION, format!("Bearer {}", anna.token)))
                .insert_header((header::IF_MATCH, read.etag()))
                .insert_header((header::CONTENT_TYPE, "application/merge-patch+json"))
                .set_payload(json!({"scopes": ["read"]}).to_string()),
        )
        .await
        .expect(200);
        app.post(
            &format!("/api/v1/networks/{network}/goals"),
            Some(&token),
            json!({"title": "Weer een stap"}),
        )
        .await
        .expect(403);
        let used = app
            .get(&format!("/api/v1/api-clients/{id}"), Some(&anna.token))
            .await
            .expect(200);
        assert!(used.body["lastUsedAt"].is_string());
    }
);

both!(
    token_requests_fail_as_oauth_says,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let (_, org) = municipality_in_network(&app, &anna).await;
        let client = make_client(&app, &anna, org, json!(["read"])).await;
        let id = client["clientId"].as_str().unwrap();
        let secret = client["clientSecret"].as_str().unwrap();

        let r = token_basic(&app, id, "tms_wrong", "grant_type=client_credentials")
            .await
            .expect(401);
        assert_eq!(r.body["error"], "invalid_client");
        assert!(r.header("content-type").unwrap().contains("problem+json"));
        let r = token_basic(&app, "tmc_unknown", secret, "grant_type=client_credentials")
            .await
            .expect(401);
        assert_eq!(r.body["error"], "invalid_client");
        let r = token_basic(&app, id, secret, "grant_type=password")
            .await
            .expect(400);
        assert_eq!(r.body["error"], "unsupported_grant_type");
        let r = token_basic(&app, id, secret, "scope=read")
            .await
            .expect(400);
        assert_eq!(r.body["error"], "invalid_request");
        let r = token_basic(
            &app,
            id,
            secret,
            "grant_type=client_credentials&scope=goals:write",
        )
        .await
        .expect(400);
        assert_eq!(r.body["error"], "invalid_scope");
        // As JSON, not as a form.
        let r = app
            .post(
                "/api/v1/oauth/token",
                None,
                json!({"grant_type": "client_credentials"}),
            )
            .await
            .expect(400);
        assert_eq!(r.body["error"], "invalid_request");
        // A client's token is no person's, and a person's is no client's.
        let token = client_token(&app, &client).await;
        app.get("/api/v1/me", Some(&token)).await.expect(403);
        app.get("/api/v1/api-clients", Some(&token))
            .await
            .expect(403);

        // Bad input to make one: every field named.
        let r = app
            .post(
                "/api/v1/api-clients",
                Some(&anna.token),
                json!({"stakeholderId": org, "name": "x", "scopes": ["read", "everything"]}),
            )
            .await
            .expect(400);
        let mut names = r.invalid_names();
        names.sort();
        assert_eq!(names, vec!["name", "scopes[1]"]);
    }
);

both!(
    a_rotated_secret_overlaps_and_revoking_ends_everything,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let (network, org) = municipality_in_network(&app, &anna).await;
        let first = make_client(&app, &anna, org, json!(["read"])).await;
        let id = first["id"].as_i64().unwrap();
        let client_id = first["clientId"].as_str().unwrap().to_string();
        let old = first["clientSecret"].as_str().unwrap().to_string();
        let path = format!("/api/v1/api-clients/{id}/secret");

        let second = app
            .post(&path, Some(&anna.token), json!({}))
            .await
            .expect(200);
        let new = second.body["clientSecret"].as_str().unwrap().to_string();
        assert_ne!(new, old);
        assert!(second.body["previousSecretExpiresAt"].is_string());
        for secret in [&old, &new] {
            token_basic(&app, &client_id, secret, "grant_type=client_credentials")
                .await
                .expect(200);
        }
        // Rotated again with no overlap: only the newest works.
        let third = app
            .post(
                &path,
                Some(&anna.token),
                json!({"previousSecretValidHours": 0}),
            )
            .await
            .expect(200);
        assert_eq!(third.body["previousSecretExpiresAt"], Value::Null);
        let newest = third.body["clientSecret"].as_str().unwrap().to_string();
        for secret in [&old, &new] {
            token_basic(&app, &client_id, secret, "grant_type=client_credentials")
                .await
                .expect(401);
        }
        let r = app
            .post(
                &path,
                Some(&anna.token),
                json!({"previousSecretValidHours": 500}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["previousSecretValidHours"]);

        let client = json!({"clientId": client_id, "clientSecret": newest});
        let token = client_token(&app, &client).await;
        app.get(&format!("/api/v1/networks/{network}"), Some(&token))
            .await
            .expect(200);
        app.delete(&format!("/api/v1/api-clients/{id}"), Some(&anna.token))
            .await
            .expect(204);
        app.get(&format!("/api/v1/networks/{network}"), Some(&token))
            .await
            .expect(401);
        token_basic(&app, &client_id, &newest, "grant_type=client_credentials")
            .await
            .expect(401);
        let log = app
            .get(
                "/api/v1/audit-events?action=api_client.revoked",
                Some(&app.admin().await.token),
            )
            .await
            .expect(200);
        assert_eq!(log.items()[0]["objectId"], id);
    }
);

both!(
    only_whoever_manages_the_organisation_makes_its_clients,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let (_, org) = municipality_in_network(&app, &anna).await;
        let client = make_client(&app, &anna, org, json!([])).await;
        assert_eq!(client["scopes"], json!(["read"]));
        let id = client["id"].as_i64().unwrap();

        let bert = app.user("Bert").await;
        let r = app
            .post(
                "/api/v1/api-clients",
                Some(&bert.token),
                json!({"stakeholderId": org, "name": "Niet van mij"}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["stakeholderId"]);
        // A person's own profile has no clients.
        app.post(
            "/api/v1/api-clients",
            Some(&bert.token),
            json!({"stakeholderId": bert.stakeholder_id, "name": "Mijn script"}),
        )
        .await
        .expect(409);
        app.get(&format!("/api/v1/api-clients/{id}"), Some(&bert.token))
            .await
            .expect(404);
        app.delete(&format!("/api/v1/api-clients/{id}"), Some(&bert.token))
            .await
            .expect(404);
        let none = app
            .get("/api/v1/api-clients", Some(&bert.token))
            .await
            .expect(200);
        assert!(none.items().is_empty());
        app.get("/api/v1/api-clients", None).await.expect(401);

        let admin = app.admin().await;
        let all = app
            .get(
                &format!("/api/v1/api-clients?stakeholderId={org}"),
                Some(&admin.token),
            )
            .await
            .expect(200);
        assert_eq!(all.items().len(), 1);
    }
);

both!(
    a_system_sees_people_as_a_visitor_does,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let (network, org) = municipality_in_network(&app, &anna).await;
        // Bert shares his contact details and expertise with co-members.
        let bert = app.user("Bert Ervaringsdeskundige").await;
        app.patch(
            &format!("/api/v1/stakeholders/{}", bert.stakeholder_id),
            Some(&bert.token),
            json!({"shareContact": true, "expertise": "Doventolk NGT", "visibility": {"expertise": "networks"}}),
        )
        .await
        .expect(200);
        app.add_member(network, &anna, &bert, "member").await;
        let client = make_client(&app, &anna, org, json!(["read"])).await;
        let token = client_token(&app, &client).await;

        let path = format!("/api/v1/stakeholders/{}", bert.stakeholder_id);
        let seen_by_anna = app.get(&path, Some(&anna.token)).await.expect(200);
        assert_eq!(seen_by_anna.body["expertise"], "Doventolk NGT");
        let seen = app
            .get(&path, Some(&token))
            .await
            .expect(200)
            .body
            .to_string();
        assert!(!seen.contains("Doventolk"), "{seen}");
        assert!(!seen.contains(&bert.email), "{seen}");
    }
);
