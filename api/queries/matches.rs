//! The matchcentrum: the members whose talents a step needs, ranked, and
//! the open steps where a person's talents are wanted.
//!
//! A member matches a step when a talent they offer has the same key
//! (`talents::key`: the words stemmed as search stems them) as a talent the
//! step needs. Members are ranked by, in this order: how many needed
//! talents they offer; whether they live in the network's municipality (2)
//! or its province (1); their availability (8 hours a month or more: 2;
//! fewer, or now and then: 1; not given: 0); and how many open steps they
//! already carry (lead or help on), fewer first; ties by stakeholder id.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use crate::db::models::{Goal, Network, Stakeholder};
use crate::db::schema::{
    goal_helpers, goal_talents, goals, memberships, networks, stakeholder_tags, stakeholders,
};
use crate::db::{self, DbConn};
use crate::domain::{GoalStatus, HelperStatus, Visibility};
use crate::permissions::{self, Viewer};
use crate::queries::talents::key;
use crate::web::error::ApiError;

/// The statuses of a goal that is still open.
pub fn open_statuses() -> Vec<&'static str> {
    GoalStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| s.as_str())
        .collect()
}

/// One member matched to a step, with the reasons.
pub struct PersonMatch {
    pub person: Stakeholder,
    /// The step's needed talents they offer.
    pub talents: Vec<String>,
    pub same_municipality: bool,
    pub same_province: bool,
    /// Availability as far as they show it: (hours a month, now and then).
    pub availability: (Option<i32>, bool),
    /// Open steps they lead or help on.
    pub carried: i64,
    /// Their offer of help on this step, if any.
    pub offer: Option<HelperStatus>,
    /// The rank: higher first (see the module).
    pub score: f64,
}

/// How many open steps each person carries: those they lead, and those
/// they help on (accepted offers).
pub fn carried(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, i64>, ApiError> {
    let mut out: HashMap<i64, i64> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let open = open_statuses();
    let leads: Vec<Option<i64>> = goals::table
        .filter(goals::owner_id.assume_not_null().eq_any(ids.to_vec()))
        .filter(goals::status.eq_any(&open))
        .select(goals::owner_id)
        .load(conn)?;
    for id in leads.into_iter().flatten() {
        *out.entry(id).or_default() += 1;
    }
    let helps: Vec<(i64, i64)> = goal_helpers::table
        .inner_join(goals::table)
        .filter(db::in_ids(goal_helpers::stakeholder_id, ids))
        .filter(goal_helpers::status.eq(HelperStatus::Accepted.as_str()))
        .filter(goals::status.eq_any(&open))
        .select((goal_helpers::stakeholder_id, goals::id))
        .load(conn)?;
    for (id, _) in helps {
        *out.entry(id).or_default() += 1;
    }
    Ok(out)
}

fn availability_tier(hours: Option<i32>, occasional: bool) -> f64 {
    match hours {
        Some(h) if h >= 8 => 2.0,
        Some(_) => 1.0,
        None if occasional => 1.0,
        None => 0.0,
    }
}

/// The members of a step's network who offer a talent it needs, ranked,
/// each only as far as they show their talents to the viewer (the core
/// group: `permissions::may_match_person`).
pub fn for_step(
    conn: &mut DbConn,
    viewer: &Viewer,
    goal: &Goal,
    network: &Network,
    insider: bool,
) -> Result<Vec<PersonMatch>, ApiError> {
    let needed: Vec<String> = goal_talents::table
        .filter(goal_talents::goal_id.eq(goal.id))
        .select(goal_talents::talent)
        .order(goal_talents::talent)
        .load(conn)?;
    let wanted: HashMap<String, String> = needed.iter().map(|t| (key(t), t.clone())).collect();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    // Members by their own act, with their talents.
    let offered: Vec<(i64, String)> = stakeholder_tags::table
        .inner_join(
            memberships::table.on(memberships::stakeholder_id.eq(stakeholder_tags::stakeholder_id)),
        )
        .filter(memberships::network_id.eq(network.id))
        .filter(memberships::by_consent.eq(true))
        .filter(stakeholder_tags::kind.eq("talent"))
        .select((stakeholder_tags::stakeholder_id, stakeholder_tags::value))
        .load(conn)?;
    let mut matched: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, talent) in offered {
        if let Some(need) = wanted.get(&key(&talent)) {
            let list = matched.entry(id).or_default();
            if !list.contains(need) {
                list.push(need.clone());
            }
        }
    }
    let ids: Vec<i64> = matched.keys().copied().collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let people: Vec<Stakeholder> = stakeholders::table
        .filter(db::in_ids(stakeholders::id, &ids))
        .select(Stakeholder::as_select())
        .load(conn)?;
    let carried = carried(conn, &ids)?;
    let offers: HashMap<i64, String> = goal_helpers::table
        .filter(goal_helpers::goal_id.eq(goal.id))
        .select((goal_helpers::stakeholder_id, goal_helpers::status))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    // A local network's province follows from its municipality.
    let province = network.province_code.clone().or_else(|| {
        network
            .municipality_code
            .as_deref()
            .and_then(crate::reference::municipality)
            .map(|m| m.province_code.clone())
    });
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for s in people {
        if !seen.insert(s.id) || !permissions::may_match_person(viewer, &s, insider) {
            continue;
        }
        let mut talents = matched.remove(&s.id).unwrap_or_default();
        talents.sort();
        let place_shown =
            permissions::may_see_field(viewer, &s, &s.municipality_visibility, insider);
        let home = s.municipality_code.as_deref().filter(|_| place_shown);
        let same_municipality = home.is_some() && home == network.municipality_code.as_deref();
        let same_province = home
            .and_then(crate::reference::municipality)
            .is_some_and(|m| province.as_deref() == Some(m.province_code.as_str()));
        let carried = carried.get(&s.id).copied().unwrap_or(0);
        let place = if same_municipality {
            2.0
        } else if same_province {
            1.0
        } else {
            0.0
        };
        let score = talents.len() as f64 * 1000.0
            + place * 100.0
            + availability_tier(s.availability_hours, s.availability_occasional) * 10.0
            + (9 - carried.min(9)) as f64;
        out.push(PersonMatch {
            talents,
            same_municipality,
            same_province,
            availability: (s.availability_hours, s.availability_occasional),
            carried,
            offer: offers.get(&s.id).map(|o| HelperStatus::from_db(o)),
            score,
            person: s,
        });
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.person.id.cmp(&b.person.id))
    });
    Ok(out)
}

/// An open step where a person's talents are wanted, as ranked.
pub struct Ranked {
    pub goal_id: i64,
    /// Whether the step is in one of the person's own networks.
    pub own_network: bool,
    /// The step's needed talents the person offers, in alphabetical order.
    pub talents: Vec<String>,
    /// The rank: matching talents, own networks first.
    pub score: f64,
}

/// A ranked step with what a page shows of it.
pub struct Need {
    pub goal: Goal,
    pub network_name: String,
    pub ranked: Ranked,
    /// The person's offer of help on it, if any.
    pub offer: Option<HelperStatus>,
}

/// The open steps that need a talent the person offers, best first: in
/// their own networks, and, when they show their talents to the platform
/// or everyone, in public networks (`permissions::offers_beyond_networks`).
/// Ranked on ids, talents and networks alone; [`needs`] reads the rows of
/// the steps a page shows.
pub fn for_person(conn: &mut DbConn, me: &Stakeholder) -> Result<Vec<Ranked>, ApiError> {
    let mine: Vec<String> = stakeholder_tags::table
        .filter(stakeholder_tags::stakeholder_id.eq(me.id))
        .filter(stakeholder_tags::kind.eq("talent"))
        .select(stakeholder_tags::value)
        .load(conn)?;
    let keys: HashSet<String> = mine.iter().map(|t| key(t)).collect();
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    // The needed talents that match, from the vocabulary of needs (a few
    // dozen words, read through the index), then the steps that need them
    // through the index on `talent`.
    let matching: Vec<String> = crate::queries::talents::needed_talents(conn)?
        .into_iter()
        .filter(|t| keys.contains(&key(t)))
        .collect();
    if matching.is_empty() {
        return Ok(Vec::new());
    }
    let my_networks: HashSet<i64> = memberships::table
        .filter(memberships::stakeholder_id.eq(me.id))
        .select(memberships::network_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    // The steps that need them, through the index on `talent`; then which
    // of those are open in a network the person may help in, by id. Two
    // queries, not one join: as a prepared statement, PostgreSQL planned
    // the join for any talent list and chose a pass over every goal
    // (docs/performance.md, "2026-12-08"), while a list of ids is looked up
    // through the primary key.
    let wanted: Vec<(i64, String)> = goal_talents::table
        .filter(goal_talents::talent.eq_any(&matching))
        .select((goal_talents::goal_id, goal_talents::talent))
        .load(conn)?;
    let mut ids: Vec<i64> = wanted.iter().map(|(goal, _)| *goal).collect();
    ids.sort_unstable();
    ids.dedup();
    // The person's networks, as read above (a few ids).
    let theirs: Vec<i64> = my_networks.iter().copied().collect();
    let beyond = permissions::offers_beyond_networks(me);
    let mut open: HashMap<i64, i64> = HashMap::new();
    // In slices, within SQLite's bound on a statement's values.
    for slice in ids.chunks(10_000) {
        let mut rows = goals::table
            .inner_join(networks::table)
            .filter(goals::id.eq_any(slice))
            .filter(goals::status.eq_any(open_statuses()))
            .select((goals::id, goals::network_id))
            .into_boxed();
        rows = if beyond {
            rows.filter(
                networks::visibility
                    .eq(Visibility::Public.as_str())
                    .or(networks::id.eq_any(&theirs)),
            )
        } else {
            rows.filter(networks::id.eq_any(&theirs))
        };
        open.extend(rows.load::<(i64, i64)>(conn)?);
    }
    let rows = wanted
        .into_iter()
        .filter_map(|(goal, talent)| open.get(&goal).map(|network| (goal, talent, *network)));
    let mut by_goal: HashMap<i64, Ranked> = HashMap::new();
    for (goal, talent, network) in rows {
        by_goal
            .entry(goal)
            .or_insert_with(|| Ranked {
                goal_id: goal,
                own_network: my_networks.contains(&network),
                talents: Vec::new(),
                score: 0.0,
            })
            .talents
            .push(talent);
    }
    let mut out: Vec<Ranked> = by_goal
        .into_values()
        .map(|mut r| {
            r.talents.sort();
            r.talents.dedup();
            r.score = r.talents.len() as f64 * 10.0 + if r.own_network { 5.0 } else { 0.0 };
            r
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.goal_id.cmp(&b.goal_id))
    });
    Ok(out)
}

/// These ranked steps with their rows, network names and the person's
/// offers of help, in the order given.
pub fn needs(conn: &mut DbConn, me: i64, ranked: Vec<Ranked>) -> Result<Vec<Need>, ApiError> {
    let ids: Vec<i64> = ranked.iter().map(|r| r.goal_id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut found: HashMap<i64, (Goal, String)> = goals::table
        .inner_join(networks::table)
        .filter(db::in_ids(goals::id, &ids))
        .select((Goal::as_select(), networks::name))
        .load::<(Goal, String)>(conn)?
        .into_iter()
        .map(|(g, name)| (g.id, (g, name)))
        .collect();
    let offers: HashMap<i64, String> = goal_helpers::table
        .filter(goal_helpers::stakeholder_id.eq(me))
        .filter(db::in_ids(goal_helpers::goal_id, &ids))
        .select((goal_helpers::goal_id, goal_helpers::status))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    Ok(ranked
        .into_iter()
        .filter_map(|r| {
            let (goal, network_name) = found.remove(&r.goal_id)?;
            Some(Need {
                offer: offers.get(&r.goal_id).map(|o| HelperStatus::from_db(o)),
                goal,
                network_name,
                ranked: r,
            })
        })
        .collect())
}
