//! The wire types of your own account: what changes it, a new password,
//! and the export of all your data.

use crate::routes::registrations::RegistrationOut;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::accounts::tokens::MeOut;
use crate::domain::{ReactionVisibility, Role, Stance};
use crate::routes::invitations::InvitationOut;
use crate::routes::stakeholders::StakeholderOut;
use crate::web::extract::Body;

/// Changes to your account (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeInput {
    #[validate(length(min = 1, max = 100, message = "must have 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100, nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub display_name: Option<String>,
}

impl Body for MeInput {}

/// A new password, with the current one.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PasswordInput {
    #[validate(length(max = 1024, message = "must have at most 1024 characters"))]
    #[schema(format = "password", max_length = 1024, nullable = false)]
    pub current_password: Option<String>,
    /// At least 8 characters; a long sentence is stronger than a short code.
    #[validate(custom(function = "crate::accounts::passwords::length"))]
    #[schema(
        format = "password",
        min_length = 8,
        max_length = 1024,
        nullable = false
    )]
    pub new_password: Option<String>,
}

impl Body for PasswordInput {
    const REQUIRED: &'static [&'static str] = &["currentPassword", "newPassword"];
}

/// A membership, in your export.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportMembership {
    pub network_id: i64,
    pub network_name: String,
    pub role: Role,
    pub commitment: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub joined_at: DateTime<Utc>,
}

/// An endorsement, in your export.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportEndorsement {
    pub goal_id: i64,
    pub goal_title: String,
    pub stance: Stance,
    pub comment: String,
    /// Who sees it: the network's `members`, or everyone.
    pub visibility: ReactionVisibility,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

/// Something you added (a goal, a network, a link), in your export.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportItem {
    pub id: i64,
    pub title: String,
    /// The web address, for knowledge links.
    pub url: Option<String>,
    pub network_id: Option<i64>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
}

/// Everything the platform holds about you.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportOut {
    #[serde(serialize_with = "crate::web::http::time")]
    pub exported_at: DateTime<Utc>,
    pub account: MeOut,
    /// Your own stakeholder profile, with contact details and access needs.
    pub profile: Option<StakeholderOut>,
    /// Profiles you added and manage (organisations, people without account).
    pub managed_profiles: Vec<StakeholderOut>,
    pub memberships: Vec<ExportMembership>,
    /// Invitations to join networks, and how you answered them.
    pub invitations: Vec<InvitationOut>,
    pub endorsements: Vec<ExportEndorsement>,
    /// Your registrations for meetings, with the needs you stated.
    pub meeting_registrations: Vec<RegistrationOut>,
    pub networks_started: Vec<ExportItem>,
    pub goals_added: Vec<ExportItem>,
    pub knowledge_links_added: Vec<ExportItem>,
    /// How you are reached: language, notices, channel and form.
    pub preferences: crate::routes::preferences::PreferencesOut,
    /// The mail the platform wrote to you that it still holds (a sent mail
    /// keeps its envelope only).
    pub mail: Vec<crate::routes::outbox::OutboxMailOut>,
    /// Messages and replies you wrote on message boards.
    pub messages_written: Vec<ExportMessage>,
    /// Messages you reported, with your reason.
    pub messages_reported: Vec<ExportReport>,
    /// The versions of house rules you accepted.
    pub house_rules_accepted: Vec<ExportAcceptance>,
    /// Your offers of help on steps, and how the core group answered.
    pub help_offered: Vec<crate::routes::helpers::HelperOut>,
    /// Contact requests you received and sent.
    pub contact_requests: Vec<crate::routes::contact_requests::ContactRequestOut>,
}

/// A message or reply you wrote, in your export.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportMessage {
    pub id: i64,
    pub network_id: i64,
    pub parent_id: Option<i64>,
    pub title: String,
    pub body: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
}

/// A report you made, in your export.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub message_id: i64,
    pub reason: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
}

/// A version of a network's house rules you accepted, in your export.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportAcceptance {
    pub network_id: i64,
    pub version: i64,
    #[serde(serialize_with = "crate::web::http::time")]
    pub accepted_at: DateTime<Utc>,
}
