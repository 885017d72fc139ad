//! How a browser opens a report it may see more of than the public: `POST
//! /networks/{networkId}/report-pass`, sent by the web page with the
//! access token, sets a pass as a cookie that the browser sends only to
//! that network's addresses (HttpOnly, SameSite=Strict, an hour), and
//! only the report's page and CSV read it ([`PageAuth`]). A plain link
//! then opens the page, printable without JavaScript, with what that
//! person may see. The pass is a token of its own type: never an access
//! token, never for another network, and void when the account's sessions
//! end (password change, account disabled).

use std::future::{ready, Ready};

use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{post, web, FromRequest, HttpRequest, HttpResponse};
use chrono::{Duration, Utc};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::schema::users;
use crate::db::{self, DbConn};
use crate::permissions::{report_access, Viewer};
use crate::web::error::ApiError;
use crate::AppState;

use super::types::ReportPassOut;

/// The cookie that holds a report's pass.
pub const COOKIE: &str = "themanet_report";

/// How long a pass lasts, in seconds.
pub const PASS_SECONDS: i64 = 3600;

/// The token type of a pass for one network's report.
fn pass_type(network_id: i64) -> String {
    format!("report:{network_id}")
}

/// Who asks for a report's page or CSV: the `Authorization` header when
/// sent (a bad one is 401), else the network's pass from the cookie (an
/// invalid or expired one is anonymous), else anonymous.
#[derive(Debug, Clone, Copy)]
pub struct PageAuth {
    auth: Auth,
    from_cookie: bool,
}

impl FromRequest for PageAuth {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if req.headers().contains_key(header::AUTHORIZATION) {
            return ready(
                Auth::from_request(req, payload)
                    .into_inner()
                    .map(|auth| PageAuth {
                        auth,
                        from_cookie: false,
                    }),
            );
        }
        let anonymous = PageAuth {
            auth: Auth::Anonymous,
            from_cookie: false,
        };
        let network = req
            .match_info()
            .get("networkId")
            .and_then(|v| v.parse::<i64>().ok());
        let state = req.app_data::<web::Data<AppState>>();
        let found = match (req.cookie(COOKIE), network, state) {
            (Some(cookie), Some(id), Some(state)) => {
                state.keys.verify_as(cookie.value(), &pass_type(id)).ok()
            }
            _ => None,
        };
        ready(Ok(found.map_or(anonymous, |auth| PageAuth {
            auth,
            from_cookie: true,
        })))
    }
}

/// The viewer behind a page's request: a pass whose account's sessions
/// ended counts as anonymous (the page then shows what is public).
pub fn load_viewer(conn: &mut DbConn, auth: PageAuth) -> Result<Viewer, ApiError> {
    match Viewer::load(conn, auth.auth) {
        Err(ApiError::Unauthorized(_)) if auth.from_cookie => Ok(Viewer::ANONYMOUS),
        other => other,
    }
}

/// A pass for a report in the browser
///
/// Sets a cookie that lets this browser open the network's report page
/// and CSV (`report.html`, `report.csv`) for an hour with what you may
/// see of the network, as a plain link that works without JavaScript.
/// The browser sends it only to this network's addresses on this site
/// (HttpOnly, SameSite=Strict); nothing else reads it.
#[utoipa::path(
    tag = "Reports",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    responses(
        (status = 200, description = "The pass is set as a cookie; the page's address.", body = ReportPassOut,
            headers(("Set-Cookie" = String, description = "themanet_report, HttpOnly, SameSite=Strict, Path=/api/v1/networks/{networkId}/"))),
        (status = 401, description = "Sign in first."),
        (status = 404, description = "No such network, or you may not see it."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks/{networkId}/report-pass")]
pub async fn create_report_pass(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let id = path.into_inner();
    let (user, epoch) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        report_access(conn, &viewer, id)?;
        let user = viewer.user()?;
        let epoch: i64 = users::table
            .find(user)
            .select(users::session_epoch)
            .first(conn)?;
        Ok((user, epoch))
    })
    .await?;
    let pass = state
        .keys
        .issue_as(user, epoch, &pass_type(id), PASS_SECONDS)?;
    let secure = crate::web::pagination::base_url(&req).starts_with("https://");
    let cookie = Cookie::build(COOKIE, pass)
        .path(format!("/api/v1/networks/{id}/"))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(actix_web::cookie::time::Duration::seconds(PASS_SECONDS))
        .finish();
    let out = ReportPassOut {
        url: format!("/api/v1/networks/{id}/report.html"),
        expires_at: Utc::now() + Duration::seconds(PASS_SECONDS),
    };
    Ok(HttpResponse::Ok()
        .cookie(cookie)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(out))
}

/// The report a printable page or a spreadsheet shows: the period and
/// language read from the address, the viewer from the token or the
/// report's pass.
pub(super) async fn for_page(
    state: &crate::AppState,
    req: &actix_web::HttpRequest,
    id: i64,
    auth: super::pass::PageAuth,
) -> Result<(super::types::NetworkReport, super::words::Lang), ApiError> {
    use super::types::{ReportPageQuery, ReportPeriod};
    use super::words::Lang;
    let mut query = crate::web::extract::Query::new(req);
    let q: ReportPageQuery = query.read();
    let period = ReportPeriod::read(&mut query, q.from, q.to);
    query.finish()?;
    let lang = if q.lang == Some(crate::domain::MailLanguage::En) {
        Lang::En
    } else {
        Lang::Nl
    };
    let report = crate::db::read(&state.pool, move |conn| {
        let viewer = super::pass::load_viewer(conn, auth)?;
        super::gather::gather(conn, &viewer, id, period)
    })
    .await?;
    Ok((report, lang))
}
