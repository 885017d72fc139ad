//! Migrations: up, down, up again gives the same schema, and that schema is
//! exactly what `api/db/schema.rs` declares. On both backends.

mod common;

use std::collections::BTreeMap;

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use diesel_migrations::MigrationHarness;
use themanet::db::{self, Backend, DbConn};

#[derive(QueryableByName, Debug)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Integer)]
    nullable: i32,
}

/// table -> [(column, diesel type, nullable)], as the database has it.
type Schema = BTreeMap<String, Vec<(String, String, bool)>>;

fn diesel_type(backend: Backend, db_type: &str) -> String {
    let t = db_type.to_ascii_lowercase();
    let name = match (backend, t.as_str()) {
        (Backend::Postgres, "bigint") => "BigInt",
        (Backend::Postgres, "integer") => "Integer",
        (Backend::Postgres, "text") => "Text",
        (Backend::Postgres, "boolean") => "Bool",
        (Backend::Postgres, "timestamp without time zone") => "Timestamp",
        (Backend::Postgres, "date") => "Date",
        (Backend::Postgres, "bytea") => "Binary",
        // SQLite: the integer primary keys are 64-bit rowids.
        (Backend::Sqlite, "integer") => "Integer",
        (Backend::Sqlite, "bigint") => "BigInt",
        (Backend::Sqlite, "text") => "Text",
        (Backend::Sqlite, "boolean") => "Bool",
        (Backend::Sqlite, "timestamp") => "Timestamp",
        (Backend::Sqlite, "date") => "Date",
        (Backend::Sqlite, "blob") => "Binary",
        _ => return format!("unknown {t}"),
    };
    name.to_string()
}

fn read_schema(conn: &mut DbConn) -> Schema {
    let backend = conn.backend();
    let columns: Vec<Column> = match conn {
        DbConn::Pg(c) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type, \
             CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable \
             FROM information_schema.columns WHERE table_schema = current_schema() \
             AND table_name <> '__diesel_schema_migrations' ORDER BY table_name, ordinal_position",
        )
        .load(c)
        .expect("read columns"),
        DbConn::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type, \
             CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 0 ELSE 1 END AS nullable \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations' \
             ORDER BY m.name, p.cid",
        )
        .load(c)
        .expect("read columns"),
    };
    let mut schema = Schema::new();
    for c in columns {
        let mut ty = diesel_type(backend, &c.data_type);
        // An INTEGER PRIMARY KEY on SQLite holds 64-bit ids.
        if backend == Backend::Sqlite && c.column_name == "id" && ty == "Integer" {
            ty = "BigInt".into();
        }
        schema
            .entry(c.table_name)
            .or_default()
            .push((c.column_name, ty, c.nullable == 1));
    }
    schema
}

/// Parses `api/db/schema.rs`: every `table!` with its columns and types.
fn declared_schema() -> Schema {
    let text = include_str!("../api/db/schema.rs");
    let mut schema = Schema::new();
    let mut current: Option<String> = None;
    for line in text.lines().map(str::trim) {
        if let Some(rest) = line.strip_suffix('{') {
            if let Some((name, _)) = rest.trim().split_once(" (") {
                if !name.contains(' ') {
                    current = Some(name.to_string());
                    continue;
                }
            }
        }
        if line == "}" {
            current = None;
            continue;
        }
        if let (Some(table), Some((column, ty))) =
            (&current, line.trim_end_matches(',').split_once(" -> "))
        {
            let (ty, nullable) = match ty
                .strip_prefix("Nullable<")
                .and_then(|t| t.strip_suffix('>'))
            {
                Some(inner) => (inner.to_string(), true),
                None => (ty.to_string(), false),
            };
            schema
                .entry(table.clone())
                .or_default()
                .push((column.to_string(), ty, nullable));
        }
    }
    schema
}

fn up_down_up(backend: Backend) {
    let test_db = common::TestDb::new(backend);
    let mut conn = test_db.conn();
    themanet::migrate(&mut conn).expect("up");
    let first = read_schema(&mut conn);
    match &mut conn {
        DbConn::Pg(c) => c.revert_all_migrations(db::PG_MIGRATIONS).map(|_| ()),
        DbConn::Sqlite(c) => c.revert_all_migrations(db::SQLITE_MIGRATIONS).map(|_| ()),
    }
    .expect("down");
    assert!(
        read_schema(&mut conn).is_empty(),
        "{backend:?}: down removes every table"
    );
    themanet::migrate(&mut conn).expect("up again");
    let second = read_schema(&mut conn);
    assert_eq!(
        first, second,
        "{backend:?}: up, down, up gives the same schema"
    );
    assert_eq!(
        first,
        declared_schema(),
        "{backend:?}: api/db/schema.rs matches the migrations"
    );
}

#[test]
fn migrations_round_trip_on_sqlite() {
    up_down_up(Backend::Sqlite);
}

#[test]
fn migrations_round_trip_on_postgres() {
    up_down_up(Backend::Postgres);
}

/// Reverts the newest applied migration; returns its version.
fn revert_last(conn: &mut DbConn) -> String {
    match conn {
        DbConn::Pg(c) => c.revert_last_migration(db::PG_MIGRATIONS),
        DbConn::Sqlite(c) => c.revert_last_migration(db::SQLITE_MIGRATIONS),
    }
    .expect("down")
    .to_string()
}

/// Reverts the newest migrations up to and including the one whose version
/// ends with `suffix`.
fn revert_through(conn: &mut DbConn, suffix: &str) {
    for _ in 0..50 {
        if revert_last(conn).ends_with(suffix) {
            return;
        }
    }
    panic!("no migration {suffix}");
}

/// Migration 8 keeps each word's postings in blocks: an index made before
/// it (one row per posting in `search_terms`) ranks exactly as before once
/// migrated, and the old table is gone.
fn postings_keep_their_ranking(backend: Backend) {
    let test_db = common::TestDb::new(backend);
    let mut conn = test_db.conn();
    themanet::migrate(&mut conn).expect("up");
    assert!(themanet::demo::load(&mut conn).expect("demo data"));
    let queries = ["museum", "toegankelijk", "gemeente werk", "werk"];
    let ranked = |conn: &mut DbConn| -> Vec<Vec<(i64, f64)>> {
        let stats = themanet::search::Stats::default();
        queries
            .iter()
            .map(|q| {
                themanet::search::search(conn, &stats, "network", q)
                    .expect("search")
                    .to_vec()
            })
            .collect()
    };
    let before = ranked(&mut conn);
    assert!(
        before.iter().all(|r| !r.is_empty()),
        "{backend:?}: every query finds demo networks: {before:?}"
    );
    // Every posting, to write back as migration 7 kept them.
    use themanet::db::schema::search_docs;
    let docs: Vec<(String, i64)> = search_docs::table
        .select((search_docs::doc_type, search_docs::doc_id))
        .load(&mut conn)
        .expect("documents");
    let mut postings = Vec::new();
    for (doc_type, id) in &docs {
        for (term, p) in themanet::search::postings_of(&mut conn, doc_type, *id).expect("postings")
        {
            postings.push(format!(
                "('{doc_type}', {id}, '{term}', {}, {})",
                p.weight, p.length
            ));
        }
    }
    assert!(
        postings.len() > docs.len(),
        "{backend:?}: {}",
        postings.len()
    );
    // Back to before migration 8, the later ones first.
    revert_through(&mut conn, "000008");
    assert!(read_schema(&mut conn).contains_key("search_terms"));
    for chunk in postings.chunks(500) {
        diesel::sql_query(format!(
            "INSERT INTO search_terms (doc_type, doc_id, term, weight, length) VALUES {}",
            chunk.join(", ")
        ))
        .execute(&mut conn)
        .expect("old postings");
    }
    themanet::migrate(&mut conn).expect("up again");
    assert!(
        !read_schema(&mut conn).contains_key("search_terms"),
        "{backend:?}: the old postings are gone"
    );
    assert_eq!(before, ranked(&mut conn), "{backend:?}: the same ranking");
}

#[test]
fn postings_keep_their_ranking_on_sqlite() {
    postings_keep_their_ranking(Backend::Sqlite);
}

#[test]
fn postings_keep_their_ranking_on_postgres() {
    postings_keep_their_ranking(Backend::Postgres);
}

/// Migration 10 counts writes to the search index (`search_generation`), so
/// a server that keeps words in memory sees another instance's change: here
/// a write to `search_blocks` this process's search code did not make.
fn other_instances_changes_reach_kept_words(backend: Backend) {
    use themanet::db::schema::search_generation::dsl as g;
    use themanet::search::{search, Stats};
    let test_db = common::TestDb::new(backend);
    let mut conn = test_db.conn();
    themanet::migrate(&mut conn).expect("up");
    assert!(themanet::demo::load(&mut conn).expect("demo data"));
    let generation = |conn: &mut DbConn| -> i64 {
        g::search_generation
            .select(g::generation)
            .first(conn)
            .expect("generation")
    };
    let both = "museum toegankelijk";
    assert!(
        !search(&mut conn, &Stats::default(), "network", both)
            .expect("search")
            .is_empty(),
        "{backend:?}: the demo has networks with both words"
    );
    let stats = Stats::default();
    assert!(!search(&mut conn, &stats, "network", "museum")
        .expect("search")
        .is_empty());
    // Another instance takes the word out of the index.
    let before = generation(&mut conn);
    diesel::sql_query("DELETE FROM search_blocks WHERE doc_type = 'network' AND term = 'museum'")
        .execute(&mut conn)
        .expect("delete");
    assert!(
        generation(&mut conn) > before,
        "{backend:?}: the triggers count the change"
    );
    // Past the time the count is trusted, the kept word is read again.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(
        search(&mut conn, &stats, "network", both)
            .expect("search")
            .to_vec(),
        Vec::new(),
        "{backend:?}: the word kept in memory follows the change"
    );
}

#[test]
fn other_instances_changes_reach_kept_words_on_sqlite() {
    other_instances_changes_reach_kept_words(Backend::Sqlite);
}

#[test]
fn other_instances_changes_reach_kept_words_on_postgres() {
    other_instances_changes_reach_kept_words(Backend::Postgres);
}

/// Migration 12 counts each network's members per kind and goals per
/// status (`network_counts`) for the data already there, the same counts
/// its triggers keep from then on.
fn counts_are_made_for_existing_networks(backend: Backend) {
    use themanet::db::schema::network_counts;
    let test_db = common::TestDb::new(backend);
    let mut conn = test_db.conn();
    themanet::migrate(&mut conn).expect("up");
    assert!(themanet::demo::load(&mut conn).expect("demo data"));
    type Counts = Vec<(i64, String, String, i64)>;
    let kept = |conn: &mut DbConn| -> Counts {
        network_counts::table
            .filter(network_counts::count.gt(0))
            .select((
                network_counts::network_id,
                network_counts::part,
                network_counts::value,
                network_counts::count,
            ))
            .order_by((
                network_counts::network_id,
                network_counts::part,
                network_counts::value,
            ))
            .load(conn)
            .expect("kept counts")
    };
    let by_triggers = kept(&mut conn);
    assert!(by_triggers.len() > 10, "{backend:?}: {by_triggers:?}");
    assert_eq!(
        by_triggers,
        common::counted_from_tables(&mut conn),
        "{backend:?}: kept by the triggers"
    );
    revert_through(&mut conn, "000012");
    assert!(!read_schema(&mut conn).contains_key("network_counts"));
    themanet::migrate(&mut conn).expect("up again");
    assert_eq!(
        kept(&mut conn),
        by_triggers,
        "{backend:?}: made by the migration"
    );
}

#[test]
fn counts_are_made_for_existing_networks_on_sqlite() {
    counts_are_made_for_existing_networks(Backend::Sqlite);
}

#[test]
fn counts_are_made_for_existing_networks_on_postgres() {
    counts_are_made_for_existing_networks(Backend::Postgres);
}

/// Migration 34 keeps the map's figures per article of the UN Convention
/// (`article_counts`): what its triggers kept while the demo data was
/// written equals what the migration counts from the existing networks,
/// goals and counts when it runs.
fn article_counts_are_made_for_existing_networks(backend: Backend) {
    use themanet::db::schema::article_counts as a;
    let test_db = common::TestDb::new(backend);
    let mut conn = test_db.conn();
    themanet::migrate(&mut conn).expect("up");
    assert!(themanet::demo::load(&mut conn).expect("demo data"));
    type Counts = Vec<(i32, String, String, String, i64)>;
    let kept = |conn: &mut DbConn| -> Counts {
        a::table
            .filter(a::count.ne(0))
            .select((
                a::article,
                a::municipality_code,
                a::part,
                a::value,
                a::count,
            ))
            .order_by((a::article, a::municipality_code, a::part, a::value))
            .load(conn)
            .expect("kept figures")
    };
    let by_triggers = kept(&mut conn);
    assert!(by_triggers.len() > 10, "{backend:?}: {by_triggers:?}");
    assert!(
        by_triggers
            .iter()
            .any(|(_, _, part, _, _)| part == "member"),
        "{backend:?}: members counted"
    );
    revert_through(&mut conn, "000034");
    assert!(!read_schema(&mut conn).contains_key("article_counts"));
    themanet::migrate(&mut conn).expect("up again");
    assert_eq!(
        kept(&mut conn),
        by_triggers,
        "{backend:?}: made by the migration"
    );
}

#[test]
fn article_counts_are_made_for_existing_networks_on_sqlite() {
    article_counts_are_made_for_existing_networks(Backend::Sqlite);
}

#[test]
fn article_counts_are_made_for_existing_networks_on_postgres() {
    article_counts_are_made_for_existing_networks(Backend::Postgres);
}

/// Migration 13: memberships that the audit log shows someone else made for
/// a person with an account become invitations the person can accept
/// (coordinators stay, without sharing their details); the rest count as
/// the person's own act. People show their fields to their networks,
/// organisations to everyone.
fn consent_is_made_for_existing_memberships(backend: Backend) {
    use diesel::connection::SimpleConnection;
    use themanet::db::schema::{invitations, memberships, stakeholders};
    let test_db = common::TestDb::new(backend);
    let mut conn = test_db.conn();
    themanet::migrate(&mut conn).expect("up");
    revert_through(&mut conn, "000013");
    let t = "'2026-11-01 10:00:00'";
    conn.batch_execute(&format!(
        "INSERT INTO users (id, email, password_hash, display_name, is_admin, created_at, updated_at) VALUES
            (1, 'a@example.org', 'x', 'Ada', FALSE, {t}, {t}), (2, 'b@example.org', 'x', 'Bo', FALSE, {t}, {t}),
            (3, 'c@example.org', 'x', 'Cas', FALSE, {t}, {t}), (4, 'd@example.org', 'x', 'Dee', FALSE, {t}, {t});
         INSERT INTO stakeholders (id, kind, name, listed, share_contact, user_id, created_by, created_at, updated_at) VALUES
            (1, 'experience_expert', 'Ada', TRUE, FALSE, 1, 1, {t}, {t}), (2, 'experience_expert', 'Bo', TRUE, TRUE, 2, 2, {t}, {t}),
            (3, 'professional', 'Cas', TRUE, FALSE, 3, 3, {t}, {t}), (4, 'un_ambassador', 'Dee', TRUE, FALSE, 4, 4, {t}, {t}),
            (5, 'company', 'Bakkerij', TRUE, FALSE, NULL, 1, {t}, {t}), (6, 'company', 'Smederij', TRUE, FALSE, NULL, 3, {t}, {t});
         INSERT INTO networks (id, slug, name, theme, scope, description, ambition, needs, status, visibility, communication, created_at, updated_at, topic_list)
            VALUES (1, 'oud', 'Oud netwerk', 'Thema', 'national', '', '', '', 'active', 'public', '', {t}, {t}, '');
         INSERT INTO memberships (network_id, stakeholder_id, role, created_at, updated_at) VALUES
            (1, 1, 'coordinator', {t}, {t}), (1, 2, 'member', {t}, {t}), (1, 3, 'member', {t}, {t}),
            (1, 4, 'coordinator', {t}, {t}), (1, 5, 'partner', {t}, {t}), (1, 6, 'partner', {t}, {t});
         INSERT INTO audit_events (at, actor_id, action, object_type, object_id, network_id) VALUES
            ({t}, 1, 'network.created', 'network', 1, 1),
            ({t}, 1, 'membership.added', 'stakeholder', 2, 1), ({t}, 3, 'membership.added', 'stakeholder', 3, 1),
            ({t}, 1, 'membership.added', 'stakeholder', 4, 1), ({t}, 1, 'membership.added', 'stakeholder', 5, 1),
            ({t}, 1, 'membership.added', 'stakeholder', 6, 1);"
    ))
    .expect("data of before migration 13");
    themanet::migrate(&mut conn).expect("up again");
    let members: Vec<(i64, String, bool)> = memberships::table
        .order(memberships::stakeholder_id)
        .select((
            memberships::stakeholder_id,
            memberships::role,
            memberships::by_consent,
        ))
        .load(&mut conn)
        .expect("memberships");
    assert_eq!(
        members,
        vec![
            (1, "coordinator".into(), true),
            (3, "member".into(), true),
            (4, "coordinator".into(), false),
            (5, "partner".into(), true),
            (6, "partner".into(), false),
        ],
        "{backend:?}"
    );
    let invited: Vec<(i64, String, Option<i64>, String)> = invitations::table
        .select((
            invitations::stakeholder_id,
            invitations::role,
            invitations::invited_by,
            invitations::status,
        ))
        .load(&mut conn)
        .expect("invitations");
    assert_eq!(
        invited,
        vec![(2, "member".into(), Some(1), "pending".into())],
        "{backend:?}"
    );
    let shown: Vec<(i64, String, String)> = stakeholders::table
        .filter(stakeholders::id.eq_any([1i64, 5]))
        .order(stakeholders::id)
        .select((
            stakeholders::id,
            stakeholders::expertise_visibility,
            stakeholders::municipality_visibility,
        ))
        .load(&mut conn)
        .expect("visibility");
    assert_eq!(
        shown,
        vec![
            (1, "networks".into(), "networks".into()),
            (5, "public".into(), "public".into())
        ],
        "{backend:?}"
    );
    // Down again: the open invitation is the membership it was.
    revert_through(&mut conn, "000013");
    let count: i64 = memberships::table
        .count()
        .get_result(&mut conn)
        .expect("count");
    assert_eq!(count, 6, "{backend:?}");
}

#[test]
fn consent_is_made_for_existing_memberships_on_sqlite() {
    consent_is_made_for_existing_memberships(Backend::Sqlite);
}

#[test]
fn consent_is_made_for_existing_memberships_on_postgres() {
    consent_is_made_for_existing_memberships(Backend::Postgres);
}

/// Migration 15 has the program index knowledge links again, now with
/// their topics' names: a link indexed before it (title and summary only)
/// is found by its topic once migrated.
fn links_are_indexed_again_with_their_topics(backend: Backend) {
    use themanet::db::schema::{knowledge_links, search_reindex};
    let test_db = common::TestDb::new(backend);
    let mut conn = test_db.conn();
    themanet::migrate(&mut conn).expect("up");
    assert!(themanet::demo::load(&mut conn).expect("demo data"));
    let found = |conn: &mut DbConn, q: &str| -> usize {
        let stats = themanet::search::Stats::default();
        themanet::search::search(conn, &stats, "knowledge_link", q)
            .expect("search")
            .len()
    };
    // "Inkomen" (income) is a topic of a demo link whose title and summary
    // never say it.
    let by_topic = found(&mut conn, "inkomen");
    assert!(by_topic > 0, "{backend:?}");
    revert_through(&mut conn, "000015");
    let links: Vec<(i64, String, String)> = knowledge_links::table
        .select((
            knowledge_links::id,
            knowledge_links::title,
            knowledge_links::summary,
        ))
        .load(&mut conn)
        .expect("links");
    for (id, title, summary) in &links {
        themanet::search::index(
            &mut conn,
            "knowledge_link",
            *id,
            &[(title, 3), (summary, 1)],
        )
        .expect("old index");
    }
    assert!(
        found(&mut conn, "inkomen") < by_topic,
        "{backend:?}: the old index"
    );
    themanet::migrate(&mut conn).expect("up again");
    assert_eq!(found(&mut conn, "inkomen"), by_topic, "{backend:?}");
    let left: i64 = search_reindex::table
        .count()
        .get_result(&mut conn)
        .expect("marks");
    assert_eq!(left, 0, "{backend:?}: done, and struck off");
}

#[test]
fn links_are_indexed_again_with_their_topics_on_sqlite() {
    links_are_indexed_again_with_their_topics(Backend::Sqlite);
}

#[test]
fn links_are_indexed_again_with_their_topics_on_postgres() {
    links_are_indexed_again_with_their_topics(Backend::Postgres);
}

/// Migration 20: every existing network gets the default house rules as
/// version 1, accepted by its coordinators (who own the rules); other
/// members accept them themselves.
fn house_rules_are_made_for_existing_networks(backend: Backend) {
    use diesel::connection::SimpleConnection;
    use themanet::db::schema::{house_rule_acceptances, house_rules};
    let test_db = common::TestDb::new(backend);
    let mut conn = test_db.conn();
    themanet::migrate(&mut conn).expect("up");
    revert_through(&mut conn, "000020");
    let t = "'2026-11-01 10:00:00'";
    conn.batch_execute(&format!(
        "INSERT INTO users (id, email, password_hash, display_name, is_admin, created_at, updated_at) VALUES
            (1, 'a@example.org', 'x', 'Ada', FALSE, {t}, {t}), (2, 'b@example.org', 'x', 'Bo', FALSE, {t}, {t});
         INSERT INTO stakeholders (id, kind, name, listed, share_contact, user_id, created_by, created_at, updated_at) VALUES
            (1, 'experience_expert', 'Ada', TRUE, FALSE, 1, 1, {t}, {t}), (2, 'experience_expert', 'Bo', TRUE, FALSE, 2, 2, {t}, {t});
         INSERT INTO networks (id, slug, name, theme, scope, description, ambition, needs, status, visibility, communication, created_at, updated_at, topic_list)
            VALUES (1, 'oud', 'Oud netwerk', 'Thema', 'national', '', '', '', 'active', 'public', '', {t}, {t}, ''),
                   (2, 'ouder', 'Ouder netwerk', 'Thema', 'national', '', '', '', 'active', 'public', '', {t}, {t}, '');
         INSERT INTO memberships (network_id, stakeholder_id, role, by_consent, created_at, updated_at) VALUES
            (1, 1, 'coordinator', TRUE, {t}, {t}), (1, 2, 'member', TRUE, {t}, {t}), (2, 2, 'coordinator', TRUE, {t}, {t});"
    ))
    .expect("data of before migration 20");
    themanet::migrate(&mut conn).expect("up again");
    let rules: Vec<(i64, i64, String, Option<i64>)> = house_rules::table
        .order(house_rules::network_id)
        .select((
            house_rules::network_id,
            house_rules::version,
            house_rules::body,
            house_rules::changed_by,
        ))
        .load(&mut conn)
        .expect("house rules");
    let default = themanet::queries::house_rules::DEFAULT.to_string();
    assert_eq!(
        rules,
        vec![(1, 1, default.clone(), None), (2, 1, default, None)],
        "{backend:?}: the default text, as new networks get it"
    );
    let accepted: Vec<(i64, i64, i64)> = house_rule_acceptances::table
        .order((
            house_rule_acceptances::network_id,
            house_rule_acceptances::stakeholder_id,
        ))
        .select((
            house_rule_acceptances::network_id,
            house_rule_acceptances::stakeholder_id,
            house_rule_acceptances::version,
        ))
        .load(&mut conn)
        .expect("acceptances");
    assert_eq!(accepted, vec![(1, 1, 1), (2, 2, 1)], "{backend:?}");
}

#[test]
fn house_rules_are_made_for_existing_networks_on_sqlite() {
    house_rules_are_made_for_existing_networks(Backend::Sqlite);
}

#[test]
fn house_rules_are_made_for_existing_networks_on_postgres() {
    house_rules_are_made_for_existing_networks(Backend::Postgres);
}
