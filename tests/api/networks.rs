use crate::both;
use crate::common;
use actix_web::http::header;
use actix_web::test::TestRequest;
use serde_json::json;

both!(
    create_read_update_delete,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let r = app
        .post(
            "/api/v1/networks",
            Some(&anna.token),
            json!({"name": "Toegankelijke musea Utrecht", "theme": "Musea voor iedereen", "scope": "local",
                   "municipalityCode": "GM0344", "topics": ["culture", "accessibility"]}),
        )
        .await
        .expect(201);
        let id = r.id();
        assert_eq!(
            r.header("location").unwrap(),
            format!("http://localhost:8080/api/v1/networks/{id}")
        );
        assert_eq!(r.body["slug"], "toegankelijke-musea-utrecht");
        assert_eq!(r.body["myRole"], "coordinator");
        assert_eq!(r.body["topics"], json!(["accessibility", "culture"]));
        let etag = r.etag();

        let r = app
            .get(&format!("/api/v1/networks/{id}"), None)
            .await
            .expect(200);
        assert_eq!(r.etag(), etag);
        assert_eq!(r.header("api-version").as_deref(), Some("1.0.0"));
        assert_eq!(
            r.body["memberCounts"][0],
            json!({"kind": "experience_expert", "count": 1})
        );

        let r = app
            .send(
                TestRequest::patch()
                    .uri(&format!("/api/v1/networks/{id}"))
                    .insert_header((header::AUTHORIZATION, format!("Bearer {}", anna.token)))
                    .insert_header((header::IF_MATCH, etag.clone()))
                    .insert_header((header::CONTENT_TYPE, "application/merge-patch+json"))
                    .set_payload(
                        r#"{"status": "active", "ambition": "Alle musea toegankelijk in 2030"}"#,
                    ),
            )
            .await
            .expect(200);
        assert_eq!(r.body["status"], "active");
        assert_ne!(r.etag(), etag);

        // A stale ETag: someone else changed it in between.
        let r = app
            .send(
                TestRequest::patch()
                    .uri(&format!("/api/v1/networks/{id}"))
                    .insert_header((header::AUTHORIZATION, format!("Bearer {}", anna.token)))
                    .insert_header((header::IF_MATCH, etag))
                    .insert_header((header::CONTENT_TYPE, "application/json"))
                    .set_payload(r#"{"status": "paused"}"#),
            )
            .await
            .expect(412);
        assert_eq!(r.body["status"], 412);
        let r = app
            .get(&format!("/api/v1/networks/{id}"), None)
            .await
            .expect(200);
        assert_eq!(
            r.body["status"], "active",
            "a refused change writes nothing"
        );

        app.delete(&format!("/api/v1/networks/{id}"), Some(&anna.token))
            .await
            .expect(204);
        app.get(&format!("/api/v1/networks/{id}"), None)
            .await
            .expect(404);
    }
);

// A page of networks reads their topics with them (each network keeps a
// list that triggers on network_topics keep up to date): each network its
// own, sorted, and none for a network without; also after they change.
both!(
    listings_show_each_networks_topics,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let mut ids = Vec::new();
        for (topics, sorted) in [
            (
                json!(["transport", "culture", "accessibility"]),
                json!(["accessibility", "culture", "transport"]),
            ),
            (json!([]), json!([])),
            (json!(["sport"]), json!(["sport"])),
        ] {
            let r = app
                .post(
                    "/api/v1/networks",
                    Some(&anna.token),
                    json!({"name": "Musea voor iedereen", "theme": "Toegankelijke musea", "scope": "local",
                           "municipalityCode": "GM0344", "topics": topics}),
                )
                .await
                .expect(201);
            assert_eq!(r.body["topics"], sorted, "the new network's page");
            ids.push(r.id());
        }
        let check = |expected: [serde_json::Value; 3]| {
            let (app, ids) = (&app, &ids);
            async move {
                for path in [
                    "/api/v1/networks?municipality=GM0344",
                    "/api/v1/networks?q=musea",
                ] {
                    let r = app.get(path, None).await.expect(200);
                    let mut seen: Vec<(i64, serde_json::Value)> = r
                        .items()
                        .iter()
                        .map(|n| (n["id"].as_i64().unwrap(), n["topics"].clone()))
                        .collect();
                    seen.sort_by_key(|(id, _)| *id);
                    let wanted: Vec<(i64, serde_json::Value)> =
                        ids.iter().copied().zip(expected.iter().cloned()).collect();
                    assert_eq!(seen, wanted, "{path}");
                }
                for (id, topics) in ids.iter().zip(&expected) {
                    let r = app
                        .get(&format!("/api/v1/networks/{id}"), None)
                        .await
                        .expect(200);
                    assert_eq!(&r.body["topics"], topics, "network {id}");
                }
            }
        };
        check([
            json!(["accessibility", "culture", "transport"]),
            json!([]),
            json!(["sport"]),
        ])
        .await;
        for (id, topics, sorted) in [
            (ids[0], json!(["sport"]), json!(["sport"])),
            (
                ids[1],
                json!(["transport", "culture"]),
                json!(["culture", "transport"]),
            ),
            (ids[2], json!([]), json!([])),
        ] {
            let r = app
                .patch(
                    &format!("/api/v1/networks/{id}"),
                    Some(&anna.token),
                    json!({"topics": topics}),
                )
                .await
                .expect(200);
            assert_eq!(r.body["topics"], sorted, "the changed network's page");
        }
        check([json!(["sport"]), json!(["culture", "transport"]), json!([])]).await;
    }
);

both!(
    invalid_input_lists_every_field,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let r = app
            .post(
                "/api/v1/networks",
                Some(&anna.token),
                json!({"name": "x", "theme": 5, "scope": "planet", "role": "admin"}),
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["name", "role", "scope", "theme"]);
        let r = app
        .post("/api/v1/networks", Some(&anna.token), json!({"name": "Netwerk", "theme": "Een thema", "scope": "local", "topics": ["nope"]}))
        .await
        .expect(400);
        assert_eq!(r.invalid_names(), vec!["municipalityCode", "topics"]);
        let r = app.get("/api/v1/networks", None).await.expect(200);
        assert!(r.items().is_empty(), "nothing was written");
    }
);

both!(
    my_networks_and_empty_sign_in,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let bert = app.user("Bert").await;
        let mine = app.network(&anna, "Van Anna").await;
        app.network(&bert, "Van Bert").await;
        let r = app
            .get("/api/v1/networks?member=me", Some(&anna.token))
            .await
            .expect(200);
        let ids: Vec<i64> = r
            .items()
            .iter()
            .map(|n| n["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, vec![mine]);
        app.get("/api/v1/networks?member=me", None)
            .await
            .expect(401);
        let r = app
            .get("/api/v1/networks?member=jij", None)
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["member"]);
        let r = app.login("", "").await.expect(400);
        assert_eq!(r.invalid_names(), vec!["email", "password"]);
    }
);

/// Members per kind and goals per status, each list sorted.
type Counts = (Vec<(String, i64)>, Vec<(String, i64)>);

/// A network's members per kind and goals per status, as the database
/// counts them from its memberships and goals right now.
fn recount(app: &common::TestApp, network: i64) -> Counts {
    let mut counts: Counts = (Vec::new(), Vec::new());
    for (id, part, value, n) in common::counted_from_tables(&mut app.db.conn()) {
        if id == network {
            let list = if part == "member" {
                &mut counts.0
            } else {
                &mut counts.1
            };
            list.push((value, n));
        }
    }
    counts
}

/// The counts a network's page shows, the zeros left out, sorted.
async fn shown_counts(app: &common::TestApp, network: i64) -> Counts {
    let r = app
        .get(&format!("/api/v1/networks/{network}"), None)
        .await
        .expect(200);
    let read = |field: &str, key: &str| {
        let mut out: Vec<(String, i64)> = r.body[field]
            .as_array()
            .expect("counts")
            .iter()
            .map(|c| {
                (
                    c[key].as_str().unwrap().to_string(),
                    c["count"].as_i64().unwrap(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        out.sort();
        out
    };
    (read("memberCounts", "kind"), read("goalCounts", "status"))
}

both!(
    counts_follow_members_goals_and_kinds,
    |app: common::TestApp| async move {
        let carla = app.user("Carla").await;
        let dirk = app.user("Dirk").await;
        let network = app.network(&carla, "Inclusief sporten Utrecht").await;
        let other = app.network(&carla, "Inclusief sporten Amersfoort").await;
        let check = |step: &'static str| {
            let app = &app;
            async move {
                for id in [network, other] {
                    assert_eq!(
                        shown_counts(app, id).await,
                        recount(app, id),
                        "{step}, network {id}"
                    );
                }
            }
        };
        check("a new network").await;

        let mut orgs = Vec::new();
        for name in ["Sportclub De Kei", "Fysio Oost"] {
            let org = app
                .post(
                    "/api/v1/stakeholders",
                    Some(&carla.token),
                    json!({"kind": "company", "name": name}),
                )
                .await
                .expect(201)
                .id();
            for id in [network, other] {
                app.post(
                    &format!("/api/v1/networks/{id}/members"),
                    Some(&carla.token),
                    json!({"stakeholderId": org, "role": "partner"}),
                )
                .await
                .expect(201);
            }
            orgs.push(org);
        }
        app.add_member(network, &carla, &dirk, "member").await;
        check("members added").await;
        assert_eq!(
            shown_counts(&app, network).await.0,
            [
                ("company".to_string(), 2),
                ("experience_expert".to_string(), 2)
            ]
        );

        app.patch(
            &format!("/api/v1/stakeholders/{}", orgs[0]),
            Some(&carla.token),
            json!({"kind": "interest_organisation"}),
        )
        .await
        .expect(200);
        check("a stakeholder's kind changed").await;

        app.delete(
            &format!("/api/v1/networks/{network}/members/{}", dirk.stakeholder_id),
            Some(&dirk.token),
        )
        .await
        .expect(204);
        check("a member left").await;

        app.delete(
            &format!("/api/v1/stakeholders/{}", orgs[1]),
            Some(&carla.token),
        )
        .await
        .expect(204);
        check("a stakeholder deleted").await;

        let goals = format!("/api/v1/networks/{network}/goals");
        let ambition = app
            .post(
                &goals,
                Some(&carla.token),
                json!({"title": "Elke club open"}),
            )
            .await
            .expect(201)
            .id();
        let step = app
            .post(
                &goals,
                Some(&carla.token),
                json!({"title": "Eerste club", "parentId": ambition, "status": "agreed"}),
            )
            .await
            .expect(201)
            .id();
        app.post(&goals, Some(&carla.token), json!({"title": "Tweede stap"}))
            .await
            .expect(201);
        check("goals added").await;

        app.patch(
            &format!("/api/v1/goals/{step}"),
            Some(&carla.token),
            json!({"status": "achieved"}),
        )
        .await
        .expect(200);
        check("a goal's status changed").await;

        // Deleting a goal deletes its steps.
        app.delete(&format!("/api/v1/goals/{ambition}"), Some(&carla.token))
            .await
            .expect(204);
        check("a goal and its steps deleted").await;
        assert_eq!(
            shown_counts(&app, network).await.1,
            [("proposed".to_string(), 1)]
        );
    }
);

both!(
    the_list_gives_my_role_as_the_network_does,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let bert = app.user("Bert").await;
        let musea = app.network(&anna, "Toegankelijke musea").await;
        let sport = app.network(&anna, "Sport voor iedereen").await;
        app.network(&anna, "Werk voor iedereen").await;
        // Bert joins one network himself.
        app.join(musea, &bert).await;
        let single = app
            .get(&format!("/api/v1/networks/{musea}"), Some(&bert.token))
            .await
            .expect(200);
        assert_eq!(single.body["myRole"], "member");
        let roles = |r: common::Resp| -> Vec<(i64, serde_json::Value)> {
            r.items()
                .iter()
                .map(|n| (n["id"].as_i64().unwrap(), n["myRole"].clone()))
                .collect()
        };
        let r = app
            .get("/api/v1/networks?member=me", Some(&bert.token))
            .await
            .expect(200);
        assert_eq!(roles(r), vec![(musea, json!("member"))]);
        let r = app
            .get("/api/v1/networks?member=me", Some(&anna.token))
            .await
            .expect(200);
        assert_eq!(
            roles(r)[..2],
            [(musea, json!("coordinator")), (sport, json!("coordinator"))]
        );
        // Every listing says the signed-in viewer's role, searches too;
        // networks they are not in say null, and anonymous readers get null.
        let r = app
            .get("/api/v1/networks?q=musea", Some(&bert.token))
            .await
            .expect(200);
        assert_eq!(roles(r), vec![(musea, json!("member"))]);
        let r = app
            .get("/api/v1/networks", Some(&bert.token))
            .await
            .expect(200);
        assert_eq!(
            roles(r)[..2],
            [(musea, json!("member")), (sport, json!(null))]
        );
        let r = app.get("/api/v1/networks", None).await.expect(200);
        assert!(roles(r).iter().all(|(_, role)| role.is_null()));
    }
);

both!(networks_of_a_province, |app: common::TestApp| async move {
    let anna = app.user("Anna").await;
    let national = app
            .network_with(&anna, json!({"name": "Netwerk Inclusieve Gemeenten", "theme": "Het VN-verdrag lokaal", "scope": "national"}))
            .await;
    let twente = app
            .post("/api/v1/networks", Some(&anna.token), json!({"name": "Inclusief Twente", "theme": "Twente doet mee", "scope": "regional", "region": "Twente", "provinceCode": "PV23"}))
            .await
            .expect(201);
    assert_eq!(twente.body["provinceCode"], "PV23");
    let twente = twente.id();
    app.network_with(&anna, json!({"name": "Inclusief Drenthe", "theme": "Drenthe doet mee", "scope": "regional", "region": "Drenthe", "provinceCode": "PV22"}))
            .await;
    // A local network's province follows from its municipality.
    let enschede = app
            .post("/api/v1/networks", Some(&anna.token), json!({"name": "Sport in Enschede", "theme": "Sport voor iedereen", "scope": "local", "municipalityCode": "GM0153"}))
            .await
            .expect(201);
    assert_eq!(enschede.body["provinceCode"], "PV23");
    let enschede = enschede.id();
    let ids = |r: common::Resp| -> Vec<i64> {
        r.items()
            .iter()
            .map(|n| n["id"].as_i64().unwrap())
            .collect()
    };
    let r = app
        .get("/api/v1/networks?province=PV23", None)
        .await
        .expect(200);
    assert_eq!(ids(r), vec![twente, enschede]);
    let r = app
        .get("/api/v1/networks?province=PV23&scope=regional", None)
        .await
        .expect(200);
    assert_eq!(ids(r), vec![twente]);
    let r = app
        .get("/api/v1/networks?province=PV23&q=sport", None)
        .await
        .expect(200);
    assert_eq!(ids(r), vec![enschede]);
    // Zwolle (Overijssel) has no network of its own yet.
    let r = app
        .get("/api/v1/networks?municipality=GM0193", None)
        .await
        .expect(200);
    assert!(r.items().is_empty());

    // Wrong provinces, named.
    let r = app
        .get("/api/v1/networks?province=PV99", None)
        .await
        .expect(400);
    assert_eq!(r.invalid_codes(), vec!["province reference"]);
    // A province that is not the municipality's is at odds with the
    // reference list (409); the others are wrong in themselves (400).
    for (body, code, status) in [
        (
            json!({"name": "Nergens", "theme": "Nergens", "scope": "regional", "provinceCode": "PV99"}),
            "provinceCode reference",
            400,
        ),
        (
            json!({"name": "Enschede", "theme": "Enschede", "scope": "local", "municipalityCode": "GM0153", "provinceCode": "PV22"}),
            "provinceCode rule",
            409,
        ),
        (
            json!({"name": "Landelijk", "theme": "Overal", "scope": "national", "provinceCode": "PV23"}),
            "provinceCode rule",
            400,
        ),
    ] {
        let r = app
            .post("/api/v1/networks", Some(&anna.token), body)
            .await
            .expect(status);
        assert_eq!(r.invalid_codes(), vec![code]);
    }
    // Given its own municipality's province, a local network is fine.
    app.post("/api/v1/networks", Some(&anna.token), json!({"name": "Werk in Enschede", "theme": "Werk", "scope": "local", "municipalityCode": "GM0153", "provinceCode": "PV23"}))
            .await
            .expect(201);
    // A network that becomes national loses its province.
    let r = app
        .patch(
            &format!("/api/v1/networks/{twente}"),
            Some(&anna.token),
            json!({"scope": "national", "region": null}),
        )
        .await
        .expect(200);
    assert_eq!(r.body["provinceCode"], json!(null));
    let r = app
        .get("/api/v1/networks?province=PV23&scope=regional", None)
        .await
        .expect(200);
    assert!(r.items().is_empty());
    let r = app
        .get(&format!("/api/v1/networks/{national}"), None)
        .await
        .expect(200);
    assert_eq!(r.body["provinceCode"], json!(null));
});
