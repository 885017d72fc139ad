//! A network's progress report: the figures equal what was made, the
//! period's bounds hold, a members-only network and members-only meetings
//! stay with those who may see them, no person is named, and the CSV and
//! the printable page are what a spreadsheet and a browser read.

use actix_web::test::TestRequest;
use chrono::{Datelike, Duration, Utc};
use serde_json::{json, Value};

use crate::both;
use crate::common::{TestApp, User};

/// A meeting from `days` from now, two hours long.
fn meeting(title: &str, days: i64, visibility: &str) -> Value {
    let start = Utc::now() + Duration::days(days);
    json!({
        "title": title,
        "kind": "network_meeting",
        "format": "in_person",
        "visibility": visibility,
        "startsAt": start.to_rfc3339(),
        "endsAt": (start + Duration::hours(2)).to_rfc3339(),
    })
}

fn sql(app: &TestApp, statement: &str) {
    let mut conn = app.db.conn();
    diesel::RunQueryDsl::execute(diesel::sql_query(statement), &mut conn).expect(statement);
}

/// A timestamp `days` (and `hours`) from now, as both databases read it
/// in SQL.
fn stamp(days: i64, hours: i64) -> String {
    (Utc::now() + Duration::days(days) + Duration::hours(hours))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// Moves a meeting to `days` from now, two hours long.
fn move_meeting(app: &TestApp, id: i64, days: i64) {
    sql(
        app,
        &format!(
            "UPDATE meetings SET starts_at = '{}', ends_at = '{}' WHERE id = {id}",
            stamp(days, 0),
            stamp(days, 2)
        ),
    );
}

/// The period of the last 30 days, as a query.
fn last_month() -> String {
    let today = Utc::now().date_naive();
    format!("from={}&to={today}", today - Duration::days(30))
}

struct Stage {
    network: i64,
    carla: User,
    kees: User,
    mila: User,
}

/// A network in Utrecht with a coordinator (Carla), a core group member
/// (Kees), a member (Mila) and the municipality as partner; two goals and
/// a step; meetings held, cancelled, members-only and too long ago; a
/// question to a national network.
async fn stage(app: &TestApp) -> Stage {
    let carla = app.user("Carla Coordinator").await;
    let kees = app.user("Kees Kerngroep").await;
    let mila = app.user("Mila Lid").await;
    let network = app.network(&carla, "Toegankelijk Utrecht").await;
    app.add_member(network, &carla, &kees, "core_group").await;
    app.add_member(network, &carla, &mila, "member").await;
    let gemeente = app
        .post(
            "/api/v1/stakeholders",
            Some(&carla.token),
            json!({"kind": "municipality", "name": "Dienst Maatschappelijke Ontwikkeling"}),
        )
        .await
        .expect(201)
        .id();
    app.post(
        &format!("/api/v1/networks/{network}/members"),
        Some(&carla.token),
        json!({"stakeholderId": gemeente, "role": "partner"}),
    )
    .await
    .expect(201);

    let goal = app
        .goal(network, &carla, "Websites die iedereen kan lezen")
        .await;
    let step = app
        .post(&format!("/api/v1/networks/{network}/goals"), Some(&carla.token), json!({"title": "=SOM(A1) <b>vet</b> & \"zo\"", "parentId": goal, "targetDate": "2030-06-01"}))
        .await
        .expect(201)
        .id();
    let old = app.goal(network, &carla, "Vorig jaar behaald").await;
    for id in [step, old] {
        app.patch(
            &format!("/api/v1/goals/{id}"),
            Some(&carla.token),
            json!({"status": "achieved"}),
        )
        .await
        .expect(200);
    }
    // Achieved just before the period began.
    sql(
        app,
        &format!(
            "UPDATE goals SET achieved_at = '{}' WHERE id = {old}",
            stamp(-31, 0)
        ),
    );

    let meetings = format!("/api/v1/networks/{network}/meetings");
    let held = app
        .post(
            &meetings,
            Some(&carla.token),
            meeting("Netwerkavond", 2, "public"),
        )
        .await
        .expect(201)
        .id();
    for user in [&kees, &mila] {
        app.post(
            &format!("/api/v1/meetings/{held}/registrations"),
            Some(&user.token),
            json!({}),
        )
        .await
        .expect(201);
    }
    move_meeting(app, held, -5);
    let cancelled = app
        .post(
            &meetings,
            Some(&carla.token),
            meeting("Afgelast", 4, "public"),
        )
        .await
        .expect(201)
        .id();
    app.patch(
        &format!("/api/v1/meetings/{cancelled}"),
        Some(&carla.token),
        json!({"status": "cancelled", "cancelReason": "Ziek"}),
    )
    .await
    .expect(200);
    move_meeting(app, cancelled, -4);
    app.post(
        &meetings,
        Some(&carla.token),
        meeting("Alleen voor leden", -3, "members"),
    )
    .await
    .expect(201);
    app.post(
        &meetings,
        Some(&carla.token),
        meeting("Te lang geleden", -32, "public"),
    )
    .await
    .expect(201);
    app.post(
        &meetings,
        Some(&carla.token),
        meeting("Nog niet geweest", 3, "public"),
    )
    .await
    .expect(201);

    let nina = app.user("Nina").await;
    let national = app
        .network_with(
            &nina,
            json!({"name": "Netwerk Inclusieve Gemeenten", "theme": "Samen", "scope": "national"}),
        )
        .await;
    app.post(
        &format!("/api/v1/networks/{network}/questions"),
        Some(&carla.token),
        json!({"toNetworkId": national, "title": "Gidsen in gebarentaal", "question": "Kunnen we samen gidsen opleiden?", "beyond": "Dit kan één netwerk niet alleen."}),
    )
    .await
    .expect(201);
    Stage {
        network,
        carla,
        kees,
        mila,
    }
}

fn titles(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|v| v["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

both!(
    a_report_holds_what_happened_in_its_period,
    |app: TestApp| async move {
        let s = stage(&app).await;
        let url = format!("/api/v1/networks/{}/report?{}", s.network, last_month());
        let r = app.get(&url, Some(&s.kees.token)).await.expect(200).body;
        assert_eq!(r["network"]["name"], "Toegankelijk Utrecht");
        assert_eq!(r["network"]["municipalityName"], "Utrecht");
        assert_eq!(r["network"]["country"], "NL");
        assert_eq!(r["publicView"], false);
        let sum = &r["summary"];
        assert_eq!(
            sum["goalsAchieved"], 0,
            "the old goal was achieved before the period"
        );
        assert_eq!(sum["stepsAchieved"], 1);
        assert_eq!(sum["goalsOpen"], 1);
        assert_eq!(sum["meetingsHeld"], 2);
        assert_eq!(sum["meetingsCancelled"], 1);
        assert_eq!(sum["placesTaken"], 2);
        assert_eq!(sum["members"], 4);
        assert_eq!(sum["experienceExperts"], 3);
        assert_eq!(sum["membersJoined"], 4);
        assert_eq!(sum["questionsRaised"], 1);
        assert_eq!(sum["questionsReceived"], 0);
        // Each goal before its steps; the step names its goal.
        let goals = r["goals"].as_array().unwrap();
        assert_eq!(goals.len(), 3);
        assert_eq!(goals[1]["parentId"], goals[0]["id"]);
        assert_eq!(goals[1]["achievedInPeriod"], true);
        assert_eq!(goals[1]["targetDate"], "2030-06-01");
        assert_eq!(goals[2]["achievedInPeriod"], false);
        assert_eq!(goals[2]["status"], "achieved");
        assert_eq!(
            titles(&r["meetings"]),
            ["Netwerkavond", "Alleen voor leden"]
        );
        assert_eq!(r["meetings"][0]["placesTaken"], 2);
        let people = r["participants"].as_array().unwrap();
        assert_eq!(people.len(), 8, "every kind");
        assert_eq!(
            people[0],
            json!({"kind": "experience_expert", "coreGroup": 2, "members": 1, "partners": 0, "total": 3})
        );
        let municipality = people.iter().find(|p| p["kind"] == "municipality").unwrap();
        assert_eq!(municipality["partners"], 1);
        assert_eq!(r["questions"][0]["direction"], "raised");
        assert_eq!(
            r["questions"][0]["otherNetwork"]["name"],
            "Netwerk Inclusieve Gemeenten"
        );

        // A period that ends before anything happened.
        let early = Utc::now().date_naive() - Duration::days(40);
        let before = app
            .get(
                &format!(
                    "/api/v1/networks/{}/report?from={}&to={early}",
                    s.network,
                    early - Duration::days(10)
                ),
                None,
            )
            .await
            .expect(200)
            .body;
        assert_eq!(before["goals"], json!([]));
        assert_eq!(before["summary"]["members"], 0);
        assert_eq!(before["summary"]["questionsRaised"], 0);

        // Outsiders see the public part: no members-only meeting.
        let public = app.get(&url, None).await.expect(200).body;
        assert_eq!(public["publicView"], true);
        assert_eq!(titles(&public["meetings"]), ["Netwerkavond"]);
        assert_eq!(public["summary"]["meetingsHeld"], 1);
        assert_eq!(
            public["summary"]["members"], 4,
            "counts, which the network's page shows too"
        );

        // Nobody is named, in any form.
        let csv = app
            .get(
                &format!("/api/v1/networks/{}/report.csv?{}", s.network, last_month()),
                Some(&s.carla.token),
            )
            .await
            .expect(200);
        let html = app
            .get(
                &format!(
                    "/api/v1/networks/{}/report.html?{}",
                    s.network,
                    last_month()
                ),
                Some(&s.carla.token),
            )
            .await
            .expect(200);
        let json = app.get(&url, Some(&s.carla.token)).await.expect(200);
        for text in [&json.text, &csv.text, &html.text] {
            for who in [&s.carla, &s.kees, &s.mila] {
                assert!(!text.contains(&who.email), "no e-mail addresses");
            }
            for name in ["Carla", "Kees", "Mila", "Nina", "Dienst Maatschappelijke"] {
                assert!(!text.contains(name), "{name} is not named");
            }
        }
        assert!(html.text.contains("Alleen voor leden"));
    }
);

both!(
    a_members_only_network_keeps_its_report_inside,
    |app: TestApp| async move {
        let carla = app.user("Carla").await;
        let mila = app.user("Mila").await;
        let outsider = app.user("Otto").await;
        let network = app
        .network_with(&carla, json!({"name": "Besloten kring", "theme": "Binnen", "scope": "local", "municipalityCode": "GM0344", "visibility": "members"}))
        .await;
        app.add_member(network, &carla, &mila, "member").await;
        let base = format!("/api/v1/networks/{network}");
        for form in ["report", "report.csv", "report.html"] {
            app.get(&format!("{base}/{form}"), None).await.expect(404);
            app.get(&format!("{base}/{form}"), Some(&outsider.token))
                .await
                .expect(404);
            app.get(&format!("{base}/{form}"), Some(&mila.token))
                .await
                .expect(200);
        }
        app.get("/api/v1/networks/99999/report", None)
            .await
            .expect(404);

        // A pass for the browser: only for those who see the network.
        app.post(&format!("{base}/report-pass"), None, json!({}))
            .await
            .expect(401);
        app.post(
            &format!("{base}/report-pass"),
            Some(&outsider.token),
            json!({}),
        )
        .await
        .expect(404);
        let pass = app
            .post(&format!("{base}/report-pass"), Some(&mila.token), json!({}))
            .await
            .expect(200);
        assert_eq!(pass.body["url"], format!("{base}/report.html"));
        let cookie = pass.header("set-cookie").expect("a cookie");
        assert!(cookie.starts_with("themanet_report="), "{cookie}");
        for attribute in ["HttpOnly", "SameSite=Strict", &format!("Path={base}/")] {
            assert!(cookie.contains(attribute), "{cookie} has {attribute}");
        }
        let value = cookie
            .split(';')
            .next()
            .unwrap()
            .trim_start_matches("themanet_report=")
            .to_string();
        let with_pass = |path: String, value: String| {
            TestRequest::get()
                .uri(&path)
                .cookie(actix_web::cookie::Cookie::new("themanet_report", value))
        };
        let page = app
            .send(with_pass(format!("{base}/report.html"), value.clone()))
            .await;
        assert_eq!(page.status, 200);
        assert!(page.text.contains("Besloten kring"));
        let csv = app
            .send(with_pass(format!("{base}/report.csv"), value.clone()))
            .await;
        assert_eq!(csv.status, 200);
        // Not an access token, and not for another network.
        app.get_with_authorization(&format!("{base}/report"), &format!("Bearer {value}"))
            .await
            .expect(401);
        let other = app.network(&outsider, "Open netwerk").await;
        let elsewhere = app
            .send(with_pass(
                format!("/api/v1/networks/{other}/report.html"),
                value.clone(),
            ))
            .await;
        assert_eq!(elsewhere.status, 200);
        assert!(
            elsewhere.text.contains("alleen wat openbaar is"),
            "anonymous there"
        );
        // A pass of someone who left the network opens nothing more.
        app.delete(
            &format!("{base}/members/{}", mila.stakeholder_id),
            Some(&mila.token),
        )
        .await
        .expect(204);
        let gone = app
            .send(with_pass(format!("{base}/report.html"), value))
            .await;
        assert_eq!(gone.status, 404);
    }
);

both!(a_report_period_is_checked, |app: TestApp| async move {
    let carla = app.user("Carla").await;
    let network = app.network(&carla, "Periode").await;
    let base = format!("/api/v1/networks/{network}");
    for form in ["report", "report.csv"] {
        let r = app
            .get(
                &format!("{base}/{form}?from=2026-05-01&to=2026-04-30"),
                None,
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_codes(), ["from rule", "to rule"]);
        assert_eq!(r.body["invalidParams"][0]["expected"], "endsAfterStart");
        let r = app
            .get(
                &format!("{base}/{form}?from=2020-01-01&to=2026-01-01"),
                None,
            )
            .await
            .expect(400);
        assert_eq!(r.invalid_codes(), ["from range", "to range"]);
        let r = app
            .get(&format!("{base}/{form}?from=2026-13-01&to=1-1-2026"), None)
            .await
            .expect(400);
        assert_eq!(r.invalid_codes(), ["from format", "to format"]);
        assert_eq!(r.body["invalidParams"][0]["expected"], "date");
        let r = app
            .get(&format!("{base}/{form}?since=2026-01-01"), None)
            .await
            .expect(400);
        assert_eq!(r.invalid_codes(), ["since unknown"]);
    }
    // The printable page says it in words, on a page, with the form again
    // holding what was sent.
    for (query, nl, en) in [
        (
            "from=2026-05-01&to=2026-04-30",
            "De eerste dag moet op of voor de laatste dag liggen.",
            "The first day must be on or before the last day.",
        ),
        (
            "from=2020-01-01&to=2026-01-01",
            "Een rapport gaat over hoogstens vijf jaar.",
            "A report covers at most five years.",
        ),
        (
            "from=2026-13-01&to=2026-01-01",
            "Van: dit is geen datum.",
            "From: this is not a date.",
        ),
    ] {
        for (lang, words) in [("nl", nl), ("en", en)] {
            let r = app
                .get(&format!("{base}/report.html?{query}&lang={lang}"), None)
                .await
                .expect_page(400);
            let html = &r.text;
            assert!(html.starts_with(&format!("<!doctype html>\n<html lang=\"{lang}\"")));
            assert!(html.contains(words), "{query} {lang}: {html}");
            assert_eq!(html.matches(words).count(), 1, "said once");
            let from = query.split('&').next().unwrap().trim_start_matches("from=");
            assert!(html.contains(&format!("name=\"from\" value=\"{from}\"")));
            assert!(html.contains(&format!("href=\"/netwerk.html?id={network}\"")));
        }
    }
    // A program that asks for JSON gets the problem.
    let r = app
        .send(
            actix_web::test::TestRequest::get()
                .uri(&format!("{base}/report.html?from=2026-05-01&to=2026-04-30"))
                .insert_header(("Accept", "application/problem+json")),
        )
        .await
        .expect(400);
    assert_eq!(r.invalid_codes(), ["from rule", "to rule"]);
    let r = app
        .get(&format!("{base}/report.html?from=%3Cb%3E"), None)
        .await
        .expect_page(400);
    assert!(
        r.text.contains("value=\"&lt;b&gt;\""),
        "what was sent is escaped"
    );
    let r = app
        .get(&format!("{base}/report?lang=en"), None)
        .await
        .expect(400);
    assert_eq!(r.invalid_names(), ["lang"]);
    // By default: this calendar year up to today.
    let r = app
        .get(&format!("{base}/report"), None)
        .await
        .expect(200)
        .body;
    let today = Utc::now().date_naive();
    assert_eq!(r["period"]["to"], today.to_string());
    assert_eq!(r["period"]["from"], format!("{}-01-01", today.year()));
});

/// The Flesch–Douma reading ease of a Dutch text, as the web's
/// readability test counts it, and its number of words.
fn reading_ease(text: &str) -> (f64, usize) {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .collect();
    let sentences = text.matches(|c| ".!?".contains(c)).count().max(1) as f64;
    let syllables: usize = words
        .iter()
        .map(|w| {
            let w = w.to_lowercase();
            let mut groups = 0;
            let mut in_vowel = false;
            for c in w.chars().filter(|c| c.is_alphabetic()) {
                let vowel = "aeiouyäëïöüéèáóú".contains(c);
                if vowel && !in_vowel {
                    groups += 1;
                }
                in_vowel = vowel;
            }
            groups.max(1)
        })
        .sum();
    let n = words.len().max(1) as f64;
    (
        206.835 - 0.93 * (n / sentences) - 77.0 * (syllables as f64 / n),
        words.len(),
    )
}

both!(
    the_csv_and_the_page_are_read_as_they_should,
    |app: TestApp| async move {
        let s = stage(&app).await;
        let base = format!("/api/v1/networks/{}", s.network);
        let csv = app
            .get(&format!("{base}/report.csv?{}", last_month()), None)
            .await
            .expect(200);
        assert_eq!(
            csv.header("content-type").as_deref(),
            Some("text/csv; charset=utf-8")
        );
        let disposition = csv.header("content-disposition").unwrap();
        assert!(
            disposition.starts_with("attachment; filename=\"voortgang-toegankelijk-utrecht-"),
            "{disposition}"
        );
        assert!(
            csv.text.starts_with('\u{feff}'),
            "a byte order mark for Excel"
        );
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(csv.text.trim_start_matches('\u{feff}').as_bytes());
        let head: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(
            head,
            [
                "onderdeel",
                "id",
                "hoort bij",
                "naam",
                "soort",
                "status",
                "datum",
                "streefdatum",
                "behaald op",
                "in periode",
                "waarde"
            ]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        let section = |name: &str| rows.iter().filter(|r| &r[0] == name).count();
        assert_eq!(section("doel"), 2);
        assert_eq!(section("stap"), 1);
        assert_eq!(section("bijeenkomst"), 1, "the public meeting only");
        assert_eq!(section("vraag"), 1);
        let step = rows.iter().find(|r| &r[0] == "stap").unwrap();
        assert_eq!(
            &step[3], "'=SOM(A1) <b>vet</b> & \"zo\"",
            "a formula stays text"
        );
        assert_eq!(&step[9], "ja");
        let held = rows
            .iter()
            .find(|r| &r[3] == "Bijeenkomsten gehouden")
            .unwrap();
        assert_eq!(&held[10], "1");
        let english = app
            .get(&format!("{base}/report.csv?lang=en"), None)
            .await
            .expect(200);
        assert!(english.text.starts_with("\u{feff}section;id;part of;name"));

        let page = app
            .get(
                &format!("{base}/report.html?{}", last_month()),
                Some(&s.carla.token),
            )
            .await
            .expect(200);
        assert_eq!(
            page.header("content-type").as_deref(),
            Some("text/html; charset=utf-8")
        );
        assert!(page
            .header("content-security-policy")
            .unwrap()
            .contains("default-src 'none'"));
        let html = &page.text;
        assert!(html.starts_with("<!doctype html>\n<html lang=\"nl\""));
        assert_eq!(html.matches("<table").count(), 5);
        assert_eq!(
            html.matches("<caption").count(),
            html.matches("<table").count(),
            "every table has a caption"
        );
        assert_eq!(html.matches("<h1").count(), 1);
        assert!(html.contains("scope=\"col\"") && html.contains("scope=\"row\""));
        assert!(html.contains("=SOM(A1) &lt;b&gt;vet&lt;/b&gt; &amp; &quot;zo&quot;"));
        assert!(!html.contains("<b>vet</b>"), "what people typed is escaped");
        assert!(!html.contains("<script"), "no script");
        assert!(html.contains(&format!("href=\"/netwerk.html?id={}\"", s.network)));
        assert!(
            html.contains("<form class=\"tm-report-form\" method=\"get\" action=\"report.html\"")
        );
        for tag in [
            "html", "head", "body", "main", "table", "form", "nav", "header", "footer",
        ] {
            let opened = html.matches(&format!("<{tag}>")).count()
                + html.matches(&format!("<{tag} ")).count();
            assert_eq!(
                opened,
                html.matches(&format!("</{tag}>")).count(),
                "{tag} is closed"
            );
        }
        // Plain Dutch: every paragraph of 12 words or more at B1.
        for p in html.split("<p ").skip(1) {
            let text = p.split_once('>').unwrap().1.split("</p>").next().unwrap();
            let (ease, words) = reading_ease(text);
            assert!(words < 12 || ease >= 40.0, "{text}: {ease:.0}");
        }
        let english = app
            .get(&format!("{base}/report.html?lang=en"), None)
            .await
            .expect(200);
        assert!(
            english.text.contains("<html lang=\"en\"")
                && english.text.contains("Progress report of")
        );
    }
);
