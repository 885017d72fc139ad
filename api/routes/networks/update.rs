//! `PATCH /networks/{networkId}`: change a network (JSON merge patch).

use actix_web::{patch, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::input::NetworkInput;
use super::read::detail;
use super::rules;
use super::types::NetworkOut;
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::models::{Network, NetworkValues};
use crate::db::schema::networks;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::network_access;
use crate::queries;
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::webhooks::{self, Event};
use crate::AppState;

/// Change a network
///
/// JSON merge patch. Coordinators only. Send `If-Match` with the ETag you
/// read, so you never overwrite someone else's change.
#[utoipa::path(
    tag = "Networks",
    params(
        ("networkId" = i64, Path, description = "Network id", minimum = 1),
        IfMatch,
    ),
    request_body(content = NetworkInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed network.", body = NetworkOut,
            headers(("ETag" = String, description = "New version tag"))),
        (status = 403, description = "You are not a coordinator of this network."),
        (status = 404, description = "No such network, or it is for members only."),
        (status = 409, description = "The slug is taken, or a field is at odds with what is stored (invalidParams names it)."),
        (status = 412, description = "The network changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/networks/{networkId}")]
pub async fn update_network(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<NetworkInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = crate::web::pagination::base_url(&req);
    let lock = versioned::locker!(networks, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let access = network_access(conn, viewer, id)?;
        access.ensure_coordinator()?;
        let current = access.network;
        let mut v = NetworkValues::from(&current);
        let mut topics = db::split_list(&current.topic_list);
        let mut errors = parse_errors;
        let slug_changed = input
            .slug
            .as_ref()
            .is_some_and(|s| s.as_deref() != Some(current.slug.as_str()));
        let province = input.apply(&mut v, &mut topics, &mut errors);
        rules::check(
            conn,
            viewer,
            Some(id),
            &mut v,
            &topics,
            province,
            &mut errors,
        )?;
        precondition.check(errors, &etag("network", id, current.version))?;
        if slug_changed && queries::networks::slug_taken(conn, &v.slug, Some(id))? {
            return Err(ApiError::Conflict(format!(
                "The slug {} is taken; choose another.",
                v.slug
            )));
        }
        versioned::update!(conn, networks, id, current.version, &v);
        queries::networks::save_topics(conn, id, &topics)?;
        queries::networks::index(conn, id, &v)?;
        audit::record(
            conn,
            viewer,
            "network.updated",
            "network",
            Some(id),
            Some(id),
        )?;
        webhooks::emit(conn, &Event::network("network.updated", id, &base))?;
        let network = networks::table
            .find(id)
            .select(Network::as_select())
            .first(conn)?;
        let tag = etag("network", id, network.version);
        Ok((detail(conn, viewer, network, access.role)?, tag))
    })
    .await
}
