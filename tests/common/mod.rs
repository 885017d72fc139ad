//! Test support: the real app, in-process, on a fresh database per test
//! (a new SQLite file, or a new PostgreSQL schema), plus request helpers and
//! factories.
#![allow(dead_code)] // each test binary uses a different part of this module

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use actix_http::Request;
use actix_web::http::{header, Method, StatusCode};
use actix_web::{test, web};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use serde_json::{json, Value};
use themanet::db::{self, Backend};
use themanet::operations::config::Config;
use themanet::web::router;
use themanet::AppState;

pub mod receiver;
pub mod smtp;

/// Runs one test body on SQLite and on PostgreSQL, as two tests named
/// `<name>::sqlite` and `<name>::postgres` (the test command counts them).
#[macro_export]
macro_rules! both {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[actix_web::test]
            async fn sqlite() {
                let app = $crate::common::TestApp::start(themanet::db::Backend::Sqlite).await;
                ($body)(app).await;
            }
            #[actix_web::test]
            async fn postgres() {
                let app = $crate::common::TestApp::start(themanet::db::Backend::Postgres).await;
                ($body)(app).await;
            }
        }
    };
}

fn random_suffix() -> String {
    use rand::Rng;
    let n: u64 = rand::rng().random();
    format!("{n:016x}")
}

pub fn pg_base_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A database of its own for one test; removed when dropped.
pub struct TestDb {
    pub backend: Backend,
    pub url: String,
    schema: Option<String>,
    file: Option<std::path::PathBuf>,
}

impl TestDb {
    pub fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let file =
                    std::env::temp_dir().join(format!("themanet-test-{}.db", random_suffix()));
                TestDb {
                    backend,
                    url: format!("sqlite://{}", file.display()),
                    schema: None,
                    file: Some(file),
                }
            }
            Backend::Postgres => {
                let base = pg_base_url();
                let schema = format!("t_{}", random_suffix());
                let mut conn = PgConnection::establish(&base)
                    .unwrap_or_else(|e| panic!("PostgreSQL is needed for the tests ({base}): {e}"));
                conn.batch_execute(&format!("CREATE SCHEMA {schema}"))
                    .expect("create schema");
                let sep = if base.contains('?') { '&' } else { '?' };
                TestDb {
                    backend,
                    url: format!("{base}{sep}options=-csearch_path%3D{schema}"),
                    schema: Some(schema),
                    file: None,
                }
            }
        }
    }

    pub fn conn(&self) -> db::DbConn {
        db::establish(&self.url).expect("connect to the test database")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(schema) = &self.schema {
            if let Ok(mut conn) = PgConnection::establish(&pg_base_url()) {
                let _ = conn.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
            }
        }
        if let Some(file) = &self.file {
            for suffix in ["", "-wal", "-shm", ".lock"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
        }
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    pub fn etag(&self) -> String {
        self.header("etag").expect("an ETag header")
    }

    pub fn id(&self) -> i64 {
        self.body["id"]
            .as_i64()
            .unwrap_or_else(|| panic!("no id in {}", self.text))
    }

    /// `name code` of each entry of `invalidParams`, sorted.
    pub fn invalid_codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self.body["invalidParams"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| {
                        format!(
                            "{} {}",
                            p["name"].as_str().unwrap_or("?"),
                            p["code"].as_str().unwrap_or("?")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        codes.sort();
        codes
    }

    /// Names listed in `invalidParams`, sorted.
    pub fn invalid_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.body["invalidParams"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|p| p["name"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// The path (from `/api/`) of the next page in `_links.next`, if any.
    pub fn next_path(&self) -> Option<String> {
        let href = self.body["_links"]["next"]["href"].as_str()?;
        Some(href[href.find("/api/").expect("a path in the link")..].to_string())
    }

    pub fn items(&self) -> Vec<Value> {
        self.body["items"]
            .as_array()
            .cloned()
            .unwrap_or_else(|| panic!("no items in {}", self.text))
    }

    #[track_caller]
    pub fn expect(self, status: u16) -> Resp {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text
        );
        if status >= 400 {
            assert_eq!(
                self.header("content-type").as_deref(),
                Some("application/problem+json"),
                "errors are problem+json"
            );
        }
        self
    }

    /// An error answered as a page for people (text/html), not a problem.
    #[track_caller]
    pub fn expect_page(self, status: u16) -> Resp {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text
        );
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("text/html; charset=utf-8")
        );
        self
    }
}

type Call = Rc<dyn Fn(Request) -> Pin<Box<dyn Future<Output = Resp>>>>;

/// The real app on a fresh database.
pub struct TestApp {
    // Dropped in this order: the app and its pool before the database.
    call: Call,
    pub state: web::Data<AppState>,
    pub db: TestDb,
}

/// A signed-in user made by [`TestApp::user`].
#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub token: String,
    pub stakeholder_id: i64,
    pub email: String,
}

impl TestApp {
    pub async fn start(backend: Backend) -> TestApp {
        TestApp::start_with(backend, |_| {}).await
    }

    /// Like [`TestApp::start`], with the configuration changed first.
    pub async fn start_with(backend: Backend, change: impl FnOnce(&mut Config)) -> TestApp {
        let db = TestDb::new(backend);
        let mut conn = db.conn();
        themanet::migrate(&mut conn).expect("migrations");
        drop(conn);
        let mut config = Config::for_database(&db.url);
        change(&mut config);
        let pool = db::pool(&db.url, 4);
        let state = web::Data::new(AppState::new(pool, config));
        let service = Rc::new(test::init_service(router::app(state.clone())).await);
        let call: Call = Rc::new(move |req| {
            let service = service.clone();
            Box::pin(async move {
                let res = test::call_service(&*service, req).await;
                let status = res.status();
                let headers = res.headers().clone();
                let bytes = test::read_body(res).await;
                let text = String::from_utf8_lossy(&bytes).to_string();
                let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
                Resp {
                    status,
                    headers,
                    body,
                    text,
                }
            })
        });
        TestApp { call, state, db }
    }

    pub fn backend(&self) -> Backend {
        self.db.backend
    }

    pub async fn send(&self, req: test::TestRequest) -> Resp {
        (self.call)(req.to_request()).await
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Resp {
        let mut req = test::TestRequest::default().method(method).uri(path);
        if let Some(t) = token {
            req = req.insert_header((header::AUTHORIZATION, format!("Bearer {t}")));
        }
        if let Some(b) = body {
            req = req
                .insert_header((header::CONTENT_TYPE, "application/json"))
                .set_payload(b.to_string());
        }
        self.send(req).await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Resp {
        self.request(Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Resp {
        self.request(Method::POST, path, token, Some(body)).await
    }

    pub async fn patch(&self, path: &str, token: Option<&str>, body: Value) -> Resp {
        self.request(Method::PATCH, path, token, Some(body)).await
    }

    pub async fn delete(&self, path: &str, token: Option<&str>) -> Resp {
        self.request(Method::DELETE, path, token, None).await
    }

    /// A `GET` with this `Authorization` header, as a client may send it.
    pub async fn get_with_authorization(&self, path: &str, authorization: &str) -> Resp {
        let req = test::TestRequest::get()
            .uri(path)
            .insert_header((header::AUTHORIZATION, authorization));
        self.send(req).await
    }

    /// Trades a refresh token for new tokens.
    pub async fn refresh(&self, token: &str) -> Resp {
        let body = json!({ "refreshToken": token });
        self.post("/api/v1/auth/refresh", None, body).await
    }

    /// Registers a new user.
    pub async fn user(&self, name: &str) -> User {
        let email = format!(
            "{}-{}@example.org",
            name.to_lowercase().replace(' ', "."),
            random_suffix()
        );
        // Each factory user registers from an address of its own, as real
        // people do (registration is throttled per address).
        let n: u32 = rand::Rng::random(&mut rand::rng());
        let peer =
            std::net::SocketAddr::from(([10, (n >> 16) as u8, (n >> 8) as u8, n as u8], 40000));
        let body =
            json!({"email": email, "password": "correct horse battery", "displayName": name});
        let r = self
            .send(
                test::TestRequest::post()
                    .uri("/api/v1/auth/register")
                    .peer_addr(peer)
                    .insert_header((header::CONTENT_TYPE, "application/json"))
                    .set_payload(body.to_string()),
            )
            .await
            .expect(201);
        User {
            id: r.body["user"]["id"].as_i64().expect("user id"),
            token: r.body["accessToken"].as_str().expect("token").to_string(),
            stakeholder_id: r.body["user"]["stakeholderId"]
                .as_i64()
                .expect("stakeholder id"),
            email,
        }
    }

    /// Registers a user and makes them platform admin (as the CLI does).
    pub async fn admin(&self) -> User {
        let user = self.user("Admin").await;
        let mut conn = self.db.conn();
        themanet::queries::accounts::make_admin(
            &mut conn,
            &user.email,
            "Admin",
            "correct horse battery",
        )
        .expect("make admin");
        user
    }

    /// Creates a public local network coordinated by `owner`.
    pub async fn network(&self, owner: &User, name: &str) -> i64 {
        self.network_with(owner, json!({"name": name, "theme": format!("{name} thema"), "scope": "local", "municipalityCode": "GM0344"}))
            .await
    }

    pub async fn network_with(&self, owner: &User, body: Value) -> i64 {
        self.post("/api/v1/networks", Some(&owner.token), body)
            .await
            .expect(201)
            .id()
    }

    /// Adds a knowledge link as `by`; returns its id.
    pub async fn link(&self, by: &User, body: Value) -> i64 {
        self.post("/api/v1/knowledge-links", Some(&by.token), body)
            .await
            .expect(201)
            .id()
    }

    /// Adds a goal to a network as `by`; returns its id.
    pub async fn goal(&self, network: i64, by: &User, title: &str) -> i64 {
        self.post(
            &format!("/api/v1/networks/{network}/goals"),
            Some(&by.token),
            json!({ "title": title }),
        )
        .await
        .expect(201)
        .id()
    }

    /// `user` joins a public network by their own act, as a member.
    pub async fn join(&self, network: i64, user: &User) {
        self.post(
            &format!("/api/v1/networks/{network}/members"),
            Some(&user.token),
            json!({}),
        )
        .await
        .expect(201);
    }

    /// Signs in with an e-mail address and a password.
    pub async fn login(&self, email: &str, password: &str) -> Resp {
        let body = json!({ "email": email, "password": password });
        self.post("/api/v1/auth/login", None, body).await
    }

    /// `user` answers an invitation: `accepted` or `declined`.
    pub async fn answer(&self, invitation: i64, user: &User, status: &str) -> Resp {
        let path = format!("/api/v1/invitations/{invitation}");
        let body = json!({ "status": status });
        self.patch(&path, Some(&user.token), body).await
    }

    /// `user` reacts to a goal with a stance.
    pub async fn endorse(&self, goal: i64, user: &User, stance: &str) -> Resp {
        let path = format!("/api/v1/goals/{goal}/endorsements");
        let body = json!({ "stance": stance });
        self.post(&path, Some(&user.token), body).await
    }

    /// Makes `user` a member of a network with a role: they agree to be
    /// listed (so a coordinator can find them), coordinator `by` invites
    /// them, and they accept.
    pub async fn add_member(&self, network: i64, by: &User, user: &User, role: &str) {
        self.patch(
            &format!("/api/v1/stakeholders/{}", user.stakeholder_id),
            Some(&user.token),
            json!({"listed": true}),
        )
        .await
        .expect(200);
        let invitation = self
            .post(
                &format!("/api/v1/networks/{network}/members"),
                Some(&by.token),
                json!({"stakeholderId": user.stakeholder_id, "role": role}),
            )
            .await
            .expect(202)
            .id();
        self.answer(invitation, user, "accepted").await.expect(200);
    }

    /// How many rows a table holds, read from the database itself.
    pub fn db_count(&self, table: &str) -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let mut conn = self.db.conn();
        diesel::RunQueryDsl::get_result::<Count>(
            diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}")),
            &mut conn,
        )
        .expect("a count")
        .n
    }

    /// Follows `_links.next` to the end; returns every item.
    pub async fn collect_all(&self, first: &str, token: Option<&str>) -> Vec<Value> {
        let mut items = Vec::new();
        let mut next = Some(first.to_string());
        let mut pages = 0;
        while let Some(path) = next {
            let r = self.get(&path, token).await.expect(200);
            items.extend(r.items());
            next = r.next_path();
            pages += 1;
            assert!(pages < 1000, "pagination does not end");
        }
        items
    }
}

/// Every network's members per stakeholder kind (`"member"`) and goals per
/// status (`"goal"`), counted from the tables themselves, sorted: what
/// `network_counts` must hold, zeros aside.
pub fn counted_from_tables(conn: &mut db::DbConn) -> Vec<(i64, String, String, i64)> {
    use diesel::dsl::count_star;
    use std::collections::BTreeMap;
    use themanet::db::schema::{goals, memberships, stakeholders};
    // Grouped here: diesel does not group by columns of two tables.
    let mut members = BTreeMap::<(i64, String), i64>::new();
    for key in memberships::table
        .inner_join(stakeholders::table)
        .select((memberships::network_id, stakeholders::kind))
        .load::<(i64, String)>(conn)
        .expect("members")
    {
        *members.entry(key).or_default() += 1;
    }
    let goals: Vec<(i64, String, i64)> = goals::table
        .group_by((goals::network_id, goals::status))
        .select((goals::network_id, goals::status, count_star()))
        .load(conn)
        .expect("goals");
    let mut all: Vec<_> = members
        .into_iter()
        .map(|((n, k), c)| (n, "member".to_string(), k, c))
        .chain(
            goals
                .into_iter()
                .map(|(n, s, c)| (n, "goal".to_string(), s, c)),
        )
        .collect();
    all.sort();
    all
}
