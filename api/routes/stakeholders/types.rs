//! The stakeholders' wire types: what a profile looks like to a viewer, and
//! the filters of the list.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{FieldVisibility, StakeholderKind};
use crate::page_type;
use crate::web::params;

/// Contact details: personal data, shown only to those allowed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactOut {
    #[schema(format = "email")]
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// How much time a person has for a network's steps.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AvailabilityOut {
    /// Hours a month; `null` for no fixed number.
    pub hours_per_month: Option<i32>,
    /// Now and then.
    pub occasional: bool,
}

impl AvailabilityOut {
    /// What a profile's row says, if it says anything.
    pub fn of(hours: Option<i32>, occasional: bool) -> Option<AvailabilityOut> {
        (hours.is_some() || occasional).then_some(AvailabilityOut {
            hours_per_month: hours,
            occasional,
        })
    }
}

/// Who may see each kind of field of a profile: `public`, `platform`
/// (everyone signed in), `networks` (the
/// co-members of the networks the person joined themselves) or `nobody`
/// (only the person, whoever manages the profile, and platform admins).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FieldVisibilityOut {
    pub organisation: FieldVisibility,
    pub expertise: FieldVisibility,
    pub talents: FieldVisibility,
    pub languages: FieldVisibility,
    pub municipality_code: FieldVisibility,
}

/// A change of who may see which fields; fields left out stay as they are.
/// A new person's profile shows nothing beyond name, kind and role; a new
/// organisation's shows everything.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FieldVisibilityChoice {
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub organisation: Option<FieldVisibility>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub expertise: Option<FieldVisibility>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub talents: Option<FieldVisibility>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub languages: Option<FieldVisibility>,
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub municipality_code: Option<FieldVisibility>,
}

/// A person or organisation taking part in networks. Each kind of field
/// appears as far as the person chose (`visibility`); a field you may not
/// see is `null`, or left out for lists.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StakeholderOut {
    pub id: i64,
    pub kind: StakeholderKind,
    pub name: String,
    pub organisation: Option<String>,
    /// What they know about, in their own words.
    pub expertise: Option<String>,
    /// Talents they offer (writing, design, IT, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub talents: Option<Vec<String>>,
    /// Languages they use (ISO 639-1; `ngt`/`vgt` for sign language).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub languages: Option<Vec<String>>,
    /// CBS municipality code.
    pub municipality_code: Option<String>,
    /// Consent to be listed publicly (name, kind, roles). Like the other
    /// consents and `visibility`: only for whoever may edit the profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub listed: Option<bool>,
    /// Consent to keep contact details and show them to co-members of their
    /// networks. Without it no contact details are kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub share_contact: Option<bool>,
    /// Consent to keep access needs. Without it none are kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub access_needs_consent: Option<bool>,
    /// How much time they have; shown with the talents, to whom the
    /// talents are shown, and left out when not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub availability: Option<AvailabilityOut>,
    /// Whether organisations may find them by talent and region (`GET
    /// /experts`). Only for whoever may edit the profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub findable: Option<bool>,
    /// Who may see which fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub visibility: Option<FieldVisibilityOut>,
    /// Whether this stakeholder is a person with an account.
    pub has_account: bool,
    /// Only for those allowed: the person themselves, whoever manages the
    /// profile, platform admins, and co-members (through networks the person
    /// joined themselves) when `shareContact` is on.
    pub contact: Option<ContactOut>,
    /// What the person needs to take part (a sign language interpreter,
    /// step-free access). Only for the person, whoever manages the profile,
    /// admins, and coordinators of networks the person joined themselves.
    pub access_needs: Option<String>,
    /// Whether you may change this profile.
    pub can_edit: bool,
    #[serde(serialize_with = "crate::web::http::time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::web::http::time")]
    pub updated_at: DateTime<Utc>,
}

page_type!(
    StakeholderPage,
    StakeholderOut,
    "A page of stakeholders.",
    synced: Stakeholder
);

crate::list_filters! {
    /// Filters for the stakeholder list.
    pub struct StakeholderFilters {
        /// Search text in name, organisation, expertise and talents (Dutch-aware),
        /// as far as people show them to everyone.
        #[param(max_length = 200)]
        #[serde(default, deserialize_with = "params::text")]
        pub q: Option<String>,
        #[serde(default, deserialize_with = "params::choice")]
        pub kind: Option<StakeholderKind>,
        /// A talent, such as `schrijven`: people who show their talents to
        /// everyone (and profiles you manage).
        #[serde(default, deserialize_with = "params::text")]
        pub talent: Option<String>,
        /// CBS municipality code: people who show their municipality to
        /// everyone (and profiles you manage).
        #[serde(default, deserialize_with = "params::municipality")]
        pub municipality: Option<String>,
        /// Only stakeholders changed at or after this time. The first page then also
        /// lists what was deleted since (`deleted`); at most
        /// `DELETION_RETENTION_DAYS` (90) ago, else 400.
        #[serde(default, deserialize_with = "params::date_time")]
        pub updated_since: Option<DateTime<Utc>>,
    }
}

impl crate::web::pagination::Synced for StakeholderFilters {
    fn updated_since(&self) -> Option<DateTime<Utc>> {
        self.updated_since
    }
}
