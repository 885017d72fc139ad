use actix_web::http::header;
use actix_web::test::TestRequest;
use serde_json::json;
use themanet::accounts::auth::{Claims, AUDIENCE, ISSUER};

use crate::both;
use crate::common;

both!(register_login_and_me, |app: common::TestApp| async move {
    let r = app
        .post("/api/v1/auth/register", None, json!({"email": "Fatima@Example.org", "password": "een lange zin", "displayName": "Fatima"}))
        .await
        .expect(201);
    assert!(r.header("location").unwrap().ends_with("/api/v1/me"));
    assert_eq!(r.body["user"]["email"], "fatima@example.org");
    assert_eq!(r.body["user"]["isAdmin"], false);
    let token = r.body["accessToken"].as_str().unwrap().to_string();

    let r = app.get("/api/v1/me", Some(&token)).await.expect(200);
    assert_eq!(r.body["displayName"], "Fatima");
    let stakeholder = r.body["stakeholderId"].as_i64().unwrap();
    let r = app
        .get(&format!("/api/v1/stakeholders/{stakeholder}"), Some(&token))
        .await
        .expect(200);
    assert_eq!(r.body["kind"], "experience_expert");
    assert_eq!(
        r.body["listed"], false,
        "not listed until the person says so"
    );

    app.login("fatima@example.org", "een lange zin")
        .await
        .expect(200);
    let wrong = app
        .login("fatima@example.org", "verkeerd!!")
        .await
        .expect(401);
    let unknown = app
        .login("niemand@example.org", "verkeerd!!")
        .await
        .expect(401);
    assert_eq!(
        wrong.body, unknown.body,
        "unknown e-mail and wrong password look the same"
    );

    app.post(
        "/api/v1/auth/register",
        None,
        json!({"email": "fatima@example.org", "password": "een lange zin", "displayName": "F"}),
    )
    .await
    .expect(409);
    let r = app
        .patch(
            "/api/v1/me",
            Some(&token),
            json!({"displayName": "Fatima B."}),
        )
        .await
        .expect(200);
    assert_eq!(r.body["displayName"], "Fatima B.");
});

both!(
    registration_validates_every_field,
    |app: common::TestApp| async move {
        let r = app
            .post(
                "/api/v1/auth/register",
                None,
                json!({"email": "geen-adres", "password": "kort", "isAdmin": true}),
            )
            .await
            .expect(400);
        assert_eq!(
            r.invalid_names(),
            vec!["displayName", "email", "isAdmin", "password"]
        );
    }
);

both!(
    nobody_becomes_admin_through_the_api,
    |app: common::TestApp| async move {
        let user = app.user("Piet").await;
        let r = app
            .patch("/api/v1/me", Some(&user.token), json!({"isAdmin": true}))
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["isAdmin"]);
        let r = app.get("/api/v1/me", Some(&user.token)).await.expect(200);
        assert_eq!(r.body["isAdmin"], false);
        let admin = app.admin().await;
        let r = app.get("/api/v1/me", Some(&admin.token)).await.expect(200);
        assert_eq!(r.body["isAdmin"], true);
    }
);

both!(
    tokens_are_verified_strictly,
    |app: common::TestApp| async move {
        let user = app.user("Piet").await;
        let now = chrono::Utc::now().timestamp();
        let claims = |exp: i64, nbf: i64, iss: &str, aud: &str, typ: &str| Claims {
            sub: user.id.to_string(),
            exp,
            nbf,
            iat: now,
            iss: iss.into(),
            aud: aud.into(),
            typ: typ.into(),
            sev: 0,
            scp: None,
        };
        let keys = &app.state.keys;
        let good = keys
            .sign(&claims(now + 60, now, ISSUER, AUDIENCE, "access"))
            .unwrap();
        app.get("/api/v1/me", Some(&good)).await.expect(200);
        let bad = [
            keys.sign(&claims(now - 60, now - 120, ISSUER, AUDIENCE, "access"))
                .unwrap(),
            keys.sign(&claims(now + 600, now + 300, ISSUER, AUDIENCE, "access"))
                .unwrap(),
            keys.sign(&claims(now + 60, now, "someone-else", AUDIENCE, "access"))
                .unwrap(),
            keys.sign(&claims(now + 60, now, ISSUER, "other-api", "access"))
                .unwrap(),
            keys.sign(&claims(now + 60, now, ISSUER, AUDIENCE, "refresh"))
                .unwrap(),
            format!("{}x", &good[..good.len() - 1]),
            {
                // alg: none, no signature
                use base64::Engine;
                let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
                let header = b64.encode(r#"{"alg":"none","typ":"JWT"}"#);
                let payload = good.split('.').nth(1).unwrap().to_string();
                format!("{header}.{payload}.")
            },
            "not-a-token".to_string(),
        ];
        for token in bad {
            let r = app.get("/api/v1/me", Some(&token)).await.expect(401);
            assert_eq!(r.header("www-authenticate").as_deref(), Some("Bearer"));
            // A bad token is never treated as anonymous, not even on public reads.
            app.get("/api/v1/networks", Some(&token)).await.expect(401);
        }
        let r = app
            .get_with_authorization("/api/v1/me", "Basic abc")
            .await
            .expect(401);
        assert_eq!(r.body["status"], 401);
        app.get("/api/v1/me", None).await.expect(401);
    }
);

both!(
    deleting_the_account_removes_the_profile,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let bert = app.user("Bert").await;
        let network = app.network(&anna, "Inclusief onderwijs Utrecht").await;
        app.join(network, &bert).await;
        // The last coordinator has to hand over first.
        app.delete("/api/v1/me", Some(&anna.token))
            .await
            .expect(409);
        app.delete("/api/v1/me", Some(&bert.token))
            .await
            .expect(204);
        app.get("/api/v1/me", Some(&bert.token)).await.expect(401);
        app.get(
            &format!("/api/v1/stakeholders/{}", bert.stakeholder_id),
            Some(&anna.token),
        )
        .await
        .expect(404);
        let members = app
            .get(
                &format!("/api/v1/networks/{network}/members"),
                Some(&anna.token),
            )
            .await
            .expect(200);
        assert_eq!(members.items().len(), 1);
    }
);

both!(
    refresh_tokens_rotate_and_replay_ends_the_session,
    |app: common::TestApp| async move {
        let r = app
        .post("/api/v1/auth/register", None, json!({"email": "rik@example.org", "password": "een lange zin", "displayName": "Rik"}))
        .await
        .expect(201);
        let cookie = r.header("set-cookie").expect("a session cookie");
        for part in [
            "themanet_refresh=",
            "HttpOnly",
            "SameSite=Strict",
            "Path=/api/v1/auth",
        ] {
            assert!(cookie.contains(part), "cookie {cookie} lacks {part}");
        }
        assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
        let first = r.body["refreshToken"].as_str().unwrap().to_string();
        let access = r.body["accessToken"].as_str().unwrap().to_string();

        // A refresh token is no access token, and the other way round.
        app.get("/api/v1/me", Some(&first)).await.expect(401);
        app.refresh(&access).await.expect(401);

        let r = app.refresh(&first).await.expect(200);
        let second = r.body["refreshToken"].as_str().unwrap().to_string();
        assert_ne!(second, first);
        app.get("/api/v1/me", Some(r.body["accessToken"].as_str().unwrap()))
            .await
            .expect(200);

        // The cookie works as well as the body.
        let r = app
            .send(
                TestRequest::post()
                    .uri("/api/v1/auth/refresh")
                    .insert_header((header::COOKIE, format!("themanet_refresh={second}")))
                    .insert_header((header::CONTENT_TYPE, "application/json"))
                    .set_payload("{}"),
            )
            .await
            .expect(200);
        let third = r.body["refreshToken"].as_str().unwrap().to_string();

        // Replaying a used token ends the whole family, the newest token too.
        app.refresh(&first).await.expect(401);
        app.refresh(&third).await.expect(401);
        app.post("/api/v1/auth/refresh", None, json!({}))
            .await
            .expect(401);
    }
);

both!(
    logout_and_password_change_end_sessions,
    |app: common::TestApp| async move {
        let r = app
        .post("/api/v1/auth/register", None, json!({"email": "sara@example.org", "password": "een lange zin", "displayName": "Sara"}))
        .await
        .expect(201);
        let refresh = r.body["refreshToken"].as_str().unwrap().to_string();
        let r = app
            .send(
                TestRequest::post()
                    .uri("/api/v1/auth/logout")
                    .insert_header((header::CONTENT_TYPE, "application/json"))
                    .set_payload(json!({"refreshToken": refresh}).to_string()),
            )
            .await
            .expect(204);
        assert!(r.header("set-cookie").unwrap().contains("Max-Age=0"));
        app.refresh(&refresh).await.expect(401);

        // Two sessions; changing the password ends both and every older access token.
        let login = json!({"email": "sara@example.org", "password": "een lange zin"});
        let a = app
            .post("/api/v1/auth/login", None, login.clone())
            .await
            .expect(200);
        let b = app
            .post("/api/v1/auth/login", None, login)
            .await
            .expect(200);
        let (a_access, b_refresh) = (
            a.body["accessToken"].as_str().unwrap().to_string(),
            b.body["refreshToken"].as_str().unwrap().to_string(),
        );
        let r = app
        .post("/api/v1/me/password", Some(&a_access), json!({"currentPassword": "fout wachtwoord", "newPassword": "een nieuwe lange zin"}))
        .await
        .expect(403);
        assert_eq!(r.body["status"], 403);
        let r = app
            .post(
                "/api/v1/me/password",
                Some(&a_access),
                json!({"currentPassword": "een lange zin", "newPassword": "een nieuwe lange zin"}),
            )
            .await
            .expect(200);
        let fresh = r.body["accessToken"].as_str().unwrap().to_string();
        app.get("/api/v1/me", Some(&a_access)).await.expect(401);
        app.get("/api/v1/networks", Some(&a_access))
            .await
            .expect(401);
        app.refresh(&b_refresh).await.expect(401);
        app.get("/api/v1/me", Some(&fresh)).await.expect(200);
        app.login("sara@example.org", "een nieuwe lange zin")
            .await
            .expect(200);
        app.login("sara@example.org", "een lange zin")
            .await
            .expect(401);
    }
);
