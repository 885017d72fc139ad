use actix_web::{patch, web, HttpResponse};
use diesel::prelude::*;

use crate::accounts::auth::Auth;
use crate::db;
use crate::db::schema::{memberships, network_notice_settings, stakeholders, users};
use crate::queries::accounts;
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::JsonBody;
use crate::AppState;

use super::read::preferences;
use super::{PreferencesInput, PreferencesOut};

/// Change how you are reached
///
/// JSON merge patch. A network in `networks` must be one you are a member
/// of; `notices: null` there follows your general choice again.
#[utoipa::path(
    tag = "Accounts",
    request_body(content = PreferencesInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "Your preferences.", body = PreferencesOut),
        (status = 400, description = "A value is not allowed, or a network is not one of yours (invalidParams)."),
    ),
    security(("bearer" = [])),
)]
#[patch("/me/preferences")]
pub async fn update_preferences(
    state: web::Data<AppState>,
    auth: Auth,
    body: JsonBody<PreferencesInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let input = body.into_inner()?;
    let out = db::write(&state.pool, move |conn| {
        let (user, _) = accounts::current(conn, auth)?;
        let mine: Vec<i64> = memberships::table
            .inner_join(stakeholders::table.on(stakeholders::id.eq(memberships::stakeholder_id)))
            .filter(stakeholders::user_id.eq(user.id))
            .filter(memberships::by_consent.eq(true))
            .select(memberships::network_id)
            .load(conn)?;
        let networks = input.networks.unwrap_or_default();
        if networks.len() > 500 {
            return Err(ApiError::invalid(
                "networks",
                Code::Length,
                "must have at most 500 networks",
            ));
        }
        let strangers: Vec<InvalidParam> = networks
            .iter()
            .enumerate()
            .filter(|(_, n)| !mine.contains(&n.network_id))
            .map(|(i, _)| {
                InvalidParam::new(
                    format!("networks[{i}].networkId"),
                    Code::Reference,
                    "is not a network you are a member of",
                )
            })
            .collect();
        if !strangers.is_empty() {
            return Err(ApiError::Invalid(strangers));
        }
        let changes = Changes {
            language: input.language.map(|v| v.as_str()),
            notices: input.notices.map(|v| v.as_str()),
            contact_channel: input.contact_channel.map(|v| v.as_str()),
            contact_format: input.contact_format.map(|v| v.as_str()),
        };
        if changes != Changes::default() {
            diesel::update(users::table.find(user.id))
                .set(&changes)
                .execute(conn)?;
        }
        for n in networks {
            let key = network_notice_settings::table
                .filter(network_notice_settings::user_id.eq(user.id))
                .filter(network_notice_settings::network_id.eq(n.network_id));
            diesel::delete(key).execute(conn)?;
            if let Some(notices) = n.notices {
                diesel::insert_into(network_notice_settings::table)
                    .values((
                        network_notice_settings::user_id.eq(user.id),
                        network_notice_settings::network_id.eq(n.network_id),
                        network_notice_settings::notices.eq(notices.as_str()),
                    ))
                    .execute(conn)?;
            }
        }
        preferences(conn, user.id)
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// The account's own preferences that a patch changes; `None` stays.
#[derive(Default, PartialEq, AsChangeset)]
#[diesel(table_name = users)]
struct Changes {
    language: Option<&'static str>,
    notices: Option<&'static str>,
    contact_channel: Option<&'static str>,
    contact_format: Option<&'static str>,
}
