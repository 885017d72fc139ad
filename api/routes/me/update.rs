use actix_web::{patch, web, HttpRequest, HttpResponse};

use crate::accounts::auth::Auth;
use crate::accounts::tokens::MeOut;
use crate::db;
use crate::db::schema::users;
use crate::db::versioned::{self, Precondition};
use crate::queries::accounts;
use crate::routes::auth::display_name;
use crate::web::error::ApiError;
use crate::web::extract::JsonBody;
use crate::web::http::{etag, ok_with_etag};
use crate::AppState;

use super::MeInput;

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
    let display_name = input.display_name.map(display_name).transpose()?;
    let (user, stakeholder) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, users::table.find(user_id).select(users::id));
        let (user, _) = accounts::current(conn, auth)?;
        precondition.matches(&etag("user", user.id, user.version))?;
        if let Some(name) = &display_name {
            let changes = accounts::Changes {
                display_name: Some(name),
                ..Default::default()
            };
            accounts::update(conn, user_id, user.version, &changes)?;
        }
        accounts::current(conn, auth)
    })
    .await?;
    let tag = etag("user", user.id, user.version);
    Ok(ok_with_etag(&MeOut::new(user, stakeholder), &tag))
}
