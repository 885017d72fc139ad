use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::db;
use crate::db::schema::{network_notice_settings, networks, users};
use crate::domain::NoticeFrequency;
use crate::web::error::ApiError;
use crate::web::extract::Query;
use crate::AppState;

use super::UnsubscribeParams;

/// Unsubscribe with one click
///
/// The address in the `List-Unsubscribe` header of every notice and digest
/// (RFC 8058): a mail program posts `List-Unsubscribe=One-Click` to it, the
/// page `afmelden.html` posts to it from a button. No sign-in: the key in
/// the address stops notices and does nothing else. With `networkId`, that
/// network's notices stop; without, all notices stop. The body is ignored.
#[utoipa::path(
    tag = "Accounts",
    params(
        ("key" = String, Path, description = "The key from the mail", min_length = 48, max_length = 48, pattern = "^[0-9a-f]{48}$"),
        UnsubscribeParams,
    ),
    responses(
        (status = 204, description = "No more notices of this kind."),
        (status = 404, description = "No such key."),
    ),
)]
#[post("/unsubscribe/{key}")]
pub async fn unsubscribe_notices(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let key = path.into_inner();
    let mut query = Query::new(&req);
    let params: UnsubscribeParams = query.read();
    query.finish()?;
    db::write(&state.pool, move |conn| {
        let user_id: i64 = users::table
            .filter(users::mail_key.eq(&key))
            .select(users::id)
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::not_found("This unsubscribe address"))?;
        let never = NoticeFrequency::Never.as_str();
        match params.network_id {
            Some(network_id) => {
                diesel::delete(
                    network_notice_settings::table
                        .filter(network_notice_settings::user_id.eq(user_id))
                        .filter(network_notice_settings::network_id.eq(network_id)),
                )
                .execute(conn)?;
                let exists: i64 = networks::table.find(network_id).count().get_result(conn)?;
                if exists == 0 {
                    return Err(ApiError::not_found("This network"));
                }
                diesel::insert_into(network_notice_settings::table)
                    .values((
                        network_notice_settings::user_id.eq(user_id),
                        network_notice_settings::network_id.eq(network_id),
                        network_notice_settings::notices.eq(never),
                    ))
                    .execute(conn)?;
            }
            None => {
                diesel::update(users::table.find(user_id))
                    .set(users::notices.eq(never))
                    .execute(conn)?;
                diesel::delete(
                    network_notice_settings::table
                        .filter(network_notice_settings::user_id.eq(user_id)),
                )
                .execute(conn)?;
            }
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
