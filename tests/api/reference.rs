use crate::both;
use crate::common;

both!(
    topics_and_municipalities,
    |app: common::TestApp| async move {
        let r = app.get("/api/v1/topics", None).await.expect(200);
        let slugs: Vec<String> = r
            .items()
            .iter()
            .map(|t| t["slug"].as_str().unwrap().to_string())
            .collect();
        assert!(slugs.contains(&"accessibility".to_string()));
        assert_eq!(r.items()[0]["nameNl"], "Toegankelijkheid");

        let all = app
            .collect_all("/api/v1/municipalities?pageSize=100", None)
            .await;
        assert_eq!(all.len(), 342 + 285 + 19);
        let dutch = app
            .collect_all("/api/v1/municipalities?pageSize=100&country=NL", None)
            .await;
        assert_eq!(dutch.len(), 342);
        // Flanders and Brussels by their NIS codes, with province or region.
        let flemish = app
            .collect_all("/api/v1/municipalities?pageSize=100&province=40000", None)
            .await;
        assert!(flemish
            .iter()
            .any(|m| m["code"] == "44021" && m["name"] == "Gent" && m["country"] == "BE"));
        let brussels = app
            .get("/api/v1/municipalities?province=04000&pageSize=100", None)
            .await
            .expect(200);
        assert_eq!(brussels.items().len(), 19);
        let r = app
            .get("/api/v1/municipalities?q=utrecht", None)
            .await
            .expect(200);
        assert!(r
            .items()
            .iter()
            .any(|m| m["code"] == "GM0344" && m["provinceName"] == "Utrecht"));
        let r = app
            .get("/api/v1/municipalities?q=sudwest", None)
            .await
            .expect(200);
        assert_eq!(r.items()[0]["name"], "Súdwest-Fryslân");
        assert_eq!(r.items()[0]["provinceName"], "Fryslân");
        let r = app
            .get("/api/v1/municipalities?province=PV22&pageSize=100", None)
            .await
            .expect(200);
        assert_eq!(r.items().len(), 12, "Drenthe has twelve municipalities");
        // The filters the spec lists, and no others.
        let r = app
            .get(
                "/api/v1/municipalities?province=PV99&gemeente=utrecht",
                None,
            )
            .await
            .expect(400);
        assert_eq!(
            r.invalid_codes(),
            vec!["gemeente unknown", "province reference"]
        );
        app.get("/api/v1/municipalities?country=DE", None)
            .await
            .expect(400);
    }
);

both!(
    a_flemish_network_takes_its_nis_code_and_a_wrong_code_is_named,
    |app: common::TestApp| async move {
        let anna = app.user("Anna").await;
        let gent = app
            .network_with(&anna, serde_json::json!({"name": "Gent voor iedereen", "theme": "Vrije tijd", "scope": "local", "municipalityCode": "44021"}))
            .await;
        let found = app
            .get("/api/v1/networks?municipality=44021", None)
            .await
            .expect(200);
        assert_eq!(found.items()[0]["id"], gent);
        assert_eq!(found.items()[0]["provinceCode"], "40000");
        let flanders = app
            .get("/api/v1/networks?province=40000", None)
            .await
            .expect(200);
        assert_eq!(flanders.items().len(), 1);
        // Each wrong form is told as what it looks like.
        for (code, says) in [("GM9999", "CBS"), ("99999", "NIS"), ("Gent", "neither")] {
            let r = app
                .post(
                    "/api/v1/networks",
                    Some(&anna.token),
                    serde_json::json!({"name": "Fout", "theme": "Fout", "scope": "local", "municipalityCode": code}),
                )
                .await
                .expect(400);
            assert_eq!(r.invalid_names(), ["municipalityCode"]);
            assert!(r.body.to_string().contains(says), "{code}: {}", r.body);
            let r = app
                .get(&format!("/api/v1/networks?municipality={code}"), None)
                .await
                .expect(400);
            assert!(r.body.to_string().contains(says), "{code}: {}", r.body);
        }
    }
);
