//! `PATCH /knowledge-links/{linkId}`: change a link (JSON merge patch).

use actix_web::{patch, web, HttpRequest, HttpResponse};

use super::input::KnowledgeLinkInput;
use super::read::answer;
use super::types::{audiences_of, KnowledgeLinkOut};
use crate::accounts::auth::Auth;
use crate::audit;
use crate::db;
use crate::db::models::KnowledgeLinkValues;
use crate::db::schema::knowledge_links;
use crate::db::versioned::{self, IfMatch, Precondition};
use crate::permissions::{ensure_may_add_link, link_access, may_edit_link};
use crate::queries;
use crate::routes::check_topics;
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::web::pagination::base_url;
use crate::AppState;

/// Change a knowledge link
///
/// The network's core group and coordinators, the member who added it, or
/// platform admins.
#[utoipa::path(
    tag = "Knowledge links",
    params(
        ("linkId" = i64, Path, description = "Link id", minimum = 1),
        IfMatch,
    ),
    request_body(content = KnowledgeLinkInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed link.", body = KnowledgeLinkOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "You may not change this link."),
        (status = 409, description = "A field refers to something that is not there, or is at odds with what is stored; invalidParams names it."),
        (status = 404, description = "No such link, or its network is for members only."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/knowledge-links/{linkId}")]
pub async fn update_knowledge_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    precondition: Precondition,
    body: JsonBody<KnowledgeLinkInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (input, parse_errors) = body.with_errors();
    let base = base_url(&req);
    let lock = versioned::locker!(knowledge_links, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let current = link_access(conn, viewer, id)?;
        if !may_edit_link(conn, viewer, &current)? {
            return Err(ApiError::Forbidden(
            "Only the network's core group, the member who added it, or admins change this link."
                .into(),
        ));
        }
        let mut v = KnowledgeLinkValues::from(&current);
        let mut audiences = audiences_of(&current);
        let mut topics = db::split_list(&current.topic_list);
        let mut errors = parse_errors;
        input.apply(&mut v, &mut audiences, &mut topics, &mut errors);
        check_topics(conn, &topics, &mut errors)?;
        precondition.check(errors, &etag("knowledge-link", id, current.version))?;
        if v.network_id != current.network_id {
            ensure_may_add_link(conn, viewer, v.network_id)?;
        }
        versioned::update!(conn, knowledge_links, id, current.version, &v);
        queries::knowledge_links::save_lists(conn, id, &audiences, &topics)?;
        queries::knowledge_links::index(conn, id, &v.title, &v.summary, &topics)?;
        audit::record(
            conn,
            viewer,
            "knowledge_link.updated",
            "knowledge_link",
            Some(id),
            v.network_id,
        )?;
        answer(conn, &base, viewer, id)
    })
    .await
}
