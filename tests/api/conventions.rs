use actix_web::http::{header, Method};
use actix_web::test::TestRequest;
use serde_json::json;

use crate::both;
use crate::common;

both!(
    actix_rejections_are_problems,
    |app: common::TestApp| async move {
        let user = app.user("Anna").await;
        let auth = (header::AUTHORIZATION, format!("Bearer {}", user.token));
        // Malformed JSON.
        let r = app
            .send(
                TestRequest::post()
                    .uri("/api/v1/networks")
                    .insert_header(auth.clone())
                    .insert_header((header::CONTENT_TYPE, "application/json"))
                    .set_payload("{bad"),
            )
            .await
            .expect(400);
        assert!(r.body["detail"]
            .as_str()
            .unwrap()
            .contains("not valid JSON"));
        // Not an object.
        app.send(
            TestRequest::post()
                .uri("/api/v1/networks")
                .insert_header(auth.clone())
                .insert_header((header::CONTENT_TYPE, "application/json"))
                .set_payload("[1]"),
        )
        .await
        .expect(400);
        // Wrong content type.
        app.send(
            TestRequest::post()
                .uri("/api/v1/networks")
                .insert_header(auth.clone())
                .insert_header((header::CONTENT_TYPE, "text/plain"))
                .set_payload("{}"),
        )
        .await
        .expect(415);
        // Too large.
        let big = format!(r#"{{"name": "{}"}}"#, "x".repeat(200_000));
        app.send(
            TestRequest::post()
                .uri("/api/v1/networks")
                .insert_header(auth.clone())
                .insert_header((header::CONTENT_TYPE, "application/json"))
                .set_payload(big),
        )
        .await
        .expect(413);
        // Wrong method: 405 with Allow.
        let r = app
            .request(Method::PUT, "/api/v1/networks", None, None)
            .await
            .expect(405);
        assert_eq!(r.header("allow").as_deref(), Some("GET, POST"));
        let r = app
            .request(Method::POST, "/api/v1/networks/1", None, None)
            .await
            .expect(405);
        assert_eq!(r.header("allow").as_deref(), Some("DELETE, GET, PATCH"));
        // Unknown route, unknown id, id that is not a number or overflows.
        app.get("/api/v1/nothing-here", None).await.expect(404);
        app.get("/api/v1/networks/999999", None).await.expect(404);
        app.get("/api/v1/networks/abc", None).await.expect(404);
        app.get("/api/v1/networks/99999999999999999999999", None)
            .await
            .expect(404);
        // Every response carries the API version.
        let r = app.get("/api/v1/nothing-here", None).await;
        assert_eq!(r.header("api-version").as_deref(), Some("1.0.0"));
        for r in [&r] {
            for word in ["diesel", "SQL", "panick", "/work/", "src/"] {
                assert!(
                    !r.text.contains(word),
                    "error body leaks {word}: {}",
                    r.text
                );
            }
        }
    }
);

both!(
    typed_parameters_sent_empty_are_invalid,
    |app: common::TestApp| async move {
        // Empty free text means "no filter"; an empty date, number, choice
        // or cursor is a mistake the client should hear about.
        app.get("/api/v1/networks?q=&topic=", None)
            .await
            .expect(200);
        let r = app
            .get(
                "/api/v1/networks?updatedSince=&pageSize=&scope=&cursor=&municipality=",
                None,
            )
            .await
            .expect(400);
        assert_eq!(
            r.invalid_names(),
            vec![
                "cursor",
                "municipality",
                "pageSize",
                "scope",
                "updatedSince"
            ]
        );
        let r = app
            .get("/api/v1/stakeholders?municipality=GM9999", None)
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["municipality"]);
    }
);

both!(
    references_to_missing_things_are_conflicts_naming_the_field,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let network = app.network(&anna, "Toegankelijke musea").await;
        // A whole number written as 7.0 is read as 7 (JSON Schema counts it
        // as an integer); a goal of another network or a stranger as owner is
        // well-formed but at odds with what is stored: 409 with invalidParams.
        let r = app
            .post(
                &format!("/api/v1/networks/{network}/goals"),
                Some(&anna.token),
                json!({"title": "Een stap", "parentId": 99999.0, "ownerId": 99999}),
            )
            .await
            .expect(409);
        assert_eq!(
            r.invalid_codes(),
            vec!["ownerId reference", "parentId reference"]
        );
        assert_eq!(r.body["type"], "urn:themanet:problem:conflict");
        // With a malformed field too, the request is simply invalid (400).
        let r = app
            .post(
                &format!("/api/v1/networks/{network}/goals"),
                Some(&anna.token),
                json!({"title": "", "ownerId": 99999}),
            )
            .await
            .expect(400);
        assert!(r.invalid_names().contains(&"title".to_string()));
    }
);

both!(
    every_invalid_field_says_what_kind_of_problem_it_has,
    |app: common::TestApp| async move {
        // `code` is for programs (fixed values, in the spec), `reason` for
        // people.
        let anna = app.user("Anna").await;
        let r = app
            .post(
                "/api/v1/networks",
                Some(&anna.token),
                json!({"name": "Ab", "theme": {"a": 1}, "scope": "planet", "municipalityCode": "GM9999", "kleur": "rood"}),
            )
            .await
            .expect(400);
        assert_eq!(
            r.invalid_codes(),
            vec![
                "kleur unknown",
                "municipalityCode reference",
                "name length",
                "scope enum",
                "theme type"
            ],
            "{}",
            r.text
        );
        let r = app
            .post("/api/v1/networks", Some(&anna.token), json!({}))
            .await
            .expect(400);
        assert!(
            r.invalid_codes().iter().all(|c| c.ends_with(" required")),
            "{}",
            r.text
        );
        let r = app
            .send(
                TestRequest::post()
                    .uri("/api/v1/networks")
                    .insert_header((header::AUTHORIZATION, format!("Bearer {}", anna.token)))
                    .insert_header((header::CONTENT_TYPE, "application/json"))
                    .set_payload(r#"{"name": "Toegankelijk werk", "theme": "Werk", "scope": "national", "scope": "local"}"#),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_codes(), vec!["scope duplicate"]);
        for (password, code) in [("kort", "length"), ("wachtwoord", "weak_password")] {
            let r = app
                .post(
                    "/api/v1/auth/register",
                    None,
                    json!({"email": format!("{code}@example.org"), "password": password, "displayName": "Bo"}),
                )
                .await
                .expect(400);
            assert_eq!(r.invalid_codes(), vec![format!("password {code}")]);
        }
        let me = format!("/api/v1/stakeholders/{}", anna.stakeholder_id);
        let r = app
            .patch(&me, Some(&anna.token), json!({"phone": "+31 30 123 45 67"}))
            .await
            .expect(409);
        assert_eq!(r.invalid_codes(), vec!["phone consent"]);
        let network = app.network(&anna, "Toegankelijke musea").await;
        let goal = app.goal(network, &anna, "Een stap").await;
        let r = app
            .patch(
                &format!("/api/v1/goals/{goal}"),
                Some(&anna.token),
                json!({"parentId": goal}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_codes(), vec!["parentId rule"]);
    }
);

both!(
    invalid_input_is_400_before_a_stale_if_match,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let me = format!("/api/v1/stakeholders/{}", anna.stakeholder_id);
        let stale = "\"stale\"";
        for (path, body) in [
            (me.as_str(), json!({"shareContact": {"nested": true}})),
            ("/api/v1/me", json!({"displayName": " "})),
        ] {
            let r = app
                .send(
                    TestRequest::patch()
                        .uri(path)
                        .insert_header(("Authorization", format!("Bearer {}", anna.token)))
                        .insert_header(("If-Match", stale))
                        .set_json(body),
                )
                .await
                .expect(400);
            assert_eq!(r.invalid_names().len(), 1, "{}", r.text);
        }
        // Valid input with the stale tag: 412.
        let r = app
            .send(
                TestRequest::patch()
                    .uri(&me)
                    .insert_header(("Authorization", format!("Bearer {}", anna.token)))
                    .insert_header(("If-Match", stale))
                    .set_json(json!({"name": "Anna B."})),
            )
            .await;
        r.expect(412);
    }
);

both!(
    query_parameters_are_checked_together,
    |app: common::TestApp| async move {
        let r = app.get("/api/v1/networks?pageSize=0&scope=planet&municipality=GM9999&updatedSince=gisteren&cursor=%%%", None).await.expect(400);
        assert_eq!(
            r.invalid_codes(),
            vec![
                "cursor format",
                "municipality reference",
                "pageSize range",
                "scope enum",
                "updatedSince format"
            ]
        );
        for bad in ["101", "-1", "tien"] {
            let r = app
                .get(&format!("/api/v1/networks?pageSize={bad}"), None)
                .await
                .expect(400);
            assert_eq!(r.invalid_names(), vec!["pageSize"]);
        }
        app.get("/api/v1/networks?pageSize=1", None)
            .await
            .expect(200);
        app.get("/api/v1/networks?pageSize=100", None)
            .await
            .expect(200);
    }
);

both!(
    paging_reaches_the_last_page,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let before = (chrono::Utc::now() - chrono::Duration::minutes(5))
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        for i in 0..7 {
            app.network(&anna, &format!("Netwerk nummer {i}")).await;
        }
        let r = app
            .get("/api/v1/networks?pageSize=3&scope=local", None)
            .await
            .expect(200);
        assert_eq!(r.items().len(), 3);
        let next = r.body["_links"]["next"]["href"].as_str().unwrap();
        assert!(
            next.starts_with("http://localhost:8080/api/v1/networks?"),
            "absolute href: {next}"
        );
        assert!(next.contains("scope=local"), "filters are kept: {next}");
        assert!(r.body["_links"]["self"]["href"]
            .as_str()
            .unwrap()
            .starts_with("http://"));
        let all = app
            .collect_all("/api/v1/networks?pageSize=3&scope=local", None)
            .await;
        let ids: Vec<i64> = all.iter().map(|n| n["id"].as_i64().unwrap()).collect();
        assert_eq!(ids.len(), 7);
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted, "every network once, in order");
        // The last page has no next link.
        let r = app
            .get("/api/v1/networks?pageSize=7", None)
            .await
            .expect(200);
        assert!(r.body["_links"].get("next").is_none());
        // Incremental sync.
        let later = (chrono::Utc::now() + chrono::Duration::hours(1))
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let r = app
            .get(
                &format!(
                    "/api/v1/networks?updatedSince={}",
                    later.replace('+', "%2B")
                ),
                None,
            )
            .await
            .expect(200);
        assert!(r.items().is_empty());
        let r = app
            .get(&format!("/api/v1/networks?updatedSince={before}"), None)
            .await
            .expect(200);
        assert_eq!(r.items().len(), 7);
    }
);

both!(spec_is_served_openly, |app: common::TestApp| async move {
    let r = app.get("/api/v1/openapi.json", None).await.expect(200);
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    assert_eq!(r.body["openapi"], "3.1.0");
    let r = app.get("/api/v1/openapi/3.0.json", None).await.expect(200);
    assert_eq!(r.body["openapi"], "3.0.3");
    let r = app.get("/api/v1/docs/", None).await;
    assert_eq!(r.status.as_u16(), 200, "docs UI: {}", r.text);
    assert!(r.text.contains("swagger"), "Swagger UI page");
    app.get("/health/live", None).await.expect(200);
    app.get("/health/ready", None).await.expect(200);
});

both!(
    a_failed_request_writes_nothing,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let id = app.network(&anna, "Sport voor iedereen").await;
        let before = app
            .get(&format!("/api/v1/networks/{id}"), None)
            .await
            .expect(200);
        // Topics are replaced in the same transaction as the network; an unknown
        // parent fails the whole change.
        app.patch(
            &format!("/api/v1/networks/{id}"),
            Some(&anna.token),
            json!({"name": "Andere naam", "topics": ["sport"], "parentId": 999}),
        )
        .await
        .expect(409);
        let after = app
            .get(&format!("/api/v1/networks/{id}"), None)
            .await
            .expect(200);
        assert_eq!(before.body, after.body);
    }
);

both!(
    hostile_bodies_get_clear_errors,
    |app: common::TestApp| async move {
        let user = app.user("Anna").await;
        let post = |payload: Vec<u8>| {
            TestRequest::post()
                .uri("/api/v1/networks")
                .insert_header((header::AUTHORIZATION, format!("Bearer {}", user.token)))
                .insert_header((header::CONTENT_TYPE, "application/json"))
                .set_payload(payload)
        };
        let deep = format!("{{\"name\": {}1{}}}", "[".repeat(5000), "]".repeat(5000));
        let invalid_utf8 = b"{\"name\": \"\xff\xfe\"}".to_vec();
        let duplicate =
            br#"{"name": "Een", "name": "Twee", "theme": "Thema", "scope": "national"}"#.to_vec();
        let unknown =
            br#"{"name": "Een netwerk", "theme": "Thema", "scope": "national", "kleur": "rood"}"#
                .to_vec();
        let megabyte = format!("{{\"name\": \"{}\"}}", "x".repeat(1024 * 1024)).into_bytes();
        for (payload, status) in [
            (deep.into_bytes(), 400),
            (invalid_utf8, 400),
            (duplicate, 400),
            (megabyte, 413),
            (unknown.clone(), 400),
        ] {
            let r = app.send(post(payload)).await.expect(status);
            for word in ["diesel", "SQL", "panick", "serde", "/work/", "src/"] {
                assert!(
                    !r.text.contains(word),
                    "error body leaks {word}: {}",
                    r.text
                );
            }
        }
        let r = app.send(post(unknown)).await.expect(400);
        assert_eq!(r.invalid_names(), vec!["kleur"]);
        let r = app
        .post("/api/v1/networks", Some(&user.token), json!({"name": ["lijst"], "theme": {"a": 1}, "scope": 7, "parentId": "drie", "topics": "culture"}))
        .await
        .expect(400);
        assert_eq!(
            r.invalid_names(),
            vec!["name", "parentId", "scope", "theme", "topics"]
        );
        let r = app.get("/api/v1/networks", None).await.expect(200);
        assert!(r.items().is_empty());
    }
);

both!(
    metrics_are_for_this_host_only,
    |app: common::TestApp| async move {
        app.get("/api/v1/networks/1", None).await.expect(404);
        app.get("/api/v1/networks/2", None).await.expect(404);
        app.get("/metrics", None).await.expect(403);
        let from = |ip: [u8; 4]| {
            TestRequest::get()
                .uri("/metrics")
                .peer_addr(std::net::SocketAddr::from((ip, 50000)))
        };
        app.send(from([203, 0, 113, 9])).await.expect(403);
        let r = app.send(from([127, 0, 0, 1])).await.expect(200);
        assert!(
        r.text.contains(r#"themanet_requests_total{method="GET",route="/api/v1/networks/{networkId}",status="404"} 2"#),
        "per route, not per id:\n{}",
        r.text
    );
        assert!(r.text.contains("themanet_db_pool_max_connections 4"));
        assert!(r.text.contains("themanet_request_duration_seconds_bucket"));
    }
);

both!(
    forwarded_requests_never_see_metrics,
    |app: common::TestApp| async move {
        let r = app
            .send(
                TestRequest::get()
                    .uri("/metrics")
                    .peer_addr(std::net::SocketAddr::from(([127, 0, 0, 1], 50000)))
                    .insert_header(("x-forwarded-for", "198.51.100.7")),
            )
            .await
            .expect(403);
        assert_eq!(r.body["status"], 403);
    }
);

both!(
    private_answers_are_never_cached,
    |app: common::TestApp| async move {
        let user = app.user("Anna").await;
        let r = app.get("/api/v1/me", Some(&user.token)).await.expect(200);
        assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
        let r = app
            .get("/api/v1/networks", Some(&user.token))
            .await
            .expect(200);
        assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
        let r = app.get("/api/v1/networks", None).await.expect(200);
        assert_eq!(r.header("cache-control"), None);
        assert_eq!(
            r.header("access-control-allow-origin").as_deref(),
            Some("*")
        );
        assert_eq!(
            r.header("x-content-type-options").as_deref(),
            Some("nosniff")
        );
    }
);

both!(
    every_answer_has_a_request_id,
    |app: common::TestApp| async move {
        let r = app.get("/api/v1/networks", None).await.expect(200);
        let id = r.header("x-request-id").expect("a request id");
        assert_eq!(id.len(), 16);
        let r = app
            .send(
                TestRequest::get()
                    .uri("/api/v1/topics")
                    .insert_header(("x-request-id", "proxy-given-0001")),
            )
            .await
            .expect(200);
        assert_eq!(
            r.header("x-request-id").as_deref(),
            Some("proxy-given-0001")
        );
        let r = app
            .send(
                TestRequest::get()
                    .uri("/api/v1/topics")
                    .insert_header(("x-request-id", "bad id with spaces")),
            )
            .await;
        assert_ne!(
            r.header("x-request-id").as_deref(),
            Some("bad id with spaces")
        );
    }
);

#[actix_web::test]
async fn writes_and_searches_are_rate_limited_per_client() {
    for backend in [
        themanet::db::Backend::Sqlite,
        themanet::db::Backend::Postgres,
    ] {
        let app = common::TestApp::start_with(backend, |c| {
            c.rate_limit_writes = 5;
            c.rate_limit_searches = 3;
        })
        .await;
        let from =
            |ip: [u8; 4], req: TestRequest| req.peer_addr(std::net::SocketAddr::from((ip, 40000)));
        let write = || {
            TestRequest::post()
                .uri("/api/v1/networks")
                .insert_header((header::CONTENT_TYPE, "application/json"))
                .set_payload("{}")
        };
        for _ in 0..5 {
            app.send(from([198, 51, 100, 1], write())).await.expect(401);
        }
        let r = app.send(from([198, 51, 100, 1], write())).await.expect(429);
        assert!(r.header("retry-after").unwrap().parse::<u64>().unwrap() >= 1);
        // Another client, and reads, are not affected.
        app.send(from([198, 51, 100, 2], write())).await.expect(401);
        app.send(from(
            [198, 51, 100, 1],
            TestRequest::get().uri("/api/v1/networks"),
        ))
        .await
        .expect(200);
        for _ in 0..3 {
            app.send(from(
                [198, 51, 100, 3],
                TestRequest::get().uri("/api/v1/networks?q=sport"),
            ))
            .await
            .expect(200);
        }
        app.send(from(
            [198, 51, 100, 3],
            TestRequest::get().uri("/api/v1/networks?q=sport"),
        ))
        .await
        .expect(429);
    }
}

/// CORS: public reads are open to every origin without credentials; signed-in
/// requests and writes only to the origins in `ALLOWED_ORIGINS`, echoed, with
/// credentials and `Vary: Origin`; never `*` with credentials.
#[actix_web::test]
async fn private_endpoints_answer_only_listed_origins() {
    const LISTED: &str = "https://gemeente.example.nl";
    const OTHER: &str = "https://elders.example.org";
    for backend in [
        themanet::db::Backend::Sqlite,
        themanet::db::Backend::Postgres,
    ] {
        let app = common::TestApp::start_with(backend, |c| {
            c.allowed_origins = vec![LISTED.to_string()];
        })
        .await;
        let user = app.user("Anna").await;
        let bearer = (header::AUTHORIZATION, format!("Bearer {}", user.token));
        // (Access-Control-Allow-Origin, Access-Control-Allow-Credentials)
        let cors = |r: &common::Resp| {
            (
                r.header("access-control-allow-origin"),
                r.header("access-control-allow-credentials"),
            )
        };
        let with_credentials = (Some(LISTED.to_string()), Some("true".to_string()));
        let to_anyone = (Some("*".to_string()), None);
        let signed_in_read = |origin: &'static str| {
            TestRequest::get()
                .uri("/api/v1/me")
                .insert_header(bearer.clone())
                .insert_header((header::ORIGIN, origin))
        };
        let preflight = |origin: &'static str, method: &'static str, headers: &'static str| {
            TestRequest::default()
                .method(Method::OPTIONS)
                .uri("/api/v1/networks")
                .insert_header((header::ORIGIN, origin))
                .insert_header((header::ACCESS_CONTROL_REQUEST_METHOD, method))
                .insert_header((header::ACCESS_CONTROL_REQUEST_HEADERS, headers))
        };

        // A listed origin may sign in and write, with credentials.
        let r = app
            .send(preflight(LISTED, "POST", "authorization, content-type"))
            .await
            .expect(204);
        assert_eq!(cors(&r), with_credentials);
        let methods = r.header("access-control-allow-methods").unwrap();
        assert!(
            methods.contains("PATCH") && methods.contains("DELETE"),
            "{methods}"
        );
        let allowed = r.header("access-control-allow-headers").unwrap();
        assert!(
            allowed.contains("Authorization") && allowed.contains("If-Match"),
            "{allowed}"
        );
        assert!(r.header("vary").unwrap().contains("Origin"));
        assert!(r.header("access-control-max-age").is_some());
        let r = app.send(signed_in_read(LISTED)).await.expect(200);
        assert_eq!(cors(&r), with_credentials);
        assert!(r
            .header("access-control-expose-headers")
            .unwrap()
            .contains("ETag"));
        assert!(r.header("vary").unwrap().contains("Origin"));

        // Another origin: its preflight for a write or a signed-in read is
        // refused, and the answers themselves carry no CORS header.
        for (method, headers) in [("POST", "content-type"), ("GET", "authorization")] {
            let r = app
                .send(preflight(OTHER, method, headers))
                .await
                .expect(403);
            assert_eq!(r.header("access-control-allow-origin"), None);
        }
        let r = app.send(signed_in_read(OTHER)).await.expect(200);
        assert_eq!(cors(&r), (None, None));
        let r = app
            .send(
                TestRequest::post()
                    .uri("/api/v1/networks")
                    .insert_header(bearer.clone())
                    .insert_header((header::ORIGIN, OTHER))
                    .insert_header((header::CONTENT_TYPE, "application/json"))
                    .set_payload("{}"),
            )
            .await
            .expect(400);
        assert_eq!(r.header("access-control-allow-origin"), None);

        // Public reads stay open to everyone, without credentials.
        let r = app
            .send(preflight(OTHER, "GET", "accept-language"))
            .await
            .expect(204);
        assert_eq!(cors(&r), to_anyone);
        let r = app
            .send(
                TestRequest::get()
                    .uri("/api/v1/networks")
                    .insert_header((header::ORIGIN, OTHER)),
            )
            .await
            .expect(200);
        assert_eq!(cors(&r), to_anyone);
        assert!(r.header("vary").unwrap().contains("Origin"));
        assert!(r
            .header("access-control-expose-headers")
            .unwrap()
            .contains("Link"));

        // Without ALLOWED_ORIGINS nobody gets credentials, and an OPTIONS
        // that is no preflight is still an unsupported method.
        let plain = common::TestApp::start(backend).await;
        let r = plain
            .send(preflight(LISTED, "POST", "authorization"))
            .await
            .expect(403);
        assert_eq!(r.header("access-control-allow-origin"), None);
        let r = plain
            .send(
                TestRequest::default()
                    .method(Method::OPTIONS)
                    .uri("/api/v1/networks"),
            )
            .await
            .expect(405);
        assert!(r.header("allow").unwrap().contains("GET"));
    }
}

/// Security headers: `nosniff` on every answer (errors too), a strict CSP
/// with `frame-ancestors 'none'` on web pages except the embed, HSTS only
/// when configured.
#[actix_web::test]
async fn security_headers_on_every_kind_of_answer() {
    for backend in [
        themanet::db::Backend::Sqlite,
        themanet::db::Backend::Postgres,
    ] {
        let app = common::TestApp::start(backend).await;
        for path in [
            "/",
            "/netwerk.html",
            "/embed/index.html",
            "/api/v1/networks",
            "/api/v1/nergens",
            "/health/live",
        ] {
            let r = app.get(path, None).await;
            assert_eq!(
                r.header("x-content-type-options").as_deref(),
                Some("nosniff"),
                "{path}"
            );
            assert_eq!(r.header("strict-transport-security"), None, "{path}");
        }
        for page in ["/", "/netwerk.html", "/inloggen.html"] {
            let r = app.get(page, None).await.expect(200);
            let csp = r.header("content-security-policy").expect("a CSP");
            assert!(csp.contains("default-src 'self'"), "{csp}");
            assert!(csp.contains("script-src 'self'"), "{csp}");
            assert!(!csp.contains("unsafe-inline"), "{csp}");
            assert!(csp.contains("frame-ancestors 'none'"), "{page}: {csp}");
        }
        // Partner sites may frame the embed.
        let r = app.get("/embed/index.html", None).await.expect(200);
        let csp = r.header("content-security-policy").expect("a CSP");
        assert!(csp.contains("frame-ancestors *"), "{csp}");

        let tls = common::TestApp::start_with(backend, |c| c.hsts = true).await;
        for path in ["/", "/api/v1/networks"] {
            let r = tls.get(path, None).await.expect(200);
            let hsts = r.header("strict-transport-security").expect("HSTS");
            assert!(hsts.starts_with("max-age="), "{hsts}");
        }
    }
}

both!(
    control_characters_are_refused_in_every_text,
    |app: common::TestApp| async move {
        // A NUL reached PostgreSQL (which cannot store it) as a 500; other
        // control characters are no text either. Tab, newline and carriage
        // return are.
        let r = app.login("anna\u{0}@example.org", "x").await.expect(400);
        assert_eq!(r.invalid_codes(), vec!["email format"]);
        let c = app.user("Carla").await;
        let r = app
            .post(
                "/api/v1/networks",
                Some(&c.token),
                json!({
                    "name": "Musea\u{0}",
                    "theme": "Een\u{7}thema",
                    "description": "Regel één\nRegel twee\twith tab\r\n",
                    "scope": "national",
                    "topics": ["werk\u{1b}"]
                }),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["name", "theme", "topics"]);
        assert!(r.text.contains("control character"), "{}", r.text);
        // Nothing was written.
        let r = app.get("/api/v1/networks", None).await.expect(200);
        assert!(r.items().is_empty());
        // The same in query parameters.
        for query in ["q=musea%00", "talent=schrijven%00", "q=a%7Fb"] {
            let r = app
                .get(&format!("/api/v1/stakeholders?{query}"), None)
                .await
                .expect(400);
            assert_eq!(r.invalid_codes().len(), 1, "{query}: {}", r.text);
        }
        // Text with tabs and newlines is fine.
        app.post(
            "/api/v1/networks",
            Some(&c.token),
            json!({"name": "Musea", "theme": "Thema", "description": "Eén\nTwee\tdrie\r\n", "scope": "national"}),
        )
        .await
        .expect(201);
    }
);

both!(
    an_unencoded_plus_in_a_time_is_explained,
    |app: common::TestApp| async move {
        // `+01:00` sent as is arrives as ` 01:00` (a `+` in a query means a space).
        let r = app
            .get(
                "/api/v1/networks?updatedSince=2026-01-31T12:00:00+01:00",
                None,
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_codes(), vec!["updatedSince format"]);
        let reason = r.body["invalidParams"][0]["reason"].as_str().unwrap();
        assert!(reason.contains("%2B"), "says how to send the +: {reason}");
        // Encoded, the same time is fine; other bad times keep the plain reason.
        let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%d");
        app.get(
            &format!("/api/v1/networks?updatedSince={yesterday}T12:00:00%2B01:00"),
            None,
        )
        .await
        .expect(200);
        let r = app
            .get("/api/v1/knowledge-links?updatedSince=gisteren", None)
            .await
            .expect(400);
        let reason = r.body["invalidParams"][0]["reason"].as_str().unwrap();
        assert!(!reason.contains("%2B"), "{reason}");
    }
);

both!(
    query_parameters_are_read_into_the_documented_filters,
    |app: common::TestApp| async move {
        // Every bad parameter at once, each with its code; a key that is no
        // parameter of the request is refused rather than ignored, so a
        // misspelt filter never silently lists everything.
        let r = app
            .get(
                "/api/v1/networks?scope=wereld&municipalty=GM0344&parent=0&pageSize=500&updatedSince=gisteren&q=%20",
                None,
            )
            .await
            .expect(400);
        assert_eq!(
            r.invalid_codes(),
            vec![
                "municipalty unknown",
                "pageSize range",
                "parent format",
                "scope enum",
                "updatedSince format"
            ]
        );
        let r = app
            .get("/api/v1/networks?member=jij", None)
            .await
            .expect(400);
        assert_eq!(r.invalid_codes(), vec!["member enum"]);
        app.get("/api/v1/networks?scope=local&q=%20&pageSize=5", None)
            .await
            .expect(200);
    }
);

both!(
    invalid_fields_carry_what_a_program_needs_to_explain_them,
    |app: common::TestApp| async move {
        let c = app.user("Carla").await;
        // Bounds, allowed values and the expected form or reference, as
        // data: no client has to read the English reason.
        let r = app
            .post(
                "/api/v1/networks",
                Some(&c.token),
                json!({"name": "Ab", "theme": "Thema", "scope": "wereld", "slug": "Geen Slug", "municipalityCode": "GM9999"}),
            )
            .await
            .expect(400);
        let by_name = |name: &str| {
            r.body["invalidParams"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == name)
                .cloned()
                .unwrap_or_else(|| panic!("{name} in {}", r.text))
        };
        let name = by_name("name");
        assert_eq!(
            (
                name["code"].clone(),
                name["minimum"].clone(),
                name["maximum"].clone()
            ),
            (json!("length"), json!(3), json!(120))
        );
        let scope = by_name("scope");
        assert_eq!(scope["code"], "enum");
        assert_eq!(scope["allowed"], json!(["local", "regional", "national"]));
        assert_eq!(by_name("slug")["expected"], "slug");
        let place = by_name("municipalityCode");
        assert_eq!(
            (place["code"].clone(), place["expected"].clone()),
            (json!("reference"), json!("municipality"))
        );
        // The consent a detail needs is named.
        let r = app
            .patch(
                &format!("/api/v1/stakeholders/{}", c.stakeholder_id),
                Some(&c.token),
                json!({"email": "c@example.org", "accessNeeds": "Een tolk"}),
            )
            .await
            .expect(409);
        let expected: Vec<String> = r.body["invalidParams"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    p["name"].as_str().unwrap(),
                    p["expected"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(
            expected,
            vec!["accessNeeds accessNeedsConsent", "email shareContact"]
        );
        // Query parameters too.
        let r = app
            .get("/api/v1/networks?pageSize=0&status=", None)
            .await
            .expect(400);
        let page = &r.body["invalidParams"][0];
        assert_eq!(
            (
                page["name"].clone(),
                page["minimum"].clone(),
                page["maximum"].clone()
            ),
            (json!("pageSize"), json!(1), json!(100))
        );
        assert_eq!(r.body["invalidParams"][1]["expected"], "value");
    }
);

both!(
    the_people_lists_read_their_documented_filters,
    |app: common::TestApp| async move {
        // Each list of the people resources refuses a key it does not
        // document, and reports every bad parameter with its code.
        let admin = app.admin().await;
        let network = app.network(&admin, "Toegankelijk werk").await;
        let token = Some(admin.token.as_str());
        for (path, bad, codes) in [
            (
                "/api/v1/stakeholders".to_string(),
                "kind=robot&talnet=it&municipality=GM9999",
                vec!["kind enum", "municipality reference", "talnet unknown"],
            ),
            (
                format!("/api/v1/networks/{network}/members"),
                "role=baas&pageSize=0&q=anna",
                vec!["pageSize range", "q unknown", "role enum"],
            ),
            (
                format!("/api/v1/networks/{network}/invitations"),
                "status=misschien&cursor=",
                vec!["cursor format", "status enum"],
            ),
            (
                "/api/v1/me/invitations".to_string(),
                "state=pending",
                vec!["state unknown"],
            ),
            (
                "/api/v1/users".to_string(),
                "disabled=ja&email=x",
                vec!["disabled enum", "email unknown"],
            ),
            (
                "/api/v1/audit-events".to_string(),
                "network=nul&actor=1",
                vec!["actor unknown", "network format"],
            ),
        ] {
            let r = app.get(&format!("{path}?{bad}"), token).await.expect(400);
            assert_eq!(r.invalid_codes(), codes, "{path}?{bad}");
            app.get(&format!("{path}?pageSize=5"), token)
                .await
                .expect(200);
        }
    }
);
