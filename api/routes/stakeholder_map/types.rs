//! The stakeholder map as the API gives it, built from the rows.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::models::{Network, OpenSeat};
use crate::domain::{BalanceSignal, MailLanguage, Role, StakeholderKind};
use crate::queries::stakeholder_map::AtTable;
use crate::routes::open_seats::OpenSeatOut;
use crate::web::params;

/// A member named on the map (one who agreed to be listed).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NamedStakeholder {
    pub stakeholder_id: i64,
    pub name: String,
}

/// The members of one role and kind.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TablePlace {
    pub role: Role,
    pub kind: StakeholderKind,
    pub count: i64,
    /// Those who agreed to be listed; the others are only counted.
    pub named: Vec<NamedStakeholder>,
}

/// Who is at a network's table, and who it still looks for.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StakeholderMapOut {
    pub network_id: i64,
    pub network_name: String,
    /// Every role and kind with members: the core group (coordinators and
    /// core group) first, then members, then partners; within a role, the
    /// kinds in their fixed order.
    pub places: Vec<TablePlace>,
    /// Who the core group still looks for ("wie zoeken we nog").
    pub open_seats: Vec<OpenSeatOut>,
    pub members: i64,
    /// Coordinators and core group.
    pub core_group: i64,
    /// Members who speak from experience (experience experts and UN
    /// ambassadors).
    pub experience_experts: i64,
    pub experience_experts_in_core_group: i64,
    /// What the map warns of (one signal at most); empty when the table
    /// is in balance.
    pub signals: Vec<BalanceSignal>,
}

impl StakeholderMapOut {
    /// The map of a network from its members and open seats.
    pub fn new(network: &Network, at_table: Vec<AtTable>, seats: Vec<OpenSeat>) -> Self {
        // One pass over the members: each lands in its (role, kind) cell,
        // and the cells come out in the order of `Role::ALL`, then
        // `StakeholderKind::ALL` (the order their variants are declared in).
        let mut cells: std::collections::BTreeMap<(Role, StakeholderKind), TablePlace> =
            std::collections::BTreeMap::new();
        for m in &at_table {
            let place = cells.entry((m.role, m.kind)).or_insert_with(|| TablePlace {
                role: m.role,
                kind: m.kind,
                count: 0,
                named: Vec::new(),
            });
            place.count += 1;
            if let Some(name) = &m.name {
                place.named.push(NamedStakeholder {
                    stakeholder_id: m.stakeholder_id,
                    name: name.clone(),
                });
            }
        }
        let places: Vec<TablePlace> = cells.into_values().collect();
        let count = |f: &dyn Fn(&AtTable) -> bool| at_table.iter().filter(|m| f(m)).count() as i64;
        let members = at_table.len() as i64;
        let core_group = count(&|m| m.role.is_core());
        let experience_experts = count(&|m| m.kind.is_experience_expert());
        let experience_experts_in_core_group =
            count(&|m| m.role.is_core() && m.kind.is_experience_expert());
        let mut signals = Vec::new();
        // One warning: nobody at the table says more than nobody in the
        // core group.
        if members > 0 && experience_experts == 0 {
            signals.push(BalanceSignal::NoExperienceExpert);
        } else if core_group > 0 && experience_experts_in_core_group == 0 {
            signals.push(BalanceSignal::NoExperienceExpertInCoreGroup);
        }
        StakeholderMapOut {
            network_id: network.id,
            network_name: network.name.clone(),
            places,
            open_seats: seats.into_iter().map(OpenSeatOut::from).collect(),
            members,
            core_group,
            experience_experts,
            experience_experts_in_core_group,
            signals,
        }
    }
}

/// The drawing's language, and whether it is a download.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct DrawingQuery {
    /// `nl` (default) or `en`.
    #[param(inline, value_type = Option<MailLanguage>)]
    #[serde(default, deserialize_with = "params::choice")]
    pub lang: Option<MailLanguage>,
    /// `true`: sent as a file to save (`Content-Disposition: attachment`).
    #[serde(default, deserialize_with = "params::flag")]
    pub download: Option<bool>,
}
