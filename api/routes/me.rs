//! Your own account.

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::accounts::auth::Auth;
use crate::db::models::User;
use crate::db::schema::{memberships, stakeholders, users};
use crate::db::versioned::{self, Precondition};
use crate::db::{self, DbConn};
use crate::domain::Role;
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::{Body, JsonBody};
use crate::web::http::{etag, ok_with_etag, utc};
use crate::AppState;

/// Your account.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeOut {
    pub id: i64,
    #[schema(format = "email")]
    pub email: String,
    pub display_name: String,
    /// Platform admins are made from the command line, never through the API.
    pub is_admin: bool,
    /// Your own stakeholder profile (see `/stakeholders/{stakeholderId}`).
    pub stakeholder_id: Option<i64>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

impl MeOut {
    pub fn new(u: User, stakeholder_id: Option<i64>) -> MeOut {
        MeOut {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            is_admin: u.is_admin,
            stakeholder_id,
            created_at: utc(u.created_at),
            updated_at: utc(u.updated_at),
        }
    }
}

/// Changes to your account (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeInput {
    #[validate(length(min = 1, max = 100, message = "must have 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100, nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub display_name: Option<String>,
}

impl Body for MeInput {}

/// Your account, as long as the token's session is still current.
fn load_me(conn: &mut DbConn, auth: Auth) -> Result<(User, Option<i64>), ApiError> {
    let user_id = auth.required()?;
    crate::permissions::Viewer::load(conn, auth)?;
    let user = users::table
        .find(user_id)
        .select(User::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::Unauthorized("This account no longer exists.".into()))?;
    let stakeholder = stakeholders::table
        .filter(stakeholders::user_id.eq(user_id))
        .select(stakeholders::id)
        .first::<i64>(conn)
        .optional()?;
    Ok((user, stakeholder))
}

/// Read your account
///
/// Your e-mail address, name, and the id of your own stakeholder profile.
#[utoipa::path(
    tag = "Accounts",
    responses((status = 200, description = "Your account.", body = MeOut, headers(("ETag" = String, description = "Version tag")))),
    security(("bearer" = [])),
)]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let (user, stakeholder) = db::read(&state.pool, move |conn| load_me(conn, auth)).await?;
    let tag = etag("user", user.id, user.version);
    Ok(ok_with_etag(&MeOut::new(user, stakeholder), &tag))
}

/// Change your account
///
/// JSON merge patch of your display name.
#[utoipa::path(
    tag = "Accounts",
    params(("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412")),
    request_body(content = MeInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "Your changed account.", body = MeOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 412, description = "Your account changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/me")]
pub async fn update_me(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<MeInput>,
) -> Result<HttpResponse, ApiError> {
    let user_id = auth.required()?;
    let precondition = Precondition::from_request(&req);
    let input = body.into_inner()?;
    // Invalid input is a 400 whatever the If-Match.
    let display_name = input.display_name.map(|n| n.trim().to_string());
    if display_name.as_ref().is_some_and(String::is_empty) {
        return Err(ApiError::Invalid(vec![InvalidParam::new(
            "displayName",
            Code::Length,
            "must have 1 to 100 characters",
        )
        .bounds(Some(1), Some(100))]));
    }
    let (user, stakeholder) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, users::table.find(user_id).select(users::id));
        let (user, _) = load_me(conn, auth)?;
        precondition.matches(&etag("user", user.id, user.version))?;
        if let Some(name) = display_name {
            versioned::one_row(
                diesel::update(
                    users::table
                        .filter(users::id.eq(user_id))
                        .filter(users::version.eq(user.version)),
                )
                .set((
                    users::display_name.eq(&name),
                    users::updated_at.eq(db::now()),
                    users::version.eq(user.version + 1),
                ))
                .execute(conn)?,
            )?;
        }
        load_me(conn, auth)
    })
    .await?;
    let tag = etag("user", user.id, user.version);
    Ok(ok_with_etag(&MeOut::new(user, stakeholder), &tag))
}

/// Delete your account
///
/// Removes your account, your profile and your memberships and
/// endorsements. Links you added stay, without your name. If you are the
/// last coordinator of a network, hand coordination over first (409).
#[utoipa::path(
    tag = "Accounts",
    responses(
        (status = 204, description = "Your account is gone."),
        (status = 409, description = "You are the last coordinator of a network."),
    ),
    security(("bearer" = [])),
)]
#[delete("/me")]
pub async fn delete_me(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, ApiError> {
    let user_id = auth.required()?;
    db::write(&state.pool, move |conn| {
        let (_, stakeholder) = load_me(conn, auth)?;
        if let Some(me) = stakeholder {
            let coordinated: Vec<i64> = memberships::table
                .filter(memberships::stakeholder_id.eq(me))
                .filter(memberships::role.eq(Role::Coordinator.as_str()))
                .select(memberships::network_id)
                .load(conn)?;
            for network in coordinated {
                let others = memberships::table
                    .filter(memberships::network_id.eq(network))
                    .filter(memberships::role.eq(Role::Coordinator.as_str()))
                    .filter(memberships::stakeholder_id.ne(me))
                    .select(count_star())
                    .first::<i64>(conn)?;
                if others == 0 {
                    return Err(ApiError::Conflict(format!(
                        "You are the last coordinator of network {network}. Make someone else coordinator first, or delete the network."
                    )));
                }
            }
            diesel::delete(stakeholders::table.find(me)).execute(conn)?;
            crate::search::remove(conn, crate::search::documents::STAKEHOLDER, me)?;
        }
        diesel::delete(users::table.find(user_id)).execute(conn)?;
        crate::audit::record(conn, Some(user_id), "account.erased", "user", Some(user_id), None)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A new password, with the current one.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PasswordInput {
    #[validate(length(max = 1024, message = "must have at most 1024 characters"))]
    #[schema(format = "password", max_length = 1024, nullable = false)]
    pub current_password: Option<String>,
    /// At least 8 characters; a long sentence is stronger than a short code.
    #[validate(custom(function = "crate::accounts::passwords::length"))]
    #[schema(
        format = "password",
        min_length = 8,
        max_length = 1024,
        nullable = false
    )]
    pub new_password: Option<String>,
}

impl Body for PasswordInput {
    const REQUIRED: &'static [&'static str] = &["currentPassword", "newPassword"];
}

/// Change your password
///
/// Needs your current password. Ends every other session and every access
/// token issued before; you get new tokens for this one.
#[utoipa::path(
    tag = "Accounts",
    request_body = PasswordInput,
    responses(
        (status = 200, description = "Password changed; new tokens.", body = crate::routes::auth::TokenOut),
        (status = 403, description = "The current password is wrong."),
    ),
    security(("bearer" = [])),
)]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<PasswordInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let input = body.into_inner()?;
    let current = crate::web::extract::present(input.current_password, "currentPassword")?;
    let new = crate::web::extract::present(input.new_password, "newPassword")?;
    let (user, _) = db::read(&state.pool, move |conn| load_me(conn, auth)).await?;
    let stored = user.password_hash.clone();
    let (ok, hash) = crate::accounts::auth::password_work(move || {
        (
            crate::accounts::auth::verify_password(&current, Some(&stored)),
            crate::accounts::auth::hash_password(&new),
        )
    })
    .await?;
    if !ok {
        return Err(ApiError::Forbidden("The current password is wrong.".into()));
    }
    let hash = hash?;
    let days = state.config.refresh_token_days;
    let user_id = user.id;
    let (user, stakeholder, session) = db::write(&state.pool, move |conn| {
        load_me(conn, auth)?;
        diesel::update(users::table.find(user_id))
            .set((
                users::password_hash.eq(&hash),
                users::updated_at.eq(db::now()),
                users::version.eq(users::version + 1),
            ))
            .execute(conn)?;
        crate::accounts::sessions::end_all(conn, user_id)?;
        crate::routes::auth::sign_in(conn, user_id, days)
    })
    .await?;
    let out = crate::routes::auth::TokenOut::new(&state, user, stakeholder, session)?;
    Ok(crate::routes::auth::token_response(
        &req,
        HttpResponse::Ok(),
        &out,
    ))
}

/// A membership, in your export.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportMembership {
    pub network_id: i64,
    pub network_name: String,
    pub role: Role,
    pub commitment: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub joined_at: DateTime<Utc>,
}

/// An endorsement, in your export.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportEndorsement {
    pub goal_id: i64,
    pub goal_title: String,
    pub stance: crate::domain::Stance,
    pub comment: String,
    /// Who sees it: the network's `members`, or everyone.
    pub visibility: crate::domain::ReactionVisibility,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

/// Something you added (a goal, a network, a link), in your export.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportItem {
    pub id: i64,
    pub title: String,
    /// The web address, for knowledge links.
    pub url: Option<String>,
    pub network_id: Option<i64>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
}

/// Everything the platform holds about you.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportOut {
    #[serde(serialize_with = "crate::web::http::time")]
    pub exported_at: DateTime<Utc>,
    pub account: MeOut,
    /// Your own stakeholder profile, with contact details and access needs.
    pub profile: Option<crate::routes::stakeholders::StakeholderOut>,
    /// Profiles you added and manage (organisations, people without account).
    pub managed_profiles: Vec<crate::routes::stakeholders::StakeholderOut>,
    pub memberships: Vec<ExportMembership>,
    /// Invitations to join networks, and how you answered them.
    pub invitations: Vec<crate::routes::invitations::InvitationOut>,
    pub endorsements: Vec<ExportEndorsement>,
    pub networks_started: Vec<ExportItem>,
    pub goals_added: Vec<ExportItem>,
    pub knowledge_links_added: Vec<ExportItem>,
}

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
    use crate::db::models::Stakeholder;
    use crate::db::schema::{endorsements, goals, knowledge_links, networks};
    let user_id = auth.required()?;
    let out = db::write(&state.pool, move |conn| {
        let (user, stakeholder_id) = load_me(conn, auth)?;
        let viewer = crate::permissions::Viewer::load(conn, auth)?;
        let mine: Vec<Stakeholder> = stakeholders::table
            .filter(
                stakeholders::user_id
                    .eq(user_id)
                    .or(stakeholders::created_by.eq(user_id)),
            )
            .order(stakeholders::id)
            .select(Stakeholder::as_select())
            .load(conn)?;
        let mut profiles = crate::routes::stakeholders::present_all(conn, &viewer, mine)?;
        let profile_index = profiles.iter().position(|p| Some(p.id) == stakeholder_id);
        let profile = profile_index.map(|i| profiles.remove(i));
        let me = stakeholder_id.unwrap_or(0);
        let memberships = memberships::table
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
            .load::<(i64, String, String, String, chrono::NaiveDateTime)>(conn)?
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
            .collect();
        let endorsements = endorsements::table
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
            .load::<(
                i64,
                String,
                String,
                String,
                String,
                chrono::NaiveDateTime,
                chrono::NaiveDateTime,
            )>(conn)?
            .into_iter()
            .map(
                |(goal_id, goal_title, stance, comment, visibility, created, updated)| {
                    ExportEndorsement {
                        goal_id,
                        goal_title,
                        stance: crate::domain::Stance::from_db(&stance),
                        comment,
                        visibility: crate::domain::ReactionVisibility::from_db(&visibility),
                        created_at: utc(created),
                        updated_at: utc(updated),
                    }
                },
            )
            .collect();
        let item = |(id, title, url, network_id, created): (
            i64,
            String,
            Option<String>,
            Option<i64>,
            chrono::NaiveDateTime,
        )| ExportItem {
            id,
            title,
            url,
            network_id,
            created_at: utc(created),
        };
        let networks_started = networks::table
            .filter(networks::created_by.eq(user_id))
            .order(networks::id)
            .select((networks::id, networks::name, networks::created_at))
            .load::<(i64, String, chrono::NaiveDateTime)>(conn)?
            .into_iter()
            .map(|(id, name, created)| item((id, name, None, Some(id), created)))
            .collect();
        let goals_added = goals::table
            .filter(goals::created_by.eq(user_id))
            .order(goals::id)
            .select((
                goals::id,
                goals::title,
                goals::network_id,
                goals::created_at,
            ))
            .load::<(i64, String, i64, chrono::NaiveDateTime)>(conn)?
            .into_iter()
            .map(|(id, title, network, created)| item((id, title, None, Some(network), created)))
            .collect();
        let knowledge_links_added = knowledge_links::table
            .filter(knowledge_links::added_by.eq(user_id))
            .order(knowledge_links::id)
            .select((
                knowledge_links::id,
                knowledge_links::title,
                knowledge_links::url,
                knowledge_links::network_id,
                knowledge_links::created_at,
            ))
            .load::<(i64, String, String, Option<i64>, chrono::NaiveDateTime)>(conn)?
            .into_iter()
            .map(|(id, title, url, network, created)| {
                item((id, title, Some(url), network, created))
            })
            .collect();
        let invitations = match stakeholder_id {
            Some(me) => {
                let rows = crate::db::schema::invitations::table
                    .filter(crate::db::schema::invitations::stakeholder_id.eq(me))
                    .order(crate::db::schema::invitations::id)
                    .select(crate::db::models::Invitation::as_select())
                    .load(conn)?;
                crate::routes::invitations::present_all(conn, rows)?
            }
            None => Vec::new(),
        };
        crate::audit::record(
            conn,
            Some(user_id),
            "account.exported",
            "user",
            Some(user_id),
            None,
        )?;
        Ok(ExportOut {
            exported_at: chrono::Utc::now(),
            account: MeOut::new(user, stakeholder_id),
            profile,
            managed_profiles: profiles,
            memberships,
            invitations,
            endorsements,
            networks_started,
            goals_added,
            knowledge_links_added,
        })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"themanet-export.json\"",
        ))
        .json(out))
}
