use serde_json::json;

use crate::both;
use crate::common;

both!(join_leave_and_roles, |app: common::TestApp| async move {
    let coordinator = app.user("Carla").await;
    let bert = app.user("Bert").await;
    let network = app.network(&coordinator, "Toegankelijk vervoer").await;
    let members = format!("/api/v1/networks/{network}/members");

    let r = app
        .post(
            &members,
            Some(&bert.token),
            json!({"commitment": "Ik reis elke dag met de rolstoel."}),
        )
        .await
        .expect(201);
    assert_eq!(r.body["role"], "member");
    assert!(r
        .header("location")
        .unwrap()
        .ends_with(&format!("{members}/{}", bert.stakeholder_id)));
    app.post(&members, Some(&bert.token), json!({}))
        .await
        .expect(409);
    // Joining with a role is for coordinators only.
    let dirk = app.user("Dirk").await;
    app.post(&members, Some(&dirk.token), json!({"role": "coordinator"}))
        .await
        .expect(403);

    let me = format!("{members}/{}", bert.stakeholder_id);
    let r = app
        .patch(
            &me,
            Some(&bert.token),
            json!({"commitment": "Samen maken we het beter."}),
        )
        .await
        .expect(200);
    assert_eq!(r.body["commitment"], "Samen maken we het beter.");
    app.patch(&me, Some(&bert.token), json!({"role": "coordinator"}))
        .await
        .expect(403);
    let r = app
        .patch(&me, Some(&coordinator.token), json!({"role": "core_group"}))
        .await
        .expect(200);
    assert_eq!(r.body["role"], "core_group");

    // The last coordinator can neither be demoted nor leave.
    let carla = format!("{members}/{}", coordinator.stakeholder_id);
    app.patch(&carla, Some(&coordinator.token), json!({"role": "member"}))
        .await
        .expect(409);
    app.delete(&carla, Some(&coordinator.token))
        .await
        .expect(409);
    app.patch(
        &me,
        Some(&coordinator.token),
        json!({"role": "coordinator"}),
    )
    .await
    .expect(200);
    app.patch(&carla, Some(&coordinator.token), json!({"role": "member"}))
        .await
        .expect(200);

    // Members leave; only coordinators remove others.
    app.post(&members, Some(&dirk.token), json!({}))
        .await
        .expect(201);
    app.delete(
        &format!("{members}/{}", dirk.stakeholder_id),
        Some(&coordinator.token),
    )
    .await
    .expect(403);
    app.delete(
        &format!("{members}/{}", dirk.stakeholder_id),
        Some(&dirk.token),
    )
    .await
    .expect(204);
    let r = app.get(&members, Some(&bert.token)).await.expect(200);
    assert_eq!(r.items().len(), 2);
});

both!(
    coordinators_add_stakeholders_with_roles,
    |app: common::TestApp| async move {
        let coordinator = app.user("Carla").await;
        let network = app.network(&coordinator, "Werk en inclusie").await;
        let org = app
            .post(
                "/api/v1/stakeholders",
                Some(&coordinator.token),
                json!({"kind": "company", "name": "Bakkerij De Korrel", "listed": true}),
            )
            .await
            .expect(201)
            .id();
        let r = app
            .post(
                &format!("/api/v1/networks/{network}/members"),
                Some(&coordinator.token),
                json!({"stakeholderId": org, "role": "partner"}),
            )
            .await
            .expect(201);
        assert_eq!(r.body["kind"], "company");
        let r = app
            .post(
                &format!("/api/v1/networks/{network}/members"),
                Some(&coordinator.token),
                json!({"stakeholderId": 99999}),
            )
            .await
            .expect(409);
        assert_eq!(r.invalid_names(), vec!["stakeholderId"]);
        let r = app
            .get(&format!("/api/v1/networks/{network}"), None)
            .await
            .expect(200);
        let counts = r.body["memberCounts"].as_array().unwrap();
        let company = counts.iter().find(|c| c["kind"] == "company").unwrap();
        assert_eq!(company["count"], 1);
        let r = app
            .get(
                &format!("/api/v1/networks/{network}/members?role=partner"),
                None,
            )
            .await
            .expect(200);
        assert_eq!(r.items().len(), 1);
    }
);

both!(
    closed_networks_take_no_members,
    |app: common::TestApp| async move {
        let coordinator = app.user("Carla").await;
        let network = app.network(&coordinator, "Oud netwerk").await;
        app.patch(
            &format!("/api/v1/networks/{network}"),
            Some(&coordinator.token),
            json!({"status": "closed"}),
        )
        .await
        .expect(200);
        let bert = app.user("Bert").await;
        app.post(
            &format!("/api/v1/networks/{network}/members"),
            Some(&bert.token),
            json!({}),
        )
        .await
        .expect(409);
    }
);

both!(
    a_membership_is_read_at_its_own_address,
    |app: common::TestApp| async move {
        let coordinator = app.user("Carla").await;
        let bert = app.user("Bert").await;
        let network = app.network(&coordinator, "Toegankelijke sportclubs").await;
        let members = format!("/api/v1/networks/{network}/members");
        let joined = app
            .post(
                &members,
                Some(&bert.token),
                json!({"commitment": "Ik sport graag."}),
            )
            .await
            .expect(201);
        let location = joined.header("location").unwrap();
        let address = &location[location.find("/api/v1/").unwrap()..];

        // The Location of a new membership can be read, with the same ETag.
        let r = app.get(address, Some(&bert.token)).await.expect(200);
        assert_eq!(r.etag(), joined.etag());
        assert_eq!(r.body, joined.body);
        let r = app.get(address, Some(&coordinator.token)).await.expect(200);
        let tag = r.etag();

        // That ETag guards a change.
        let patch = |address: &str, tag: &str| {
            actix_web::test::TestRequest::patch()
                .uri(address)
                .insert_header(("Authorization", format!("Bearer {}", coordinator.token)))
                .insert_header(("If-Match", tag.to_string()))
                .insert_header(("Content-Type", "application/merge-patch+json"))
                .set_payload(r#"{"role": "core_group"}"#)
        };
        let stale = app.send(patch(address, "\"member-0-0-0\"")).await;
        assert_eq!(stale.status.as_u16(), 412, "{}", stale.text);
        let fresh = app.send(patch(address, &tag)).await.expect(200);
        assert_ne!(fresh.etag(), tag);

        // Outsiders see a member only when the person agreed to be listed,
        // and never their contact details.
        app.get(address, None).await.expect(404);
        app.patch(
            &format!("/api/v1/stakeholders/{}", bert.stakeholder_id),
            Some(&bert.token),
            json!({"listed": true}),
        )
        .await
        .expect(200);
        let r = app.get(address, None).await.expect(200);
        assert_eq!(r.body["name"], "Bert");
        assert!(r.body["contact"].is_null());
        app.get(&format!("{members}/999999"), Some(&coordinator.token))
            .await
            .expect(404);
        app.get(
            &format!("/api/v1/networks/999999/members/{}", bert.stakeholder_id),
            None,
        )
        .await
        .expect(404);
    }
);
