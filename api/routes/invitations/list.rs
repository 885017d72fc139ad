use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::models::Invitation;
use crate::db::schema::invitations;
use crate::db::DbConn;
use crate::permissions::{network_access, Viewer};
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

use super::present::present_all;
use super::{InvitationFilters, InvitationPage};

/// Whose invitations a list shows.
enum Of {
    Network(i64),
    Person(i64),
}

/// A network's invitations
///
/// For its coordinators (and platform admins): who was invited, and who
/// answered how. A declined invitation stays, so nobody is asked twice.
#[utoipa::path(
    tag = "Members",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), InvitationFilters),
    responses(
        (status = 200, description = "A page of invitations.", body = InvitationPage),
        (status = 403, description = "Only coordinators see a network's invitations."),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security(("bearer" = [])),
)]
#[get("/networks/{networkId}/invitations")]
pub async fn list_network_invitations(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    list_page(state, req, auth, move |conn, viewer| {
        network_access(conn, viewer, network_id)?.ensure_coordinator()?;
        Ok(Of::Network(network_id))
    })
    .await
}

/// Your invitations
///
/// The networks that asked you to join, and how you answered.
#[utoipa::path(
    tag = "Accounts",
    params(InvitationFilters),
    responses((status = 200, description = "A page of invitations.", body = InvitationPage)),
    security(("bearer" = [])),
)]
#[get("/me/invitations")]
pub async fn list_my_invitations(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    list_page(state, req, auth, |_, viewer| {
        Ok(Of::Person(viewer.stakeholder_id.unwrap_or(0)))
    })
    .await
}

/// A page of invitations, oldest first: the filters read, the viewer's
/// right to the list checked by `whose`.
async fn list_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    whose: impl FnOnce(&mut DbConn, &Viewer) -> Result<Of, ApiError> + Send + 'static,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    list::<_, InvitationPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let InvitationFilters { status, .. } = filters;
        let mut sql = invitations::table
            .filter(invitations::id.gt(page.after_id()))
            .select(Invitation::as_select())
            .into_boxed();
        sql = match whose(conn, viewer)? {
            Of::Network(id) => sql.filter(invitations::network_id.eq(id)),
            Of::Person(id) => sql.filter(invitations::stakeholder_id.eq(id)),
        };
        if let Some(s) = status {
            sql = sql.filter(invitations::status.eq(s.as_str()));
        }
        let mut rows: Vec<Invitation> = sql
            .order(invitations::id)
            .limit(page.fetch_limit())
            .load(conn)?;
        let next = page.finish(&mut rows, |i| Cursor::Id(i.id));
        Ok((present_all(conn, rows)?, next))
    })
    .await
}
