//! What the report endpoints answer, and their queries.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::{
    GoalStatus, MailLanguage, MeetingFormat, MeetingKind, NetworkStatus, QuestionStatus, Scope,
    StakeholderKind, Visibility,
};
use crate::reference::Country;
use crate::routes::networks::NetworkRef;
use crate::web::params;

/// The period of a report (JSON).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct ReportQuery {
    /// The first day of the period (default: 1 January of this year).
    #[param(value_type = Option<String>, format = Date, example = "2026-01-01")]
    #[serde(default, deserialize_with = "params::date")]
    pub from: Option<NaiveDate>,
    /// The last day of the period (default: today). At most five years
    /// after `from`.
    #[param(value_type = Option<String>, format = Date, example = "2026-12-31")]
    #[serde(default, deserialize_with = "params::date")]
    pub to: Option<NaiveDate>,
}

/// The period of a report, and the language of its words (CSV, page).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct ReportPageQuery {
    /// The first day of the period (default: 1 January of this year).
    #[param(value_type = Option<String>, format = Date, example = "2026-01-01")]
    #[serde(default, deserialize_with = "params::date")]
    pub from: Option<NaiveDate>,
    /// The last day of the period (default: today). At most five years
    /// after `from`.
    #[param(value_type = Option<String>, format = Date, example = "2026-12-31")]
    #[serde(default, deserialize_with = "params::date")]
    pub to: Option<NaiveDate>,
    /// `nl` (default) or `en`: the words of the headings, the column
    /// names and the values.
    #[param(inline, value_type = Option<MailLanguage>)]
    #[serde(default, deserialize_with = "params::choice")]
    pub lang: Option<MailLanguage>,
}

/// The network a report is about.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportNetwork {
    pub id: i64,
    pub name: String,
    pub theme: String,
    pub scope: Scope,
    pub status: NetworkStatus,
    pub visibility: Visibility,
    /// CBS or NIS code of its municipality (local networks).
    #[schema(example = "GM0344")]
    pub municipality_code: Option<String>,
    #[schema(example = "Utrecht")]
    pub municipality_name: Option<String>,
    /// The municipality's country: in Flanders (`BE`) the report serves
    /// the "lokale afsprakennota".
    pub country: Option<Country>,
    pub region: Option<String>,
}

/// The days a report covers, both included (UTC).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportPeriod {
    #[schema(value_type = String, format = Date, example = "2026-01-01")]
    pub from: NaiveDate,
    #[schema(value_type = String, format = Date, example = "2026-12-31")]
    pub to: NaiveDate,
}

/// The report's figures for the period.
#[derive(Debug, Default, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportSummary {
    /// Goals (top level) achieved in the period.
    pub goals_achieved: i64,
    /// Steps (goals under a goal) achieved in the period.
    pub steps_achieved: i64,
    /// Goals and steps still open at the end of the period (proposed,
    /// agreed or in progress).
    pub goals_open: i64,
    /// Meetings held in the period (begun and ended in it, not cancelled).
    pub meetings_held: i64,
    /// Meetings in the period that were cancelled.
    pub meetings_cancelled: i64,
    /// People with a place at the meetings held, added up.
    pub places_taken: i64,
    /// Members at the end of the period.
    pub members: i64,
    /// Of those, experience experts.
    pub experience_experts: i64,
    /// Members who joined in the period.
    pub members_joined: i64,
    /// Questions the network raised in the period.
    pub questions_raised: i64,
    /// Questions raised to the network in the period.
    pub questions_received: i64,
}

/// A goal or a step (`parentId` names its goal), as it stands now.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportGoal {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub title: String,
    pub status: GoalStatus,
    #[schema(value_type = Option<String>, format = Date)]
    pub target_date: Option<NaiveDate>,
    /// The day it was achieved (UTC).
    #[schema(value_type = Option<String>, format = Date)]
    pub achieved_on: Option<NaiveDate>,
    #[schema(value_type = String, format = Date)]
    pub created_on: NaiveDate,
    /// Whether it was achieved in the period.
    pub achieved_in_period: bool,
}

/// A meeting held in the period.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportMeeting {
    pub id: i64,
    pub title: String,
    pub kind: MeetingKind,
    pub format: MeetingFormat,
    #[serde(serialize_with = "crate::web::http::time")]
    pub starts_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub ends_at: DateTime<Utc>,
    /// People who had a place (registered, not waiting). Who came is not
    /// kept; this is the best count there is.
    pub places_taken: i64,
}

/// How many members of one kind take part, by role, at the end of the
/// period. Counts only: never who.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportParticipants {
    pub kind: StakeholderKind,
    /// Coordinators and core group.
    pub core_group: i64,
    pub members: i64,
    pub partners: i64,
    pub total: i64,
}

/// Whether the network raised a question or received it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionDirection {
    Raised,
    Received,
}

/// A question raised by or to the network in the period.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportQuestion {
    pub id: i64,
    pub title: String,
    pub direction: QuestionDirection,
    /// The network it was raised to (`raised`) or by (`received`).
    pub other_network: NetworkRef,
    pub status: QuestionStatus,
    #[schema(value_type = String, format = Date)]
    pub raised_on: NaiveDate,
}

/// A network's progress over a period: for its partners, its municipality
/// and, in Flanders, the report on the "lokale afsprakennota". What you
/// may see of the network, with counts of people, never their names.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkReport {
    pub network: ReportNetwork,
    pub period: ReportPeriod,
    pub summary: ReportSummary,
    /// Goals and steps that existed at the end of the period, in the
    /// network's order, each goal before its steps.
    pub goals: Vec<ReportGoal>,
    /// Meetings held in the period, oldest first.
    pub meetings: Vec<ReportMeeting>,
    /// Every kind of stakeholder, in the order of the list of kinds.
    pub participants: Vec<ReportParticipants>,
    /// Questions raised by or to the network in the period, oldest first.
    pub questions: Vec<ReportQuestion>,
    /// Whether you see only what is public (members-only meetings and
    /// questions are then left out).
    pub public_view: bool,
    #[serde(serialize_with = "crate::web::http::time")]
    pub generated_at: DateTime<Utc>,
}

/// A pass for the report's page and CSV in a browser (a cookie).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportPassOut {
    /// The printable page; open it in the same browser.
    #[schema(example = "/api/v1/networks/3/report.html")]
    pub url: String,
    #[serde(serialize_with = "crate::web::http::time")]
    pub expires_at: DateTime<Utc>,
}
