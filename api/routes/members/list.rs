use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::models::{Membership, Stakeholder};
use crate::db::schema::{memberships, stakeholders};
use crate::permissions::network_access;
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

use super::present::present;
use super::{MemberFilters, MemberPage};

/// List a network's members
///
/// Members see everyone; others see the members who agreed to be listed.
#[utoipa::path(
    tag = "Members",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), MemberFilters),
    responses(
        (status = 200, description = "A page of members.", body = MemberPage),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/members")]
pub async fn list_members(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    list::<_, MemberPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let MemberFilters {
            role,
            kind,
            updated_since,
            ..
        } = filters;
        let access = network_access(conn, viewer, network_id)?;
        let mut sql = memberships::table
            .inner_join(stakeholders::table)
            .filter(memberships::network_id.eq(network_id))
            .filter(memberships::stakeholder_id.gt(page.after_id()))
            .select((Membership::as_select(), Stakeholder::as_select()))
            .into_boxed();
        if !access.is_insider() {
            sql = sql.filter(stakeholders::listed.eq(true));
        }
        if let Some(r) = role {
            sql = sql.filter(memberships::role.eq(r.as_str()));
        }
        if let Some(k) = kind {
            sql = sql.filter(stakeholders::kind.eq(k.as_str()));
        }
        if let Some(t) = updated_since {
            sql = sql.filter(memberships::updated_at.ge(t.naive_utc()));
        }
        let mut rows: Vec<(Membership, Stakeholder)> = sql
            .order(memberships::stakeholder_id)
            .limit(page.fetch_limit())
            .load(conn)?;
        let next = page.finish(&mut rows, |(m, _)| Cursor::Id(m.stakeholder_id));
        Ok((present(conn, viewer, &access, rows)?, next))
    })
    .await
}
