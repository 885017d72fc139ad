//! `GET /api-clients`: the API clients of the organisations you manage.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{ApiClientFilters, ApiClientOut, ApiClientPage};
use crate::accounts::auth::Auth;
use crate::db::models::ApiClient;
use crate::db::schema::{api_clients, stakeholders};
use crate::permissions::managed_by;
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::{db, AppState};

/// List API clients
///
/// The clients of the organisations whose profile you manage; admins see
/// all. Never their secrets.
#[utoipa::path(
    tag = "API clients",
    params(ApiClientFilters),
    responses(
        (status = 200, description = "A page of API clients.", body = ApiClientPage),
        (status = 401, description = "Sign in first."),
    ),
    security(("bearer" = [])),
)]
#[get("/api-clients")]
pub async fn list_api_clients(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let me = auth.required()?;
    list::<_, ApiClientPage>(
        &state,
        &req,
        auth,
        move |conn, viewer, filters: ApiClientFilters, page| {
            let mut sql = api_clients::table
                .filter(api_clients::id.gt(page.after_id()))
                .into_boxed();
            if !viewer.is_admin {
                sql = sql.filter(
                    api_clients::stakeholder_id.eq_any(
                        stakeholders::table
                            .filter(managed_by(me))
                            .select(stakeholders::id),
                    ),
                );
            }
            if let Some(id) = filters.stakeholder_id {
                sql = sql.filter(api_clients::stakeholder_id.eq(id));
            }
            let mut rows: Vec<ApiClient> = sql
                .order(api_clients::id)
                .limit(page.fetch_limit())
                .select(ApiClient::as_select())
                .load(conn)?;
            let next = page.finish(&mut rows, |c| Cursor::Id(c.id));
            let now = db::now();
            Ok((
                rows.into_iter()
                    .map(|c| ApiClientOut::new(c, now))
                    .collect(),
                next,
            ))
        },
    )
    .await
}
