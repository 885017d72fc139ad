//! Accounts you can trust: throttling, password rules, consent and
//! minimisation, export, erasure, audit log.

use serde_json::json;

use crate::both;
use crate::common;

both!(
    brute_force_is_throttled,
    |app: common::TestApp| async move {
        let user = app.user("Bob").await;
        let wrong = json!({"email": user.email, "password": "niet het goede"});
        for _ in 0..5 {
            app.post("/api/v1/auth/login", None, wrong.clone())
                .await
                .expect(401);
        }
        app.post("/api/v1/auth/login", None, wrong.clone())
            .await
            .expect(401);
        let r = app
            .post("/api/v1/auth/login", None, wrong)
            .await
            .expect(429);
        let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
        assert!(wait >= 1);
        // Even the right password is refused during the block.
        app.post(
            "/api/v1/auth/login",
            None,
            json!({"email": user.email, "password": "correct horse battery"}),
        )
        .await
        .expect(429);
        // Other accounts are not blocked by it.
        let other = app.user("Ans").await;
        app.post(
            "/api/v1/auth/login",
            None,
            json!({"email": other.email, "password": "correct horse battery"}),
        )
        .await
        .expect(200);
    }
);

both!(
    registration_is_throttled_and_passwords_checked,
    |app: common::TestApp| async move {
        let r = app
            .post(
                "/api/v1/auth/register",
                None,
                json!({"email": "a@example.org", "password": "qwertyuiop", "displayName": "A"}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["password"]);
        assert!(r.text.contains("most used"));
        let r = app
        .post("/api/v1/auth/register", None, json!({"email": "b@example.org", "password": "ik ben één wachtwoord", "displayName": "B"}))
        .await
        .expect(201);
        assert!(r.body["accessToken"].is_string());
        for _ in 0..18 {
            app.post("/api/v1/auth/register", None, json!({}))
                .await
                .expect(400);
        }
        let r = app
            .post("/api/v1/auth/register", None, json!({}))
            .await
            .expect(429);
        assert!(r.header("retry-after").is_some());
    }
);

both!(
    contact_and_access_needs_only_with_consent,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let coordinator = app.user("Carla").await;
        let member = app.user("Mo").await;
        let me = format!("/api/v1/stakeholders/{}", anna.stakeholder_id);
        let r = app
        .patch(&me, Some(&anna.token), json!({"email": "anna@example.org", "accessNeeds": "Een tolk NGT bij bijeenkomsten"}))
        .await
        .expect(409);
        assert_eq!(r.invalid_names(), vec!["accessNeeds", "email"]);
        let r = app
        .patch(
            &me,
            Some(&anna.token),
            json!({"email": "anna@example.org", "shareContact": true, "accessNeeds": "Een tolk NGT bij bijeenkomsten", "accessNeedsConsent": true}),
        )
        .await
        .expect(200);
        assert_eq!(r.body["accessNeeds"], "Een tolk NGT bij bijeenkomsten");
        let network = app.network(&coordinator, "Dovenvriendelijk Utrecht").await;
        for u in [&anna, &member] {
            app.join(network, u).await;
        }
        // The coordinator sees the access needs (to organise meetings); a member does not.
        let r = app.get(&me, Some(&coordinator.token)).await.expect(200);
        assert_eq!(r.body["accessNeeds"], "Een tolk NGT bij bijeenkomsten");
        let r = app.get(&me, Some(&member.token)).await.expect(200);
        assert!(r.body["accessNeeds"].is_null());
        assert_eq!(r.body["contact"]["email"], "anna@example.org");
        // Withdrawing consent erases the data, for everyone at once.
        app.patch(
            &me,
            Some(&anna.token),
            json!({"shareContact": false, "accessNeedsConsent": false}),
        )
        .await
        .expect(200);
        let r = app.get(&me, Some(&anna.token)).await.expect(200);
        assert!(r.body["contact"].is_null() && r.body["accessNeeds"].is_null());
        let export = app
            .get("/api/v1/me/export", Some(&anna.token))
            .await
            .expect(200);
        assert!(!export.text.contains("anna@example.org") && !export.text.contains("tolk"));
    }
);

both!(
    export_holds_all_my_data,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let network = app.network(&anna, "Inclusief werk").await;
        let goal = app.goal(network, &anna, "Tien banen").await;
        app.post(
            &format!("/api/v1/goals/{goal}/endorsements"),
            Some(&anna.token),
            json!({"stance": "support", "comment": "Ja!"}),
        )
        .await
        .expect(201);
        app.post("/api/v1/knowledge-links", Some(&anna.token), json!({"url": "https://www.example.org/werk", "title": "Werkwijzer", "networkId": network}))
        .await
        .expect(201);
        app.post(
            "/api/v1/stakeholders",
            Some(&anna.token),
            json!({"kind": "company", "name": "Bakkerij Brood"}),
        )
        .await
        .expect(201);
        let r = app
            .get("/api/v1/me/export", Some(&anna.token))
            .await
            .expect(200);
        assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
        let e = &r.body;
        assert_eq!(e["account"]["email"], anna.email.as_str());
        assert_eq!(e["profile"]["id"], anna.stakeholder_id);
        assert_eq!(e["managedProfiles"][0]["name"], "Bakkerij Brood");
        assert_eq!(e["memberships"][0]["role"], "coordinator");
        assert_eq!(e["endorsements"][0]["comment"], "Ja!");
        assert_eq!(e["networksStarted"][0]["id"], network);
        assert_eq!(e["goalsAdded"][0]["title"], "Tien banen");
        assert_eq!(
            e["knowledgeLinksAdded"][0]["url"],
            "https://www.example.org/werk"
        );
        app.get("/api/v1/me/export", None).await.expect(401);
    }
);

both!(
    erasure_leaves_nothing_findable,
    |app: common::TestApp| async move {
        let admin = app.admin().await;
        let coordinator = app.user("Carla").await;
        let r = app
        .post("/api/v1/auth/register", None, json!({"email": "zeldzaam@example.org", "password": "een lange zin", "displayName": "Zoë Zeldzaamnaam"}))
        .await
        .expect(201);
        let token = r.body["accessToken"].as_str().unwrap().to_string();
        let stakeholder = r.body["user"]["stakeholderId"].as_i64().unwrap();
        app.patch(
            &format!("/api/v1/stakeholders/{stakeholder}"),
            Some(&token),
            json!({"listed": true}),
        )
        .await
        .expect(200);
        let network = app.network(&coordinator, "Netwerk").await;
        app.post(
            &format!("/api/v1/networks/{network}/members"),
            Some(&token),
            json!({}),
        )
        .await
        .expect(201);
        let link = app
        .post("/api/v1/knowledge-links", Some(&token), json!({"url": "https://www.example.org/x", "title": "Nuttige link", "networkId": network}))
        .await
        .expect(201)
        .id();
        let r = app
            .get("/api/v1/stakeholders?q=zeldzaamnaam", Some(&admin.token))
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        app.delete("/api/v1/me", Some(&token)).await.expect(204);
        for q in ["zeldzaamnaam", "zoe", "zeldzaam"] {
            let r = app
                .get(&format!("/api/v1/stakeholders?q={q}"), Some(&admin.token))
                .await
                .expect(200);
            assert!(r.items().is_empty(), "erased person still found by {q}");
        }
        app.login("zeldzaam@example.org", "een lange zin")
            .await
            .expect(401);
        // What the network needs stays, without an author.
        let r = app
            .get(
                &format!("/api/v1/knowledge-links/{link}"),
                Some(&admin.token),
            )
            .await
            .expect(200);
        assert_eq!(r.body["title"], "Nuttige link");
        let r = app
            .get(
                "/api/v1/audit-events?action=account.erased",
                Some(&admin.token),
            )
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        assert!(!r.text.contains("Zeldzaam") && !r.text.contains("zeldzaam@"));
    }
);

both!(
    audit_log_is_read_by_admins_and_coordinators,
    |app: common::TestApp| async move {
        let admin = app.admin().await;
        let coordinator = app.user("Carla").await;
        let member = app.user("Mo").await;
        let network = app.network(&coordinator, "Toegankelijk Emmen").await;
        app.add_member(network, &coordinator, &member, "member")
            .await;
        app.patch(
            &format!(
                "/api/v1/networks/{network}/members/{}",
                member.stakeholder_id
            ),
            Some(&coordinator.token),
            json!({"role": "core_group"}),
        )
        .await
        .expect(200);
        app.post(
            "/api/v1/auth/login",
            None,
            json!({"email": member.email, "password": "fout fout fout"}),
        )
        .await
        .expect(401);

        let r = app
            .get(
                &format!("/api/v1/audit-events?network={network}"),
                Some(&coordinator.token),
            )
            .await
            .expect(200);
        let actions: Vec<String> = r
            .items()
            .iter()
            .map(|e| e["action"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            actions,
            vec![
                "membership.role_changed",
                "invitation.accepted",
                "invitation.sent",
                "network.created"
            ],
            "newest first"
        );
        let actors: Vec<i64> = r
            .items()
            .iter()
            .map(|e| e["actorId"].as_i64().unwrap())
            .collect();
        assert_eq!(
            actors,
            vec![coordinator.id, member.id, coordinator.id, coordinator.id],
            "the invited person accepted themselves"
        );
        assert!(r.items()[0]["at"].as_str().unwrap().ends_with('Z'));
        app.get(
            &format!("/api/v1/audit-events?network={network}"),
            Some(&member.token),
        )
        .await
        .expect(403);
        app.get("/api/v1/audit-events", Some(&coordinator.token))
            .await
            .expect(403);
        app.get("/api/v1/audit-events", None).await.expect(401);
        let r = app
            .get(
                "/api/v1/audit-events?action=login.failed",
                Some(&admin.token),
            )
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        assert!(r.items()[0]["actorId"].is_null());
        assert!(
            !r.text.contains(&member.email),
            "no personal values in the log"
        );
        // Retention: everything older than the period goes.
        let mut conn = app.db.conn();
        assert_eq!(themanet::audit::purge(&mut conn, 1).unwrap(), 0);
        let all = app
            .collect_all("/api/v1/audit-events?pageSize=2", Some(&admin.token))
            .await;
        assert_eq!(
            all.len(),
            6,
            "network.created, stakeholder.updated, invitation.sent, invitation.accepted, membership.role_changed, login.failed"
        );
    }
);

both!(exports_are_private, |app: common::TestApp| async move {
    let r = app
        .get_with_authorization("/api/v1/me/export", "Bearer kapot")
        .await
        .expect(401);
    assert_eq!(r.body["status"], 401);
});

both!(
    admins_disable_and_erase_accounts,
    |app: common::TestApp| async move {
        let admin = app.admin().await;
        let user = app.user("Uma").await;
        let other = app.user("Olaf").await;
        let login = json!({"email": user.email, "password": "correct horse battery"});
        let r = app
            .post("/api/v1/auth/login", None, login.clone())
            .await
            .expect(200);
        let refresh = r.body["refreshToken"].as_str().unwrap().to_string();
        app.get("/api/v1/users", Some(&user.token))
            .await
            .expect(403);
        let r = app
            .get("/api/v1/users?q=uma", Some(&admin.token))
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        app.patch(
            &format!("/api/v1/users/{}", user.id),
            Some(&other.token),
            json!({"disabled": true}),
        )
        .await
        .expect(403);
        app.patch(
            &format!("/api/v1/users/{}", admin.id),
            Some(&admin.token),
            json!({"disabled": true}),
        )
        .await
        .expect(409);
        app.patch(
            &format!("/api/v1/users/{}", user.id),
            Some(&admin.token),
            json!({"isAdmin": true}),
        )
        .await
        .expect(400);
        let r = app
            .patch(
                &format!("/api/v1/users/{}", user.id),
                Some(&admin.token),
                json!({"disabled": true}),
            )
            .await
            .expect(200);
        assert_eq!(r.body["disabled"], true);
        // Every session ends at once.
        app.get("/api/v1/me", Some(&user.token)).await.expect(401);
        app.refresh(&refresh).await.expect(401);
        app.post("/api/v1/auth/login", None, login.clone())
            .await
            .expect(401);
        app.patch(
            &format!("/api/v1/users/{}", user.id),
            Some(&admin.token),
            json!({"disabled": false}),
        )
        .await
        .expect(200);
        app.post("/api/v1/auth/login", None, login)
            .await
            .expect(200);
        // Erasing a person erases their account.
        app.delete(
            &format!("/api/v1/stakeholders/{}", other.stakeholder_id),
            Some(&admin.token),
        )
        .await
        .expect(204);
        app.post(
            "/api/v1/auth/login",
            None,
            json!({"email": other.email, "password": "correct horse battery"}),
        )
        .await
        .expect(401);
        let r = app
            .get(
                &format!("/api/v1/users?q={}", other.email.split('@').next().unwrap()),
                Some(&admin.token),
            )
            .await
            .expect(200);
        assert!(r.items().is_empty());
    }
);

both!(
    nobody_becomes_a_member_but_by_their_own_act,
    |app: common::TestApp| async move {
        // Anna keeps her contact details and access needs, for her networks.
        let anna = app.user("Anna").await;
        let me = format!("/api/v1/stakeholders/{}", anna.stakeholder_id);
        app.patch(
            &me,
            Some(&anna.token),
            json!({"email": "anna@example.org", "shareContact": true,
                   "accessNeeds": "Een tolk NGT", "accessNeedsConsent": true}),
        )
        .await
        .expect(200);
        // Mallory starts a network and tries to add Anna by her id.
        let mallory = app.user("Mallory").await;
        let trap = app.network(&mallory, "Valkuil").await;
        let add = |network: i64, token: String, body: serde_json::Value| {
            let app = &app;
            async move {
                app.post(
                    &format!("/api/v1/networks/{network}/members"),
                    Some(&token),
                    body,
                )
                .await
            }
        };
        // Anna is not listed: for Mallory she does not exist.
        let r = add(
            trap,
            mallory.token.clone(),
            json!({"stakeholderId": anna.stakeholder_id}),
        )
        .await
        .expect(409);
        assert_eq!(r.invalid_codes(), vec!["stakeholderId reference"]);
        // Listed, she can be invited, but an invitation makes no member.
        app.patch(&me, Some(&anna.token), json!({"listed": true}))
            .await
            .expect(200);
        let r = add(trap, mallory.token.clone(), json!({"stakeholderId": anna.stakeholder_id, "role": "core_group", "message": "Doe mee!"}))
            .await
            .expect(202);
        assert_eq!(r.body["status"], "pending");
        assert!(r
            .header("location")
            .unwrap()
            .ends_with(&format!("/api/v1/invitations/{}", r.id())));
        let invitation = r.id();
        // A coordinator cannot write the person's own words for them.
        let other = app.user("Ot").await;
        app.patch(
            &format!("/api/v1/stakeholders/{}", other.stakeholder_id),
            Some(&other.token),
            json!({"listed": true}),
        )
        .await
        .expect(200);
        let r = add(
            trap,
            mallory.token.clone(),
            json!({"stakeholderId": other.stakeholder_id, "commitment": "Ik wil graag"}),
        )
        .await
        .expect(409);
        assert_eq!(r.invalid_names(), vec!["commitment"]);
        let r = app.get(&me, Some(&mallory.token)).await.expect(200);
        assert!(r.body["contact"].is_null(), "{}", r.text);
        assert!(r.body["accessNeeds"].is_null(), "{}", r.text);
        let r = app
            .get(
                &format!("/api/v1/networks/{trap}/members"),
                Some(&mallory.token),
            )
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1, "only Mallory: {}", r.text);
        // Anna sees the invitation, and declines it; she is not asked twice.
        let r = app
            .get("/api/v1/me/invitations", Some(&anna.token))
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        assert_eq!(r.items()[0]["networkName"], "Valkuil");
        assert_eq!(r.items()[0]["invitedBy"], "Mallory");
        assert_eq!(r.items()[0]["message"], "Doe mee!");
        // Only she answers it.
        app.answer(invitation, &mallory, "accepted")
            .await
            .expect(403);
        app.answer(invitation, &other, "accepted").await.expect(404);
        let r = app.answer(invitation, &anna, "declined").await.expect(200);
        assert_eq!(r.body["status"], "declined");
        add(
            trap,
            mallory.token.clone(),
            json!({"stakeholderId": anna.stakeholder_id}),
        )
        .await
        .expect(409);
        let r = app.get(&me, Some(&mallory.token)).await.expect(200);
        assert!(r.body["contact"].is_null() && r.body["accessNeeds"].is_null());

        // Carla invites Anna to a members-only network: Anna may see it
        // while invited, and once she accepts, Carla sees what Anna shares.
        let carla = app.user("Carla").await;
        let circle = app
            .network_with(&carla, json!({"name": "Besloten kring", "theme": "Thema", "scope": "national", "visibility": "members"}))
            .await;
        app.get(&format!("/api/v1/networks/{circle}"), Some(&anna.token))
            .await
            .expect(404);
        let invitation = add(
            circle,
            carla.token.clone(),
            json!({"stakeholderId": anna.stakeholder_id, "role": "core_group"}),
        )
        .await
        .expect(202)
        .id();
        app.get(&format!("/api/v1/networks/{circle}"), Some(&anna.token))
            .await
            .expect(200);
        let r = app.get(&me, Some(&carla.token)).await.expect(200);
        assert!(r.body["contact"].is_null() && r.body["accessNeeds"].is_null());
        let r = app
            .get(
                &format!("/api/v1/networks/{circle}/invitations"),
                Some(&carla.token),
            )
            .await
            .expect(200);
        assert_eq!(r.items()[0]["name"], "Anna");
        app.get(
            &format!("/api/v1/networks/{circle}/invitations"),
            Some(&anna.token),
        )
        .await
        .expect(403);
        let r = app
            .patch(
                &format!("/api/v1/invitations/{invitation}"),
                Some(&anna.token),
                json!({"status": "accepted", "commitment": "Ik doe mee"}),
            )
            .await
            .expect(200);
        assert_eq!(r.body["status"], "accepted");
        let r = app
            .get(
                &format!("/api/v1/networks/{circle}/members/{}", anna.stakeholder_id),
                Some(&carla.token),
            )
            .await
            .expect(200);
        assert_eq!(
            (r.body["role"].as_str(), r.body["commitment"].as_str()),
            (Some("core_group"), Some("Ik doe mee"))
        );
        assert_eq!(r.body["contact"]["email"], "anna@example.org");
        let r = app.get(&me, Some(&carla.token)).await.expect(200);
        assert_eq!(r.body["accessNeeds"], "Een tolk NGT");
        // Mallory still sees nothing of it.
        let r = app.get(&me, Some(&mallory.token)).await.expect(200);
        assert!(r.body["contact"].is_null() && r.body["accessNeeds"].is_null());

        // Organisations are added at once; their contact details reach the
        // network only when whoever manages the profile added it.
        let org = app
            .post(
                "/api/v1/stakeholders",
                Some(&carla.token),
                json!({"kind": "company", "name": "Bakkerij Brood", "listed": true,
                       "shareContact": true, "email": "info@brood.example"}),
            )
            .await
            .expect(201)
            .id();
        let r = add(
            trap,
            mallory.token.clone(),
            json!({"stakeholderId": org, "role": "partner"}),
        )
        .await
        .expect(201);
        assert!(r.body["contact"].is_null(), "{}", r.text);
        let r = app
            .get(&format!("/api/v1/stakeholders/{org}"), Some(&mallory.token))
            .await
            .expect(200);
        assert!(r.body["contact"].is_null(), "{}", r.text);
        add(
            circle,
            carla.token.clone(),
            json!({"stakeholderId": org, "role": "partner"}),
        )
        .await
        .expect(201);
        let r = app
            .get(&format!("/api/v1/stakeholders/{org}"), Some(&anna.token))
            .await
            .expect(200);
        assert_eq!(r.body["contact"]["email"], "info@brood.example");
        // A person without an account: only whoever manages the profile adds them.
        let piet = app
            .post(
                "/api/v1/stakeholders",
                Some(&carla.token),
                json!({"kind": "experience_expert", "name": "Piet", "listed": true}),
            )
            .await
            .expect(201)
            .id();
        add(trap, mallory.token.clone(), json!({"stakeholderId": piet}))
            .await
            .expect(403);
        add(circle, carla.token.clone(), json!({"stakeholderId": piet}))
            .await
            .expect(201);
        // Invitations can be withdrawn by the coordinator while open.
        let invitation = add(
            circle,
            carla.token.clone(),
            json!({"stakeholderId": other.stakeholder_id}),
        )
        .await
        .expect(202)
        .id();
        app.delete(
            &format!("/api/v1/invitations/{invitation}"),
            Some(&other.token),
        )
        .await
        .expect(403);
        app.delete(
            &format!("/api/v1/invitations/{invitation}"),
            Some(&carla.token),
        )
        .await
        .expect(204);
        app.get(
            &format!("/api/v1/invitations/{invitation}"),
            Some(&other.token),
        )
        .await
        .expect(404);
        // Joining after an invitation is accepting it, with the role offered.
        add(
            circle,
            carla.token.clone(),
            json!({"stakeholderId": other.stakeholder_id, "role": "core_group"}),
        )
        .await
        .expect(202);
        let r = add(circle, other.token.clone(), json!({}))
            .await
            .expect(201);
        assert_eq!(r.body["role"], "core_group");
        let r = app
            .get("/api/v1/me/invitations?status=accepted", Some(&other.token))
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
    }
);

both!(
    a_profile_shows_only_what_the_person_chose,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let me = format!("/api/v1/stakeholders/{}", anna.stakeholder_id);
        let r = app
            .patch(
                &me,
                Some(&anna.token),
                json!({"listed": true, "organisation": "Bibliotheek", "expertise": "Leven met een visuele beperking",
                       "talents": ["schrijven"], "languages": ["nl", "ngt"], "municipalityCode": "GM0344"}),
            )
            .await
            .expect(200);
        // She sees her own choices: nothing beyond name, kind and role is public.
        assert_eq!(
            r.body["visibility"],
            json!({"organisation": "nobody", "expertise": "nobody", "talents": "nobody", "languages": "nobody", "municipalityCode": "nobody"})
        );
        assert_eq!(r.body["listed"], true);
        // Anyone else sees her name, kind, and nothing else.
        let r = app.get(&me, None).await.expect(200);
        assert_eq!(r.body["name"], "Anna");
        for field in [
            "organisation",
            "expertise",
            "municipalityCode",
            "contact",
            "accessNeeds",
        ] {
            assert!(r.body[field].is_null(), "{field}: {}", r.text);
        }
        for field in [
            "talents",
            "languages",
            "listed",
            "shareContact",
            "accessNeedsConsent",
            "visibility",
        ] {
            assert!(r.body.get(field).is_none(), "{field}: {}", r.text);
        }
        // A search or filter finds nobody by what they keep to themselves.
        for query in [
            "q=visuele",
            "q=bibliotheek",
            "q=schrijven",
            "talent=schrijven",
            "municipality=GM0344",
        ] {
            let r = app
                .get(&format!("/api/v1/stakeholders?{query}"), None)
                .await
                .expect(200);
            assert!(r.items().is_empty(), "{query}: {}", r.text);
        }
        let r = app
            .get("/api/v1/stakeholders?q=anna", None)
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        assert!(r.items()[0].get("languages").is_none(), "{}", r.text);
        // Talents for everyone, expertise for her networks.
        app.patch(
            &me,
            Some(&anna.token),
            json!({"visibility": {"talents": "public", "expertise": "networks"}}),
        )
        .await
        .expect(200);
        let r = app.get(&me, None).await.expect(200);
        assert_eq!(r.body["talents"], json!(["schrijven"]));
        assert!(r.body["expertise"].is_null());
        for query in ["q=schrijven", "talent=schrijven"] {
            let r = app
                .get(&format!("/api/v1/stakeholders?{query}"), None)
                .await
                .expect(200);
            assert_eq!(r.items().len(), 1, "{query}: {}", r.text);
        }
        let r = app
            .get("/api/v1/stakeholders?q=visuele", None)
            .await
            .expect(200);
        assert!(r.items().is_empty());
        // A co-member sees the expertise once Anna joined their network herself.
        let carla = app.user("Carla").await;
        let network = app.network(&carla, "Leesclub").await;
        let r = app.get(&me, Some(&carla.token)).await.expect(200);
        assert!(r.body["expertise"].is_null());
        app.join(network, &anna).await;
        let r = app.get(&me, Some(&carla.token)).await.expect(200);
        assert_eq!(r.body["expertise"], "Leven met een visuele beperking");
        assert!(r.body["organisation"].is_null());
        assert!(r.body.get("visibility").is_none());
        // Bad choices are named.
        let r = app
            .patch(
                &me,
                Some(&anna.token),
                json!({"visibility": {"talents": "friends"}}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["visibility"]);
        // Organisations show their profile by default.
        let org = app
            .post("/api/v1/stakeholders", Some(&carla.token), json!({"kind": "municipality", "name": "Gemeente Utrecht", "listed": true, "municipalityCode": "GM0344"}))
            .await
            .expect(201)
            .id();
        let r = app
            .get(&format!("/api/v1/stakeholders/{org}"), None)
            .await
            .expect(200);
        assert_eq!(r.body["municipalityCode"], "GM0344");
    }
);
