use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::accounts::tokens::MeOut;
use crate::db::models::{Invitation, Stakeholder};
use crate::db::schema::{
    endorsements, goals, invitations, knowledge_links, memberships, networks, stakeholders,
};
use crate::db::{self, DbConn};
use crate::domain::{ReactionVisibility, Role, Stance};
use crate::permissions::Viewer;
use crate::queries::accounts;
use crate::routes::{
    invitations::present_all as invitations_out, registrations, stakeholders::present_all,
};
use crate::web::error::ApiError;
use crate::web::http::utc;
use crate::AppState;

use super::export_shared_place::{
    house_rules_accepted, mail_to, messages_reported, messages_written,
};
use super::{ExportEndorsement, ExportItem, ExportMembership, ExportOut};

/// Download all your data
///
/// Everything the platform holds about you, as JSON (your right of access
/// and data portability under the GDPR/AVG).
#[utoipa::path(
    tag = "Accounts",
    responses((status = 200, description = "All your data.", body = ExportOut)),
    security(("bearer" = [])),
)]
#[get("/me/export")]
pub async fn export_me(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, ApiError> {
    let user_id = auth.required()?;
    let out = db::write(&state.pool, move |conn| {
        let (user, stakeholder_id) = accounts::current(conn, auth)?;
        let viewer = Viewer::load(conn, auth)?;
        let mine: Vec<Stakeholder> = stakeholders::table
            .filter(
                stakeholders::user_id
                    .eq(user_id)
                    .or(stakeholders::created_by.eq(user_id)),
            )
            .order(stakeholders::id)
            .select(Stakeholder::as_select())
            .load(conn)?;
        let mut profiles = present_all(conn, &viewer, mine)?;
        let profile_index = profiles.iter().position(|p| Some(p.id) == stakeholder_id);
        let profile = profile_index.map(|i| profiles.remove(i));
        let me = stakeholder_id.unwrap_or(0);
        let my_name = profile.as_ref().map(|p| p.name.clone()).unwrap_or_default();
        let help_offered = super::export_talents::help_offered(conn, me, &my_name)?;
        let invitations = match stakeholder_id {
            Some(me) => {
                let rows = invitations::table
                    .filter(invitations::stakeholder_id.eq(me))
                    .order(invitations::id)
                    .select(Invitation::as_select())
                    .load(conn)?;
                invitations_out(conn, rows)?
            }
            None => Vec::new(),
        };
        let out = ExportOut {
            exported_at: chrono::Utc::now(),
            account: MeOut::new(user, stakeholder_id),
            profile,
            managed_profiles: profiles,
            memberships: memberships_of(conn, me)?,
            invitations,
            endorsements: endorsements_of(conn, me)?,
            meeting_registrations: registrations::all_of(conn, me)?,
            networks_started: networks_started(conn, user_id)?,
            goals_added: goals_added(conn, user_id)?,
            knowledge_links_added: links_added(conn, user_id)?,
            preferences: crate::routes::preferences::preferences(conn, user_id)?,
            mail: mail_to(conn, user_id)?,
            messages_written: messages_written(conn, user_id, me)?,
            messages_reported: messages_reported(conn, user_id)?,
            house_rules_accepted: house_rules_accepted(conn, me)?,
            help_offered,
            contact_requests: super::export_talents::contact_requests_of(conn, &viewer, user_id)?,
        };
        crate::audit::record(
            conn,
            Some(user_id),
            "account.exported",
            "user",
            Some(user_id),
            None,
        )?;
        Ok(out)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"themanet-export.json\"",
        ))
        .json(out))
}

fn memberships_of(conn: &mut DbConn, me: i64) -> Result<Vec<ExportMembership>, ApiError> {
    let rows: Vec<(i64, String, String, String, NaiveDateTime)> = memberships::table
        .inner_join(networks::table)
        .filter(memberships::stakeholder_id.eq(me))
        .order(networks::id)
        .select((
            networks::id,
            networks::name,
            memberships::role,
            memberships::commitment,
            memberships::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(network_id, network_name, role, commitment, joined)| ExportMembership {
                network_id,
                network_name,
                role: Role::from_db(&role),
                commitment,
                joined_at: utc(joined),
            },
        )
        .collect())
}

type EndorsementRow = (
    i64,
    String,
    String,
    String,
    String,
    NaiveDateTime,
    NaiveDateTime,
);

fn endorsements_of(conn: &mut DbConn, me: i64) -> Result<Vec<ExportEndorsement>, ApiError> {
    let rows: Vec<EndorsementRow> = endorsements::table
        .inner_join(goals::table)
        .filter(endorsements::stakeholder_id.eq(me))
        .order(goals::id)
        .select((
            goals::id,
            goals::title,
            endorsements::stance,
            endorsements::comment,
            endorsements::visibility,
            endorsements::created_at,
            endorsements::updated_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(goal_id, goal_title, stance, comment, visibility, created, updated)| {
                ExportEndorsement {
                    goal_id,
                    goal_title,
                    stance: Stance::from_db(&stance),
                    comment,
                    visibility: ReactionVisibility::from_db(&visibility),
                    created_at: utc(created),
                    updated_at: utc(updated),
                }
            },
        )
        .collect())
}

/// Something added: id, title, web address, network, when.
type ItemRow = (i64, String, Option<String>, Option<i64>, NaiveDateTime);

fn items(rows: Vec<ItemRow>) -> Vec<ExportItem> {
    rows.into_iter()
        .map(|(id, title, url, network_id, created)| ExportItem {
            id,
            title,
            url,
            network_id,
            created_at: utc(created),
        })
        .collect()
}

fn networks_started(conn: &mut DbConn, user_id: i64) -> Result<Vec<ExportItem>, ApiError> {
    let rows: Vec<(i64, String, NaiveDateTime)> = networks::table
        .filter(networks::created_by.eq(user_id))
        .order(networks::id)
        .select((networks::id, networks::name, networks::created_at))
        .load(conn)?;
    Ok(items(
        rows.into_iter()
            .map(|(id, name, created)| (id, name, None, Some(id), created))
            .collect(),
    ))
}

fn goals_added(conn: &mut DbConn, user_id: i64) -> Result<Vec<ExportItem>, ApiError> {
    let rows: Vec<(i64, String, i64, NaiveDateTime)> = goals::table
        .filter(goals::created_by.eq(user_id))
        .order(goals::id)
        .select((
            goals::id,
            goals::title,
            goals::network_id,
            goals::created_at,
        ))
        .load(conn)?;
    Ok(items(
        rows.into_iter()
            .map(|(id, title, network, created)| (id, title, None, Some(network), created))
            .collect(),
    ))
}

fn links_added(conn: &mut DbConn, user_id: i64) -> Result<Vec<ExportItem>, ApiError> {
    let rows: Vec<(i64, String, String, Option<i64>, NaiveDateTime)> = knowledge_links::table
        .filter(knowledge_links::added_by.eq(user_id))
        .order(knowledge_links::id)
        .select((
            knowledge_links::id,
            knowledge_links::title,
            knowledge_links::url,
            knowledge_links::network_id,
            knowledge_links::created_at,
        ))
        .load(conn)?;
    Ok(items(
        rows.into_iter()
            .map(|(id, title, url, network, created)| (id, title, Some(url), network, created))
            .collect(),
    ))
}
