//! `DELETE /open-seats/{openSeatId}`: a seat is filled, or no longer
//! sought.

use actix_web::{delete, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::schema::open_seats;
use crate::db::versioned;
use crate::permissions::network_access;
use crate::routes::{delete_row, Deleted};
use crate::web::error::ApiError;
use crate::AppState;

/// Remove an open seat
///
/// Core group and coordinators, when the seat is filled or no longer
/// sought.
#[utoipa::path(
    tag = "Networks",
    params(("openSeatId" = i64, Path, description = "Open seat id", minimum = 1)),
    responses(
        (status = 204, description = "The seat was removed."),
        (status = 403, description = "Only the core group and coordinators remove open seats."),
        (status = 404, description = "No such seat, or its network is for members only."),
    ),
    security(("bearer" = [])),
)]
#[delete("/open-seats/{openSeatId}")]
pub async fn remove_open_seat(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    delete_row(
        &state,
        auth,
        versioned::locker!(open_seats, id),
        move |conn, viewer| {
            let network_id: i64 = open_seats::table
                .find(id)
                .select(open_seats::network_id)
                .first(conn)
                .optional()?
                .ok_or_else(|| ApiError::not_found("This open seat"))?;
            network_access(conn, viewer, network_id)
                .map_err(|_| ApiError::not_found("This open seat"))?
                .ensure_core()?;
            diesel::delete(open_seats::table.find(id)).execute(conn)?;
            Ok(Deleted {
                action: "open_seat.deleted",
                object: ("open_seat", id),
                network_id: Some(network_id),
            })
        },
    )
    .await
}
