//! `GET /networks/{networkId}/documents`: a network's documents.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::models::Document;
use crate::db::schema::documents;
use crate::domain::Visibility;
use crate::permissions::{has_accepted_house_rules, may_read_members_messages, network_access};
use crate::routes::list;
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::AppState;

use super::read::present;
use super::types::{DocumentFilters, DocumentPage};

/// A network's documents
///
/// Newest first: public ones for whoever sees the network, members-only
/// ones for its members too (once they accepted the current house rules). Filter by `goalId` or `meetingId`; `updatedSince`
/// for what changed.
#[utoipa::path(
    tag = "Documents",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), DocumentFilters),
    responses(
        (status = 200, description = "A page of documents.", body = DocumentPage),
        (status = 404, description = "No such network, or you may not see it."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/documents")]
pub async fn list_documents(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    list::<DocumentFilters, DocumentPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let access = network_access(conn, viewer, network_id)?;
        let accepted = has_accepted_house_rules(conn, viewer, network_id)?;
        let before = page.after.map(Cursor::after_id).unwrap_or(i64::MAX);
        let mut sql = documents::table
            .filter(documents::network_id.eq(network_id))
            .filter(documents::id.lt(before))
            .select(Document::as_select())
            .into_boxed();
        // Members see the members-only documents once they accepted the
        // current house rules.
        if !may_read_members_messages(&access, accepted) {
            sql = sql.filter(documents::visibility.eq(Visibility::Public.as_str()));
        }
        if let Some(goal) = filters.goal_id {
            sql = sql.filter(documents::goal_id.eq(goal));
        }
        if let Some(meeting) = filters.meeting_id {
            sql = sql.filter(documents::meeting_id.eq(meeting));
        }
        if let Some(since) = filters.updated_since {
            sql = sql.filter(documents::updated_at.ge(since.naive_utc()));
        }
        let rows: Vec<Document> = sql
            .order(documents::id.desc())
            .limit(page.fetch_limit())
            .load(conn)?;
        let mut items = present(conn, viewer, &access, rows)?;
        let next = page.finish(&mut items, |d| Cursor::Id(d.id));
        Ok((items, next))
    })
    .await
}
