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
