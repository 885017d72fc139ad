//! `GET /networks/{networkId}/open-seats`: who a network still looks for.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{OpenSeatFilters, OpenSeatOut, OpenSeatPage};
use crate::accounts::auth::Auth;
use crate::db::models::OpenSeat;
use crate::db::schema::open_seats;
use crate::permissions::network_access;
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

/// List a network's open seats
///
/// Who the core group still needs at the table ("wie zoeken we nog"), in
/// the order they were added. Whoever may see the network sees them.
#[utoipa::path(
    tag = "Networks",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), OpenSeatFilters),
    responses(
        (status = 200, description = "A page of open seats.", body = OpenSeatPage),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/open-seats")]
pub async fn list_open_seats(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    list::<_, OpenSeatPage>(
        &state,
        &req,
        auth,
        move |conn, viewer, _: OpenSeatFilters, page| {
            network_access(conn, viewer, network_id)?;
            let mut rows: Vec<OpenSeat> = open_seats::table
                .filter(open_seats::network_id.eq(network_id))
                .filter(open_seats::id.gt(page.after_id()))
                .order(open_seats::id)
                .limit(page.fetch_limit())
                .select(OpenSeat::as_select())
                .load(conn)?;
            let next = page.finish(&mut rows, |s| Cursor::Id(s.id));
            Ok((rows.into_iter().map(OpenSeatOut::from).collect(), next))
        },
    )
    .await
}
