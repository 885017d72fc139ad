//! A network's house rules (spelregels): read by whoever sees the network,
//! changed by coordinators (each change a new version, the old ones kept),
//! accepted by members, who read the members' messages only after they
//! accepted the current version (`permissions::must_accept_house_rules`).

mod accept;
mod read;
mod types;
mod update;

pub use accept::accept_house_rules;
pub use read::{get_house_rules, list_house_rule_versions};
pub use types::{AcceptanceInput, HouseRulesInput, HouseRulesList, HouseRulesOut};
pub use update::update_house_rules;
