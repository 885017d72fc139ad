use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db;
use crate::db::models::Stakeholder;
use crate::db::schema::{stakeholder_tags, stakeholders};
use crate::domain::FieldVisibility;
use crate::permissions::{listed_stakeholders, managed_by};
use crate::routes::{rank_page, synced_list};
use crate::web::error::ApiError;
use crate::web::pagination::Cursor;
use crate::{search, AppState};

use super::{present_all, StakeholderFilters, StakeholderPage};

/// List and search stakeholders
///
/// Stakeholders who agreed to be listed, plus the profiles you manage (all
/// of them for platform admins).
#[utoipa::path(
    tag = "Stakeholders",
    params(StakeholderFilters),
    responses((status = 200, description = "A page of stakeholders.", body = StakeholderPage)),
    security((), ("bearer" = [])),
)]
#[get("/stakeholders")]
pub async fn list_stakeholders(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let stats = state.search_stats.clone();
    synced_list::<_, StakeholderPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let StakeholderFilters {
            q,
            kind,
            talent,
            municipality: municipality_code,
            updated_since,
            ..
        } = filters;
        let talent = talent.map(|t| t.to_lowercase());
        let me = viewer.user_id.unwrap_or(0);
        let public = FieldVisibility::Public.as_str();
        // The filtered query, built anew for each use (boxed queries are
        // consumed by loading) and for each backend's own connection (see
        // `db::on_each!`).
        macro_rules! filtered {
            () => {{
                let mut sql = stakeholders::table
                    .select(Stakeholder::as_select())
                    .into_boxed();
                sql = sql.filter(listed_stakeholders(viewer));
                if let Some(k) = kind {
                    sql = sql.filter(stakeholders::kind.eq(k.as_str()));
                }
                // A filter finds people only by what they show everyone.
                if let Some(t) = &talent {
                    sql = sql.filter(
                        stakeholders::id.eq_any(
                            stakeholder_tags::table
                                .filter(stakeholder_tags::kind.eq("talent"))
                                .filter(stakeholder_tags::value.eq(t.clone()))
                                .select(stakeholder_tags::stakeholder_id),
                        ),
                    );
                    if !viewer.is_admin {
                        sql = sql.filter(
                            stakeholders::talents_visibility
                                .eq(public)
                                .or(managed_by(me)),
                        );
                    }
                }
                if let Some(m) = &municipality_code {
                    sql = sql.filter(stakeholders::municipality_code.eq(m.clone()));
                    if !viewer.is_admin {
                        sql = sql.filter(
                            stakeholders::municipality_visibility
                                .eq(public)
                                .or(managed_by(me)),
                        );
                    }
                }
                if let Some(t) = updated_since {
                    sql = sql.filter(stakeholders::updated_at.ge(t.naive_utc()));
                }
                sql
            }};
        }
        let (rows, next) = match q {
            None => {
                let mut rows: Vec<Stakeholder> = db::on_each!(conn, c => filtered!()
                    .filter(stakeholders::id.gt(page.after_id()))
                    .order(stakeholders::id)
                    .limit(page.fetch_limit())
                    .load(c))?;
                let next = page.finish(&mut rows, |s| Cursor::Id(s.id));
                (rows, next)
            }
            Some(text) => {
                let ranked = search::search(conn, &stats, search::documents::STAKEHOLDER, &text)?;
                rank_page(
                    &ranked,
                    &page,
                    |s: &Stakeholder| s.id,
                    |ids| {
                        Ok(db::on_each!(conn, c => filtered!()
                            .filter(db::in_ids(stakeholders::id, &ids))
                            .load(c))?)
                    },
                )?
            }
        };
        Ok((present_all(conn, viewer, rows)?, next))
    })
    .await
}
