//! `GET /experts`: experience experts by talent and region, among people
//! who chose to be findable.

use std::collections::HashMap;

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::types::{ExpertFilters, ExpertOut, ExpertPage};
use crate::accounts::auth::Auth;
use crate::db::models::Stakeholder;
use crate::db::schema::{stakeholder_tags, stakeholders};
use crate::domain::StakeholderKind;
use crate::permissions::ensure_expert_searcher;
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
        let mut sql = stakeholders::table
            .filter(stakeholders::findable.eq(true))
            .select(Stakeholder::as_select())
            .into_boxed();
        if let Some(code) = municipality {
            sql = sql.filter(stakeholders::municipality_code.eq(code));
        }
        if let Some(p) = province {
            let codes: Vec<String> = crate::reference::municipalities()
                .iter()
                .filter(|m| m.province_code == p)
                .map(|m| m.code.clone())
                .collect();
            sql = sql.filter(stakeholders::municipality_code.eq_any(codes));
        }
        let people: Vec<Stakeholder> = sql.order(stakeholders::id).load(conn)?;
        let people: Vec<Stakeholder> = people
            .into_iter()
            .filter(|s| !StakeholderKind::from_db(&s.kind).is_organisation())
            .filter(|s| Some(s.id) != viewer.stakeholder_id)
            .collect();
        let ids: Vec<i64> = people.iter().map(|s| s.id).collect();
        let mut talents: HashMap<i64, Vec<String>> = HashMap::new();
        for chunk in ids.chunks(500) {
            let rows: Vec<(i64, String)> = stakeholder_tags::table
                .filter(stakeholder_tags::stakeholder_id.eq_any(chunk))
                .filter(stakeholder_tags::kind.eq("talent"))
                .order((stakeholder_tags::stakeholder_id, stakeholder_tags::value))
                .select((stakeholder_tags::stakeholder_id, stakeholder_tags::value))
                .load(conn)?;
            for (id, t) in rows {
                talents.entry(id).or_default().push(t);
            }
        }
        let wanted = talent.as_deref().map(key);
        let mut found: HashMap<i64, ExpertOut> = HashMap::new();
        let mut ranked: Vec<(i64, f64)> = Vec::new();
        for s in people {
            let theirs = talents.remove(&s.id).unwrap_or_default();
            let matching: Vec<String> = match &wanted {
                Some(w) => theirs.iter().filter(|t| &key(t) == w).cloned().collect(),
                None => Vec::new(),
            };
            if wanted.is_some() && matching.is_empty() {
                continue;
            }
            let time = match (s.availability_hours, s.availability_occasional) {
                (Some(h), _) => f64::from(h.min(160)) / 1000.0,
                (None, true) => 0.0005,
                (None, false) => 0.0,
            };
            ranked.push((s.id, matching.len() as f64 + time));
            found.insert(
                s.id,
                ExpertOut {
                    stakeholder_id: s.id,
                    name: s.name,
                    kind: StakeholderKind::from_db(&s.kind),
                    talents: theirs,
                    matching_talents: matching,
                    municipality_code: s.municipality_code,
                    availability: AvailabilityOut::of(
                        s.availability_hours,
                        s.availability_occasional,
                    ),
                },
            );
        }
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rank_page(
            &ranked,
            &page,
            |e: &ExpertOut| e.stakeholder_id,
            |ids| Ok(ids.into_iter().filter_map(|i| found.remove(&i)).collect()),
        )
    })
    .await
}
