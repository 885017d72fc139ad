//! The report of one network over a period, gathered in one read
//! transaction as the viewer may see it: goals and steps, meetings held,
//! members counted by kind and role, questions raised by and to it.

use std::collections::HashMap;

use chrono::{NaiveDateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::db::models::{Goal, Meeting, Question};
use crate::db::schema::{
    goals, meeting_registrations, meetings, memberships, networks, questions, stakeholders,
};
use crate::db::{self, DbConn};
use crate::domain::{
    GoalStatus, MeetingFormat, MeetingKind, MeetingStatus, NetworkStatus, QuestionStatus,
    RegistrationStatus, Role, Scope, StakeholderKind, Visibility,
};
use crate::permissions::{report_access, visible_meetings, visible_questions, Viewer};
use crate::reference::municipality;
use crate::routes::networks::NetworkRef;
use crate::web::error::ApiError;
use crate::web::http::utc;

use super::types::{
    NetworkReport, QuestionDirection, ReportGoal, ReportMeeting, ReportNetwork, ReportParticipants,
    ReportPeriod, ReportQuestion, ReportSummary,
};

/// The report of network `id` over `period`, as `viewer` may see it: 404
/// when they may not see the network.
pub fn gather(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
    period: ReportPeriod,
) -> Result<NetworkReport, ApiError> {
    let access = report_access(conn, viewer, id)?;
    let n = &access.network;
    let place = n.municipality_code.as_deref().and_then(municipality);
    let network = ReportNetwork {
        id: n.id,
        name: n.name.clone(),
        theme: n.theme.clone(),
        scope: Scope::from_db(&n.scope),
        status: NetworkStatus::from_db(&n.status),
        visibility: Visibility::from_db(&n.visibility),
        municipality_code: n.municipality_code.clone(),
        municipality_name: place.map(|m| m.name.clone()),
        country: place.map(|m| m.country),
        region: n.region.clone(),
    };
    let goals = goals_of(conn, id, period)?;
    let (meetings, cancelled) = meetings_of(conn, viewer, id, period)?;
    let (participants, joined) = participants_of(conn, id, period)?;
    let questions = questions_of(conn, viewer, id, period)?;
    let achieved = |step: bool| {
        goals
            .iter()
            .filter(|g| g.achieved_in_period && g.parent_id.is_some() == step)
            .count() as i64
    };
    let summary = ReportSummary {
        goals_achieved: achieved(false),
        steps_achieved: achieved(true),
        goals_open: goals.iter().filter(|g| g.status.is_open()).count() as i64,
        meetings_held: meetings.len() as i64,
        meetings_cancelled: cancelled,
        places_taken: meetings.iter().map(|m| m.places_taken).sum(),
        members: participants.iter().map(|p| p.total).sum(),
        experience_experts: participants
            .iter()
            .filter(|p| p.kind == StakeholderKind::ExperienceExpert)
            .map(|p| p.total)
            .sum(),
        members_joined: joined,
        questions_raised: count_of(&questions, QuestionDirection::Raised),
        questions_received: count_of(&questions, QuestionDirection::Received),
    };
    Ok(NetworkReport {
        network,
        period,
        summary,
        goals,
        meetings,
        participants,
        questions,
        public_view: !access.is_insider(),
        generated_at: Utc::now(),
    })
}

fn count_of(questions: &[ReportQuestion], direction: QuestionDirection) -> i64 {
    questions
        .iter()
        .filter(|q| q.direction == direction)
        .count() as i64
}

/// Goals and steps made before the period ended, each goal followed by its
/// steps, in the network's order.
fn goals_of(conn: &mut DbConn, id: i64, period: ReportPeriod) -> Result<Vec<ReportGoal>, ApiError> {
    let rows: Vec<Goal> = goals::table
        .filter(goals::network_id.eq(id))
        .filter(goals::created_at.lt(period.end()))
        .select(Goal::as_select())
        .order((goals::position, goals::id))
        .load(conn)?;
    let made: std::collections::HashSet<i64> = rows.iter().map(|r| r.id).collect();
    let mut under: HashMap<Option<i64>, Vec<&Goal>> = HashMap::new();
    for g in &rows {
        // A step whose goal came later stands on its own.
        let parent = g.parent_id.filter(|p| made.contains(p));
        under.entry(parent).or_default().push(g);
    }
    let mut out = Vec::with_capacity(rows.len());
    let mut stack: Vec<&Goal> = under.get(&None).cloned().unwrap_or_default();
    stack.reverse();
    while let Some(g) = stack.pop() {
        let achieved = g
            .achieved_at
            .filter(|_| g.status == GoalStatus::Achieved.as_str());
        out.push(ReportGoal {
            id: g.id,
            parent_id: g.parent_id,
            title: g.title.clone(),
            status: GoalStatus::from_db(&g.status),
            target_date: g.target_date,
            achieved_on: achieved.map(|t| t.date()),
            created_on: g.created_at.date(),
            achieved_in_period: achieved.is_some_and(|t| period.holds(t)),
        });
        if out.len() > rows.len() {
            break; // a cycle, which the goal rules never let in
        }
        if let Some(steps) = under.get(&Some(g.id)) {
            stack.extend(steps.iter().rev().copied());
        }
    }
    Ok(out)
}

/// Meetings held in the period (begun in it, ended before its end and
/// before now, not cancelled), with the places taken; and how many in the
/// period were cancelled.
fn meetings_of(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
    period: ReportPeriod,
) -> Result<(Vec<ReportMeeting>, i64), ApiError> {
    let rows: Vec<Meeting> = meetings::table
        .filter(meetings::network_id.eq(id))
        .filter(visible_meetings(viewer))
        .filter(meetings::starts_at.ge(period.start()))
        .filter(meetings::starts_at.lt(period.end()))
        .select(Meeting::as_select())
        .order((meetings::starts_at, meetings::id))
        .load(conn)?;
    let now: NaiveDateTime = Utc::now().naive_utc();
    let cancelled = MeetingStatus::Cancelled.as_str();
    let cancelled_count = rows.iter().filter(|m| m.status == cancelled).count() as i64;
    let held: Vec<Meeting> = rows
        .into_iter()
        .filter(|m| m.status != cancelled && m.ends_at <= now && m.ends_at <= period.end())
        .collect();
    let ids: Vec<i64> = held.iter().map(|m| m.id).collect();
    let places: HashMap<i64, i64> = if ids.is_empty() {
        HashMap::new()
    } else {
        meeting_registrations::table
            .filter(db::in_ids(meeting_registrations::meeting_id, &ids))
            .filter(meeting_registrations::status.eq(RegistrationStatus::Registered.as_str()))
            .group_by(meeting_registrations::meeting_id)
            .select((meeting_registrations::meeting_id, count_star()))
            .load::<(i64, i64)>(conn)?
            .into_iter()
            .collect()
    };
    let out = held
        .into_iter()
        .map(|m| ReportMeeting {
            places_taken: places.get(&m.id).copied().unwrap_or(0),
            id: m.id,
            title: m.title,
            kind: MeetingKind::from_db(&m.kind),
            format: MeetingFormat::from_db(&m.format),
            starts_at: utc(m.starts_at),
            ends_at: utc(m.ends_at),
        })
        .collect();
    Ok((out, cancelled_count))
}

/// Members at the end of the period by kind and role (every kind, also
/// with none), and how many joined in the period. Counts only.
fn participants_of(
    conn: &mut DbConn,
    id: i64,
    period: ReportPeriod,
) -> Result<(Vec<ReportParticipants>, i64), ApiError> {
    let rows: Vec<(String, String, NaiveDateTime)> = memberships::table
        .inner_join(stakeholders::table)
        .filter(memberships::network_id.eq(id))
        .filter(memberships::created_at.lt(period.end()))
        .select((
            stakeholders::kind,
            memberships::role,
            memberships::created_at,
        ))
        .load(conn)?;
    let mut out: Vec<ReportParticipants> = StakeholderKind::ALL
        .iter()
        .map(|&kind| ReportParticipants {
            kind,
            core_group: 0,
            members: 0,
            partners: 0,
            total: 0,
        })
        .collect();
    let mut joined = 0;
    for (kind, role, created_at) in rows {
        let kind = StakeholderKind::from_db(&kind);
        if let Some(p) = out.iter_mut().find(|p| p.kind == kind) {
            match Role::from_db(&role) {
                Role::Coordinator | Role::CoreGroup => p.core_group += 1,
                Role::Member => p.members += 1,
                Role::Partner => p.partners += 1,
            }
            p.total += 1;
        }
        if period.holds(created_at) {
            joined += 1;
        }
    }
    Ok((out, joined))
}

/// Questions raised by or to the network in the period that the viewer
/// may see, oldest first.
fn questions_of(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
    period: ReportPeriod,
) -> Result<Vec<ReportQuestion>, ApiError> {
    let rows: Vec<Question> = db::on_each!(conn, c => questions::table
        .filter(visible_questions(viewer))
        .filter(questions::network_id.eq(id).or(questions::to_network_id.eq(id)))
        .filter(questions::created_at.ge(period.start()))
        .filter(questions::created_at.lt(period.end()))
        .select(Question::as_select())
        .order((questions::created_at, questions::id))
        .load(c))?;
    let others: Vec<i64> = rows
        .iter()
        .map(|q| {
            if q.network_id == id {
                q.to_network_id
            } else {
                q.network_id
            }
        })
        .collect();
    let named: HashMap<i64, (String, String)> = networks::table
        .filter(db::in_ids(networks::id, &others))
        .select((networks::id, networks::name, networks::scope))
        .load::<(i64, String, String)>(conn)?
        .into_iter()
        .map(|(id, name, scope)| (id, (name, scope)))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|q| {
            let (direction, other) = if q.network_id == id {
                (QuestionDirection::Raised, q.to_network_id)
            } else {
                (QuestionDirection::Received, q.network_id)
            };
            let (name, scope) = named.get(&other)?;
            Some(ReportQuestion {
                id: q.id,
                title: q.title,
                direction,
                other_network: NetworkRef {
                    id: other,
                    name: name.clone(),
                    scope: Scope::from_db(scope),
                },
                status: QuestionStatus::from_db(&q.status),
                raised_on: q.created_at.date(),
            })
        })
        .collect())
}
