//! Meetings as several handlers read them (with their places counted and
//! the viewer's own place), and the waiting list that moves up.

use std::collections::{BTreeMap, HashMap};

use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::db::models::{Meeting, Registration};
use crate::db::schema::{meeting_access_needs, meeting_registrations, meetings, networks};
use crate::db::{self, DbConn};
use crate::domain::{AccessFeature, RegistrationStatus};
use crate::permissions::{may_see_online_link, online_link_shown, NetworkAccess, Viewer};
use crate::web::error::ApiError;

/// What a viewer sees beside a meeting's row: its network's name, the
/// places taken and waited for, their own place, and (organisers) the
/// needs of the people with a place, counted.
pub struct MeetingView {
    pub network_name: String,
    pub registered: i64,
    pub waiting: i64,
    pub mine: Option<RegistrationStatus>,
    pub show_link: bool,
    pub need_counts: Option<BTreeMap<AccessFeature, i64>>,
}

/// People with a place and people waiting, per meeting, in one statement.
pub fn counts(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<(i64, String), i64>, ApiError> {
    Ok(meeting_registrations::table
        .filter(db::in_ids(meeting_registrations::meeting_id, ids))
        .group_by((
            meeting_registrations::meeting_id,
            meeting_registrations::status,
        ))
        .select((
            meeting_registrations::meeting_id,
            meeting_registrations::status,
            count_star(),
        ))
        .load::<(i64, String, i64)>(conn)?
        .into_iter()
        .map(|(m, s, n)| ((m, s), n))
        .collect())
}

/// How many people with a place need each thing, per meeting.
pub fn need_counts(
    conn: &mut DbConn,
    ids: &[i64],
) -> Result<HashMap<i64, BTreeMap<AccessFeature, i64>>, ApiError> {
    let rows: Vec<(i64, String)> = meeting_access_needs::table
        .inner_join(meeting_registrations::table)
        .filter(db::in_ids(meeting_registrations::meeting_id, ids))
        .filter(meeting_registrations::status.eq(RegistrationStatus::Registered.as_str()))
        .select((
            meeting_registrations::meeting_id,
            meeting_access_needs::needs,
        ))
        .load(conn)?;
    let mut out: HashMap<i64, BTreeMap<AccessFeature, i64>> = HashMap::new();
    for (meeting, needs) in rows {
        let counted = out.entry(meeting).or_default();
        for need in needs.split(',').filter_map(|n| n.parse().ok()) {
            *counted.entry(need).or_default() += 1;
        }
    }
    Ok(out)
}

/// What `viewer` sees beside each of these meetings. `organiser_of` tells
/// for a network whether the viewer organises its meetings.
pub fn views(
    conn: &mut DbConn,
    viewer: &Viewer,
    rows: &[Meeting],
    organiser_of: impl Fn(i64) -> bool,
) -> Result<Vec<MeetingView>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut network_ids: Vec<i64> = rows.iter().map(|m| m.network_id).collect();
    network_ids.sort_unstable();
    network_ids.dedup();
    let names: HashMap<i64, String> = networks::table
        .filter(db::in_ids(networks::id, &network_ids))
        .select((networks::id, networks::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let counts = counts(conn, &ids)?;
    let mine: HashMap<i64, RegistrationStatus> = match viewer.stakeholder_id {
        Some(me) => meeting_registrations::table
            .filter(db::in_ids(meeting_registrations::meeting_id, &ids))
            .filter(meeting_registrations::stakeholder_id.eq(me))
            .select((
                meeting_registrations::meeting_id,
                meeting_registrations::status,
            ))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .map(|(m, s)| (m, RegistrationStatus::from_db(&s)))
            .collect(),
        None => HashMap::new(),
    };
    let organised: Vec<i64> = rows
        .iter()
        .filter(|m| organiser_of(m.network_id))
        .map(|m| m.id)
        .collect();
    let mut needs = if organised.is_empty() {
        HashMap::new()
    } else {
        need_counts(conn, &organised)?
    };
    let count = |id: i64, status: RegistrationStatus| {
        counts
            .get(&(id, status.as_str().to_string()))
            .copied()
            .unwrap_or(0)
    };
    Ok(rows
        .iter()
        .map(|m| {
            let organiser = organiser_of(m.network_id);
            let mine = mine.get(&m.id).copied();
            MeetingView {
                network_name: names.get(&m.network_id).cloned().unwrap_or_default(),
                registered: count(m.id, RegistrationStatus::Registered),
                waiting: count(m.id, RegistrationStatus::Waiting),
                mine,
                show_link: online_link_shown(organiser, mine),
                need_counts: organiser.then(|| needs.remove(&m.id).unwrap_or_default()),
            }
        })
        .collect())
}

/// The view of one meeting, for a viewer with this access to its network.
pub fn view(
    conn: &mut DbConn,
    viewer: &Viewer,
    meeting: &Meeting,
    access: &NetworkAccess,
) -> Result<MeetingView, ApiError> {
    let organiser = access.is_organiser();
    let mut view = views(conn, viewer, std::slice::from_ref(meeting), |_| organiser)?
        .pop()
        .ok_or_else(|| ApiError::not_found("This meeting"))?;
    view.show_link = may_see_online_link(access, view.mine);
    Ok(view)
}

/// A person's registration for a meeting, if any.
pub fn registration_of(
    conn: &mut DbConn,
    meeting_id: i64,
    stakeholder_id: i64,
) -> Result<Option<Registration>, ApiError> {
    Ok(meeting_registrations::table
        .filter(meeting_registrations::meeting_id.eq(meeting_id))
        .filter(meeting_registrations::stakeholder_id.eq(stakeholder_id))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

/// People with a place at a meeting.
pub fn registered_count(conn: &mut DbConn, meeting_id: i64) -> Result<i64, ApiError> {
    Ok(meeting_registrations::table
        .filter(meeting_registrations::meeting_id.eq(meeting_id))
        .filter(meeting_registrations::status.eq(RegistrationStatus::Registered.as_str()))
        .count()
        .get_result(conn)?)
}

/// Gives free places to the people waiting, in the order they came, until
/// the meeting is full. Runs in the transaction that freed the places,
/// with the meeting's row locked. The ids of the people moved up.
pub fn move_up_waiting(conn: &mut DbConn, meeting_id: i64) -> Result<Vec<i64>, ApiError> {
    let capacity: Option<i32> = meetings::table
        .find(meeting_id)
        .select(meetings::capacity)
        .first(conn)?;
    let taken = registered_count(conn, meeting_id)?;
    let free = match capacity {
        Some(c) => (i64::from(c) - taken).max(0),
        None => i64::MAX,
    };
    if free == 0 {
        return Ok(Vec::new());
    }
    let waiting: Vec<(i64, i64)> = meeting_registrations::table
        .filter(meeting_registrations::meeting_id.eq(meeting_id))
        .filter(meeting_registrations::status.eq(RegistrationStatus::Waiting.as_str()))
        .order(meeting_registrations::id)
        .limit(free.min(100_000))
        .select((
            meeting_registrations::id,
            meeting_registrations::stakeholder_id,
        ))
        .load(conn)?;
    if waiting.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = waiting.iter().map(|(id, _)| *id).collect();
    diesel::update(
        meeting_registrations::table.filter(db::in_ids(meeting_registrations::id, &ids)),
    )
    .set((
        meeting_registrations::status.eq(RegistrationStatus::Registered.as_str()),
        meeting_registrations::updated_at.eq(db::now()),
    ))
    .execute(conn)?;
    Ok(waiting.into_iter().map(|(_, s)| s).collect())
}

/// Gives up every place a person holds before their profile goes (an
/// erased account or profile): their registrations, with the needs stated
/// for them, are deleted, and the first ones waiting get the places that
/// freed, meeting by meeting, with each meeting's row locked.
pub fn release_places_of(conn: &mut DbConn, stakeholder_id: i64) -> Result<(), ApiError> {
    let held: Vec<i64> = meeting_registrations::table
        .filter(meeting_registrations::stakeholder_id.eq(stakeholder_id))
        .filter(meeting_registrations::status.eq(RegistrationStatus::Registered.as_str()))
        .select(meeting_registrations::meeting_id)
        .load(conn)?;
    for meeting in &held {
        crate::db::versioned::lock!(conn, meetings, *meeting);
    }
    diesel::delete(
        meeting_registrations::table
            .filter(meeting_registrations::stakeholder_id.eq(stakeholder_id)),
    )
    .execute(conn)?;
    for meeting in held {
        move_up_waiting(conn, meeting)?;
    }
    Ok(())
}
