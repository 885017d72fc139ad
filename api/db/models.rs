//! Database rows. These are not wire types: `routes` converts them.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::*;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub is_admin: bool,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
    pub session_epoch: i64,
    pub disabled: bool,
    pub email_verified_at: Option<NaiveDateTime>,
    pub language: String,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub is_admin: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = stakeholders)]
pub struct Stakeholder {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub organisation: Option<String>,
    pub expertise: Option<String>,
    pub municipality_code: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub listed: bool,
    pub share_contact: bool,
    pub user_id: Option<i64>,
    pub created_by: Option<i64>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
    pub access_needs: Option<String>,
    pub access_needs_consent: bool,
    pub organisation_visibility: String,
    pub expertise_visibility: String,
    pub talents_visibility: String,
    pub languages_visibility: String,
    pub municipality_visibility: String,
    pub availability_hours: Option<i32>,
    pub availability_occasional: bool,
    pub findable: bool,
}

#[derive(Debug, Default, Insertable, AsChangeset)]
#[diesel(table_name = stakeholders, treat_none_as_null = true)]
pub struct StakeholderValues {
    pub kind: String,
    pub name: String,
    pub organisation: Option<String>,
    pub expertise: Option<String>,
    pub municipality_code: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub listed: bool,
    pub share_contact: bool,
    pub access_needs: Option<String>,
    pub access_needs_consent: bool,
    pub organisation_visibility: String,
    pub expertise_visibility: String,
    pub talents_visibility: String,
    pub languages_visibility: String,
    pub municipality_visibility: String,
    pub availability_hours: Option<i32>,
    pub availability_occasional: bool,
    pub findable: bool,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = networks)]
pub struct Network {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub theme: String,
    pub scope: String,
    pub municipality_code: Option<String>,
    pub region: Option<String>,
    pub description: String,
    pub ambition: String,
    pub needs: String,
    pub status: String,
    pub visibility: String,
    pub parent_id: Option<i64>,
    pub contact: Option<String>,
    pub communication: String,
    pub created_by: Option<i64>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
    /// Its topics' slugs, comma-separated, in no order: kept by triggers on
    /// `network_topics` (migration 9), read with `db::split_list`.
    pub topic_list: String,
    /// The province of a network without a municipality (migration 16).
    pub province_code: Option<String>,
    /// The Convention's articles it works on, as `,9,30,` (migration 24),
    /// read with `domain::articles::split`.
    pub articles: String,
}

/// The editable columns of a network (insert and full update).
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = networks, treat_none_as_null = true)]
pub struct NetworkValues {
    pub slug: String,
    pub name: String,
    pub theme: String,
    pub scope: String,
    pub municipality_code: Option<String>,
    pub region: Option<String>,
    pub description: String,
    pub ambition: String,
    pub needs: String,
    pub status: String,
    pub visibility: String,
    pub parent_id: Option<i64>,
    pub contact: Option<String>,
    pub communication: String,
    pub province_code: Option<String>,
    /// `,9,30,`: see the row.
    pub articles: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = memberships)]
pub struct Membership {
    pub network_id: i64,
    pub stakeholder_id: i64,
    pub role: String,
    pub commitment: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
    /// The person's own act: joined, accepted an invitation, or added by
    /// whoever manages their profile.
    pub by_consent: bool,
}

/// An invitation to join a network (`domain::InvitationStatus`).
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = invitations)]
pub struct Invitation {
    pub id: i64,
    pub network_id: i64,
    pub stakeholder_id: i64,
    pub role: String,
    pub message: String,
    pub invited_by: Option<i64>,
    pub status: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = goals)]
pub struct Goal {
    pub id: i64,
    pub network_id: i64,
    pub parent_id: Option<i64>,
    pub title: String,
    pub description: String,
    pub status: String,
    pub target_date: Option<NaiveDate>,
    pub achieved_at: Option<NaiveDateTime>,
    pub owner_id: Option<i64>,
    pub position: i32,
    pub created_by: Option<i64>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
    /// The meeting it came out of, if any.
    pub meeting_id: Option<i64>,
    /// The Convention's articles it works on, as `,9,30,` (migration 24),
    /// read with `domain::articles::split`.
    pub articles: String,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = goals, treat_none_as_null = true)]
pub struct GoalValues {
    pub parent_id: Option<i64>,
    pub title: String,
    pub description: String,
    pub status: String,
    pub target_date: Option<NaiveDate>,
    pub achieved_at: Option<NaiveDateTime>,
    pub owner_id: Option<i64>,
    pub position: i32,
    /// `,9,30,`: see the row.
    pub articles: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = endorsements)]
pub struct Endorsement {
    pub goal_id: i64,
    pub stakeholder_id: i64,
    pub stance: String,
    pub comment: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub visibility: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = knowledge_links)]
pub struct KnowledgeLink {
    pub id: i64,
    pub url: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub network_id: Option<i64>,
    pub added_by: Option<i64>,
    pub clicks: i64,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
    /// Its audiences, comma-separated, in no order: kept by triggers on
    /// `knowledge_link_audiences` (migration 11), read with `db::split_list`.
    pub audience_list: String,
    /// Its topics' slugs, the same way (`knowledge_link_topics`).
    pub topic_list: String,
    /// The Convention's articles it works on, as `,9,30,` (migration 24),
    /// read with `domain::articles::split`.
    pub articles: String,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = knowledge_links, treat_none_as_null = true)]
pub struct KnowledgeLinkValues {
    pub url: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub network_id: Option<i64>,
    /// `,9,30,`: see the row.
    pub articles: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = meetings)]
pub struct Meeting {
    pub id: i64,
    pub network_id: i64,
    pub title: String,
    pub description: String,
    pub kind: String,
    pub format: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub starts_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub ends_at: NaiveDateTime,
    pub time_zone: String,
    pub venue_name: String,
    pub venue_address: String,
    pub municipality_code: Option<String>,
    pub online_url: Option<String>,
    pub visibility: String,
    pub capacity: Option<i32>,
    pub status: String,
    pub cancel_reason: String,
    /// Wire names between commas (`,step_free,quiet_room,`), or empty.
    pub access_features: String,
    pub access_note: String,
    pub organiser_id: Option<i64>,
    pub created_by: Option<i64>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = meetings, treat_none_as_null = true)]
pub struct MeetingValues {
    pub title: String,
    pub description: String,
    pub kind: String,
    pub format: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub time_zone: String,
    pub venue_name: String,
    pub venue_address: String,
    pub municipality_code: Option<String>,
    pub online_url: Option<String>,
    pub visibility: String,
    pub capacity: Option<i32>,
    pub status: String,
    pub cancel_reason: String,
    pub access_features: String,
    pub access_note: String,
    pub organiser_id: Option<i64>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = meeting_registrations)]
pub struct Registration {
    pub id: i64,
    pub meeting_id: i64,
    pub stakeholder_id: i64,
    pub status: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = meeting_access_needs)]
pub struct AccessNeeds {
    pub registration_id: i64,
    /// Wire names between commas, as `Meeting::access_features`.
    pub needs: String,
    pub note: String,
    pub share_name: bool,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = agenda_items)]
pub struct AgendaItem {
    pub id: i64,
    pub meeting_id: i64,
    pub title: String,
    pub description: String,
    pub minutes_asked: Option<i32>,
    pub proposed_by: Option<i64>,
    pub status: String,
    pub decline_reason: String,
    pub position: i32,
    pub minutes_planned: Option<i32>,
    pub notes: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = agenda_items, treat_none_as_null = true)]
pub struct AgendaItemValues {
    pub title: String,
    pub description: String,
    pub minutes_asked: Option<i32>,
    pub status: String,
    pub decline_reason: String,
    pub position: i32,
    pub minutes_planned: Option<i32>,
    pub notes: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = meeting_outcomes)]
pub struct Outcome {
    pub id: i64,
    pub meeting_id: i64,
    pub item_id: Option<i64>,
    pub text: String,
    pub goal_id: Option<i64>,
    pub created_by: Option<i64>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
}

/// A mail in the outbox (`api/mail/outbox.rs`).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxMail {
    pub id: i64,
    pub kind: String,
    pub user_id: Option<i64>,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub message_id: String,
    pub unsubscribe_url: Option<String>,
    pub status: String,
    pub attempts: i32,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

/// A document's row: what it is, not its bytes (`document_contents`).
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = documents)]
pub struct Document {
    pub id: i64,
    pub network_id: i64,
    pub title: String,
    pub description: String,
    pub alt_text: String,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub visibility: String,
    pub goal_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub uploaded_by: Option<i64>,
    pub uploader_id: Option<i64>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

/// What a document's owner changes: its words, who sees it, what it is
/// attached to.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = documents, treat_none_as_null = true)]
pub struct DocumentValues {
    pub title: String,
    pub description: String,
    pub alt_text: String,
    pub visibility: String,
    pub goal_id: Option<i64>,
    pub meeting_id: Option<i64>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = messages)]
pub struct Message {
    pub id: i64,
    pub network_id: i64,
    pub parent_id: Option<i64>,
    pub author_stakeholder_id: Option<i64>,
    pub author_user_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub pinned: bool,
    pub public: bool,
    pub hidden: bool,
    pub hidden_reason: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = messages, treat_none_as_null = true)]
pub struct MessageValues {
    pub title: String,
    pub body: String,
    pub pinned: bool,
    pub public: bool,
    pub hidden: bool,
    pub hidden_reason: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = house_rules)]
pub struct HouseRules {
    pub network_id: i64,
    pub version: i64,
    pub body: String,
    pub changed_by: Option<i64>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = questions)]
pub struct Question {
    pub id: i64,
    pub network_id: i64,
    pub to_network_id: i64,
    pub title: String,
    pub question: String,
    pub beyond: String,
    pub tried: String,
    pub link_list: String,
    pub status: String,
    pub answer: String,
    pub agenda_item_id: Option<i64>,
    pub support_count: i64,
    pub raised_by: Option<i64>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = questions, treat_none_as_null = true)]
pub struct QuestionValues {
    pub title: String,
    pub question: String,
    pub beyond: String,
    pub tried: String,
    pub link_list: String,
    pub status: String,
    pub answer: String,
    pub agenda_item_id: Option<i64>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = question_supports)]
pub struct QuestionSupport {
    pub question_id: i64,
    pub network_id: i64,
    pub note: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = question_events)]
pub struct QuestionEvent {
    pub id: i64,
    pub question_id: i64,
    pub kind: String,
    pub status: Option<String>,
    pub network_id: Option<i64>,
    pub note: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
}
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = goal_helpers)]
pub struct GoalHelper {
    pub goal_id: i64,
    pub stakeholder_id: i64,
    pub status: String,
    pub message: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = contact_requests)]
pub struct ContactRequest {
    pub id: i64,
    pub from_user_id: Option<i64>,
    pub from_stakeholder_id: i64,
    pub to_stakeholder_id: i64,
    pub message: String,
    pub status: String,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    pub answered_at: Option<NaiveDateTime>,
    pub version: i64,
}

/// An open seat of a network's stakeholder map: who the core group still
/// needs at the table (migration 25).
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = open_seats)]
pub struct OpenSeat {
    pub id: i64,
    pub network_id: i64,
    /// `StakeholderKind`'s text.
    pub kind: String,
    /// `Role`'s text.
    pub role: String,
    pub description: String,
    pub created_by: Option<i64>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    pub version: i64,
}

/// An API client: a system that signs in as itself for one organisation
/// stakeholder (migration 27). Only hashes of its secrets are kept.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = api_clients)]
pub struct ApiClient {
    pub id: i64,
    pub stakeholder_id: i64,
    pub name: String,
    pub client_id: String,
    pub secret_hash: String,
    pub previous_secret_hash: Option<String>,
    pub previous_secret_expires_at: Option<NaiveDateTime>,
    /// The write scopes, separated by spaces (`read` is implied).
    pub scopes: String,
    pub epoch: i64,
    pub created_by: Option<i64>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub version: i64,
}

/// A webhook subscription of an API client (migration 29).
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = webhook_subscriptions)]
pub struct WebhookSubscription {
    pub id: i64,
    pub api_client_id: i64,
    pub url: String,
    /// `,event,event,` (`webhooks::events::join`).
    pub events: String,
    pub municipality_code: Option<String>,
    pub network_id: Option<i64>,
    pub topic: Option<String>,
    pub secret: String,
    pub failing_since: Option<NaiveDateTime>,
    pub disabled_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = super::stamp::Stamp)]
    pub updated_at: NaiveDateTime,
    pub version: i64,
}
