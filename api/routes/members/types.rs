//! The members' wire types: a membership as others see it, what joins or
//! adds someone, what changes a role or commitment, the list's filters.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::domain::{ContactChannel, ContactFormat, MailLanguage, Role, StakeholderKind};
use crate::page_type;
use crate::routes::stakeholders::ContactOut;
use crate::web::extract::Body;
use crate::web::params;

/// A member of a network.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MemberOut {
    pub network_id: i64,
    pub stakeholder_id: i64,
    pub name: String,
    pub kind: StakeholderKind,
    pub organisation: Option<String>,
    pub role: Role,
    /// Why they connect to the theme, in their own words.
    pub commitment: String,
    /// Only for co-members when the person agreed to share it.
    pub contact: Option<ContactOut>,
    /// How the person prefers to be reached, as they set it in
    /// `/me/preferences`: only for the network's coordinators, and only for
    /// members with an account who joined by their own act.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub reach: Option<ReachOut>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub joined_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

/// How a member prefers to be reached.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReachOut {
    pub channel: ContactChannel,
    pub format: ContactFormat,
    pub language: MailLanguage,
}

page_type!(MemberPage, MemberOut, "A page of members.");

/// Join a network (leave out `stakeholderId`), or, as coordinator, invite a
/// person or add an organisation with a role.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberInput {
    /// Who to add; default: your own profile (joining).
    #[validate(range(min = 1, message = "must be a stakeholder id"))]
    #[schema(minimum = 1, nullable = false)]
    pub stakeholder_id: Option<i64>,
    /// Default `member`. Only coordinators give other roles; when you join
    /// after an invitation, you get the role it offers.
    #[schema(nullable = false)]
    pub role: Option<Role>,
    /// Why they connect to the theme. A person writes their own: not sent
    /// with an invitation.
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    pub commitment: Option<String>,
    /// A word to the person you invite (not used when you join yourself or
    /// add an organisation).
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    pub message: Option<String>,
    /// When you join: the version of the network's house rules you accept
    /// now (the current one; see `GET /networks/{networkId}/house-rules`).
    #[validate(range(min = 1, message = "must be a version number"))]
    #[schema(minimum = 1, nullable = false)]
    pub accepted_house_rules_version: Option<i64>,
}

impl Body for MemberInput {}

/// A change of role or commitment (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberPatch {
    /// Only coordinators change roles; the last coordinator keeps theirs.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub role: Option<Role>,
    /// The member themselves or a coordinator may change it.
    #[validate(length(max = 1000, message = "must have at most 1000 characters"))]
    #[schema(max_length = 1000, nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub commitment: Option<String>,
}

impl Body for MemberPatch {}

crate::list_filters! {
    /// Filters for the member list.
    pub struct MemberFilters {
        #[serde(default, deserialize_with = "params::choice")]
        pub role: Option<Role>,
        #[serde(default, deserialize_with = "params::choice")]
        pub kind: Option<StakeholderKind>,
        /// Only memberships changed at or after this time.
        #[serde(default, deserialize_with = "params::date_time")]
        pub updated_since: Option<DateTime<Utc>>,
    }
}
