//! The wire types of account management: an account as platform admins see
//! it, the change they make, the list's filters.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::User;
use crate::page_type;
use crate::web::extract::Body;
use crate::web::http::utc;
use crate::web::params;

/// An account, as platform admins see it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserOut {
    pub id: i64,
    #[schema(format = "email")]
    pub email: String,
    pub display_name: String,
    pub is_admin: bool,
    /// A disabled account cannot sign in; its sessions have ended.
    pub disabled: bool,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

impl From<User> for UserOut {
    fn from(u: User) -> Self {
        UserOut {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            is_admin: u.is_admin,
            disabled: u.disabled,
            created_at: utc(u.created_at),
            updated_at: utc(u.updated_at),
        }
    }
}

page_type!(UserPage, UserOut, "A page of accounts.");

/// A change to an account (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserInput {
    /// `true` disables the account and ends all its sessions.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub disabled: Option<bool>,
}

impl Body for UserInput {}

crate::list_filters! {
    /// Filters for the account list.
    pub struct UserFilters {
        /// Part of the e-mail address.
        #[param(max_length = 200)]
        #[serde(default, deserialize_with = "params::text")]
        pub q: Option<String>,
        #[serde(default, deserialize_with = "params::flag")]
        pub disabled: Option<bool>,
    }
}
