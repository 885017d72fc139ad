//! `GET /meetings/{meetingId}/attendance.csv`: the attendance list for the
//! organisers, to print or open in a spreadsheet.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};

use super::list::registrations;
use crate::accounts::auth::Auth;
use crate::db;
use crate::permissions::{co_members, may_see_contact, meeting_access, Viewer};
use crate::routes::meetings::features;
use crate::web::error::ApiError;
use crate::web::http::inert;
use crate::AppState;

/// Attendance list
///
/// The organisers. CSV (separated by `;`, UTF-8 with a byte order mark, as
/// spreadsheets in the Netherlands open it): name, place or waiting, needs
/// where the person shared them with their name, in the order people
/// registered, and contact details only
/// where the person shares them with co-members.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    responses(
        (status = 200, description = "The attendance list.", content_type = "text/csv", body = String),
        (status = 403, description = "Only the organisers see who registered."),
        (status = 404, description = "No such meeting, or it is for members only."),
    ),
    security(("bearer" = [])),
)]
#[get("/meetings/{meetingId}/attendance.csv")]
pub async fn attendance_csv(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let meeting_id = path.into_inner();
    let (title, body) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (meeting, access) = meeting_access(conn, &viewer, meeting_id)?;
        access.ensure_organiser()?;
        let rows = registrations(conn, meeting_id, None, 0, 10_000)?;
        let ids: Vec<i64> = rows.iter().map(|r| r.person.id).collect();
        let co = co_members(conn, &viewer, &ids)?;
        let mut out = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        let header = [
            "naam",
            "status",
            "wachtlijst",
            "nodig",
            "toelichting",
            "e-mail",
            "telefoon",
        ];
        let mut lines = vec![header
            .iter()
            .map(|h| h.to_string())
            .collect::<Vec<String>>()];
        for row in &rows {
            let shows = row.shows_needs(&access, &viewer);
            let contact = may_see_contact(&viewer, &row.person, co.contains(&row.person.id));
            let needs = row.needs.as_ref().filter(|_| shows);
            lines.push(vec![
                row.person.name.clone(),
                if row.waiting_position.is_some() {
                    "wachtlijst"
                } else {
                    "aangemeld"
                }
                .into(),
                row.waiting_position
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                needs
                    .map(|n| {
                        features(&n.needs)
                            .iter()
                            .map(|f| f.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default(),
                needs.map(|n| n.note.clone()).unwrap_or_default(),
                row.person
                    .email
                    .clone()
                    .filter(|_| contact)
                    .unwrap_or_default(),
                row.person
                    .phone
                    .clone()
                    .filter(|_| contact)
                    .unwrap_or_default(),
            ]);
        }
        for line in lines {
            out.write_record(line.iter().map(|c| inert(c)))
                .map_err(|e| ApiError::Internal(e.to_string()))?;
        }
        let bytes = out
            .into_inner()
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok((meeting.title, bytes))
    })
    .await?;
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend(body);
    let name: String = crate::domain::slugify(&title);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"aanwezigen-{name}.csv\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(with_bom))
}
