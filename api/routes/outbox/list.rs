use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::models::OutboxMail;
use crate::db::schema::outbox;
use crate::permissions::may_read_outbox;
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

use super::{OutboxFilters, OutboxMailOut, OutboxPage};

/// Read the outbox
///
/// Every mail the platform wrote, newest first, without its words (read a
/// single mail for those). Platform admins only.
#[utoipa::path(
    tag = "Accounts",
    params(OutboxFilters),
    responses(
        (status = 200, description = "A page of the outbox.", body = OutboxPage),
        (status = 403, description = "Only platform admins read the outbox."),
    ),
    security(("bearer" = [])),
)]
#[get("/admin/outbox")]
pub async fn list_outbox(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    list::<OutboxFilters, OutboxPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        may_read_outbox(viewer)?;
        let before = page.after.map(Cursor::after_id).unwrap_or(i64::MAX);
        let mut sql = outbox::table
            .filter(outbox::id.lt(before))
            .select(OutboxMail::as_select())
            .into_boxed();
        if let Some(status) = filters.status {
            sql = sql.filter(outbox::status.eq(status.as_str()));
        }
        if let Some(kind) = filters.kind {
            sql = sql.filter(outbox::kind.eq(kind.as_str()));
        }
        let rows: Vec<OutboxMail> = sql
            .order(outbox::id.desc())
            .limit(page.fetch_limit())
            .load(conn)?;
        let mut items: Vec<OutboxMailOut> = rows
            .into_iter()
            .map(|m| OutboxMailOut::new(m, false))
            .collect();
        let next = page.finish(&mut items, |m| Cursor::Id(m.id));
        Ok((items, next))
    })
    .await
}
