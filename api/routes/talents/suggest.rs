//! `GET /talents`: the talents people offer and goals need, most used
//! first, as suggestions while typing.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::types::{TalentFilters, TalentOut, TalentPage};
use crate::accounts::auth::Auth;
use crate::queries::talents;
use crate::routes::{list, rank_page};
use crate::web::error::ApiError;
use crate::AppState;

/// Suggest talents
///
/// The vocabulary that grows with use: talents people show everyone (and
/// your own), and the talents goals in networks you may see need. `q`
/// matches the start of each word as search does (accents, capitals and
/// word forms do not matter). Most used first.
#[utoipa::path(
    tag = "Talents",
    params(TalentFilters),
    responses((status = 200, description = "Talents, most used first.", body = TalentPage)),
    security((), ("bearer" = [])),
)]
#[get("/talents")]
pub async fn list_talents(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    list::<_, TalentPage>(&state, &req, auth, move |conn, viewer, filters, page| {
        let TalentFilters { q, .. } = filters;
        let found: Vec<TalentOut> = talents::vocabulary(conn, viewer)?
            .into_iter()
            .filter(|(name, _)| q.as_deref().is_none_or(|q| talents::suggests(name, q)))
            .map(|(name, uses)| TalentOut { name, uses })
            .collect();
        // In the order found: the position is the rank.
        let ranked: Vec<(i64, f64)> = (0..found.len() as i64).map(|i| (i, -(i as f64))).collect();
        let mut found: Vec<Option<TalentOut>> = found.into_iter().map(Some).collect();
        let (rows, next) = rank_page(
            &ranked,
            &page,
            |(i, _): &(i64, TalentOut)| *i,
            |ids| {
                Ok(ids
                    .into_iter()
                    .filter_map(|i| found[i as usize].take().map(|t| (i, t)))
                    .collect())
            },
        )?;
        Ok((rows.into_iter().map(|(_, t)| t).collect(), next))
    })
    .await
}
