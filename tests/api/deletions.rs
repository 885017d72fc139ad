//! The deletion feed: a sync with `updatedSince` also answers what left the
//! list since then (`deleted`, id and time), so an integrator's copy can be
//! exact; only ids the viewer cannot see now, only on the first page.

use chrono::{Duration, SecondsFormat, Utc};
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::both;
use crate::common::{self, TestApp};

/// A time a moment ago, as a query value.
fn moment_ago() -> String {
    (Utc::now() - Duration::seconds(1)).to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// The ids in a page's `deleted`, sorted; panics when it has none.
fn deleted_ids(body: &Value) -> Vec<i64> {
    let mut ids: Vec<i64> = body["deleted"]
        .as_array()
        .unwrap_or_else(|| panic!("no deleted in {body}"))
        .iter()
        .map(|d| d["id"].as_i64().expect("an id"))
        .collect();
    ids.sort();
    ids
}

/// The `deleted` ids of a list since `since`, as `token` sees them.
async fn deleted(app: &TestApp, list: &str, since: &str, token: Option<&str>) -> Vec<i64> {
    let sep = if list.contains('?') { '&' } else { '?' };
    let r = app
        .get(&format!("{list}{sep}updatedSince={since}"), token)
        .await
        .expect(200);
    deleted_ids(&r.body)
}

/// The feed's rows of a resource, read from the database itself.
fn recorded(app: &TestApp, resource: &str) -> Vec<i64> {
    use themanet::db::schema::deletions;
    let mut conn = app.db.conn();
    let mut ids: Vec<i64> = deletions::table
        .filter(deletions::resource.eq(resource))
        .select(deletions::resource_id)
        .load(&mut conn)
        .expect("the feed's rows");
    ids.sort();
    ids
}

fn meeting() -> Value {
    let start = Utc::now() + Duration::days(7);
    json!({
        "title": "Overleg",
        "kind": "network_meeting",
        "format": "in_person",
        "startsAt": start.to_rfc3339(),
        "endsAt": (start + Duration::hours(2)).to_rfc3339(),
    })
}

async fn plan_meeting(app: &TestApp, network: i64, by: &common::User) -> i64 {
    app.post(
        &format!("/api/v1/networks/{network}/meetings"),
        Some(&by.token),
        meeting(),
    )
    .await
    .expect(201)
    .id()
}

both!(
    deletions_of_every_synced_list_are_answered,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let gone = app.network(&anna, "Weg").await;
        let goal = app.goal(gone, &anna, "Doel").await;
        let step = app
            .post(
                &format!("/api/v1/networks/{gone}/goals"),
                Some(&anna.token),
                json!({"title": "Stap", "parentId": goal}),
            )
            .await
            .expect(201)
            .id();
        let gone_meeting = plan_meeting(&app, gone, &anna).await;
        let stays = app.network(&anna, "Blijft").await;
        app.goal(stays, &anna, "Blijft staan").await;
        let dropped_goal = app.goal(stays, &anna, "Vervalt").await;
        let link = app
            .link(
                &anna,
                json!({"url": "https://www.example.org/weg", "title": "Weg", "networkId": stays}),
            )
            .await;
        let profile = app
            .post(
                "/api/v1/stakeholders",
                Some(&anna.token),
                json!({"kind": "company", "name": "Drukkerij", "listed": true}),
            )
            .await
            .expect(201)
            .id();
        let since = moment_ago();

        // Nothing left yet: every synced list answers an empty `deleted`.
        for list in [
            "/api/v1/networks".to_string(),
            "/api/v1/stakeholders".into(),
            format!("/api/v1/networks/{stays}/goals"),
            "/api/v1/knowledge-links".into(),
            "/api/v1/meetings?when=all".into(),
            format!("/api/v1/networks/{stays}/meetings?when=all"),
        ] {
            assert_eq!(deleted(&app, &list, &since, None).await, Vec::<i64>::new());
        }

        app.delete(&format!("/api/v1/networks/{gone}"), Some(&anna.token))
            .await
            .expect(204);
        app.delete(&format!("/api/v1/goals/{dropped_goal}"), Some(&anna.token))
            .await
            .expect(204);
        app.delete(
            &format!("/api/v1/knowledge-links/{link}"),
            Some(&anna.token),
        )
        .await
        .expect(204);
        app.delete(
            &format!("/api/v1/stakeholders/{profile}"),
            Some(&anna.token),
        )
        .await
        .expect(204);

        let r = app
            .get(&format!("/api/v1/networks?updatedSince={since}"), None)
            .await
            .expect(200);
        assert_eq!(deleted_ids(&r.body), vec![gone]);
        let entry = &r.body["deleted"][0];
        let at = entry["deletedAt"].as_str().expect("a time");
        let at = chrono::DateTime::parse_from_rfc3339(at).expect("RFC 3339");
        assert!(at > Utc::now() - Duration::minutes(1) && at <= Utc::now());
        assert_eq!(
            entry.as_object().map(|o| o.len()),
            Some(2),
            "only id and time: {entry}"
        );
        // Gone with the network, by its foreign keys: its goals, their
        // steps and its meetings.
        assert_eq!(recorded(&app, "goal"), {
            let mut ids = vec![goal, step, dropped_goal];
            ids.sort();
            ids
        });
        assert_eq!(
            deleted(&app, "/api/v1/meetings?when=all", &since, None).await,
            vec![gone_meeting]
        );
        // A network's own lists: its own deletions only.
        let goals = format!("/api/v1/networks/{stays}/goals");
        assert_eq!(
            deleted(&app, &goals, &since, None).await,
            vec![dropped_goal]
        );
        let r = app
            .get(&format!("{goals}?updatedSince={since}"), None)
            .await
            .expect(200);
        let ids: Vec<i64> = r.items().iter().filter_map(|g| g["id"].as_i64()).collect();
        assert!(
            !ids.contains(&dropped_goal),
            "a deleted goal is not an item"
        );
        app.get(
            &format!("/api/v1/networks/{gone}/goals?updatedSince={since}"),
            None,
        )
        .await
        .expect(404);
        assert_eq!(
            deleted(
                &app,
                &format!("/api/v1/networks/{stays}/meetings?when=all"),
                &since,
                None
            )
            .await,
            Vec::<i64>::new()
        );
        assert_eq!(
            deleted(&app, "/api/v1/knowledge-links", &since, None).await,
            vec![link]
        );
        assert_eq!(
            deleted(&app, "/api/v1/stakeholders", &since, None).await,
            vec![profile]
        );
        // Signed in, the same.
        assert_eq!(
            deleted(&app, "/api/v1/networks", &since, Some(&anna.token)).await,
            vec![gone]
        );
    }
);

both!(
    a_network_made_members_only_leaves_the_public_copy,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let network = app.network(&anna, "Wordt besloten").await;
        let public_meeting = plan_meeting(&app, network, &anna).await;
        let link = app
            .link(
                &anna,
                json!({"url": "https://www.example.org/a", "title": "Eerste link", "networkId": network}),
            )
            .await;
        let since = moment_ago();
        app.patch(
            &format!("/api/v1/networks/{network}"),
            Some(&anna.token),
            json!({"visibility": "members"}),
        )
        .await
        .expect(200);

        // Anonymous readers drop it, with its meetings and links.
        assert_eq!(
            deleted(&app, "/api/v1/networks", &since, None).await,
            vec![network]
        );
        assert_eq!(
            deleted(&app, "/api/v1/meetings?when=all", &since, None).await,
            vec![public_meeting]
        );
        assert_eq!(
            deleted(&app, "/api/v1/knowledge-links", &since, None).await,
            vec![link]
        );
        // Its member still sees them: nothing to drop.
        for list in [
            "/api/v1/networks",
            "/api/v1/meetings?when=all",
            "/api/v1/knowledge-links",
        ] {
            assert_eq!(
                deleted(&app, list, &since, Some(&anna.token)).await,
                Vec::<i64>::new(),
                "{list}"
            );
        }

        // What happens inside a members-only network stays there: a link
        // added and deleted there is told to its members, not to others.
        let inner = app
            .link(
                &anna,
                json!({"url": "https://www.example.org/b", "title": "Tweede link", "networkId": network}),
            )
            .await;
        app.delete(
            &format!("/api/v1/knowledge-links/{inner}"),
            Some(&anna.token),
        )
        .await
        .expect(204);
        let bert = app.user("Bert").await;
        assert_eq!(
            deleted(&app, "/api/v1/knowledge-links", &since, Some(&bert.token)).await,
            vec![link]
        );
        assert_eq!(
            deleted(&app, "/api/v1/knowledge-links", &since, Some(&anna.token)).await,
            vec![inner]
        );

        // Public again: nobody is told to drop what they can see.
        app.patch(
            &format!("/api/v1/networks/{network}"),
            Some(&anna.token),
            json!({"visibility": "public"}),
        )
        .await
        .expect(200);
        assert_eq!(
            deleted(&app, "/api/v1/networks", &since, None).await,
            Vec::<i64>::new()
        );
    }
);

both!(
    an_updated_since_older_than_the_feed_asks_for_a_full_sync,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let network = app.network(&anna, "Oud").await;
        let kept = (Utc::now() - Duration::days(89)).to_rfc3339_opts(SecondsFormat::Secs, true);
        let lost = (Utc::now() - Duration::days(91)).to_rfc3339_opts(SecondsFormat::Secs, true);
        for list in [
            "/api/v1/networks".to_string(),
            "/api/v1/stakeholders".into(),
            format!("/api/v1/networks/{network}/goals"),
            "/api/v1/knowledge-links".into(),
            "/api/v1/meetings".into(),
            format!("/api/v1/networks/{network}/meetings"),
        ] {
            app.get(&format!("{list}?updatedSince={kept}"), None)
                .await
                .expect(200);
            let r = app
                .get(&format!("{list}?updatedSince={lost}"), None)
                .await
                .expect(400);
            assert_eq!(r.invalid_codes(), vec!["updatedSince range"], "{list}");
            let problem = &r.body["invalidParams"][0];
            assert_eq!(problem["expected"], "fullSync");
            let reason = problem["reason"].as_str().unwrap_or_default();
            assert!(reason.contains("90 days"), "{reason}");
            assert!(reason.contains("without updatedSince"), "{reason}");
        }
        // Lists that answer no deletions keep taking any time.
        app.get(
            &format!("/api/v1/networks/{network}/members?updatedSince={lost}"),
            Some(&anna.token),
        )
        .await
        .expect(200);
    }
);

both!(
    deleted_is_only_on_the_first_page_of_a_sync,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let since = moment_ago();
        for name in ["Een", "Twee", "Drie"] {
            app.network(&anna, name).await;
        }
        let gone = app.network(&anna, "Vier").await;
        app.delete(&format!("/api/v1/networks/{gone}"), Some(&anna.token))
            .await
            .expect(204);
        // Without updatedSince: no `deleted` at all.
        let r = app.get("/api/v1/networks", None).await.expect(200);
        assert!(r.body.get("deleted").is_none(), "{}", r.text);
        let r = app
            .get(
                &format!("/api/v1/networks?pageSize=2&updatedSince={since}"),
                None,
            )
            .await
            .expect(200);
        assert_eq!(deleted_ids(&r.body), vec![gone]);
        let next = r.next_path().expect("a next page");
        let r = app.get(&next, None).await.expect(200);
        assert_eq!(r.items().len(), 1);
        assert!(r.body.get("deleted").is_none(), "{}", r.text);
    }
);

both!(
    purge_removes_old_rows_of_the_feed,
    |app: TestApp| async move {
        use themanet::db::schema::deletions;
        let anna = app.user("Anna").await;
        let old = app.network(&anna, "Lang geleden").await;
        let recent = app.network(&anna, "Net weg").await;
        for id in [old, recent] {
            app.delete(&format!("/api/v1/networks/{id}"), Some(&anna.token))
                .await
                .expect(204);
        }
        let mut conn = app.db.conn();
        let long_ago = themanet::db::now() - Duration::days(91);
        diesel::update(deletions::table.filter(deletions::resource_id.eq(old)))
            .set(deletions::deleted_at.eq(long_ago))
            .execute(&mut conn)
            .expect("age a row");
        let removed = themanet::queries::deletions::purge(&mut conn, 90).expect("purge");
        assert_eq!(removed, 1);
        assert_eq!(recorded(&app, "network"), vec![recent]);
    }
);

both!(
    a_meeting_made_members_only_and_an_unlisted_profile_leave_public_copies,
    |app: TestApp| async move {
        let anna = app.user("Anna").await;
        let bert = app.user("Bert").await;
        let network = app.network(&anna, "Open netwerk").await;
        let meeting = plan_meeting(&app, network, &anna).await;
        app.patch(
            &format!("/api/v1/stakeholders/{}", bert.stakeholder_id),
            Some(&bert.token),
            json!({"listed": true}),
        )
        .await
        .expect(200);
        let since = moment_ago();
        app.patch(
            &format!("/api/v1/meetings/{meeting}"),
            Some(&anna.token),
            json!({"visibility": "members", "kind": "core_group_meeting"}),
        )
        .await
        .expect(200);
        app.patch(
            &format!("/api/v1/stakeholders/{}", bert.stakeholder_id),
            Some(&bert.token),
            json!({"listed": false}),
        )
        .await
        .expect(200);

        let network_meetings = format!("/api/v1/networks/{network}/meetings?when=all");
        for list in ["/api/v1/meetings?when=all", network_meetings.as_str()] {
            assert_eq!(deleted(&app, list, &since, None).await, vec![meeting]);
            assert_eq!(
                deleted(&app, list, &since, Some(&bert.token)).await,
                vec![meeting]
            );
            // The network's coordinator still sees it.
            assert_eq!(
                deleted(&app, list, &since, Some(&anna.token)).await,
                Vec::<i64>::new()
            );
        }
        assert_eq!(
            deleted(&app, "/api/v1/stakeholders", &since, None).await,
            vec![bert.stakeholder_id]
        );
        // Bert still sees his own profile.
        assert_eq!(
            deleted(&app, "/api/v1/stakeholders", &since, Some(&bert.token)).await,
            Vec::<i64>::new()
        );
    }
);
