//! What the map endpoints answer, and the drawing's query.

use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::domain::{GoalStatus, MailLanguage, MapMeasure, NetworkStatus, StakeholderKind};
use crate::reference::Country;
use crate::web::params;

/// A municipality with the figures of its public local networks.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MunicipalityFigures {
    /// CBS or NIS code.
    #[schema(example = "GM0344")]
    pub code: String,
    pub name: String,
    pub country: Country,
    pub province_code: String,
    pub province_name: String,
    /// Public local networks that are not closed.
    pub networks: i64,
    /// Of those, the active ones.
    pub active_networks: i64,
    /// Their memberships (a person in two networks counts twice).
    pub members: i64,
    /// Memberships of experience experts.
    pub experience_experts: i64,
    /// Goals and steps achieved.
    pub goals_achieved: i64,
}

/// The figures of every municipality, with what they add up to.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MapFigures {
    /// Every municipality of the Netherlands, Flanders and Brussels, by code.
    pub items: Vec<MunicipalityFigures>,
    /// Municipalities with at least one active network.
    pub municipalities_with_active_network: i64,
    pub active_networks: i64,
    pub experience_experts: i64,
    pub goals_achieved: i64,
}

/// What the drawing shades, and in which language it speaks.
#[derive(Debug, Default, serde::Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct MapQuery {
    /// What each municipality is shaded by (default `active_networks`).
    #[param(inline, value_type = Option<MapMeasure>)]
    #[serde(default, deserialize_with = "params::choice")]
    pub measure: Option<MapMeasure>,
    /// `nl` (default) or `en`: the words of the title, the legend and
    /// each municipality's name with its figure.
    #[param(inline, value_type = Option<MailLanguage>)]
    #[serde(default, deserialize_with = "params::choice")]
    pub lang: Option<MailLanguage>,
    /// An article of the UN Convention (1 to 33): only the networks that
    /// work on it (tagged with it, or with a goal tagged with it).
    #[param(minimum = 1, maximum = 33)]
    #[serde(default, deserialize_with = "params::article")]
    pub article: Option<i64>,
}

/// Which networks the figures count.
#[derive(Debug, Default, serde::Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct FiguresQuery {
    /// An article of the UN Convention (1 to 33): only the networks that
    /// work on it (tagged with it, or with a goal tagged with it).
    #[param(minimum = 1, maximum = 33)]
    #[serde(default, deserialize_with = "params::article")]
    pub article: Option<i64>,
}

/// A public local network of a municipality.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LocalNetwork {
    pub id: i64,
    pub name: String,
    pub status: NetworkStatus,
}

/// How many memberships of one kind.
#[derive(Debug, Serialize, ToSchema)]
pub struct MembersOfKind {
    pub kind: StakeholderKind,
    pub count: i64,
}

/// How many goals and steps with one status.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoalsOfStatus {
    pub status: GoalStatus,
    pub count: i64,
}

/// One municipality's figures in detail: its public local networks (not
/// closed) with their status, their memberships per kind and their goals
/// per status.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MunicipalityDetail {
    /// CBS or NIS code.
    #[schema(example = "GM0344")]
    pub code: String,
    pub name: String,
    pub country: Country,
    pub province_code: String,
    pub province_name: String,
    pub networks: Vec<LocalNetwork>,
    /// Every kind, in order (a person in two networks counts twice).
    pub members_by_kind: Vec<MembersOfKind>,
    /// Every status, in order.
    pub goals_by_status: Vec<GoalsOfStatus>,
}
