//! `POST /networks`: start a network, with the viewer as coordinator.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::input::NetworkInput;
use super::read::detail;
use super::rules;
use super::types::NetworkOut;
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db::models::{Network, NetworkValues};
use crate::db::schema::networks;
use crate::db::{self, DbConn};
use crate::domain::{NetworkStatus, Role, Scope, Visibility};
use crate::permissions::Viewer;
use crate::queries;
use crate::web::error::{ensure_valid, ApiError, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::{created, etag};
use crate::webhooks::{self, Event};
use crate::AppState;

/// Starts a network with the viewer as coordinator: the rules of
/// `POST /networks`, also used by the CSV import.
pub fn create(
    conn: &mut DbConn,
    viewer: &Viewer,
    input: NetworkInput,
    parse_errors: Vec<InvalidParam>,
) -> Result<i64, ApiError> {
    let wanted_slug = input.slug.clone().flatten();
    let me = viewer
        .stakeholder_id
        .ok_or_else(|| ApiError::Forbidden("Your account has no stakeholder profile.".into()))?;
    let mut v = NetworkValues {
        slug: String::new(),
        name: String::new(),
        theme: String::new(),
        scope: Scope::Local.as_str().into(),
        municipality_code: None,
        region: None,
        description: String::new(),
        ambition: String::new(),
        needs: String::new(),
        status: NetworkStatus::Forming.as_str().into(),
        visibility: Visibility::Public.as_str().into(),
        parent_id: None,
        contact: None,
        communication: String::new(),
        province_code: None,
        articles: String::new(),
    };
    let mut topics = Vec::new();
    let mut errors = parse_errors;
    let province = input.apply(&mut v, &mut topics, &mut errors);
    rules::check(conn, viewer, None, &mut v, &topics, province, &mut errors)?;
    ensure_valid(errors)?;
    v.slug = match wanted_slug {
        Some(slug) if queries::networks::slug_taken(conn, &slug, None)? => {
            return Err(ApiError::Conflict(format!(
                "The slug {slug} is taken; choose another."
            )));
        }
        Some(slug) => slug,
        None => queries::networks::free_slug(conn, &crate::domain::slugify(&v.name))?,
    };
    let now = db::now();
    let id: i64 = diesel::insert_into(networks::table)
        .values((
            &v,
            networks::created_by.eq(viewer.user_id),
            networks::created_at.eq(now),
            networks::updated_at.eq(now),
        ))
        .returning(networks::id)
        .get_result(conn)?;
    queries::networks::save_topics(conn, id, &topics)?;
    queries::memberships::insert(conn, id, me, Role::Coordinator, "", true)?;
    queries::house_rules::write(conn, id, queries::house_rules::DEFAULT, Some(me))?;
    queries::networks::index(conn, id, &v)?;
    audit::record(
        conn,
        viewer,
        "network.created",
        "network",
        Some(id),
        Some(id),
    )?;
    Ok(id)
}

/// Start a network
///
/// You become its coordinator. Needs a signed-in account.
#[utoipa::path(
    tag = "Networks",
    request_body = NetworkInput,
    responses(
        (status = 201, description = "The network was created.", body = NetworkOut,
            headers(("Location" = String, description = "Address of the new network"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "Your account has no stakeholder profile."),
        (status = 409, description = "The slug is taken, or a field is at odds with what is stored (invalidParams names it)."),
    ),
    security(("bearer" = [])),
)]
#[post("/networks")]
pub async fn create_network(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<NetworkInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let (input, parse_errors) = body.with_errors();
    let base = crate::web::pagination::base_url(&req);
    let out = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let id = create(conn, &viewer, input, parse_errors)?;
        webhooks::emit(conn, &Event::network("network.created", id, &base))?;
        let network = networks::table
            .find(id)
            .select(Network::as_select())
            .first(conn)?;
        detail(conn, &viewer, network, Some(Role::Coordinator))
    })
    .await?;
    let tag = etag("network", out.id, 1);
    Ok(created(
        &req,
        &format!("/networks/{}", out.id),
        &out,
        Some(&tag),
    ))
}
