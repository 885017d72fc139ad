//! The bare stack: the least an actix-web + diesel server can do to serve the
//! same data, as the yardstick for the API's own endpoints (`bench/run.sh`).
//!
//! Same pool as the app (`db::pool`: r2d2, `DATABASE_POOL_SIZE` or 8
//! connections, no test on checkout, the same SQLite pragmas, SQLite's
//! memory statistics off as in the app's `main`), queries run
//! on actix's blocking threads (`web::block`), one query per request, no
//! transaction, no middleware.
//!
//! - `GET /networks/{id}`: one row by primary key, as JSON
//! - `GET /networks?municipality=GM0344`: 20 rows by an indexed filter
//!
//! `DATABASE_URL` names the database, `PORT` the port (default 8090).

use actix_web::{web, App, HttpResponse, HttpServer};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use themanet::db::{self, schema::networks, DbPool};

#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = networks)]
#[serde(rename_all = "camelCase")]
struct Network {
    id: i64,
    slug: String,
    name: String,
    theme: String,
    scope: String,
    municipality_code: Option<String>,
    region: Option<String>,
    description: String,
    ambition: String,
    needs: String,
    status: String,
    visibility: String,
    parent_id: Option<i64>,
    contact: Option<String>,
    communication: String,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

fn unavailable(e: impl std::fmt::Display) -> HttpResponse {
    HttpResponse::ServiceUnavailable().body(e.to_string())
}

async fn by_id(pool: web::Data<DbPool>, path: web::Path<i64>) -> HttpResponse {
    let id = path.into_inner();
    let pool = pool.into_inner();
    let found = web::block(move || -> Result<Option<Network>, String> {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        networks::table
            .find(id)
            .select(Network::as_select())
            .first(&mut *conn)
            .optional()
            .map_err(|e| e.to_string())
    })
    .await;
    match found {
        Ok(Ok(Some(network))) => HttpResponse::Ok().json(network),
        Ok(Ok(None)) => HttpResponse::NotFound().finish(),
        Ok(Err(e)) => unavailable(e),
        Err(e) => unavailable(e),
    }
}

#[derive(serde::Deserialize)]
struct ListQuery {
    municipality: String,
}

#[derive(Serialize)]
struct Page {
    items: Vec<Network>,
}

async fn list(pool: web::Data<DbPool>, query: web::Query<ListQuery>) -> HttpResponse {
    let code = query.into_inner().municipality;
    let pool = pool.into_inner();
    let rows = web::block(move || -> Result<Vec<Network>, String> {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        networks::table
            .filter(networks::municipality_code.eq(code))
            .order(networks::id)
            .limit(20)
            .select(Network::as_select())
            .load(&mut *conn)
            .map_err(|e| e.to_string())
    })
    .await;
    match rows {
        Ok(Ok(items)) => HttpResponse::Ok().json(Page { items }),
        Ok(Err(e)) => unavailable(e),
        Err(e) => unavailable(e),
    }
}

fn main() -> std::io::Result<()> {
    // SAFETY: the process has one thread and no database connection yet.
    unsafe { db::sqlite_memory_unlocked() };
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://themanet.db".into());
    let port: u16 = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8090);
    let size = std::env::var("DATABASE_POOL_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let pool = web::Data::new(db::pool(&url, size));
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(move || {
            App::new()
                .app_data(pool.clone())
                .route("/networks/{id}", web::get().to(by_id))
                .route("/networks", web::get().to(list))
                .route("/health/ready", web::get().to(HttpResponse::Ok))
        })
        .bind(("127.0.0.1", port))?
        .run()
        .await
    })
}
