use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db;
use crate::db::models::User;
use crate::db::schema::users;
use crate::permissions::ensure_admin;
use crate::web::error::ApiError;
use crate::web::extract::Query;
use crate::web::pagination::{Cursor, PageLinks, PageRequest};
use crate::AppState;

use super::{UserFilters, UserOut, UserPage};

/// List accounts
///
/// Platform admins only.
#[utoipa::path(
    tag = "Accounts",
    params(UserFilters),
    responses(
        (status = 200, description = "A page of accounts.", body = UserPage),
        (status = 403, description = "Only platform admins manage accounts."),
    ),
    security(("bearer" = [])),
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let mut query = Query::new(&req);
    let UserFilters {
        q,
        disabled,
        page_size,
        cursor,
    } = query.read();
    let q = q.map(|q| q.to_lowercase());
    let page = PageRequest::new(page_size, cursor.as_deref());
    query.finish()?;
    let (items, next) = db::read(&state.pool, move |conn| {
        ensure_admin(conn, auth)?;
        let mut sql = users::table
            .filter(users::id.gt(page.after_id()))
            .select(User::as_select())
            .into_boxed();
        if let Some(q) = q {
            let escaped = q
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            sql = sql.filter(users::email.like(format!("%{escaped}%")).escape('\\'));
        }
        if let Some(d) = disabled {
            sql = sql.filter(users::disabled.eq(d));
        }
        let mut rows: Vec<User> = sql.order(users::id).limit(page.fetch_limit()).load(conn)?;
        let next = page.finish(&mut rows, |u| Cursor::Id(u.id));
        Ok((
            rows.into_iter().map(UserOut::from).collect::<Vec<_>>(),
            next,
        ))
    })
    .await?;
    let links = PageLinks::new(&req, query.pairs_without_cursor(), &page, next);
    Ok(HttpResponse::Ok().json(UserPage { items, links }))
}
