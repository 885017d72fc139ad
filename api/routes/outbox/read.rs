use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db;
use crate::db::models::OutboxMail;
use crate::db::schema::outbox;
use crate::permissions::{may_read_outbox, Viewer};
use crate::web::error::ApiError;
use crate::AppState;

use super::OutboxMailOut;

/// Read a mail in the outbox
///
/// With its plain-text and HTML parts while it waits. Platform admins only.
#[utoipa::path(
    tag = "Accounts",
    params(("mailId" = i64, Path, description = "Mail id", minimum = 1)),
    responses(
        (status = 200, description = "The mail.", body = OutboxMailOut),
        (status = 403, description = "Only platform admins read the outbox."),
        (status = 404, description = "No such mail."),
    ),
    security(("bearer" = [])),
)]
#[get("/admin/outbox/{mailId}")]
pub async fn get_outbox_mail(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    let out = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        may_read_outbox(&viewer)?;
        let mail = outbox::table
            .find(id)
            .select(OutboxMail::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::not_found("This mail"))?;
        Ok(OutboxMailOut::new(mail, true))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}
