//! Webhooks: a change reaches a real HTTP receiver on a loopback port,
//! signed as the Standard Webhooks specification says, exactly once; a
//! receiver that fails is tried again with growing waits, each try in the
//! delivery log; a subscription failing for a day is switched off and its
//! owner told; members-only networks stay with their members; bad
//! subscriptions get clear errors.

use std::time::Duration;

use actix_web::http::{header, Method};
use actix_web::test::TestRequest;
use chrono::{NaiveDateTime, Utc};
use serde_json::{json, Value};
use themanet::webhooks::{sign, worker};

use crate::both;
use crate::common::receiver::{Answer, Receiver};
use crate::common::{TestApp, User};

/// The app again, with webhooks allowed to loopback addresses.
async fn loopback_app(app: &TestApp) -> TestApp {
    TestApp::start_with(app.backend(), |c| c.webhook_allow_loopback = true).await
}

/// A network coordinated by `by`, an organisation in its core group, and
/// an API client for that organisation; returns (network, organisation,
/// client).
async fn client_in_network(app: &TestApp, by: &User, visibility: &str) -> (i64, i64, Value) {
    let network = app
        .network_with(
            by,
            json!({"name": "Toegankelijk Utrecht", "theme": "Toegankelijke loketten", "scope": "local", "municipalityCode": "GM0344", "visibility": visibility}),
        )
        .await;
    let org = app
        .post(
            "/api/v1/stakeholders",
            Some(&by.token),
            json!({"kind": "municipality", "name": "Gemeente Utrecht"}),
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
    let client = app
        .post(
            "/api/v1/api-clients",
            Some(&by.token),
            json!({"stakeholderId": org, "name": "Zaaksysteem", "scopes": ["webhooks:write"]}),
        )
        .await
        .expect(201)
        .body;
    (network, org, client)
}

async fn subscribe(app: &TestApp, by: &User, client: &Value, body: Value) -> Value {
    app.post(
        &format!("/api/v1/api-clients/{}/webhooks", client["id"]),
        Some(&by.token),
        body,
    )
    .await
    .expect(201)
    .body
}

fn settings(timeout: Duration) -> worker::Settings {
    worker::Settings {
        allow_loopback: true,
        timeout,
        base_url: "http://localhost".into(),
    }
}

fn soon() -> NaiveDateTime {
    Utc::now().naive_utc() + chrono::Duration::seconds(1)
}

fn deliver(app: &TestApp, at: NaiveDateTime) -> usize {
    worker::deliver_due(&app.state.pool, &settings(Duration::from_secs(2)), at).expect("deliver")
}

async fn rename(app: &TestApp, by: &User, network: i64, name: &str) {
    app.patch(
        &format!("/api/v1/networks/{network}"),
        Some(&by.token),
        json!({ "name": name }),
    )
    .await
    .expect(200);
}

both!(
    a_change_reaches_the_receiver_signed_and_once,
    |app: TestApp| async move {
        let app = loopback_app(&app).await;
        let anna = app.user("Anna").await;
        let (network, _, client) = client_in_network(&app, &anna, "public").await;
        let receiver = Receiver::start("/hooks");
        let hook = subscribe(
            &app,
            &anna,
            &client,
            json!({"url": receiver.url, "events": ["network.updated", "goal.achieved"], "municipality": "GM0344"}),
        )
        .await;
        let secret = hook["secret"].as_str().unwrap().to_string();
        assert!(secret.starts_with("whsec_"));
        assert_eq!(hook["active"], true);

        rename(&app, &anna, network, "Toegankelijk Utrecht Centrum").await;
        // An event nobody asked for writes nothing.
        app.post(
            &format!("/api/v1/networks/{network}/meetings"),
            Some(&anna.token),
            json!({"title": "Eerste bijeenkomst", "kind": "network_meeting", "format": "in_person", "startsAt": "2027-03-01T09:00:00Z", "endsAt": "2027-03-01T11:00:00Z", "venueName": "Stadhuis", "venueAddress": "Stadsplateau 1"}),
        )
        .await
        .expect(201);
        assert_eq!(deliver(&app, soon()), 1);
        assert_eq!(deliver(&app, soon()), 0, "delivered once");

        let got = receiver.received();
        assert_eq!(got.len(), 1);
        let request = &got[0];
        assert_eq!(request.path, "/hooks");
        let body = request.json();
        assert_eq!(body["type"], "network.updated");
        assert_eq!(body["data"]["id"], network);
        assert!(body["data"]["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/api/v1/networks/{network}")));
        let id = &request.headers["webhook-id"];
        let timestamp: i64 = request.headers["webhook-timestamp"].parse().unwrap();
        assert!((Utc::now().timestamp() - timestamp).abs() < 60);
        assert_eq!(
            request.headers["webhook-signature"],
            sign::signature(&secret, id, timestamp, &request.body),
            "signed with the subscription's secret"
        );

        // The delivery log shows the try.
        let log = app
            .get(
                &format!("/api/v1/webhooks/{}/deliveries", hook["id"]),
                Some(&anna.token),
            )
            .await
            .expect(200);
        let tries = log.items();
        assert_eq!(tries.len(), 1);
        assert_eq!(tries[0]["eventId"], id.as_str());
        assert_eq!(tries[0]["statusCode"], 200);
        assert_eq!(tries[0]["deliveryStatus"], "delivered");

        // A step achieved.
        let goal = app.goal(network, &anna, "Alle loketten toegankelijk").await;
        app.patch(
            &format!("/api/v1/goals/{goal}"),
            Some(&anna.token),
            json!({"status": "achieved"}),
        )
        .await
        .expect(200);
        assert_eq!(deliver(&app, soon()), 1);
        let got = receiver.received();
        assert_eq!(got[1].json()["type"], "goal.achieved");
        assert_ne!(got[1].headers["webhook-id"], got[0].headers["webhook-id"]);

        // The client manages its own subscriptions with webhooks:write.
        let form = format!(
            "grant_type=client_credentials&client_id={}&client_secret={}",
            client["clientId"].as_str().unwrap(),
            client["clientSecret"].as_str().unwrap()
        );
        let token = app
            .send(
                TestRequest::default()
                    .method(Method::POST)
                    .uri("/api/v1/oauth/token")
                    .insert_header((header::CONTENT_TYPE, "application/x-www-form-urlencoded"))
                    .set_payload(form),
            )
            .await
            .expect(200)
            .body["access_token"]
            .as_str()
            .unwrap()
            .to_string();
        let own = app
            .get(
                &format!("/api/v1/api-clients/{}/webhooks", client["id"]),
                Some(&token),
            )
            .await
            .expect(200);
        assert_eq!(own.items().len(), 1);
        assert!(own.body.get("secret").is_none() && !own.text.contains(&secret));
        app.post(
            &format!("/api/v1/webhooks/{}/ping", hook["id"]),
            Some(&token),
            json!({}),
        )
        .await
        .expect(202);
        // Someone else does not see it.
        let bert = app.user("Bert").await;
        app.get(
            &format!("/api/v1/webhooks/{}", hook["id"]),
            Some(&bert.token),
        )
        .await
        .expect(404);
    }
);

both!(
    a_failing_receiver_is_tried_again_later_and_every_try_logged,
    |app: TestApp| async move {
        let app = loopback_app(&app).await;
        let anna = app.user("Anna").await;
        let (_, _, client) = client_in_network(&app, &anna, "public").await;
        let receiver = Receiver::start("/hooks");
        receiver.script(&[Answer::Status(500), Answer::Silent(Duration::from_secs(3))]);
        let hook = subscribe(
            &app,
            &anna,
            &client,
            json!({"url": receiver.url, "events": ["network.updated"]}),
        )
        .await;
        let ping = app
            .post(
                &format!("/api/v1/webhooks/{}/ping", hook["id"]),
                Some(&anna.token),
                json!({}),
            )
            .await
            .expect(202);
        let event = ping.body["eventId"].as_str().unwrap().to_string();
        let settings = settings(Duration::from_secs(1));
        let t0 = soon();
        let run = |at| worker::deliver_due(&app.state.pool, &settings, at).unwrap();
        assert_eq!(run(t0), 0, "500: not delivered");
        assert_eq!(run(t0), 0, "not due again before the wait");
        let t1 = t0 + chrono::Duration::seconds(6);
        assert_eq!(run(t1), 0, "no answer in time");
        let t2 = t1 + chrono::Duration::seconds(301);
        assert_eq!(run(t2), 1, "the third try arrives");
        assert_eq!(receiver.received().len(), 3);
        assert!(
            receiver
                .received()
                .iter()
                .all(|r| r.headers["webhook-id"] == event),
            "the same id at every try"
        );

        let tries = app
            .get(
                &format!("/api/v1/webhooks/{}/deliveries", hook["id"]),
                Some(&anna.token),
            )
            .await
            .expect(200)
            .items();
        assert_eq!(tries.len(), 3);
        let (third, second, first) = (&tries[0], &tries[1], &tries[2]);
        assert_eq!(first["attempt"], 1);
        assert_eq!(first["statusCode"], 500);
        assert_eq!(first["eventType"], "webhook.ping");
        let wait = |t: &Value| {
            let at = chrono::DateTime::parse_from_rfc3339(t["at"].as_str().unwrap()).unwrap();
            let next =
                chrono::DateTime::parse_from_rfc3339(t["nextAttemptAt"].as_str().unwrap()).unwrap();
            (next - at).num_seconds()
        };
        assert_eq!(wait(first), 5, "then 5 seconds");
        assert_eq!(second["statusCode"], Value::Null);
        assert_eq!(second["error"], "no answer in time");
        assert_eq!(wait(second), 300, "then 5 minutes");
        assert_eq!(third["statusCode"], 200);
        assert_eq!(third["nextAttemptAt"], Value::Null);
        assert!(tries.iter().all(|t| t["deliveryStatus"] == "delivered"));
        let hook_now = app
            .get(
                &format!("/api/v1/webhooks/{}", hook["id"]),
                Some(&anna.token),
            )
            .await
            .expect(200);
        assert_eq!(hook_now.body["failingSince"], Value::Null);
    }
);

both!(
    a_subscription_failing_a_day_is_switched_off_and_its_owner_told,
    |app: TestApp| async move {
        let app = loopback_app(&app).await;
        let anna = app.user("Anna").await;
        let (_, _, client) = client_in_network(&app, &anna, "public").await;
        let receiver = Receiver::start("/hooks");
        receiver.script(&[Answer::Status(503), Answer::Status(503)]);
        let hook = subscribe(
            &app,
            &anna,
            &client,
            json!({"url": receiver.url, "events": ["network.updated"]}),
        )
        .await;
        let path = format!("/api/v1/webhooks/{}", hook["id"]);
        app.post(&format!("{path}/ping"), Some(&anna.token), json!({}))
            .await
            .expect(202);
        let mail_before = app.db_count("outbox");
        let t0 = soon();
        deliver(&app, t0);
        let failing = app.get(&path, Some(&anna.token)).await.expect(200);
        assert!(failing.body["failingSince"].is_string());
        assert_eq!(failing.body["active"], true);
        deliver(&app, t0 + chrono::Duration::hours(25));
        let off = app.get(&path, Some(&anna.token)).await.expect(200);
        assert_eq!(off.body["active"], false);
        assert!(off.body["disabledAt"].is_string());
        assert_eq!(app.db_count("outbox"), mail_before + 1, "the owner is told");
        // Switched off: new events write nothing.
        assert_eq!(receiver.received().len(), 2);

        // Switched on again by its owner.
        let on = app
            .send(
                TestRequest::patch()
                    .uri(&path)
                    .insert_header((header::AUTHORIZATION, format!("Bearer {}", anna.token)))
                    .insert_header((header::IF_MATCH, off.etag()))
                    .insert_header((header::CONTENT_TYPE, "application/merge-patch+json"))
                    .set_payload(json!({"active": true}).to_string()),
            )
            .await
            .expect(200);
        assert_eq!(on.body["active"], true);
        assert_eq!(on.body["failingSince"], Value::Null);
    }
);

both!(
    members_only_networks_are_heard_of_by_members_only,
    |app: TestApp| async move {
        let app = loopback_app(&app).await;
        let anna = app.user("Anna").await;
        let (closed, _, member_client) = client_in_network(&app, &anna, "members").await;
        let bert = app.user("Bert").await;
        let (_, _, outsider_client) = client_in_network(&app, &bert, "public").await;
        let inside = Receiver::start("/in");
        let outside = Receiver::start("/out");
        subscribe(
            &app,
            &anna,
            &member_client,
            json!({"url": inside.url, "events": ["network.updated"]}),
        )
        .await;
        subscribe(
            &app,
            &bert,
            &outsider_client,
            json!({"url": outside.url, "events": ["network.updated"]}),
        )
        .await;
        rename(&app, &anna, closed, "Besloten kring").await;
        deliver(&app, soon());
        assert_eq!(inside.received().len(), 1);
        assert!(outside.received().is_empty(), "not a member: hears nothing");
    }
);

both!(
    bad_subscriptions_get_clear_errors,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let (_, _, client) = client_in_network(&app, &anna, "public").await;
        let path = format!("/api/v1/api-clients/{}/webhooks", client["id"]);
        let refused = |body: Value| {
            let app = &app;
            let (path, token) = (path.clone(), anna.token.clone());
            async move { app.post(&path, Some(&token), body).await }
        };
        // Not https, a private address, the cloud's metadata service,
        // loopback where it is not allowed.
        for url in [
            "http://example.org/hook",
            "https://10.0.0.8/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://127.0.0.1:8443/hook",
            "https://[::1]/hook",
            "not an address",
        ] {
            let r = refused(json!({"url": url, "events": ["network.updated"]}))
                .await
                .expect(400);
            assert_eq!(r.invalid_names(), vec!["url"], "{url}");
        }
        let r = refused(json!({"url": "https://93.184.216.34/hook", "events": ["network.renamed", "goal.achieved"]}))
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["events[0]"]);
        let r = refused(json!({"url": "https://93.184.216.34/hook", "events": []}))
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["events"]);
        let r = refused(json!({"url": "https://93.184.216.34/hook"}))
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["events"]);
        let r = refused(json!({"url": "https://93.184.216.34/hook", "events": ["goal.achieved"], "municipality": "GM9999"}))
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["municipality"]);
        // A network nobody lets it see.
        let bert = app.user("Bert").await;
        let hidden = app
            .network_with(
                &bert,
                json!({"name": "Besloten", "theme": "Werk", "scope": "national", "visibility": "members"}),
            )
            .await;
        let r = refused(json!({"url": "https://93.184.216.34/hook", "events": ["goal.achieved"], "networkId": hidden}))
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["networkId"]);
        // Nobody else's client.
        app.post(
            &path,
            Some(&bert.token),
            json!({"url": "https://93.184.216.34/hook", "events": ["goal.achieved"]}),
        )
        .await
        .expect(404);
    }
);
