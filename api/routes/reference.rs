//! Reference lists: topics, the articles of the UN Convention, and the
//! municipalities of the Netherlands, Flanders and Brussels.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::convention::{Article, ARTICLES};
use crate::db;
use crate::db::schema::topics;
use crate::reference::{municipalities, Country, Municipality};
use crate::routes::{answer_page, read_list};
use crate::web::error::ApiError;
use crate::web::extract::Query;
use crate::web::pagination::{Cursor, PageRequest};
use crate::web::params;
use crate::{page_type, AppState};

/// A topic that networks and links are tagged with.
#[derive(Debug, Serialize, ToSchema, Queryable)]
#[serde(rename_all = "camelCase")]
pub struct TopicOut {
    /// Use this value in `topics` and in the `topic` filters.
    #[schema(example = "accessibility")]
    pub slug: String,
    #[schema(example = "Toegankelijkheid")]
    pub name_nl: String,
    #[schema(example = "Accessibility")]
    pub name_en: String,
}

page_type!(TopicPage, TopicOut, "All topics (one page).");
page_type!(MunicipalityPage, Municipality, "A page of municipalities.");
page_type!(ArticlePage, Article, "Articles 1 to 33 (one page).");

/// List the articles of the UN Convention
///
/// The articles of the UN Convention on the rights of persons with
/// disabilities that networks, goals and knowledge links can be tagged with
/// (1 to 33), with their short titles in Dutch and English.
#[utoipa::path(
    tag = "Reference",
    responses((status = 200, description = "Articles 1 to 33, in one page.", body = ArticlePage)),
)]
#[get("/convention-articles")]
pub async fn list_articles(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let page = PageRequest {
        size: 100,
        after: None,
    };
    Ok(answer_page::<ArticlePage>(
        &req,
        &Query::new(&req),
        &page,
        ARTICLES.to_vec(),
        None,
    ))
}

/// List topics
///
/// The topics networks and knowledge links are tagged with, in Dutch and English.
#[utoipa::path(
    tag = "Reference",
    responses((status = 200, description = "Every topic, in one page.", body = TopicPage)),
)]
#[get("/topics")]
pub async fn list_topics(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let items = db::read(&state.pool, |conn| {
        Ok(topics::table
            .order(topics::slug)
            .select((topics::slug, topics::name_nl, topics::name_en))
            .load::<TopicOut>(conn)?)
    })
    .await?;
    let page = PageRequest {
        size: 100,
        after: None,
    };
    Ok(answer_page::<TopicPage>(
        &req,
        &Query::new(&req),
        &page,
        items,
        None,
    ))
}

crate::list_filters! {
    /// Filters for the municipality list.
    pub struct MunicipalityFilters {
        /// Part of the name; accents and capitals do not matter.
        #[param(max_length = 200)]
        #[serde(default, deserialize_with = "params::text")]
        pub q: Option<String>,
        /// Province code (CBS, or NIS for Flanders; `04000` for Brussels).
        #[param(example = "PV26")]
        #[serde(default, deserialize_with = "params::province")]
        pub province: Option<String>,
        /// `NL` or `BE`.
        #[param(inline, value_type = Option<Country>)]
        #[serde(default, deserialize_with = "country")]
        pub country: Option<Country>,
    }
}

/// `NL` or `BE`.
fn country<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Country>, D::Error> {
    match params::typed(d)?.as_str() {
        "NL" => Ok(Some(Country::Netherlands)),
        "BE" => Ok(Some(Country::Belgium)),
        _ => Err(
            params::Problem::new(crate::web::error::Code::Enum, "must be NL or BE")
                .allowed("NL BE")
                .fail(),
        ),
    }
}

fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// List municipalities
///
/// The municipalities of the Netherlands (CBS codes, `GM0344`) and of
/// Flanders and Brussels (NIS codes, `44021`), sorted by code, with their
/// country and province (or region).
#[utoipa::path(
    tag = "Reference",
    params(MunicipalityFilters),
    responses((status = 200, description = "A page of municipalities.", body = MunicipalityPage)),
)]
#[get("/municipalities")]
pub async fn list_municipalities(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let (filters, page, query) = read_list::<MunicipalityFilters>(&req)?;
    let MunicipalityFilters {
        q,
        province,
        country,
        ..
    } = filters;
    let q = q.map(|q| fold(&q));
    let start = page.after_id() as usize;
    let mut items: Vec<(usize, Municipality)> = municipalities()
        .iter()
        .enumerate()
        .skip(start)
        .filter(|(_, m)| {
            q.as_ref()
                .is_none_or(|q| fold(&m.name).contains(q.as_str()))
        })
        .filter(|(_, m)| province.as_ref().is_none_or(|p| &m.province_code == p))
        .filter(|(_, m)| country.is_none_or(|c| m.country == c))
        .take(page.fetch_limit() as usize)
        .map(|(i, m)| (i + 1, m.clone()))
        .collect();
    let next = page.finish(&mut items, |(i, _)| Cursor::Id(*i as i64));
    let items = items.into_iter().map(|(_, m)| m).collect();
    Ok(answer_page::<MunicipalityPage>(
        &req, &query, &page, items, next,
    ))
}
