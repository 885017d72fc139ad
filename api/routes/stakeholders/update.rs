use actix_web::{patch, web, HttpRequest, HttpResponse};

use crate::accounts::auth::Auth;
use crate::db::schema::stakeholders;
use crate::db::versioned::{self, Precondition};
use crate::queries::stakeholders as profiles;
use crate::routes::update_row;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::etag;
use crate::AppState;

use super::present::{editable, written};
use super::{StakeholderInput, StakeholderOut};

/// Change a stakeholder
///
/// Your own profile, a profile you added, or any as platform admin. JSON
/// merge patch; withdrawing consent hides details at once.
#[utoipa::path(
    tag = "Stakeholders",
    params(
        ("stakeholderId" = i64, Path, description = "Stakeholder id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    request_body(content = StakeholderInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed stakeholder.", body = StakeholderOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "You may not change this profile."),
        (status = 409, description = "Contact details or access needs without the stored consent; invalidParams names them."),
        (status = 404, description = "No such stakeholder, or you may not see them."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/stakeholders/{stakeholderId}")]
pub async fn update_stakeholder(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<StakeholderInput>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let (input, parse_errors) = body.with_errors();
    let lock = versioned::locker!(stakeholders, id);
    update_row(&state, auth, lock, move |conn, viewer| {
        let current = editable(
            conn,
            viewer,
            id,
            "You may only change your own profile or profiles you added.",
        )?;
        let mut profile = profiles::profile(conn, &current)?;
        let mut errors = parse_errors;
        input.apply(&mut profile, &mut errors, false);
        precondition.check(errors, &etag("stakeholder", id, current.version))?;
        versioned::update!(conn, stakeholders, id, current.version, (&profile.values));
        profiles::save_extras(conn, id, &profile)?;
        crate::audit::record(
            conn,
            viewer,
            "stakeholder.updated",
            "stakeholder",
            Some(id),
            None,
        )?;
        written(conn, viewer, id)
    })
    .await
}
