//! `GET /meetings/{meetingId}/pulse` (organisers) and
//! `GET /networks/{networkId}/pulse` (the trend): aggregates only, from
//! `PULSE_MINIMUM` answers on.

use std::collections::BTreeMap;

use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;

use super::types::{PulseOut, PulseTrend, PulseTrendItem, Scale};
use crate::accounts::auth::Auth;
use crate::db::models::Meeting;
use crate::db::schema::{meeting_pulses, meetings};
use crate::db::{self, DbConn};
use crate::permissions::{
    may_show_pulse, meeting_access, network_access, visible_meetings, Viewer, PULSE_MINIMUM,
};
use crate::web::error::ApiError;
use crate::web::http::utc;
use crate::AppState;

/// A meeting's pulse
///
/// The organisers: how well people could take part and felt heard,
/// counted, and the comments without names; nothing until five people
/// answered.
#[utoipa::path(
    tag = "Meetings",
    params(("meetingId" = i64, Path, description = "Meeting id", minimum = 1)),
    responses(
        (status = 200, description = "The pulse, as aggregates.", body = PulseOut),
        (status = 403, description = "Only the organisers see the pulse."),
        (status = 404, description = "No such meeting, or it is for members only."),
    ),
    security(("bearer" = [])),
)]
#[get("/meetings/{meetingId}/pulse")]
pub async fn meeting_pulse(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let meeting_id = path.into_inner();
    let out = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (_, access) = meeting_access(conn, &viewer, meeting_id)?;
        access.ensure_organiser()?;
        let rows: Vec<(i32, i32, String)> = meeting_pulses::table
            .filter(meeting_pulses::meeting_id.eq(meeting_id))
            .select((
                meeting_pulses::took_part,
                meeting_pulses::heard,
                meeting_pulses::comment,
            ))
            .load(conn)?;
        let answers = rows.len() as i64;
        if !may_show_pulse(answers) {
            return Ok(PulseOut {
                minimum: PULSE_MINIMUM,
                enough: false,
                answers: None,
                took_part: None,
                heard: None,
                comments: None,
            });
        }
        let mut comments: Vec<String> = rows
            .iter()
            .map(|(_, _, c)| c.clone())
            .filter(|c| !c.is_empty())
            .collect();
        comments.sort();
        Ok(PulseOut {
            minimum: PULSE_MINIMUM,
            enough: true,
            answers: Some(answers),
            took_part: Some(scale(rows.iter().map(|r| r.0))),
            heard: Some(scale(rows.iter().map(|r| r.1))),
            comments: Some(comments),
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// A network's pulse over its meetings
///
/// Whoever sees the network: for each meeting you may see that enough
/// people answered, the averages, oldest first.
#[utoipa::path(
    tag = "Meetings",
    params(("networkId" = i64, Path, description = "Network id", minimum = 1)),
    responses(
        (status = 200, description = "The trend.", body = PulseTrend),
        (status = 404, description = "No such network, or it is for members only."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/networks/{networkId}/pulse")]
pub async fn network_pulse(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let network_id = path.into_inner();
    let items = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        network_access(conn, &viewer, network_id)?;
        trend(conn, &viewer, network_id)
    })
    .await?;
    Ok(HttpResponse::Ok().json(PulseTrend { items }))
}

/// A meeting with the answers to its pulse (could take part, felt heard),
/// kept in the order of the meetings' start.
type Answered = BTreeMap<(chrono::NaiveDateTime, i64), (Meeting, Vec<(i32, i32)>)>;

fn trend(
    conn: &mut DbConn,
    viewer: &Viewer,
    network_id: i64,
) -> Result<Vec<PulseTrendItem>, ApiError> {
    let rows: Vec<(Meeting, i32, i32)> = meetings::table
        .inner_join(meeting_pulses::table)
        .filter(meetings::network_id.eq(network_id))
        .filter(visible_meetings(viewer))
        .select((
            Meeting::as_select(),
            meeting_pulses::took_part,
            meeting_pulses::heard,
        ))
        .load(conn)?;
    let mut by_meeting: Answered = BTreeMap::new();
    for (m, took_part, heard) in rows {
        by_meeting
            .entry((m.starts_at, m.id))
            .or_insert_with(|| (m, Vec::new()))
            .1
            .push((took_part, heard));
    }
    Ok(by_meeting
        .into_values()
        .filter(|(_, answers)| may_show_pulse(answers.len() as i64))
        .map(|(m, answers)| PulseTrendItem {
            meeting_id: m.id,
            title: m.title,
            starts_at: utc(m.starts_at),
            answers: answers.len() as i64,
            took_part_average: average(answers.iter().map(|a| a.0)),
            heard_average: average(answers.iter().map(|a| a.1)),
        })
        .collect())
}

fn average(values: impl Iterator<Item = i32>) -> f64 {
    let (sum, n) = values.fold((0i64, 0i64), |(s, n), v| (s + i64::from(v), n + 1));
    if n == 0 {
        0.0
    } else {
        ((sum as f64 / n as f64) * 10.0).round() / 10.0
    }
}

fn scale(values: impl Iterator<Item = i32> + Clone) -> Scale {
    let mut counts = [0i64; 5];
    for v in values.clone() {
        if (1..=5).contains(&v) {
            counts[(v - 1) as usize] += 1;
        }
    }
    Scale {
        average: average(values),
        counts,
    }
}
