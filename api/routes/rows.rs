//! The kernel every handler of one row goes through: a read, a change and
//! a delete, each in one transaction with the viewer loaded (and, for
//! writes, the row locked first).

use actix_web::HttpResponse;

use crate::accounts::auth::Auth;
use crate::db::{self, DbConn};
use crate::permissions::Viewer;
use crate::web::error::ApiError;
use crate::web::http::ok_with_etag;
use crate::AppState;

/// A `GET` of one row, to its 200 with `ETag`: in one read transaction the
/// viewer is loaded and `read` run with it (the viewer's right, the row as
/// they may see it, and its tag).
pub async fn read_row<T: serde::Serialize + Send + 'static>(
    state: &AppState,
    auth: Auth,
    read: impl FnOnce(&mut DbConn, &Viewer) -> Result<(T, String), ApiError> + Send + 'static,
) -> Result<HttpResponse, ApiError> {
    let (out, tag) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        read(conn, &viewer)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// A change of one row, to its 200 with `ETag`: in one write transaction
/// the row is locked first (`lock`, made with `versioned::locker!`), the
/// viewer loaded, and `update` run with them (the viewer's right, the
/// input applied, `Precondition::check`, `versioned::update!`, what goes
/// with the row, the answer and its tag).
pub async fn update_row<T: serde::Serialize + Send + 'static>(
    state: &AppState,
    auth: Auth,
    lock: impl FnOnce(&mut DbConn) -> Result<(), ApiError> + Send + 'static,
    update: impl FnOnce(&mut DbConn, &Viewer) -> Result<(T, String), ApiError> + Send + 'static,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    let (out, tag) = db::write(&state.pool, move |conn| {
        lock(conn)?;
        let viewer = Viewer::load(conn, auth)?;
        update(conn, &viewer)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// What a deletion leaves in the audit log: the action, and the object and
/// network it concerns.
pub struct Deleted {
    pub action: &'static str,
    pub object: (&'static str, i64),
    pub network_id: Option<i64>,
}

/// A `DELETE`, to its 204: in one write transaction the row is locked
/// first (`lock`, made with `versioned::locker!`), the viewer loaded, and `delete`
/// run with them (the viewer's right, `If-Match`, `versioned::delete!`,
/// what goes with the row); the event it names goes to the audit log.
pub async fn delete_row(
    state: &AppState,
    auth: Auth,
    lock: impl FnOnce(&mut DbConn) -> Result<(), ApiError> + Send + 'static,
    delete: impl FnOnce(&mut DbConn, &Viewer) -> Result<Deleted, ApiError> + Send + 'static,
) -> Result<HttpResponse, ApiError> {
    auth.signed_in()?;
    db::write(&state.pool, move |conn| {
        lock(conn)?;
        let viewer = Viewer::load(conn, auth)?;
        let Deleted {
            action,
            object: (object_type, object_id),
            network_id,
        } = delete(conn, &viewer)?;
        crate::audit::record(
            conn,
            &viewer,
            action,
            object_type,
            Some(object_id),
            network_id,
        )
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
