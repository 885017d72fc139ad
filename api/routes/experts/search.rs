//! `GET /experts`: experience experts by talent and region, among people
//! who chose to be findable.

use std::collections::HashMap;

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{ExpertFilters, ExpertOut, ExpertPage};
use crate::accounts::auth::Auth;
use crate::db::models::Stakeholder;
use crate::db::schema::{stakeholder_tags, stakeholders};
use crate::db::{self, DbConn};
use crate::domain::StakeholderKind;
use crate::permissions::ensure_expert_searcher;
use crate::queries::stakeholders::tags_of;
use crate::queries::talents::key;
use crate::routes::stakeholders::AvailabilityOut;
use crate::routes::{list, rank_page};
use crate::web::error::ApiError;
use crate::AppState;

/// Find experience experts
///
/// People who chose to be findable (`findable`), by talent and where they
/// live: their name, talents, municipality and time, never their contact
/// details; ask them with `POST /contact-requests`. For coordinators, for
/// people who act for an organisation or municipality (whose profile they
/// manage), and for platform admins. Best first: the most talents
/// searched for, then the most time.
#[utoipa::path(
    tag = "Talents",
    params(ExpertFilters),
    responses(
        (status = 200, description = "Findable people, best first.", body = ExpertPage),
        (status = 401, description = "Sign in first."),
        (status = 403, description = "Only coordinators and people acting for an organisation or municipality search for experts."),
    ),
    security(("bearer" = [])),
)]
#[get("/experts")]
pub async fn search_experts(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    list::<_, ExpertPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        ensure_expert_searcher(conn, viewer)?;
        let ExpertFilters {
            talent,
            municipality,
            province,
            ..
        } = filters;
        let wanted = talent.as_deref().map(key);
        // With a talent: the stored talents that match it, from the
        // vocabulary (small), then who offers them through the index on
        // (kind, value). Each person's score starts at how many they offer.
        let mut matches: HashMap<i64, f64> = HashMap::new();
        let mut candidates = stakeholders::table
            .filter(stakeholders::findable.eq(true))
            .filter(stakeholders::kind.ne_all(organisation_kinds()))
            .filter(stakeholders::id.ne(viewer.stakeholder_id.unwrap_or(0)))
            .into_boxed();
        if let Some(w) = &wanted {
            let matching: Vec<String> = crate::queries::talents::offered_talents(conn)?
                .into_iter()
                .filter(|t| &key(t) == w)
                .collect();
            let offered: Vec<i64> = stakeholder_tags::table
                .filter(stakeholder_tags::kind.eq("talent"))
                .filter(stakeholder_tags::value.eq_any(&matching))
                .select(stakeholder_tags::stakeholder_id)
                .load(conn)?;
            for id in offered {
                *matches.entry(id).or_default() += 1.0;
            }
            candidates = candidates.filter(
                stakeholders::id.eq_any(
                    stakeholder_tags::table
                        .filter(stakeholder_tags::kind.eq("talent"))
                        .filter(stakeholder_tags::value.eq_any(matching))
                        .select(stakeholder_tags::stakeholder_id),
                ),
            );
        }
        if let Some(code) = municipality {
            candidates = candidates.filter(stakeholders::municipality_code.eq(code));
        }
        if let Some(p) = province {
            let codes: Vec<String> = crate::reference::municipalities()
                .iter()
                .filter(|m| m.province_code == p)
                .map(|m| m.code.clone())
                .collect();
            candidates = candidates.filter(stakeholders::municipality_code.eq_any(codes));
        }
        // Ranked on three small columns; whole rows and talents are read for
        // the page alone.
        let found: Vec<(i64, Option<i32>, bool)> = candidates
            .select((
                stakeholders::id,
                stakeholders::availability_hours,
                stakeholders::availability_occasional,
            ))
            .load(conn)?;
        let mut ranked: Vec<(i64, f64)> = found
            .into_iter()
            .map(|(id, hours, occasional)| {
                let time = match (hours, occasional) {
                    (Some(h), _) => f64::from(h.min(160)) / 1000.0,
                    (None, true) => 0.0005,
                    (None, false) => 0.0,
                };
                (id, matches.get(&id).copied().unwrap_or(0.0) + time)
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rank_page(
            &ranked,
            &page,
            |e: &ExpertOut| e.stakeholder_id,
            |ids| experts(conn, &ids, wanted.as_deref()),
        )
    })
    .await
}

/// The kinds of stakeholder that are organisations, as stored.
fn organisation_kinds() -> Vec<&'static str> {
    StakeholderKind::ALL
        .iter()
        .filter(|k| k.is_organisation())
        .map(|k| k.as_str())
        .collect()
}

/// These people as the search shows them, with their talents and those
/// that match the talent searched for (by its key).
fn experts(
    conn: &mut DbConn,
    ids: &[i64],
    wanted: Option<&str>,
) -> Result<Vec<ExpertOut>, ApiError> {
    let people: Vec<Stakeholder> = stakeholders::table
        .filter(db::in_ids(stakeholders::id, ids))
        .select(Stakeholder::as_select())
        .load(conn)?;
    let mut tags = tags_of(conn, ids)?;
    Ok(people
        .into_iter()
        .map(|s| {
            let theirs = tags
                .remove(&(s.id, "talent".to_owned()))
                .unwrap_or_default();
            let matching = match wanted {
                Some(w) => theirs.iter().filter(|t| key(t) == w).cloned().collect(),
                None => Vec::new(),
            };
            ExpertOut {
                stakeholder_id: s.id,
                name: s.name,
                kind: StakeholderKind::from_db(&s.kind),
                talents: theirs,
                matching_talents: matching,
                municipality_code: s.municipality_code,
                availability: AvailabilityOut::of(s.availability_hours, s.availability_occasional),
            }
        })
        .collect())
}
