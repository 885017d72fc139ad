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
        assert_eq!(all.len(), 342);
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
    }
);
