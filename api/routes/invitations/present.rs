//! An invitation as its parties see it, with the names of the network, the
//! person and whoever invited them.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::models::Invitation;
use crate::db::schema::{networks, stakeholders, users};
use crate::db::{self, DbConn};
use crate::domain::{InvitationStatus, Role};
use crate::web::error::ApiError;
use crate::web::http::{etag, utc};

use super::InvitationOut;

/// An invitation's version tag.
pub(super) fn tag(i: &Invitation) -> String {
    etag("invitation", i.id, i.version)
}

/// Builds the wire form of invitations with one query per kind of name.
pub fn present_all(
    conn: &mut DbConn,
    rows: Vec<Invitation>,
) -> Result<Vec<InvitationOut>, ApiError> {
    let network_ids: Vec<i64> = rows.iter().map(|i| i.network_id).collect();
    let person_ids: Vec<i64> = rows.iter().map(|i| i.stakeholder_id).collect();
    let user_ids: Vec<i64> = rows.iter().filter_map(|i| i.invited_by).collect();
    let network_names: HashMap<i64, String> = networks::table
        .filter(db::in_ids(networks::id, &network_ids))
        .select((networks::id, networks::name))
        .load(conn)?
        .into_iter()
        .collect();
    let names: HashMap<i64, String> = stakeholders::table
        .filter(db::in_ids(stakeholders::id, &person_ids))
        .select((stakeholders::id, stakeholders::name))
        .load(conn)?
        .into_iter()
        .collect();
    let inviters: HashMap<i64, String> = users::table
        .filter(db::in_ids(users::id, &user_ids))
        .select((users::id, users::display_name))
        .load(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|i| InvitationOut {
            network_name: network_names
                .get(&i.network_id)
                .cloned()
                .unwrap_or_default(),
            name: names.get(&i.stakeholder_id).cloned().unwrap_or_default(),
            invited_by: i.invited_by.and_then(|u| inviters.get(&u).cloned()),
            id: i.id,
            network_id: i.network_id,
            stakeholder_id: i.stakeholder_id,
            role: Role::from_db(&i.role),
            message: i.message,
            status: InvitationStatus::from_db(&i.status),
            created_at: utc(i.created_at),
            updated_at: utc(i.updated_at),
        })
        .collect())
}

/// One invitation's wire form, with its ETag.
pub(super) fn one(conn: &mut DbConn, i: Invitation) -> Result<(InvitationOut, String), ApiError> {
    let tag = tag(&i);
    let out = present_all(conn, vec![i])?
        .pop()
        .ok_or_else(|| ApiError::Internal("invitation vanished".into()))?;
    Ok((out, tag))
}
