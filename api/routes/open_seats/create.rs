//! `POST /networks/{networkId}/open-seats`: the core group names who it
//! still needs at the table.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{OpenSeatInput, OpenSeatOut};
use crate::accounts::auth::Auth;
use crate::db::models::OpenSeat;
use crate::db::schema::open_seats;
use crate::permissions::{network_access, Viewer};
use crate::web::error::{ensure_valid, ApiError};
use crate::web::extract::{present, JsonBody};
use crate::web::http::created;
use crate::{audit, db, AppState};

/// Add an open seat
///
/// Core group and coordinators: who the network still looks for, by kind
/// and role, in their own words. It shows on the stakeholder map and in
/// the list "wie zoeken we nog".
#[utoipa::path(
    tag = "Networks",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    request_body = OpenSeatInput,
    responses(
        (status = 201, description = "The seat was added.", body = OpenSeatOut,
            headers(("Location" = String, description = "Address of the network's open seats"))),
        (status = 403, description = "Only the core group and coordinators add open seats."),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks/{networkId}/open-seats")]
pub async fn add_open_seat(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<OpenSeatInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let network_id = path.into_inner();
    let (input, errors) = body.with_errors();
    let out = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        network_access(conn, &viewer, network_id)?.ensure_core()?;
        ensure_valid(errors)?;
        let kind = present(input.kind, "kind")?;
        let role = present(input.role, "role")?;
        let description = present(input.description, "description")?;
        let id: i64 = diesel::insert_into(open_seats::table)
            .values((
                open_seats::network_id.eq(network_id),
                open_seats::kind.eq(kind.as_str()),
                open_seats::role.eq(role.as_str()),
                open_seats::description.eq(description.trim()),
                open_seats::created_by.eq(viewer.user_id),
                open_seats::created_at.eq(db::now()),
            ))
            .returning(open_seats::id)
            .get_result(conn)?;
        let seat: OpenSeat = open_seats::table
            .find(id)
            .select(OpenSeat::as_select())
            .first(conn)?;
        audit::record(
            conn,
            &viewer,
            "open_seat.created",
            "open_seat",
            Some(seat.id),
            Some(network_id),
        )?;
        Ok(OpenSeatOut::from(seat))
    })
    .await?;
    Ok(created(
        &req,
        &format!("/networks/{network_id}/open-seats"),
        &out,
        None,
    ))
}
