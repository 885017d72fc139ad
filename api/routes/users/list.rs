use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::models::User;
use crate::db::schema::users;
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
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
    auth.signed_in()?;
    list::<_, UserPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        viewer.ensure_admin()?;
        let UserFilters { q, disabled, .. } = filters;
        let q = q.map(|q| q.to_lowercase());
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
    .await
}
