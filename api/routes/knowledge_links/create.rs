//! `POST /knowledge-links`: add a link to a network or to the platform-wide
//! start page.

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::input::KnowledgeLinkInput;
use super::read::answer;
use super::types::KnowledgeLinkOut;
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db::models::KnowledgeLinkValues;
use crate::db::schema::knowledge_links;
use crate::db::{self, DbConn};
use crate::domain::Audience;
use crate::permissions::{ensure_may_add_link, Viewer};
use crate::queries;
use crate::routes::check_topics;
use crate::web::error::{ensure_valid, ApiError, InvalidParam};
use crate::web::extract::JsonBody;
use crate::web::http::created;
use crate::web::pagination::base_url;
use crate::webhooks::{self, Event};
use crate::AppState;

/// Adds a knowledge link: the rules of `POST /knowledge-links`, also used
/// by the CSV import.
pub fn create(
    conn: &mut DbConn,
    viewer: &Viewer,
    input: KnowledgeLinkInput,
    parse_errors: Vec<InvalidParam>,
) -> Result<i64, ApiError> {
    let mut v = KnowledgeLinkValues {
        url: String::new(),
        title: String::new(),
        summary: String::new(),
        language: "nl".into(),
        network_id: None,
        articles: String::new(),
    };
    let (mut audiences, mut topics, mut errors) =
        (vec![Audience::Everyone], Vec::new(), parse_errors);
    input.apply(&mut v, &mut audiences, &mut topics, &mut errors);
    check_topics(conn, &topics, &mut errors)?;
    ensure_valid(errors)?;
    ensure_may_add_link(conn, viewer, v.network_id)?;
    let now = db::now();
    let id: i64 = diesel::insert_into(knowledge_links::table)
        .values((
            &v,
            knowledge_links::added_by.eq(viewer.user_id),
            knowledge_links::created_at.eq(now),
            knowledge_links::updated_at.eq(now),
        ))
        .returning(knowledge_links::id)
        .get_result(conn)?;
    queries::knowledge_links::save_lists(conn, id, &audiences, &topics)?;
    queries::knowledge_links::index(conn, id, &v.title, &v.summary, &topics)?;
    audit::record(
        conn,
        viewer,
        "knowledge_link.created",
        "knowledge_link",
        Some(id),
        v.network_id,
    )?;
    Ok(id)
}

/// Add a knowledge link
///
/// Members add links to their network; platform admins to the platform-wide
/// start page.
#[utoipa::path(
    tag = "Knowledge links",
    request_body = KnowledgeLinkInput,
    responses(
        (status = 201, description = "The link was added.", body = KnowledgeLinkOut,
            headers(("Location" = String, description = "Address of the link"), ("ETag" = String, description = "Version tag"))),
        (status = 403, description = "You may not add links there."),
        (status = 409, description = "A field refers to something that is not there, or is at odds with what is stored; invalidParams names it."),
    ),
    security(("bearer" = [])),
)]
#[post("/knowledge-links")]
pub async fn create_knowledge_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<KnowledgeLinkInput>,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let (input, parse_errors) = body.with_errors();
    let base = base_url(&req);
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let id = create(conn, &viewer, input, parse_errors)?;
        let network_id: Option<i64> = knowledge_links::table
            .find(id)
            .select(knowledge_links::network_id)
            .first(conn)?;
        let path = format!("/knowledge-links/{id}");
        let added = Event::of("knowledge_link.added", path, id, network_id, &base);
        webhooks::emit(conn, &added)?;
        answer(conn, &base, &viewer, id)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/knowledge-links/{}", out.id),
        &out,
        Some(&tag),
    ))
}
