//! A person's own calendar address: `POST /me/calendar-feed` makes a new
//! secret address for the feed of their meetings (`calendar.rs` serves it)
//! and stops the old one; `DELETE` stops it.

use actix_web::http::header;
use actix_web::{delete, post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::accounts::auth::Auth;
use crate::accounts::sessions::{hash, random_token};
use crate::audit;
use crate::db;
use crate::db::schema::calendar_feeds;
use crate::permissions::Viewer;
use crate::web::error::ApiError;
use crate::web::extract::{not_null, Body, JsonBody};
use crate::web::pagination::base_url;
use crate::AppState;

/// The address of a personal calendar feed.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CalendarFeedOut {
    /// Subscribe to it in a calendar app. Shown this once: keep it to
    /// yourself; anyone with the address sees your meetings.
    #[schema(format = "uri")]
    pub url: String,
}

/// What a personal calendar feed holds.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CalendarFeedInput {
    /// Also the meetings you are on the waiting list for. Default `true`.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "not_null")]
    pub include_waiting: Option<bool>,
}

impl Body for CalendarFeedInput {
    const REQUIRED: &'static [&'static str] = &[];
}

/// Make my calendar address
///
/// A new secret address for the feed of your meetings; an address made
/// before stops working.
#[utoipa::path(
    tag = "Meetings",
    request_body = CalendarFeedInput,
    responses(
        (status = 201, description = "The new address, shown once.", body = CalendarFeedOut,
            headers(("Location" = String, description = "The feed"))),
        (status = 401, description = "Sign in first."),
    ),
    security(("bearer" = [])),
)]
#[post("/me/calendar-feed")]
pub async fn renew_calendar_feed(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<CalendarFeedInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let input = body.into_inner()?;
    let secret = random_token();
    let stored = hash(&secret);
    db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let user = viewer.user()?;
        diesel::delete(calendar_feeds::table.filter(calendar_feeds::user_id.eq(user)))
            .execute(conn)?;
        diesel::insert_into(calendar_feeds::table)
            .values((
                calendar_feeds::user_id.eq(user),
                calendar_feeds::secret_hash.eq(stored),
                calendar_feeds::include_waiting.eq(input.include_waiting != Some(false)),
                calendar_feeds::created_at.eq(db::now()),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            Some(user),
            "calendar_feed.renewed",
            "user",
            Some(user),
            None,
        )?;
        Ok(())
    })
    .await?;
    let url = format!("{}/api/v1/calendars/{secret}/meetings.ics", base_url(&req));
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, url.clone()))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(CalendarFeedOut { url }))
}

/// Stop my calendar address
///
/// The secret address of your meetings' feed stops working; make a new one
/// whenever you like.
#[utoipa::path(
    tag = "Meetings",
    responses(
        (status = 204, description = "The address no longer works (or there was none)."),
        (status = 401, description = "Sign in first."),
    ),
    security(("bearer" = [])),
)]
#[delete("/me/calendar-feed")]
pub async fn delete_calendar_feed(
    state: web::Data<AppState>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let user = viewer.user()?;
        diesel::delete(calendar_feeds::table.filter(calendar_feeds::user_id.eq(user)))
            .execute(conn)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
