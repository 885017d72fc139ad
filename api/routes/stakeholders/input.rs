//! What a client sends to add or change a stakeholder, and the rules that
//! turn it into a profile: merge patch, consent before contact details and
//! access needs, known languages and municipalities, visibility defaults.

use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::db::models::StakeholderValues;
use crate::domain::{StakeholderKind, LANGUAGES};
use crate::queries::stakeholders::{show_as_suits_kind, Profile};
use crate::routes::{check_municipality, clean_tags, non_empty, validate_tag_list};
use crate::web::error::{ensure_valid, ApiError, Code, InvalidParam};
use crate::web::extract::{merge, merge_opt, nullable, Body};

use super::availability::{AvailabilityInput, MAX_HOURS_PER_MONTH};
use super::FieldVisibilityChoice;

/// A stakeholder as sent to create one (POST: `kind` and `name` required) or
/// to change one (PATCH: JSON merge patch).
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StakeholderInput {
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub kind: Option<Option<StakeholderKind>>,
    #[validate(length(min = 1, max = 120, message = "must have 1 to 120 characters"))]
    #[schema(min_length = 1, max_length = 120, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub name: Option<Option<String>>,
    #[validate(length(max = 200, message = "must have at most 200 characters"))]
    #[schema(max_length = 200)]
    #[serde(default, deserialize_with = "nullable")]
    pub organisation: Option<Option<String>>,
    #[validate(length(max = 2000, message = "must have at most 2000 characters"))]
    #[schema(max_length = 2000)]
    #[serde(default, deserialize_with = "nullable")]
    pub expertise: Option<Option<String>>,
    #[validate(custom(function = "validate_tag_list"))]
    #[schema(max_items = 20, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub talents: Option<Option<Vec<String>>>,
    #[schema(max_items = 20, nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub languages: Option<Option<Vec<String>>>,
    #[schema(pattern = "^GM[0-9]{4}$", example = "GM0344")]
    #[serde(default, deserialize_with = "nullable")]
    pub municipality_code: Option<Option<String>>,
    #[validate(
        email(message = "must be an e-mail address"),
        length(max = 254, message = "must have at most 254 characters")
    )]
    #[schema(format = "email", max_length = 254)]
    #[serde(default, deserialize_with = "nullable")]
    pub email: Option<Option<String>>,
    #[validate(custom(function = "validate_phone"))]
    #[schema(
        max_length = 40,
        pattern = "^[ +()-]*([0-9][ +()-]*){6,}$",
        example = "+31 30 123 45 67"
    )]
    #[serde(default, deserialize_with = "nullable")]
    pub phone: Option<Option<String>>,
    /// Consent to be listed publicly; default false.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub listed: Option<Option<bool>>,
    /// Consent to keep contact details and show them to co-members; default
    /// false. E-mail and phone are kept only with it; withdrawing it erases them.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub share_contact: Option<Option<bool>>,
    /// What you need to take part (a sign language interpreter, step-free
    /// access), never a diagnosis. Kept only with `accessNeedsConsent`.
    #[validate(length(max = 500, message = "must have at most 500 characters"))]
    #[schema(max_length = 500)]
    #[serde(default, deserialize_with = "nullable")]
    pub access_needs: Option<Option<String>>,
    /// Consent to keep access needs; withdrawing it erases them.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub access_needs_consent: Option<Option<bool>>,
    /// How much time the person has for a network's steps; shown with
    /// the talents, to whom the talents are shown. `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    pub availability: Option<Option<AvailabilityInput>>,
    /// Whether organisations and municipalities may find the person by
    /// talent and region (`GET /experts`); default false. A choice, like
    /// the consents: only for whoever may edit the profile.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "nullable")]
    pub findable: Option<Option<bool>>,
    /// Who may see which fields.
    #[schema(nullable = false)]
    #[serde(default, deserialize_with = "crate::web::extract::not_null")]
    pub visibility: Option<FieldVisibilityChoice>,
}

impl Body for StakeholderInput {
    const REQUIRED: &'static [&'static str] = &["kind", "name"];
}

fn validate_phone(phone: &str) -> Result<(), validator::ValidationError> {
    let ok = phone.chars().count() <= 40
        && phone.chars().filter(char::is_ascii_digit).count() >= 6
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c));
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("phone")
            .with_message("must be a phone number, such as +31 30 123 45 67".into()))
    }
}

impl StakeholderInput {
    /// A new profile from a `POST` body (also a row of the CSV import):
    /// what the body leaves out takes its default, the fields' visibility
    /// what suits the kind. 400 with every invalid field.
    pub fn into_profile(self, parse_errors: Vec<InvalidParam>) -> Result<Profile, ApiError> {
        let mut p = Profile {
            values: StakeholderValues {
                kind: StakeholderKind::Other.as_str().into(),
                ..StakeholderValues::default()
            },
            talents: Vec::new(),
            languages: Vec::new(),
        };
        let mut errors = parse_errors;
        self.apply(&mut p, &mut errors, true);
        // What the request did not choose shows what suits its kind.
        show_as_suits_kind(&mut p.values);
        ensure_valid(errors)?;
        Ok(p)
    }

    /// Applies the body to a profile, as a merge patch (`creating`: to a
    /// new one), adding what is wrong to `errors`.
    pub fn apply(self, p: &mut Profile, errors: &mut Vec<InvalidParam>, creating: bool) {
        let Profile {
            values: v,
            talents,
            languages,
        } = p;
        // Contact details without consent: invalid input when the request
        // itself decides the consent (a new profile, or the consent sent
        // along); at odds with the stored consent otherwise (409).
        let refused = |name: &str, reason: &str, consent_sent: bool| {
            let consent = if name == "accessNeeds" {
                "accessNeedsConsent"
            } else {
                "shareContact"
            };
            if creating || consent_sent {
                InvalidParam::new(name, Code::Consent, reason).expected(consent)
            } else {
                InvalidParam::conflict(name, Code::Consent, reason).expected(consent)
            }
        };
        let contact_consent_sent = self.share_contact.is_some();
        let needs_consent_sent = self.access_needs_consent.is_some();
        let mut kind = StakeholderKind::from_db(&v.kind);
        merge(&mut kind, self.kind, "kind", errors);
        v.kind = kind.as_str().into();
        merge(
            &mut v.name,
            self.name.map(|n| n.map(|s| s.trim().to_string())),
            "name",
            errors,
        );
        merge_opt(&mut v.organisation, self.organisation);
        v.organisation = non_empty(v.organisation.take());
        merge_opt(&mut v.expertise, self.expertise);
        v.expertise = non_empty(v.expertise.take());
        if let Some(t) = self.talents {
            *talents = clean_tags(t.unwrap_or_default());
        }
        if let Some(l) = self.languages {
            *languages = clean_tags(l.unwrap_or_default());
            let unknown: Vec<&str> = languages
                .iter()
                .filter(|l| !LANGUAGES.contains(&l.as_str()))
                .map(String::as_str)
                .collect();
            if !unknown.is_empty() {
                errors.push(
                    InvalidParam::new(
                        "languages",
                        Code::Enum,
                        format!(
                            "unknown language: {} (use one of {})",
                            unknown.join(", "),
                            LANGUAGES.join(", ")
                        ),
                    )
                    .allowed(LANGUAGES.iter()),
                );
            }
        }
        merge_opt(&mut v.municipality_code, self.municipality_code);
        check_municipality(v.municipality_code.as_deref(), errors);
        let sent_email = matches!(self.email, Some(Some(_)));
        let sent_phone = matches!(self.phone, Some(Some(_)));
        merge_opt(
            &mut v.email,
            self.email.map(|e| e.map(|s| s.trim().to_lowercase())),
        );
        v.email = non_empty(v.email.take());
        merge_opt(&mut v.phone, self.phone);
        v.phone = non_empty(v.phone.take());
        merge(&mut v.listed, self.listed, "listed", errors);
        merge(
            &mut v.share_contact,
            self.share_contact,
            "shareContact",
            errors,
        );
        if !v.share_contact {
            // Minimisation: contact details are kept only with consent.
            for (name, sent) in [("email", sent_email), ("phone", sent_phone)] {
                if sent {
                    errors.push(refused(
                        name,
                        "is kept only with your consent: set shareContact to true",
                        contact_consent_sent,
                    ));
                }
            }
            v.email = None;
            v.phone = None;
        }
        merge(
            &mut v.access_needs_consent,
            self.access_needs_consent,
            "accessNeedsConsent",
            errors,
        );
        let sent_needs = matches!(self.access_needs, Some(Some(_)));
        merge_opt(
            &mut v.access_needs,
            self.access_needs.map(|n| n.map(|t| t.trim().to_string())),
        );
        v.access_needs = non_empty(v.access_needs.take());
        if !v.access_needs_consent {
            if sent_needs {
                errors.push(refused(
                    "accessNeeds",
                    "is kept only with your consent: set accessNeedsConsent to true",
                    needs_consent_sent,
                ));
            }
            v.access_needs = None;
        }
        if let Some(a) = self.availability {
            let a = a.unwrap_or(AvailabilityInput {
                hours_per_month: None,
                occasional: false,
            });
            if a.hours_per_month
                .is_some_and(|h| !(1..=MAX_HOURS_PER_MONTH).contains(&h))
            {
                errors.push(
                    InvalidParam::new(
                        "availability.hoursPerMonth",
                        Code::Range,
                        format!("must be from 1 to {MAX_HOURS_PER_MONTH}"),
                    )
                    .bounds(Some(1), Some(MAX_HOURS_PER_MONTH.into())),
                );
            }
            v.availability_hours = a.hours_per_month;
            v.availability_occasional = a.occasional;
        }
        merge(&mut v.findable, self.findable, "findable", errors);
        if let Some(chosen) = self.visibility {
            for (slot, choice) in [
                (&mut v.organisation_visibility, chosen.organisation),
                (&mut v.expertise_visibility, chosen.expertise),
                (&mut v.talents_visibility, chosen.talents),
                (&mut v.languages_visibility, chosen.languages),
                (&mut v.municipality_visibility, chosen.municipality_code),
            ] {
                if let Some(choice) = choice {
                    *slot = choice.as_str().into();
                }
            }
        }
    }
}
