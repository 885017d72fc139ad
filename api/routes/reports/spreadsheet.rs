//! `GET /networks/{networkId}/report.csv`: the report as one table for a
//! spreadsheet. Separated by `;` and UTF-8 with a byte order mark, as
//! Excel and LibreOffice in the Netherlands and Flanders open it with a
//! double click (the attendance list does the same). One row per item,
//! the `section` column first, so a filter on it gives each part.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::web::error::ApiError;
use crate::web::http::inert;
use crate::AppState;

use super::pass::{for_page, PageAuth};
use super::types::{NetworkReport, ReportPageQuery};
use super::words::Lang;

/// A network's progress report as CSV
///
/// The report of `GET /networks/{networkId}/report` as one table: `;`
/// between cells, UTF-8 with a byte order mark, dates as `YYYY-MM-DD`.
/// The columns: section, id, part of (a step's goal), name, kind, status,
/// date, target date, achieved on, in period, value (a figure, the places
/// taken at a meeting, a count of people, the other network of a
/// question). The sections: summary, goal, step, meeting, participants,
/// question (in Dutch with `lang=nl`, the default). A browser sends the
/// report's pass (`POST .../report-pass`) as a cookie.
#[utoipa::path(
    tag = "Reports",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1), ReportPageQuery),
    responses(
        (status = 200, description = "The report as CSV.", content_type = "text/csv", body = String,
            headers(("Content-Disposition" = String, description = "attachment; filename=\"voortgang-<network>-<from>-<to>.csv\""))),
        (status = 400, description = "A date that is not one, `from` after `to`, or a period over five years; every such parameter named."),
        (status = 404, description = "No such network, or you may not see it."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/report.csv")]
pub async fn get_report_csv(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: PageAuth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (report, lang) = for_page(&state, &req, id, auth).await?;
    let body = write(&report, lang)?;
    let name = format!(
        "{}-{}-{}-{}.csv",
        lang.pick("voortgang", "progress"),
        crate::domain::slugify(&report.network.name),
        report.period.from,
        report.period.to
    );
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

/// The report's rows, with a byte order mark first.
pub fn write(r: &NetworkReport, lang: Lang) -> Result<Vec<u8>, ApiError> {
    let l = |nl: &'static str, en: &'static str| lang.pick(nl, en).to_string();
    let head = [
        l("onderdeel", "section"),
        "id".into(),
        l("hoort bij", "part of"),
        l("naam", "name"),
        l("soort", "kind"),
        "status".into(),
        l("datum", "date"),
        l("streefdatum", "target date"),
        l("behaald op", "achieved on"),
        l("in periode", "in period"),
        l("waarde", "value"),
    ];
    let mut rows: Vec<[String; 11]> = vec![head];
    let s = &r.summary;
    let place = match (&r.network.municipality_name, &r.network.municipality_code) {
        (Some(name), Some(code)) => format!("{name} ({code})"),
        _ => r.network.region.clone().unwrap_or_default(),
    };
    let summary: Vec<(String, String)> = vec![
        (l("Netwerk", "Network"), r.network.name.clone()),
        (l("Gemeente of regio", "Municipality or region"), place),
        (
            l("Stand van het netwerk", "Network status"),
            lang.network_status(r.network.status).into(),
        ),
        (l("Van", "From"), r.period.from.to_string()),
        (l("Tot en met", "To"), r.period.to.to_string()),
        (
            l("Doelen behaald", "Goals achieved"),
            s.goals_achieved.to_string(),
        ),
        (
            l("Stappen behaald", "Steps achieved"),
            s.steps_achieved.to_string(),
        ),
        (
            l("Doelen en stappen open", "Goals and steps open"),
            s.goals_open.to_string(),
        ),
        (
            l("Bijeenkomsten gehouden", "Meetings held"),
            s.meetings_held.to_string(),
        ),
        (
            l("Bijeenkomsten afgelast", "Meetings cancelled"),
            s.meetings_cancelled.to_string(),
        ),
        (
            l("Plaatsen bezet", "Places taken"),
            s.places_taken.to_string(),
        ),
        (l("Leden", "Members"), s.members.to_string()),
        (
            l("Ervaringsdeskundigen", "Experience experts"),
            s.experience_experts.to_string(),
        ),
        (
            l("Nieuwe leden", "Members joined"),
            s.members_joined.to_string(),
        ),
        (
            l("Vragen gesteld", "Questions raised"),
            s.questions_raised.to_string(),
        ),
        (
            l("Vragen gekregen", "Questions received"),
            s.questions_received.to_string(),
        ),
    ];
    let empty = String::new;
    for (name, value) in summary {
        let sec = l("samenvatting", "summary");
        rows.push([
            sec,
            empty(),
            empty(),
            name,
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            value,
        ]);
    }
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for g in &r.goals {
        let sec = if g.parent_id.is_some() {
            l("stap", "step")
        } else {
            l("doel", "goal")
        };
        rows.push([
            sec,
            g.id.to_string(),
            g.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            g.title.clone(),
            empty(),
            lang.goal_status(g.status).into(),
            g.created_on.to_string(),
            date(g.target_date),
            date(g.achieved_on),
            lang.yes_no(g.achieved_in_period).into(),
            empty(),
        ]);
    }
    for m in &r.meetings {
        rows.push([
            l("bijeenkomst", "meeting"),
            m.id.to_string(),
            empty(),
            m.title.clone(),
            format!(
                "{}, {}",
                lang.meeting_kind(m.kind),
                lang.meeting_format(m.format)
            ),
            l("Geweest", "Held"),
            m.starts_at.date_naive().to_string(),
            empty(),
            empty(),
            lang.yes_no(true).into(),
            m.places_taken.to_string(),
        ]);
    }
    for p in &r.participants {
        let groups = [
            (l("Kerngroep", "Core group"), p.core_group),
            (l("Leden", "Members"), p.members),
            (l("Partners", "Partners"), p.partners),
            (l("Totaal", "Total"), p.total),
        ];
        for (group, n) in groups {
            // Every kind has its total, also none; a role only when it has some.
            if n > 0 || group == l("Totaal", "Total") {
                let sec = l("deelnemers", "participants");
                let kind = lang.kinds(p.kind).to_string();
                rows.push([
                    sec,
                    empty(),
                    empty(),
                    kind,
                    group,
                    empty(),
                    empty(),
                    empty(),
                    empty(),
                    empty(),
                    n.to_string(),
                ]);
            }
        }
    }
    for q in &r.questions {
        rows.push([
            l("vraag", "question"),
            q.id.to_string(),
            empty(),
            q.title.clone(),
            lang.direction(q.direction).into(),
            lang.question_status(q.status).into(),
            q.raised_on.to_string(),
            empty(),
            empty(),
            lang.yes_no(true).into(),
            q.other_network.name.clone(),
        ]);
    }
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    for row in rows {
        out.write_record(row.iter().map(|c| inert(c)))
            .map_err(|e| ApiError::Internal(e.to_string()))?;
    }
    out.into_inner()
        .map_err(|e| ApiError::Internal(e.to_string()))
}
