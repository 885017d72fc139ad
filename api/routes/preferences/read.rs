use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db::schema::{memberships, network_notice_settings, networks, stakeholders, users};
use crate::db::{self, DbConn};
use crate::domain::{ContactChannel, ContactFormat, MailLanguage, NoticeFrequency};
use crate::queries::accounts;
use crate::web::error::ApiError;
use crate::AppState;

use super::{NetworkNoticesOut, PreferencesOut};

/// How you are reached
///
/// The language of your mail, how often you hear of your networks (in
/// general and per network) and how coordinators best reach you.
#[utoipa::path(
    tag = "Accounts",
    responses((status = 200, description = "Your preferences.", body = PreferencesOut)),
    security(("bearer" = [])),
)]
#[get("/me/preferences")]
pub async fn get_preferences(
    state: web::Data<AppState>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let out = db::read(&state.pool, move |conn| {
        let (user, _) = accounts::current(conn, auth)?;
        preferences(conn, user.id)
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// A person's preferences as they read them.
pub fn preferences(conn: &mut DbConn, user_id: i64) -> Result<PreferencesOut, ApiError> {
    let (language, notices, channel, format, verified): (
        String,
        String,
        String,
        String,
        Option<chrono::NaiveDateTime>,
    ) = users::table
        .find(user_id)
        .select((
            users::language,
            users::notices,
            users::contact_channel,
            users::contact_format,
            users::email_verified_at,
        ))
        .first(conn)?;
    let rows: Vec<(i64, String, Option<String>)> = memberships::table
        .inner_join(stakeholders::table.on(stakeholders::id.eq(memberships::stakeholder_id)))
        .inner_join(networks::table.on(networks::id.eq(memberships::network_id)))
        .left_join(
            network_notice_settings::table.on(network_notice_settings::network_id
                .eq(memberships::network_id)
                .and(network_notice_settings::user_id.eq(user_id))),
        )
        .filter(stakeholders::user_id.eq(user_id))
        .filter(memberships::by_consent.eq(true))
        .order(networks::name)
        .select((
            networks::id,
            networks::name,
            network_notice_settings::notices.nullable(),
        ))
        .load(conn)?;
    Ok(PreferencesOut {
        language: MailLanguage::from_db(&language),
        notices: NoticeFrequency::from_db(&notices),
        contact_channel: ContactChannel::from_db(&channel),
        contact_format: ContactFormat::from_db(&format),
        email_verified: verified.is_some(),
        networks: rows
            .into_iter()
            .map(|(network_id, network_name, notices)| NetworkNoticesOut {
                network_id,
                network_name,
                notices: notices.map(|n| NoticeFrequency::from_db(&n)),
            })
            .collect(),
    })
}
