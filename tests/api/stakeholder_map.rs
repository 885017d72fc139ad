//! A network's stakeholder map: who is at the table by role and kind, named
//! only when they agreed to be listed; the open seats the core group adds
//! and removes; the balance signal; and the drawing, with a title for every
//! cell and seat, as a file to download.

use serde_json::json;

use crate::both;
use crate::common::{TestApp, User};

async fn set_kind(app: &TestApp, user: &User, kind: &str) {
    app.patch(
        &format!("/api/v1/stakeholders/{}", user.stakeholder_id),
        Some(&user.token),
        json!({ "kind": kind }),
    )
    .await
    .expect(200);
}

fn place<'a>(map: &'a serde_json::Value, role: &str, kind: &str) -> Option<&'a serde_json::Value> {
    map["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["role"] == role && p["kind"] == kind)
}

both!(
    the_map_counts_everyone_and_names_the_listed,
    |app: TestApp| async move {
        let anna = app.user("Anna Regisseur").await;
        set_kind(&app, &anna, "professional").await;
        let network = app.network(&anna, "Inclusief Utrecht").await;
        let bert = app.user("Bert Verborgen").await;
        app.join(network, &bert).await; // an experience expert, not listed
        let carla = app.user("Carla Kerngroep").await;
        set_kind(&app, &carla, "municipality").await;
        app.add_member(network, &anna, &carla, "core_group").await; // listed

        let path = format!("/api/v1/networks/{network}/stakeholder-map");
        for token in [None, Some(anna.token.as_str())] {
            let map = app.get(&path, token).await.expect(200).body;
            assert_eq!(map["members"], 3);
            assert_eq!(map["coreGroup"], 2);
            assert_eq!(map["experienceExperts"], 1);
            assert_eq!(map["experienceExpertsInCoreGroup"], 0);
            assert_eq!(
                map["signals"],
                json!(["no_experience_expert_in_core_group"])
            );
            let member = place(&map, "member", "experience_expert").unwrap();
            assert_eq!(member["count"], 1);
            assert_eq!(member["named"], json!([]), "not listed: counted, not named");
            let core = place(&map, "core_group", "municipality").unwrap();
            assert_eq!(core["named"][0]["name"], "Carla Kerngroep");
            let text = map.to_string();
            assert!(
                !text.contains("Bert"),
                "an unlisted member's name never shows"
            );
            assert!(!text.contains("@example.org"), "no contact details");
        }

        // An experience expert in the core group ends the signal.
        let dirk = app.user("Dirk Ervaring").await;
        app.add_member(network, &anna, &dirk, "core_group").await;
        let map = app.get(&path, None).await.expect(200).body;
        assert_eq!(map["experienceExpertsInCoreGroup"], 1);
        assert_eq!(map["signals"], json!([]));
    }
);

both!(
    the_core_group_adds_and_removes_open_seats,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let network = app.network(&anna, "Werk voor iedereen").await;
        let bert = app.user("Bert").await;
        app.join(network, &bert).await;
        let outsider = app.user("Olaf").await;
        let seats = format!("/api/v1/networks/{network}/open-seats");
        let seat = json!({"kind": "company", "role": "partner", "description": "Een werkgever uit de regio"});

        app.post(&seats, Some(&bert.token), seat.clone())
            .await
            .expect(403);
        app.post(&seats, Some(&outsider.token), seat.clone())
            .await
            .expect(403);
        app.post(&seats, None, seat.clone()).await.expect(401);
        let r = app
            .post(
                &seats,
                Some(&anna.token),
                json!({"kind": "boss", "description": "x"}),
            )
            .await
            .expect(400);
        let mut names = r.invalid_names();
        names.sort();
        assert_eq!(names, vec!["description", "kind", "role"]);
        assert_eq!(app.db_count("open_seats"), 0, "nothing written");

        let added = app
            .post(&seats, Some(&anna.token), seat)
            .await
            .expect(201)
            .body;
        assert_eq!(added["kind"], "company");
        assert_eq!(added["description"], "Een werkgever uit de regio");
        let id = added["id"].as_i64().unwrap();
        let listed = app.get(&seats, None).await.expect(200).items();
        assert_eq!(listed.len(), 1);
        let map = app
            .get(&format!("/api/v1/networks/{network}/stakeholder-map"), None)
            .await
            .expect(200)
            .body;
        assert_eq!(map["openSeats"][0]["id"], id);

        app.delete(&format!("/api/v1/open-seats/{id}"), Some(&bert.token))
            .await
            .expect(403);
        app.delete(&format!("/api/v1/open-seats/{id}"), Some(&anna.token))
            .await
            .expect(204);
        app.delete(&format!("/api/v1/open-seats/{id}"), Some(&anna.token))
            .await
            .expect(404);
        assert!(app.get(&seats, None).await.expect(200).items().is_empty());
    }
);

both!(
    a_members_only_network_keeps_its_table_to_itself,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let network = app
        .network_with(&anna, json!({"name": "Besloten kring", "theme": "Ervaringen delen", "scope": "local", "municipalityCode": "GM0114", "visibility": "members"}))
        .await;
        let outsider = app.user("Olaf").await;
        let seat = app
            .post(
                &format!("/api/v1/networks/{network}/open-seats"),
                Some(&anna.token),
                json!({"kind": "professional", "role": "member", "description": "Een jobcoach"}),
            )
            .await
            .expect(201)
            .id();
        for path in [
            format!("/api/v1/networks/{network}/stakeholder-map"),
            format!("/api/v1/networks/{network}/stakeholder-map.svg"),
            format!("/api/v1/networks/{network}/open-seats"),
        ] {
            app.get(&path, None).await.expect(404);
            app.get(&path, Some(&outsider.token)).await.expect(404);
            app.get(&path, Some(&anna.token)).await.expect(200);
        }
        app.delete(&format!("/api/v1/open-seats/{seat}"), Some(&outsider.token))
            .await
            .expect(404);
    }
);

both!(
    the_drawing_names_every_cell_and_seat,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        set_kind(&app, &anna, "professional").await;
        let network = app.network(&anna, "Musea & meer").await;
        app.post(
        &format!("/api/v1/networks/{network}/open-seats"),
        Some(&anna.token),
        json!({"kind": "experience_expert", "role": "core_group", "description": "Iemand die doof is <en NGT spreekt>"}),
    )
    .await
    .expect(201);
        let r = app
            .get(
                &format!("/api/v1/networks/{network}/stakeholder-map.svg"),
                None,
            )
            .await
            .expect(200);
        assert_eq!(
            r.header("content-type").as_deref(),
            Some("image/svg+xml; charset=utf-8")
        );
        assert!(r.header("content-disposition").is_none());
        let svg = r.text.clone();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img" aria-labelledby="tafel-titel tafel-uitleg""#));
        assert!(svg
            .contains("<title id=\"tafel-titel\">Wie zit aan tafel bij Musea &amp; meer?</title>"));
        assert_eq!(
            svg.matches("<g class=\"tm-rings-cell\"><title>").count(),
            3 * 8
        );
        // Anna did not agree to be listed: counted, not named.
        assert!(svg.contains("<title>Kerngroep, Professionals: 1</title>"));
        assert!(svg.contains("<title>Open plek: Iemand die doof is &lt;en NGT spreekt&gt;</title>"));
        assert!(svg.contains("Let op: er doet nog geen ervaringsdeskundige mee."));
        assert_eq!(svg.matches('<').count(), svg.matches('>').count());

        let r = app
            .get(
                &format!("/api/v1/networks/{network}/stakeholder-map.svg?lang=en&download=true"),
                None,
            )
            .await
            .expect(200);
        assert_eq!(
            r.header("content-disposition").as_deref(),
            Some(format!("attachment; filename=\"stakeholdersmap-{network}.svg\"").as_str())
        );
        assert!(r.text.contains("Who is at the table of Musea &amp; meer?"));
        let r = app
            .get(
                &format!("/api/v1/networks/{network}/stakeholder-map.svg?lang=fr"),
                None,
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_names(), vec!["lang"]);
    }
);
