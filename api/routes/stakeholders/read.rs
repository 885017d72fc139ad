use actix_web::{get, web, HttpResponse};

use crate::accounts::auth::Auth;
use crate::routes::read_row;
use crate::web::error::ApiError;
use crate::AppState;

use super::present::{one, visible};
use super::StakeholderOut;

/// Read a stakeholder
///
/// Contact details only for those allowed.
#[utoipa::path(
    tag = "Stakeholders",
    params(("stakeholderId" = i64, Path, description = "Stakeholder id", minimum = 1)),
    responses(
        (status = 200, description = "The stakeholder.", body = StakeholderOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such stakeholder, or you may not see them."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/stakeholders/{stakeholderId}")]
pub async fn get_stakeholder(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    read_row(&state, auth, move |conn, viewer| {
        let s = visible(conn, viewer, id)?;
        one(conn, viewer, s)
    })
    .await
}
