//! `GET /networks/{networkId}/report.html`: the report as a printable page,
//! for a browser without JavaScript, to print or save as PDF.

use actix_web::http::{header, StatusCode};
use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::web::error::{ApiError, PageForPeople};
use crate::AppState;

use super::html::{page, refusal_page};
use super::pass::{for_page, PageAuth};
use super::types::ReportPageQuery;
use super::words::Lang;

/// Whether the client asks for JSON and not for a page (`Accept`).
fn wants_problem(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("json") && !accept.contains("text/html"))
}

/// A network's progress report as a printable page
///
/// The report of `GET /networks/{networkId}/report` as a complete HTML
/// document (`lang=nl`, the default, in plain Dutch, or `lang=en`): the
/// figures, goals and steps, meetings, who takes part and questions as
/// tables, a form to choose the period and a link back to the network's
/// page. It needs no JavaScript; printed, it leaves out the navigation
/// and the form. A period that does not work gets a page (400) saying so,
/// with the form again; a client that accepts JSON and not HTML gets a
/// problem. A browser sends the report's pass (`POST
/// .../report-pass`) as a cookie; without one the page shows what is
/// public.
#[utoipa::path(
    tag = "Reports",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), ReportPageQuery),
    responses(
        (status = 200, description = "The report as a web page.", content_type = "text/html", body = String),
        (status = 400, description = "A date that is not one, `from` after `to`, a period over five years, or an unknown parameter: a page that says what is wrong and shows the form again (a problem when `Accept` asks for JSON and not for HTML).", content_type = "text/html", body = String),
        (status = 404, description = "No such network, or you may not see it."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/report.html")]
pub async fn get_report_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: PageAuth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (status, body) = match for_page(&state, &req, id, auth).await {
        Ok((report, lang)) => (StatusCode::OK, page(&report, lang)),
        // A period that does not work: said on a page, with the form again
        // (a program that asks for a problem gets one).
        Err(ApiError::Invalid(problems)) if !wants_problem(&req) => {
            let sent = crate::web::extract::Query::new(&req);
            let lang = if sent.sent("lang") == "en" {
                Lang::En
            } else {
                Lang::Nl
            };
            let body = refusal_page(id, sent.sent("from"), sent.sent("to"), lang, &problems);
            (StatusCode::BAD_REQUEST, body)
        }
        Err(e) => return Err(e),
    };
    let mut answer = HttpResponse::build(status);
    answer.extensions_mut().insert(PageForPeople);
    Ok(answer
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
             base-uri 'none'; frame-ancestors 'none'",
        ))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .body(body))
}
