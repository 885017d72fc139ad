use serde_json::json;

use crate::both;
use crate::common;

both!(profiles_and_consent, |app: common::TestApp| async move {
    let anna = app.user("Anna").await;
    let bert = app.user("Bert").await;
    let me = format!("/api/v1/stakeholders/{}", anna.stakeholder_id);
    let r = app
        .patch(
            &me,
            Some(&anna.token),
            json!({"talents": ["schrijven", "IT", "schrijven"], "languages": ["nl", "ngt"], "email": "anna@example.org",
                   "phone": "+31 6 1234 5678", "shareContact": true, "municipalityCode": "GM0344", "expertise": "Doof, tolkt NGT"}),
        )
        .await
        .expect(200);
    assert_eq!(r.body["talents"], json!(["it", "schrijven"]));
    assert_eq!(
        r.body["contact"]["email"], "anna@example.org",
        "you see your own contact details"
    );
    // Not listed: others do not find the profile at all.
    app.get(&me, Some(&bert.token)).await.expect(404);
    app.get(&me, None).await.expect(404);
    app.patch(&me, Some(&anna.token), json!({"listed": true}))
        .await
        .expect(200);
    let r = app.get(&me, None).await.expect(200);
    assert!(
        r.body["contact"].is_null(),
        "contact details never in public responses"
    );
    assert!(!r.text.contains("anna@example.org"));
    // Co-members see contact details (shared with consent); others not.
    let carl = app.user("Carl").await;
    app.get(&me, Some(&carl.token)).await.expect(200);
    assert!(app.get(&me, Some(&carl.token)).await.body["contact"].is_null());
    let network = app.network(&bert, "Dovenvriendelijke gemeente").await;
    app.join(network, &anna).await;
    let r = app.get(&me, Some(&bert.token)).await.expect(200);
    assert_eq!(r.body["contact"]["phone"], "+31 6 1234 5678");
    let r = app
        .get(
            &format!("/api/v1/networks/{network}/members"),
            Some(&bert.token),
        )
        .await
        .expect(200);
    let anna_row = r.items().into_iter().find(|m| m["name"] == "Anna").unwrap();
    assert_eq!(anna_row["contact"]["email"], "anna@example.org");
    // Withdrawing consent hides (and erases) them at once.
    app.patch(&me, Some(&anna.token), json!({"shareContact": false}))
        .await
        .expect(200);
    let r = app
        .get(
            &format!("/api/v1/networks/{network}/members"),
            Some(&bert.token),
        )
        .await
        .expect(200);
    assert!(!r.text.contains("anna@example.org"));
    // Others cannot change the profile.
    app.patch(&me, Some(&bert.token), json!({"name": "Gehackt"}))
        .await
        .expect(403);
});

both!(
    stakeholder_validation_and_filters,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let r = app
        .post(
            "/api/v1/stakeholders",
            Some(&anna.token),
            json!({"kind": "alien", "name": "", "email": "geen", "phone": "bel me", "languages": ["xx"], "municipalityCode": "GM0000", "userId": 1}),
        )
        .await
        .expect(400);
        assert_eq!(
            r.invalid_names(),
            vec![
                "email",
                "kind",
                "languages",
                "municipalityCode",
                "name",
                "phone",
                "userId"
            ]
        );
        let r = app
        .post("/api/v1/stakeholders", Some(&anna.token), json!({"kind": "company", "name": "", "email": "geen", "phone": "bel me", "languages": ["xx"], "municipalityCode": "GM0000"}))
        .await
        .expect(400);
        assert_eq!(
            r.invalid_names(),
            vec!["email", "languages", "municipalityCode", "name", "phone"]
        );
        let r = app
        .post("/api/v1/stakeholders", Some(&anna.token), json!({"kind": "company", "name": "Drukkerij", "languages": ["xx"], "municipalityCode": "GM0000"}))
        .await
        .expect(400);
        assert_eq!(r.invalid_names(), vec!["languages", "municipalityCode"]);
        app.post(
            "/api/v1/stakeholders",
            None,
            json!({"kind": "company", "name": "X"}),
        )
        .await
        .expect(401);

        let org = app
        .post("/api/v1/stakeholders", Some(&anna.token), json!({"kind": "interest_organisation", "name": "Ieder(in)", "talents": ["lobby"], "listed": true, "municipalityCode": "GM0344"}))
        .await
        .expect(201);
        assert!(org
            .header("location")
            .unwrap()
            .ends_with(&format!("/api/v1/stakeholders/{}", org.id())));
        app.post(
            "/api/v1/stakeholders",
            Some(&anna.token),
            json!({"kind": "company", "name": "Verborgen BV"}),
        )
        .await
        .expect(201);
        let r = app
            .get("/api/v1/stakeholders?kind=interest_organisation", None)
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        let r = app
            .get(
                "/api/v1/stakeholders?talent=lobby&municipality=GM0344",
                None,
            )
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
        let r = app.get("/api/v1/stakeholders", None).await.expect(200);
        assert_eq!(r.items().len(), 1, "only listed stakeholders in public");
        let r = app
            .get("/api/v1/stakeholders", Some(&anna.token))
            .await
            .expect(200);
        assert_eq!(r.items().len(), 3, "plus the ones you manage");
        // Your own profile goes with your account.
        app.delete(
            &format!("/api/v1/stakeholders/{}", anna.stakeholder_id),
            Some(&anna.token),
        )
        .await
        .expect(409);
        app.delete(
            &format!("/api/v1/stakeholders/{}", org.id()),
            Some(&anna.token),
        )
        .await
        .expect(204);
    }
);
