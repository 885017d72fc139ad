//! The drawing's words in Dutch and English: the kinds as the web names
//! them (`web/i18n`), the rings, the signals and the legend.

use crate::domain::{BalanceSignal, StakeholderKind};

/// A kind in the plural, as a sector of the map is named.
pub fn kind_plural(kind: StakeholderKind, nl: bool) -> &'static str {
    use StakeholderKind::*;
    match (kind, nl) {
        (ExperienceExpert, true) => "Ervaringsdeskundigen",
        (ExperienceExpert, false) => "Experience experts",
        (UnAmbassador, true) => "VN-ambassadeurs",
        (UnAmbassador, false) => "UN ambassadors",
        (InterestOrganisation, true) => "Belangenorganisaties",
        (InterestOrganisation, false) => "Interest organisations",
        (Company, true) => "Bedrijven",
        (Company, false) => "Companies",
        (Professional, _) => "Professionals",
        (KnowledgeInstitution, true) => "Kennisinstellingen",
        (KnowledgeInstitution, false) => "Knowledge institutions",
        (Municipality, true) => "Gemeenten",
        (Municipality, false) => "Municipalities",
        (Other, true) => "Anderen",
        (Other, false) => "Others",
    }
}

/// The three rings, from the inside out.
pub fn rings(nl: bool) -> [&'static str; 3] {
    if nl {
        ["Kerngroep", "Leden", "Partners"]
    } else {
        ["Core group", "Members", "Partners"]
    }
}

/// What a signal says, on the map itself.
pub fn signal(signal: BalanceSignal, nl: bool) -> &'static str {
    match (signal, nl) {
        (BalanceSignal::NoExperienceExpertInCoreGroup, true) => {
            "Let op: er zit geen ervaringsdeskundige in de kerngroep. Niets over ons zonder ons."
        }
        (BalanceSignal::NoExperienceExpertInCoreGroup, false) => {
            "Note: no experience expert in the core group. Nothing about us without us."
        }
        (BalanceSignal::NoExperienceExpert, true) => {
            "Let op: er doet nog geen ervaringsdeskundige mee. Niets over ons zonder ons."
        }
        (BalanceSignal::NoExperienceExpert, false) => {
            "Note: no experience expert takes part yet. Nothing about us without us."
        }
    }
}

/// The legend, line by line.
pub fn legend(nl: bool) -> [&'static str; 2] {
    if nl {
        [
            "Binnen de kerngroep, in het midden de leden, buiten de partners. Het getal is het aantal.",
            "Een gestippelde cirkel is een open plek: wie zoeken we nog?",
        ]
    } else {
        [
            "Inside the core group, in the middle the members, outside the partners. The figure is how many.",
            "A dashed circle is an open seat: who are we still looking for?",
        ]
    }
}
