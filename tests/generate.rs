//! The load-test data generator (`themanet generate`): exact sizes, the same
//! data for the same seed on both backends, a search index equal to the
//! API's own, and data the API serves.

mod common;

use std::collections::HashMap;

use diesel::dsl::count_star;
use diesel::prelude::*;
use serde_json::json;
use themanet::db::models::{Network, NetworkValues, StakeholderValues};
use themanet::db::schema::{
    goals, knowledge_link_audiences, knowledge_links, memberships, network_topics, networks,
    search_docs, stakeholder_tags, stakeholders,
};
use themanet::db::{Backend, DbConn};
use themanet::demo::generate::{generate, Sizes};

const SIZES: Sizes = Sizes {
    networks: 120,
    stakeholders: 400,
    memberships: 1_500,
    goals: 300,
    links: 150,
};

macro_rules! count {
    ($conn:expr, $table:expr) => {
        $table.select(count_star()).first::<i64>($conn).unwrap()
    };
}

/// The index rows of one document.
/// Each posting carries the document's length as well.
fn index_of(conn: &mut DbConn, doc_type: &str, id: i64) -> (i32, Vec<(String, i32, i32)>) {
    let length = search_docs::table
        .filter(search_docs::doc_type.eq(doc_type))
        .filter(search_docs::doc_id.eq(id))
        .select(search_docs::length)
        .first(conn)
        .unwrap();
    let terms = themanet::search::postings_of(conn, doc_type, id)
        .unwrap()
        .into_iter()
        .map(|(term, p)| (term, p.weight, p.length))
        .collect();
    (length, terms)
}

/// What identifies the generated data: names, memberships, goals, links.
fn fingerprint(conn: &mut DbConn) -> Vec<String> {
    let mut out: Vec<String> = networks::table
        .order(networks::id)
        .select((networks::id, networks::name, networks::parent_id))
        .load::<(i64, String, Option<i64>)>(conn)
        .unwrap()
        .into_iter()
        .map(|(id, name, parent)| format!("{id} {name} {parent:?}"))
        .collect();
    out.extend(
        memberships::table
            .order((memberships::network_id, memberships::stakeholder_id))
            .select((
                memberships::network_id,
                memberships::stakeholder_id,
                memberships::role,
            ))
            .load::<(i64, i64, String)>(conn)
            .unwrap()
            .into_iter()
            .map(|(n, s, r)| format!("{n} {s} {r}")),
    );
    out.extend(
        goals::table
            .order(goals::id)
            .select((goals::id, goals::parent_id, goals::title))
            .load::<(i64, Option<i64>, String)>(conn)
            .unwrap()
            .into_iter()
            .map(|(id, p, t)| format!("{id} {p:?} {t}")),
    );
    out.extend(
        knowledge_links::table
            .order(knowledge_links::id)
            .select(knowledge_links::url)
            .load::<String>(conn)
            .unwrap(),
    );
    out
}

both!(
    generated_data_is_complete_indexed_and_served,
    |app: common::TestApp| async move {
        let mut conn = app.db.conn();
        let report = generate(&mut conn, SIZES, 7, false).unwrap();
        assert!(report.rows() > 3_000, "{report:?}");

        // Exact sizes.
        assert_eq!(count!(&mut conn, networks::table), 120);
        assert_eq!(count!(&mut conn, stakeholders::table), 400);
        assert_eq!(count!(&mut conn, memberships::table), 1_500);
        assert_eq!(count!(&mut conn, goals::table), 300);
        assert_eq!(count!(&mut conn, knowledge_links::table), 150);
        assert!(count!(&mut conn, network_topics::table) >= 120);
        assert!(count!(&mut conn, knowledge_link_audiences::table) >= 150);

        // PostgreSQL: every page is marked all-visible (VACUUM), so
        // index-only scans need not read the rows' pages too.
        if let DbConn::Pg(pg) = &mut conn {
            #[derive(QueryableByName)]
            struct Unmarked {
                #[diesel(sql_type = diesel::sql_types::Text)]
                relname: String,
            }
            let unmarked: Vec<String> = diesel::sql_query(
                "SELECT relname::text AS relname FROM pg_class WHERE relkind = 'r' \
                 AND relname IN ('networks', 'stakeholders', 'memberships', 'goals', \
                 'knowledge_links', 'search_blocks', 'search_docs') \
                 AND relallvisible < relpages",
            )
            .load::<Unmarked>(pg)
            .unwrap()
            .into_iter()
            .map(|u| u.relname)
            .collect();
            assert!(unmarked.is_empty(), "not all-visible: {unmarked:?}");
        }

        // Every network has a coordinator.
        let coordinated: std::collections::HashSet<i64> = memberships::table
            .filter(memberships::role.eq("coordinator"))
            .select(memberships::network_id)
            .load::<i64>(&mut conn)
            .unwrap()
            .into_iter()
            .collect();
        assert_eq!(coordinated.len(), 120);

        // The same seed gives the same data, on either backend.
        let other = common::TestDb::new(Backend::Sqlite);
        let mut other_conn = other.conn();
        themanet::migrate(&mut other_conn).unwrap();
        generate(&mut other_conn, SIZES, 7, false).unwrap();
        assert_eq!(fingerprint(&mut conn), fingerprint(&mut other_conn));

        // The index is what the API itself writes: reindexing changes nothing.
        for id in [1i64, 2, 50, 120] {
            let before = index_of(&mut conn, "network", id);
            let network: Network = networks::table
                .find(id)
                .select(Network::as_select())
                .first(&mut conn)
                .unwrap();
            themanet::queries::networks::index(&mut conn, id, &NetworkValues::from(&network))
                .unwrap();
            assert_eq!(before, index_of(&mut conn, "network", id), "network {id}");
        }
        for id in [1i64, 77, 400] {
            let before = index_of(&mut conn, "stakeholder", id);
            let s: themanet::db::models::Stakeholder = stakeholders::table
                .find(id)
                .select(themanet::db::models::Stakeholder::as_select())
                .first(&mut conn)
                .unwrap();
            let talents: Vec<String> = stakeholder_tags::table
                .filter(stakeholder_tags::stakeholder_id.eq(id))
                .filter(stakeholder_tags::kind.eq("talent"))
                .select(stakeholder_tags::value)
                .load(&mut conn)
                .unwrap();
            // The generator writes talents in the order it stores them; the
            // API joins them in the order it was given. Same words either way.
            let v = StakeholderValues::from(&s);
            themanet::queries::stakeholders::index(&mut conn, id, &v, &talents).unwrap();
            assert_eq!(
                before,
                index_of(&mut conn, "stakeholder", id),
                "stakeholder {id}"
            );
        }
        for id in [1i64, 150] {
            let before = index_of(&mut conn, "knowledge_link", id);
            let (title, summary, topic_list): (String, String, String) = knowledge_links::table
                .find(id)
                .select((
                    knowledge_links::title,
                    knowledge_links::summary,
                    knowledge_links::topic_list,
                ))
                .first(&mut conn)
                .unwrap();
            let topics = themanet::db::split_list(&topic_list);
            assert!(!topics.is_empty(), "link {id} has topics");
            themanet::queries::knowledge_links::index(&mut conn, id, &title, &summary, &topics)
                .unwrap();
            assert_eq!(
                before,
                index_of(&mut conn, "knowledge_link", id),
                "link {id}"
            );
        }

        // The API serves it: lists, search, one network, links.
        let big_city = networks::table
            .filter(networks::municipality_code.is_not_null())
            .group_by(networks::municipality_code)
            .select((networks::municipality_code, count_star()))
            .load::<(Option<String>, i64)>(&mut conn)
            .unwrap()
            .into_iter()
            .max_by_key(|(code, n)| (*n, std::cmp::Reverse(code.clone())))
            .and_then(|(code, _)| code)
            .unwrap();
        let page = app
            .get(&format!("/api/v1/networks?municipality={big_city}"), None)
            .await
            .expect(200);
        assert!(!page.items().is_empty());
        let found = app
            .get("/api/v1/networks?q=toegankelijk", None)
            .await
            .expect(200);
        assert!(!found.items().is_empty());
        let one = app.get("/api/v1/networks/1", None).await.expect(200);
        let members: i64 = one.body["memberCounts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["count"].as_i64().unwrap())
            .sum();
        assert!(members >= 1);
        app.get(
            "/api/v1/knowledge-links?audience=everyone&topic=accessibility",
            None,
        )
        .await
        .expect(200);

        // New rows get fresh ids after the generated ones (sequences moved on).
        let user = app.user("Na Generator").await;
        let id = app.network(&user, "Nieuw netwerk na het genereren").await;
        assert_eq!(id, 121);
        let goal = app
            .post(
                &format!("/api/v1/networks/{id}/goals"),
                Some(&user.token),
                json!({"title": "Een nieuw doel"}),
            )
            .await
            .expect(201);
        assert_eq!(goal.id(), 301);

        // Generating again adds to what is there.
        generate(&mut conn, SIZES.divided_by(1), 8, false).unwrap();
        assert_eq!(count!(&mut conn, networks::table), 241);
        let per_kind: HashMap<String, i64> = stakeholders::table
            .group_by(stakeholders::kind)
            .select((stakeholders::kind, count_star()))
            .load::<(String, i64)>(&mut conn)
            .unwrap()
            .into_iter()
            .collect();
        assert!(per_kind.len() >= 5, "{per_kind:?}");
    }
);
