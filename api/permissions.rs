//! Who may do what, per object (the permission table of DESIGN.md). Checks
//! are small named functions, run inside the request's transaction.

use diesel::prelude::*;

use crate::auth::Auth;
use crate::db::models::Network;
use crate::db::schema::{memberships, networks, stakeholders, users};
use crate::db::{self, DbConn};
use crate::domain::{Role, Visibility};
use crate::error::ApiError;

/// The person behind a request, as the database knows them.
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    pub user_id: Option<i64>,
    pub is_admin: bool,
    /// The person stakeholder the account owns.
    pub stakeholder_id: Option<i64>,
}

impl Viewer {
    pub const ANONYMOUS: Viewer = Viewer {
        user_id: None,
        is_admin: false,
        stakeholder_id: None,
    };

    /// Loads the account a token names; an account that no longer exists is 401.
    pub fn load(conn: &mut DbConn, auth: Auth) -> Result<Viewer, ApiError> {
        let Auth::User { id: user_id, epoch } = auth else {
            return Ok(Viewer::ANONYMOUS);
        };
        // Here and below on the backend's own connection (`db::on_each!`):
        // every request that names a viewer or a network runs these.
        let (is_admin, current_epoch, disabled): (bool, i64, bool) =
            db::on_each!(conn, c => users::table
            .find(user_id)
            .select((users::is_admin, users::session_epoch, users::disabled))
            .first(c)
            .optional())?
            .ok_or_else(|| ApiError::Unauthorized("This account no longer exists.".into()))?;
        if current_epoch != epoch || disabled {
            return Err(ApiError::Unauthorized(
                "This session has ended. Sign in again.".into(),
            ));
        }
        let stakeholder_id = db::on_each!(conn, c => stakeholders::table
            .filter(stakeholders::user_id.eq(user_id))
            .select(stakeholders::id)
            .first::<i64>(c)
            .optional())?;
        Ok(Viewer {
            user_id: Some(user_id),
            is_admin,
            stakeholder_id,
        })
    }

    pub fn user(&self) -> Result<i64, ApiError> {
        self.user_id.ok_or_else(|| {
            ApiError::Unauthorized("Sign in first: send Authorization: Bearer <token>.".into())
        })
    }

    /// The viewer's role in a network, if they are a member.
    pub fn role_in(&self, conn: &mut DbConn, network_id: i64) -> Result<Option<Role>, ApiError> {
        let Some(me) = self.stakeholder_id else {
            return Ok(None);
        };
        let role = db::on_each!(conn, c => memberships::table
            .filter(memberships::network_id.eq(network_id))
            .filter(memberships::stakeholder_id.eq(me))
            .select(memberships::role)
            .first::<String>(c)
            .optional())?;
        Ok(role.map(|r| Role::from_db(&r)))
    }
}

/// A network as one viewer sees it, with their role in it.
pub struct NetworkAccess {
    pub network: Network,
    pub role: Option<Role>,
    pub is_admin: bool,
}

impl NetworkAccess {
    pub fn is_member(&self) -> bool {
        self.role.is_some()
    }

    /// Members (and admins) may see co-members, endorse and add links.
    pub fn ensure_member(&self) -> Result<(), ApiError> {
        if self.is_member() || self.is_admin {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only members of this network may do this. Join the network first.".into(),
            ))
        }
    }

    /// The core group and coordinators prepare goals and edit links.
    pub fn ensure_core(&self) -> Result<(), ApiError> {
        if self.is_admin || self.role.is_some_and(Role::is_core) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only the core group and coordinators of this network may do this.".into(),
            ))
        }
    }

    /// Coordinators edit the network and manage members.
    pub fn ensure_coordinator(&self) -> Result<(), ApiError> {
        if self.is_admin || self.role == Some(Role::Coordinator) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only coordinators of this network may do this.".into(),
            ))
        }
    }
}

/// Loads a network the viewer may see. A members-only network does not
/// exist for outsiders: 404, not 403.
pub fn network_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    network_id: i64,
) -> Result<NetworkAccess, ApiError> {
    let network: Network = db::on_each!(conn, c => networks::table
        .find(network_id)
        .select(Network::as_select())
        .first(c)
        .optional())?
    .ok_or_else(|| ApiError::not_found("This network"))?;
    let role = viewer.role_in(conn, network_id)?;
    let visible =
        network.visibility == Visibility::Public.as_str() || role.is_some() || viewer.is_admin;
    if !visible {
        return Err(ApiError::not_found("This network"));
    }
    Ok(NetworkAccess {
        network,
        role,
        is_admin: viewer.is_admin,
    })
}
