//! Documents: sharing a file as multipart/form-data, its kind from its
//! bytes, who sees and downloads it, the limits, and nothing left behind.

use actix_web::http::header;
use actix_web::test::TestRequest;
use serde_json::json;

use crate::both;
use crate::common::{Resp, TestApp, User};
use crate::messages::accept_rules;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\x00\x01\x01\x01\0\x18\xdd\x8d\xb0\0\0\0\0IEND\xaeB`\x82";

/// A multipart/form-data body: text fields, then the file (if any).
fn form(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "----themanet-test-boundary-7MA4YWxk";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
    }
    if let Some((name, bytes)) = file {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(
    app: &TestApp,
    network: i64,
    by: Option<&User>,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> Resp {
    let (content_type, body) = form(fields, file);
    let mut req = TestRequest::post()
        .uri(&format!("/api/v1/networks/{network}/documents"))
        .insert_header((header::CONTENT_TYPE, content_type))
        .set_payload(body);
    if let Some(u) = by {
        req = req.insert_header((header::AUTHORIZATION, format!("Bearer {}", u.token)));
    }
    app.send(req).await
}

async fn download(app: &TestApp, id: i64, by: Option<&User>) -> Resp {
    let mut req = TestRequest::get().uri(&format!("/api/v1/documents/{id}/content"));
    if let Some(u) = by {
        req = req.insert_header((header::AUTHORIZATION, format!("Bearer {}", u.token)));
    }
    app.send(req).await
}

both!(
    members_share_documents_that_members_download,
    |app: TestApp| async move {
        let coordinator = app.user("Coordinator").await;
        let network = app.network(&coordinator, "Toegankelijke musea").await;
        let member = app.user("Mila").await;
        app.join(network, &member).await;
        let outsider = app.user("Olaf").await;
        let goal = app
            .goal(network, &coordinator, "Een gids in gebarentaal")
            .await;
        // A member shares and reads the members' documents once they
        // accepted the house rules.
        let r = upload(
            &app,
            network,
            Some(&member),
            &[("title", "Te vroeg")],
            Some(("x.txt", b"hallo")),
        )
        .await
        .expect(403);
        assert!(r.body["detail"].as_str().unwrap().contains("house rules"));
        accept_rules(&app, network, &member).await;

        let r = upload(
            &app,
            network,
            Some(&member),
            &[
                ("title", "Verslag schouw"),
                ("description", "Wat we zagen"),
                ("goalId", &goal.to_string()),
            ],
            Some(("verslag.pdf", PDF)),
        )
        .await
        .expect(201);
        let id = r.id();
        assert_eq!(r.body["mediaType"], "application/pdf");
        assert_eq!(r.body["visibility"], "members");
        assert_eq!(r.body["sizeBytes"], PDF.len());
        assert_eq!(r.body["goalId"], goal);
        assert_eq!(r.body["uploadedBy"], "Mila");
        assert_eq!(r.body["editable"], true);
        assert!(r
            .header("location")
            .unwrap()
            .ends_with(&format!("/documents/{id}")));

        // Members read and download it; outsiders and visitors do not know it exists.
        let got = download(&app, id, Some(&coordinator)).await.expect(200);
        assert_eq!(got.text.as_bytes(), PDF);
        assert_eq!(
            got.header("content-type").as_deref(),
            Some("application/pdf")
        );
        assert_eq!(
            got.header("x-content-type-options").as_deref(),
            Some("nosniff")
        );
        let disposition = got.header("content-disposition").unwrap();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        assert!(disposition.contains("verslag.pdf"), "{disposition}");
        // The ETag is the file's hash: a second download can be skipped.
        let tag = got.header("etag").unwrap();
        let again = app
            .send(
                TestRequest::get()
                    .uri(&format!("/api/v1/documents/{id}/content"))
                    .insert_header((
                        header::AUTHORIZATION,
                        format!("Bearer {}", coordinator.token),
                    ))
                    .insert_header((header::IF_NONE_MATCH, tag)),
            )
            .await;
        assert_eq!(again.status, 304);
        for who in [Some(&outsider), None] {
            download(&app, id, who).await.expect(404);
            app.get(
                &format!("/api/v1/documents/{id}"),
                who.map(|u| u.token.as_str()),
            )
            .await
            .expect(404);
            let list = app
                .get(
                    &format!("/api/v1/networks/{network}/documents"),
                    who.map(|u| u.token.as_str()),
                )
                .await
                .expect(200);
            assert!(list.items().is_empty());
        }
        // Outsiders do not share in a network that is not theirs.
        upload(
            &app,
            network,
            Some(&outsider),
            &[("title", "Spam")],
            Some(("x.txt", b"hallo")),
        )
        .await
        .expect(403);
        upload(
            &app,
            network,
            None,
            &[("title", "Spam")],
            Some(("x.txt", b"hallo")),
        )
        .await
        .expect(401);

        // A new member who has not accepted the rules is pointed to them.
        let newcomer = app.user("Nina").await;
        app.join(network, &newcomer).await;
        let r = app
            .get(&format!("/api/v1/documents/{id}"), Some(&newcomer.token))
            .await
            .expect(403);
        assert!(r.body["detail"]
            .as_str()
            .unwrap()
            .contains("house-rules/acceptance"));
        let list = app
            .get(
                &format!("/api/v1/networks/{network}/documents"),
                Some(&newcomer.token),
            )
            .await
            .expect(200);
        assert!(list.items().is_empty());
        accept_rules(&app, network, &newcomer).await;
        app.get(&format!("/api/v1/documents/{id}"), Some(&newcomer.token))
            .await
            .expect(200);

        // Made public, everyone sees it; the list filters by goal.
        let etag = app
            .get(&format!("/api/v1/documents/{id}"), Some(&member.token))
            .await
            .expect(200)
            .etag();
        let r = app
            .send(
                TestRequest::patch()
                    .uri(&format!("/api/v1/documents/{id}"))
                    .insert_header((header::AUTHORIZATION, format!("Bearer {}", member.token)))
                    .insert_header((header::IF_MATCH, etag))
                    .insert_header((header::CONTENT_TYPE, "application/merge-patch+json"))
                    .set_payload(
                        json!({"visibility": "public", "title": "Verslag van de schouw"})
                            .to_string(),
                    ),
            )
            .await
            .expect(200);
        assert_eq!(r.body["title"], "Verslag van de schouw");
        download(&app, id, None).await.expect(200);
        let list = app
            .get(
                &format!("/api/v1/networks/{network}/documents?goalId={goal}"),
                None,
            )
            .await
            .expect(200);
        assert_eq!(list.items().len(), 1);
        assert_eq!(list.items()[0]["editable"], false);
        let other_goal = app.goal(network, &coordinator, "Iets anders").await;
        let list = app
            .get(
                &format!("/api/v1/networks/{network}/documents?goalId={other_goal}"),
                None,
            )
            .await
            .expect(200);
        assert!(list.items().is_empty());

        // Only the sharer and the core group change or delete it.
        app.patch(
            &format!("/api/v1/documents/{id}"),
            Some(&outsider.token),
            json!({"title": "Van mij"}),
        )
        .await
        .expect(403);
        app.delete(&format!("/api/v1/documents/{id}"), Some(&outsider.token))
            .await
            .expect(403);
        app.delete(&format!("/api/v1/documents/{id}"), Some(&coordinator.token))
            .await
            .expect(204);
        // Its bytes are gone with it.
        assert_eq!(app.db_count("documents"), 0);
        assert_eq!(app.db_count("document_contents"), 0);
        download(&app, id, Some(&member)).await.expect(404);
    }
);

both!(a_file_is_what_its_bytes_say, |app: TestApp| async move {
    let coordinator = app.user("Coordinator").await;
    let network = app.network(&coordinator, "Inclusief onderwijs").await;
    let c = Some(&coordinator);
    // An image says what it shows.
    let r = upload(
        &app,
        network,
        c,
        &[("title", "Foto")],
        Some(("foto.png", PNG)),
    )
    .await
    .expect(400);
    assert_eq!(r.invalid_names(), vec!["altText"]);
    let r = upload(
        &app,
        network,
        c,
        &[
            ("title", "Foto"),
            ("altText", "Een oprijplaat bij de ingang"),
        ],
        Some(("foto.png", PNG)),
    )
    .await
    .expect(201);
    assert_eq!(r.body["mediaType"], "image/png");
    // A program, a web page, or a file whose name lies: 415.
    upload(
        &app,
        network,
        c,
        &[("title", "Programma")],
        Some(("notities.txt", b"MZ\x90\0\x03\0\0\0\x04\0")),
    )
    .await
    .expect(415);
    upload(
        &app,
        network,
        c,
        &[("title", "Pagina")],
        Some(("pagina.txt", b"<!DOCTYPE html><script>alert(1)</script>")),
    )
    .await
    .expect(415);
    let r = upload(
        &app,
        network,
        c,
        &[("title", "Verslag"), ("altText", "x")],
        Some(("verslag.pdf", PNG)),
    )
    .await
    .expect(415);
    assert!(r.body["detail"].as_str().unwrap().contains("image/png"));
    upload(
        &app,
        network,
        c,
        &[("title", "Lijst")],
        Some(("lijst.txt.exe", "naam;rol\n".as_bytes())),
    )
    .await
    .expect(415);
    // Plain text is taken.
    upload(
        &app,
        network,
        c,
        &[("title", "Notulen")],
        Some(("notulen.txt", "Notulen van 3 maart: één".as_bytes())),
    )
    .await
    .expect(201);
    // Every bad field at once; nothing half-written.
    let r = upload(
        &app,
        network,
        c,
        &[
            ("title", ""),
            ("visibility", "secret"),
            ("goalId", "999999"),
            ("colour", "blue"),
        ],
        None,
    )
    .await
    .expect(400);
    let mut names = r.invalid_names();
    names.sort();
    assert_eq!(
        names,
        vec!["colour", "file", "goalId", "title", "visibility"]
    );
    assert_eq!(app.db_count("documents"), 2);
    assert_eq!(app.db_count("document_contents"), 2);
    // Not a form at all.
    app.post(
        &format!("/api/v1/networks/{network}/documents"),
        c.map(|u| u.token.as_str()),
        json!({"title": "x"}),
    )
    .await
    .expect(415);
});

both!(
    files_and_networks_have_their_limits,
    |app: TestApp| async move {
        let app = TestApp::start_with(app.backend(), |c| {
            c.document_max_bytes = 1024;
            c.document_quota_bytes = 2500;
        })
        .await;
        let coordinator = app.user("Coordinator").await;
        let network = app.network(&coordinator, "Werk voor iedereen").await;
        let c = Some(&coordinator);
        let big = "a".repeat(1025);
        let r = upload(
            &app,
            network,
            c,
            &[("title", "Te groot")],
            Some(("groot.txt", big.as_bytes())),
        )
        .await
        .expect(413);
        assert!(r.body["detail"].as_str().unwrap().contains("MB"));
        let fits = "b".repeat(1000);
        upload(
            &app,
            network,
            c,
            &[("title", "Een")],
            Some(("een.txt", fits.as_bytes())),
        )
        .await
        .expect(201);
        upload(
            &app,
            network,
            c,
            &[("title", "Twee")],
            Some(("twee.txt", fits.as_bytes())),
        )
        .await
        .expect(201);
        let r = upload(
            &app,
            network,
            c,
            &[("title", "Drie")],
            Some(("drie.txt", fits.as_bytes())),
        )
        .await
        .expect(409);
        assert!(r.body["detail"].as_str().unwrap().contains("full"));
        assert_eq!(app.db_count("documents"), 2);
    }
);
