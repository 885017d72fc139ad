//! Mail: the outbox, the worker and a real SMTP server (aiosmtpd, see
//! tests/common/smtp.rs); a forgotten password, address verification,
//! invitations, notices at once and in digests, one-click unsubscribing,
//! and the outbox for admins.

use actix_web::http::header;
use actix_web::test::TestRequest;
use chrono::{Duration, Utc};
use diesel::prelude::*;
use serde_json::{json, Value};
use themanet::db::schema::{outbox, users};
use themanet::mail::worker::{send_due, Mailer};

use crate::both;
use crate::common::smtp::SmtpReceiver;
use crate::common::{TestApp, User};

fn mailer(smtp: &SmtpReceiver) -> Mailer {
    Mailer::new(&smtp.url(), "themanet <noreply@example.org>").expect("a mailer")
}

/// Sends what is due now through the receiver; how many went.
fn deliver(app: &TestApp, smtp: &SmtpReceiver) -> usize {
    send_due(&app.state.pool, &mailer(smtp), Utc::now().naive_utc()).expect("the outbox is sent")
}

/// The mail the receiver got for an address.
fn mail_to(smtp: &SmtpReceiver, email: &str) -> Vec<Value> {
    smtp.received()
        .into_iter()
        .filter(|m| m["rcptTos"][0] == email)
        .collect()
}

/// The token in a link `...#token=T` of a mail's text.
fn token_in(mail: &Value) -> String {
    let text = mail["text"].as_str().expect("a text part");
    let start = text.find("#token=").expect("a link with a token") + 7;
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

fn verify(app: &TestApp, user: &User) {
    let mut conn = app.db.conn();
    diesel::update(users::table.find(user.id))
        .set(users::email_verified_at.eq(Utc::now().naive_utc()))
        .execute(&mut conn)
        .unwrap();
}

both!(
    a_forgotten_password_comes_back_by_mail,
    |app: TestApp| async move {
        let smtp = SmtpReceiver::start();
        let ann = app.user("Ann").await;
        // Known and unknown addresses get the same answer.
        let known = app
            .post(
                "/api/v1/auth/password-reset",
                None,
                json!({"email": ann.email.to_uppercase()}),
            )
            .await
            .expect(202);
        let unknown = app
            .post(
                "/api/v1/auth/password-reset",
                None,
                json!({"email": "nobody@example.org"}),
            )
            .await
            .expect(202);
        assert_eq!(known.body, unknown.body);
        assert_eq!(
            deliver(&app, &smtp),
            2,
            "the verification and the reset mail"
        );
        let mails = mail_to(&smtp, &ann.email);
        let reset = mails
            .iter()
            .find(|m| m["headers"]["subject"] == "Nieuw wachtwoord kiezen")
            .expect("the reset mail");
        assert!(mail_to(&smtp, "nobody@example.org").is_empty());
        assert!(reset["html"].as_str().unwrap().contains("lang=\"nl\""));
        assert_eq!(reset["defects"], json!([]));
        let token = token_in(reset);

        // A weak password is refused, and the token is not used up by that.
        let weak = app
            .post(
                "/api/v1/auth/password-reset/confirm",
                None,
                json!({"token": token, "password": "short"}),
            )
            .await
            .expect(400);
        assert_eq!(weak.invalid_names(), vec!["password"]);
        app.post(
            "/api/v1/auth/password-reset/confirm",
            None,
            json!({"token": token, "password": "a new long sentence"}),
        )
        .await
        .expect(204);
        // Every old session ended; the new password works; the address counts as verified.
        app.get("/api/v1/me", Some(&ann.token)).await.expect(401);
        let signed_in = app
            .login(&ann.email, "a new long sentence")
            .await
            .expect(200);
        assert_eq!(signed_in.body["user"]["emailVerified"], true);
        app.login(&ann.email, "correct horse battery")
            .await
            .expect(401);

        // Used, unknown and expired tokens get one and the same answer.
        let used = app
            .post(
                "/api/v1/auth/password-reset/confirm",
                None,
                json!({"token": token, "password": "another long sentence"}),
            )
            .await
            .expect(400);
        let unknown = app
            .post(
                "/api/v1/auth/password-reset/confirm",
                None,
                json!({"token": "x".repeat(43), "password": "another long sentence"}),
            )
            .await
            .expect(400);
        app.post(
            "/api/v1/auth/password-reset",
            None,
            json!({"email": ann.email}),
        )
        .await
        .expect(202);
        deliver(&app, &smtp);
        let newest = mail_to(&smtp, &ann.email).into_iter().last().unwrap();
        let late = token_in(&newest);
        {
            let mut conn = app.db.conn();
            diesel::sql_query(
                "UPDATE account_tokens SET expires_at = created_at - INTERVAL '1 minute'",
            )
            .execute(&mut conn)
            .or_else(|_| {
                diesel::sql_query("UPDATE account_tokens SET expires_at = '2000-01-01 00:00:00'")
                    .execute(&mut conn)
            })
            .unwrap();
        }
        let expired = app
            .post(
                "/api/v1/auth/password-reset/confirm",
                None,
                json!({"token": late, "password": "another long sentence"}),
            )
            .await
            .expect(400);
        assert_eq!(used.body, unknown.body);
        assert_eq!(used.body, expired.body);
        assert_eq!(used.invalid_names(), vec!["token"]);
        // `themanet purge` drops used and expired links.
        let purged =
            themanet::db::write_blocking(&app.state.pool, themanet::accounts::links::purge)
                .unwrap();
        assert!(purged >= 2, "{purged}");
        assert_eq!(app.db_count("account_tokens"), 0);
    }
);

both!(
    password_resets_are_throttled_per_address,
    |app: TestApp| async move {
        let ann = app.user("Ann").await;
        for _ in 0..5 {
            app.post(
                "/api/v1/auth/password-reset",
                None,
                json!({"email": ann.email}),
            )
            .await
            .expect(202);
        }
        // Three mails an hour per address; the answers stay the same.
        let resets: i64 = outbox::table
            .filter(outbox::kind.eq("password_reset"))
            .count()
            .get_result(&mut app.db.conn())
            .unwrap();
        assert_eq!(resets, 3);
        for _ in 0..5 {
            app.post(
                "/api/v1/auth/password-reset",
                None,
                json!({"email": "x@example.org"}),
            )
            .await;
        }
        let r = app
            .post(
                "/api/v1/auth/password-reset",
                None,
                json!({"email": "y@example.org"}),
            )
            .await
            .expect(429);
        assert!(r.header("retry-after").is_some());
    }
);

both!(
    an_address_is_verified_by_its_link,
    |app: TestApp| async move {
        let smtp = SmtpReceiver::start();
        let r = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "bo@example.org", "password": "correct horse battery", "displayName": "Bo", "language": "en"}),
        )
        .await
        .expect(201);
        let token = r.body["accessToken"].as_str().unwrap().to_string();
        assert_eq!(r.body["user"]["emailVerified"], false);
        assert_eq!(r.body["user"]["language"], "en");
        deliver(&app, &smtp);
        let mails = mail_to(&smtp, "bo@example.org");
        assert_eq!(mails.len(), 1);
        assert_eq!(
            mails[0]["headers"]["subject"],
            "Confirm your e-mail address"
        );
        assert_eq!(mails[0]["headers"]["content-language"], "en");
        // A second link ends the first.
        app.post("/api/v1/auth/email-verification", Some(&token), json!({}))
            .await
            .expect(202);
        deliver(&app, &smtp);
        let mails = mail_to(&smtp, "bo@example.org");
        let (first, second) = (token_in(&mails[0]), token_in(&mails[1]));
        app.post(
            "/api/v1/auth/email-verification/confirm",
            None,
            json!({"token": first}),
        )
        .await
        .expect(400);
        app.post(
            "/api/v1/auth/email-verification/confirm",
            None,
            json!({"token": second}),
        )
        .await
        .expect(204);
        let me = app.get("/api/v1/me", Some(&token)).await.expect(200);
        assert_eq!(me.body["emailVerified"], true);
        app.post("/api/v1/auth/email-verification", Some(&token), json!({}))
            .await
            .expect(409);
        app.post("/api/v1/auth/email-verification", None, json!({}))
            .await
            .expect(401);
    }
);

both!(an_invitation_arrives_by_mail, |app: TestApp| async move {
    let smtp = SmtpReceiver::start();
    let coordinator = app.user("Coordinator").await;
    let network = app.network(&coordinator, "Toegankelijke musea").await;
    let person = app.user("Person").await;
    app.patch(
        &format!("/api/v1/stakeholders/{}", person.stakeholder_id),
        Some(&person.token),
        json!({"listed": true}),
    )
    .await
    .expect(200);
    app.post(
        &format!("/api/v1/networks/{network}/members"),
        Some(&coordinator.token),
        json!({"stakeholderId": person.stakeholder_id, "message": "Doe je mee?"}),
    )
    .await
    .expect(202);
    deliver(&app, &smtp);
    let invitation = mail_to(&smtp, &person.email)
        .into_iter()
        .find(|m| m["headers"]["subject"] == "Uitnodiging voor het netwerk Toegankelijke musea")
        .expect("the invitation");
    let text = invitation["text"].as_str().unwrap();
    assert!(text.contains("Doe je mee?"));
    assert!(text.contains("/mijn.html#uitnodigingen"));
    // Invitations are not notices: no unsubscribe header.
    assert!(invitation["headers"]["list-unsubscribe"].is_null());
});

both!(
    members_hear_of_news_as_they_chose,
    |app: TestApp| async move {
        let smtp = SmtpReceiver::start();
        let coordinator = app.user("Coordinator").await;
        let network = app.network(&coordinator, "Inclusief onderwijs").await;
        let at_once = app.user("Anna").await;
        let daily = app.user("Dirk").await;
        let never = app.user("Nora").await;
        let unverified = app.user("Uma").await;
        for u in [&at_once, &daily, &never, &unverified] {
            app.join(network, u).await;
        }
        for u in [&coordinator, &at_once, &daily, &never] {
            verify(&app, u);
        }
        app.patch(
            "/api/v1/me/preferences",
            Some(&at_once.token),
            json!({"notices": "immediate", "language": "en", "contactFormat": "large_print"}),
        )
        .await
        .expect(200);
        app.patch(
            "/api/v1/me/preferences",
            Some(&never.token),
            json!({"networks": [{"networkId": network, "notices": "never"}]}),
        )
        .await
        .expect(200);
        let prefs = app
            .get("/api/v1/me/preferences", Some(&never.token))
            .await
            .expect(200);
        assert_eq!(prefs.body["notices"], "daily");
        assert_eq!(prefs.body["networks"][0]["notices"], "never");
        deliver(&app, &smtp);
        let before = smtp.received().len();

        let meeting = app
        .post(
            &format!("/api/v1/networks/{network}/meetings"),
            Some(&coordinator.token),
            json!({"title": "Kick-off", "kind": "kick_off", "startsAt": "2031-03-01T13:00:00Z", "endsAt": "2031-03-01T15:00:00Z", "format": "online", "onlineUrl": "https://meet.example.org/kick-off"}),
        )
        .await
        .expect(201)
        .id();
        assert_eq!(
            deliver(&app, &smtp),
            1,
            "only the member who chose 'at once' gets a mail now"
        );
        let got = &smtp.received()[before];
        assert_eq!(got["rcptTos"][0], at_once.email.as_str());
        assert_eq!(
            got["headers"]["subject"],
            "Inclusief onderwijs: New meeting: Kick-off"
        );
        assert!(got["text"]
            .as_str()
            .unwrap()
            .contains(&format!("/bijeenkomst.html?id={meeting}")));
        let unsubscribe = got["headers"]["list-unsubscribe"]
            .as_str()
            .expect("List-Unsubscribe")
            .to_string();
        assert_eq!(
            got["headers"]["list-unsubscribe-post"],
            "List-Unsubscribe=One-Click"
        );
        assert!(got["html"].as_str().unwrap().contains("afmelden.html#key="));
        // In large print, as Anna reads best.
        assert!(got["html"].as_str().unwrap().contains("font-size:1.6em"));

        // The daily member's notice waits for a digest, until a day has passed.
        let now = Utc::now().naive_utc();
        let base = "https://themanet.example";
        let composed = themanet::db::write_blocking(&app.state.pool, |c| {
            themanet::mail::notices::compose_digests(c, base, now)
        })
        .unwrap();
        assert_eq!(composed, 0);
        // What the worker reads before it takes a write lock: nothing due
        // now, a digest due a day later, and no mail waiting.
        let due = |at| {
            themanet::db::read_blocking(&app.state.pool, |c| {
                Ok((
                    themanet::mail::notices::digest_due(c, at)?,
                    themanet::mail::outbox::mail_due(c, at)?,
                ))
            })
            .unwrap()
        };
        assert_eq!(due(now), (false, false));
        assert_eq!(
            due(now + Duration::days(1) + Duration::seconds(1)),
            (true, false)
        );
        let composed = themanet::db::write_blocking(&app.state.pool, |c| {
            themanet::mail::notices::compose_digests(
                c,
                base,
                now + Duration::days(1) + Duration::seconds(1),
            )
        })
        .unwrap();
        assert_eq!(composed, 1);
        deliver(&app, &smtp);
        let digest = mail_to(&smtp, &daily.email)
            .into_iter()
            .last()
            .expect("a digest");
        assert_eq!(digest["headers"]["subject"], "Uw dagoverzicht van themanet");
        assert!(digest["text"]
            .as_str()
            .unwrap()
            .contains("Nieuwe bijeenkomst: Inclusief onderwijs: Kick-off"));
        assert!(mail_to(&smtp, &never.email)
            .iter()
            .all(|m| m["headers"]["subject"] != "Uw dagoverzicht van themanet"));
        assert!(mail_to(&smtp, &unverified.email)
            .iter()
            .all(|m| !m["headers"]["subject"]
                .as_str()
                .unwrap()
                .contains("Kick-off")));
        assert!(mail_to(&smtp, &coordinator.email)
            .iter()
            .all(|m| !m["headers"]["subject"]
                .as_str()
                .unwrap()
                .contains("Kick-off")));

        // One click in the mail program: no more notices of this network.
        let path = unsubscribe
            .trim_matches(['<', '>'])
            .split("/api/v1")
            .nth(1)
            .unwrap()
            .to_string();
        let r = app
            .send(
                TestRequest::post()
                    .uri(&format!("/api/v1{path}"))
                    .insert_header((header::CONTENT_TYPE, "application/x-www-form-urlencoded"))
                    .set_payload("List-Unsubscribe=One-Click"),
            )
            .await;
        assert_eq!(r.status, 204, "{:?}", r.body);
        let goal = app
            .goal(network, &coordinator, "Een toegankelijke school")
            .await;
        app.patch(
            &format!("/api/v1/goals/{goal}"),
            Some(&coordinator.token),
            json!({"status": "achieved"}),
        )
        .await
        .expect(200);
        assert_eq!(
            deliver(&app, &smtp),
            0,
            "Anna unsubscribed from this network"
        );
        let prefs = app
            .get("/api/v1/me/preferences", Some(&at_once.token))
            .await
            .expect(200);
        assert_eq!(prefs.body["networks"][0]["notices"], "never");
        app.post(
            "/api/v1/unsubscribe/000000000000000000000000000000000000000000000000",
            None,
            json!({}),
        )
        .await
        .expect(404);
    }
);

both!(
    an_achieved_step_is_celebrated_at_once,
    |app: TestApp| async move {
        let smtp = SmtpReceiver::start();
        let coordinator = app.user("Coordinator").await;
        let network = app.network(&coordinator, "Vervoer op maat").await;
        let member = app.user("Mo").await;
        app.join(network, &member).await;
        verify(&app, &member);
        app.patch(
            "/api/v1/me/preferences",
            Some(&member.token),
            json!({"networks": [{"networkId": network, "notices": "immediate"}]}),
        )
        .await
        .expect(200);
        // A new message on the board reaches the member at once.
        crate::messages::accept_rules(&app, network, &coordinator).await;
        deliver(&app, &smtp);
        app.post(
            &format!("/api/v1/networks/{network}/messages"),
            Some(&coordinator.token),
            json!({"title": "Wie rijdt mee?", "body": "Zaterdag om tien uur."}),
        )
        .await
        .expect(201);
        assert_eq!(deliver(&app, &smtp), 1);
        let got = mail_to(&smtp, &member.email).into_iter().last().unwrap();
        assert_eq!(
            got["headers"]["subject"],
            "Vervoer op maat: Nieuw bericht: Wie rijdt mee?"
        );
        assert!(got["text"].as_str().unwrap().contains("#prikbord-kop"));
        let goal = app.goal(network, &coordinator, "Eerste rit gereden").await;
        deliver(&app, &smtp);
        app.patch(
            &format!("/api/v1/goals/{goal}"),
            Some(&coordinator.token),
            json!({"status": "achieved"}),
        )
        .await
        .expect(200);
        assert_eq!(deliver(&app, &smtp), 1);
        let got = mail_to(&smtp, &member.email).into_iter().last().unwrap();
        assert_eq!(
            got["headers"]["subject"],
            "Vervoer op maat: Stap gehaald: Eerste rit gereden"
        );
        assert!(got["text"].as_str().unwrap().contains("samen te vieren"));
        // Marking it achieved again tells no one twice.
        app.patch(
            &format!("/api/v1/goals/{goal}"),
            Some(&coordinator.token),
            json!({"description": "Op 1 maart"}),
        )
        .await
        .expect(200);
        assert_eq!(deliver(&app, &smtp), 0);
        // A network that is not yours cannot be set.
        let other = app.network(&coordinator, "Ander netwerk").await;
        let r = app.patch("/api/v1/me/preferences", Some(&member.token), json!({"networks": [{"networkId": other, "notices": "weekly"}], "contactFormat": "braille"})).await.expect(400);
        let mut names = r.invalid_names();
        names.sort();
        assert_eq!(names, vec!["contactFormat"]);
        let r = app
            .patch(
                "/api/v1/me/preferences",
                Some(&member.token),
                json!({"networks": [{"networkId": other, "notices": "weekly"}]}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["networks[0].networkId"]);
    }
);

both!(
    a_rolled_back_change_sends_nothing,
    |app: TestApp| async move {
        let smtp = SmtpReceiver::start();
        let ann = app.user("Ann").await;
        deliver(&app, &smtp);
        let result: Result<(), _> = themanet::db::write_blocking(&app.state.pool, |conn| {
            themanet::accounts::links::issue(
                conn,
                ann.id,
                themanet::accounts::links::Purpose::PasswordReset,
                &ann.email,
            )?;
            themanet::mail::enqueue(
                conn,
                themanet::mail::Outgoing {
                    kind: themanet::domain::MailKind::PasswordReset,
                    user_id: Some(ann.id),
                    to: ann.email.clone(),
                    letter: themanet::mail::texts::password_reset(
                        themanet::domain::MailLanguage::Nl,
                        "Ann",
                        "https://x/r".into(),
                        30,
                    ),
                    unsubscribe_url: None,
                    unsubscribe_page: None,
                },
            )?;
            Err(themanet::web::error::ApiError::Conflict(
                "the change failed after writing its mail".into(),
            ))
        });
        assert!(result.is_err());
        assert_eq!(
            app.db_count("account_tokens"),
            1,
            "the registration's verification link only"
        );
        assert_eq!(
            app.db_count("outbox"),
            1,
            "the registration's verification mail only"
        );
        assert_eq!(deliver(&app, &smtp), 0);
        assert_eq!(smtp.received().len(), 1);
    }
);

both!(
    a_worker_that_dies_after_sending_sends_one_duplicate,
    |app: TestApp| async move {
        let smtp = SmtpReceiver::start();
        let ann = app.user("Ann").await;
        let mailer = mailer(&smtp);
        let now = Utc::now().naive_utc();
        // A worker claims the mail and sends it, then dies before marking it.
        let claimed = themanet::db::write_blocking(&app.state.pool, |c| {
            themanet::mail::outbox::claim(c, now, 20)
        })
        .unwrap();
        assert_eq!(claimed.len(), 1);
        mailer.send(&claimed[0]).unwrap();
        // Another worker, meanwhile, finds nothing to claim...
        assert_eq!(send_due(&app.state.pool, &mailer, now).unwrap(), 0);
        // ...until the claim runs out: the mail goes again, once.
        let later =
            now + Duration::from_std(themanet::mail::outbox::CLAIM).unwrap() + Duration::seconds(1);
        assert_eq!(send_due(&app.state.pool, &mailer, later).unwrap(), 1);
        assert_eq!(
            send_due(&app.state.pool, &mailer, later + Duration::hours(1)).unwrap(),
            0
        );
        let got = mail_to(&smtp, &ann.email);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0]["headers"]["message-id"],
            got[1]["headers"]["message-id"]
        );
        assert!(smtp.raw(1).contains("Message-ID: <"));
    }
);

both!(
    a_mail_that_cannot_go_is_tried_again_later,
    |app: TestApp| async move {
        let ann = app.user("Ann").await;
        // A port where no SMTP server listens.
        let closed = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mailer = Mailer::new(
            &format!("smtp://127.0.0.1:{closed}"),
            "themanet <noreply@example.org>",
        )
        .unwrap();
        let now = Utc::now().naive_utc();
        assert_eq!(send_due(&app.state.pool, &mailer, now).unwrap(), 0);
        let admin = app.admin().await;
        let list = app
            .get("/api/v1/admin/outbox?status=waiting", Some(&admin.token))
            .await
            .expect(200);
        let mine: Vec<&Value> = list
            .items()
            .iter()
            .filter(|m| m["recipient"] == ann.email.as_str())
            .cloned()
            .collect::<Vec<_>>()
            .leak()
            .iter()
            .collect();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0]["attempts"], 1);
        assert!(mine[0]["lastError"].is_string());
        assert!(mine[0].get("text").is_none(), "lists carry no words");
        // Not due again before its wait (30 seconds) is over.
        assert_eq!(
            send_due(&app.state.pool, &mailer, now + Duration::seconds(10)).unwrap(),
            0
        );
        let smtp = SmtpReceiver::start();
        assert_eq!(
            send_due(
                &app.state.pool,
                &mailer_for(&smtp),
                now + Duration::seconds(31)
            )
            .unwrap(),
            2
        );
        assert_eq!(mail_to(&smtp, &ann.email).len(), 1);
    }
);

fn mailer_for(smtp: &SmtpReceiver) -> Mailer {
    mailer(smtp)
}

both!(only_admins_read_the_outbox, |app: TestApp| async move {
    let smtp = SmtpReceiver::start();
    let ann = app.user("Ann").await;
    let admin = app.admin().await;
    app.get("/api/v1/admin/outbox", Some(&ann.token))
        .await
        .expect(403);
    app.get("/api/v1/admin/outbox", None).await.expect(401);
    let list = app
        .get("/api/v1/admin/outbox?kind=verification", Some(&admin.token))
        .await
        .expect(200);
    let id = list
        .items()
        .iter()
        .find(|m| m["recipient"] == ann.email.as_str())
        .expect("Ann's mail")["id"]
        .as_i64()
        .unwrap();
    app.get(&format!("/api/v1/admin/outbox/{id}"), Some(&ann.token))
        .await
        .expect(403);
    let one = app
        .get(&format!("/api/v1/admin/outbox/{id}"), Some(&admin.token))
        .await
        .expect(200);
    assert!(one.body["text"].as_str().unwrap().contains("#token="));
    assert_eq!(one.body["status"], "waiting");
    deliver(&app, &smtp);
    // Sent mail keeps its envelope, not its words.
    let one = app
        .get(&format!("/api/v1/admin/outbox/{id}"), Some(&admin.token))
        .await
        .expect(200);
    assert_eq!(one.body["status"], "sent");
    assert_eq!(one.body["text"], "");
    assert!(one.body["sentAt"].is_string());
    // `themanet purge` drops the envelopes of sent mail, never waiting mail.
    let waiting: i64 = outbox::table
        .filter(outbox::status.eq("waiting"))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    let purged =
        themanet::db::write_blocking(&app.state.pool, |c| themanet::mail::outbox::purge(c, 0))
            .unwrap();
    assert!(purged >= 1);
    assert_eq!(app.db_count("outbox"), waiting);
    app.get(&format!("/api/v1/admin/outbox/{id}"), Some(&admin.token))
        .await
        .expect(404);
    app.get("/api/v1/admin/outbox?status=lost", Some(&admin.token))
        .await
        .expect(400);
    app.get("/api/v1/admin/outbox/999999", Some(&admin.token))
        .await
        .expect(404);
});

both!(
    coordinators_see_how_members_prefer_to_be_reached,
    |app: TestApp| async move {
        let coordinator = app.user("Coordinator").await;
        let network = app.network(&coordinator, "Werk voor iedereen").await;
        let member = app.user("Mila").await;
        let other = app.user("Olaf").await;
        app.join(network, &member).await;
        app.join(network, &other).await;
        app.patch(
            "/api/v1/me/preferences",
            Some(&member.token),
            json!({"contactChannel": "phone", "contactFormat": "easy_read"}),
        )
        .await
        .expect(200);
        let path = format!("/api/v1/networks/{network}/members");
        let seen = app.get(&path, Some(&coordinator.token)).await.expect(200);
        let mila = seen
            .items()
            .into_iter()
            .find(|m| m["stakeholderId"] == member.stakeholder_id)
            .unwrap();
        assert_eq!(
            mila["reach"],
            json!({"channel": "phone", "format": "easy_read", "language": "nl"})
        );
        // Other members, visitors and platform admins do not see it.
        let admin = app.admin().await;
        for token in [Some(other.token.as_str()), None, Some(admin.token.as_str())] {
            let seen = app.get(&path, token).await.expect(200);
            assert!(
                seen.items().iter().all(|m| m.get("reach").is_none()),
                "{token:?}"
            );
        }
    }
);
