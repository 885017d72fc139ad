//! Stakeholders: the people and organisations taking part.

use std::collections::HashMap;

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::accounts::auth::Auth;
use crate::db::models::{Stakeholder, StakeholderValues};
use crate::db::schema::{stakeholder_tags, stakeholders};
use crate::db::versioned::{self, Precondition};
use crate::db::{self, queries, DbConn};
use crate::domain::{FieldVisibility, StakeholderKind, LANGUAGES};
use crate::permissions::{self, Viewer};
use crate::reference::municipality;
use crate::routes::{clean_tags, non_empty, rank_page, validate_tag_list};
use crate::web::error::ensure_valid;
use crate::web::error::{ApiError, Code, InvalidParam};
use crate::web::extract::{merge, merge_opt};
use crate::web::extract::{nullable, Body, JsonBody, Query};
use crate::web::http::{created, etag, ok_with_etag, utc};
use crate::web::pagination::{Cursor, PageLinks, PageRequest};
use crate::{page_type, search, AppState};

/// Contact details: personal data, shown only to those allowed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactOut {
    #[schema(format = "email")]
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// Who may see each kind of field of a profile: `public`, `networks` (the
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

page_type!(StakeholderPage, StakeholderOut, "A page of stakeholders.");

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
    fn apply(
        self,
        v: &mut StakeholderValues,
        talents: &mut Vec<String>,
        languages: &mut Vec<String>,
        errors: &mut Vec<InvalidParam>,
        creating: bool,
    ) {
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
        if let Some(code) = &v.municipality_code {
            if municipality(code).is_none() {
                errors.push(
                    InvalidParam::new(
                        "municipalityCode",
                        Code::Reference,
                        "is not a CBS municipality code (see GET /municipalities)",
                    )
                    .expected("municipality"),
                );
            }
        }
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

impl From<&Stakeholder> for StakeholderValues {
    fn from(s: &Stakeholder) -> Self {
        StakeholderValues {
            kind: s.kind.clone(),
            name: s.name.clone(),
            organisation: s.organisation.clone(),
            expertise: s.expertise.clone(),
            municipality_code: s.municipality_code.clone(),
            email: s.email.clone(),
            phone: s.phone.clone(),
            listed: s.listed,
            share_contact: s.share_contact,
            access_needs: s.access_needs.clone(),
            access_needs_consent: s.access_needs_consent,
            organisation_visibility: s.organisation_visibility.clone(),
            expertise_visibility: s.expertise_visibility.clone(),
            talents_visibility: s.talents_visibility.clone(),
            languages_visibility: s.languages_visibility.clone(),
            municipality_visibility: s.municipality_visibility.clone(),
        }
    }
}

/// Contact details, for those [`permissions::may_see_contact`] allows.
pub fn contact_for(viewer: &Viewer, s: &Stakeholder, co_member: bool) -> Option<ContactOut> {
    let allowed = permissions::may_see_contact(viewer, s, co_member);
    (allowed && (s.email.is_some() || s.phone.is_some())).then(|| ContactOut {
        email: s.email.clone(),
        phone: s.phone.clone(),
    })
}

fn tags_of(
    conn: &mut DbConn,
    ids: &[i64],
) -> Result<HashMap<(i64, String), Vec<String>>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, String, String)> = stakeholder_tags::table
        .filter(db::in_ids(stakeholder_tags::stakeholder_id, ids))
        .order((
            stakeholder_tags::stakeholder_id,
            stakeholder_tags::kind,
            stakeholder_tags::value,
        ))
        .select((
            stakeholder_tags::stakeholder_id,
            stakeholder_tags::kind,
            stakeholder_tags::value,
        ))
        .load(conn)?;
    let mut map: HashMap<(i64, String), Vec<String>> = HashMap::new();
    for (id, kind, value) in rows {
        map.entry((id, kind)).or_default().push(value);
    }
    Ok(map)
}

/// Builds the wire form of several stakeholders with few queries, each
/// field as far as the viewer may see it (`permissions`).
pub fn present_all(
    conn: &mut DbConn,
    viewer: &Viewer,
    rows: Vec<Stakeholder>,
) -> Result<Vec<StakeholderOut>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|s| s.id).collect();
    let mut tags = tags_of(conn, &ids)?;
    let co = permissions::co_members(conn, viewer, &ids)?;
    let coordinated = permissions::coordinated_members(conn, viewer, &ids)?;
    Ok(rows
        .into_iter()
        .map(|s| {
            let co_member = co.contains(&s.id);
            let shows =
                |visibility: &str| permissions::may_see_field(viewer, &s, visibility, co_member);
            let (organisation, expertise, talents, languages, municipality) = (
                shows(&s.organisation_visibility),
                shows(&s.expertise_visibility),
                shows(&s.talents_visibility),
                shows(&s.languages_visibility),
                shows(&s.municipality_visibility),
            );
            let choices = permissions::may_see_choices(viewer, &s);
            let needs_visible =
                permissions::may_see_access_needs(viewer, &s, coordinated.contains(&s.id));
            StakeholderOut {
                talents: talents.then(|| tags.remove(&(s.id, "talent".into())).unwrap_or_default()),
                languages: languages
                    .then(|| tags.remove(&(s.id, "language".into())).unwrap_or_default()),
                can_edit: permissions::may_edit_profile(viewer, &s),
                has_account: s.user_id.is_some(),
                contact: contact_for(viewer, &s, co_member),
                listed: choices.then_some(s.listed),
                share_contact: choices.then_some(s.share_contact),
                access_needs_consent: choices.then_some(s.access_needs_consent),
                visibility: choices.then(|| FieldVisibilityOut {
                    organisation: FieldVisibility::from_db(&s.organisation_visibility),
                    expertise: FieldVisibility::from_db(&s.expertise_visibility),
                    talents: FieldVisibility::from_db(&s.talents_visibility),
                    languages: FieldVisibility::from_db(&s.languages_visibility),
                    municipality_code: FieldVisibility::from_db(&s.municipality_visibility),
                }),
                id: s.id,
                kind: StakeholderKind::from_db(&s.kind),
                name: s.name,
                organisation: s.organisation.filter(|_| organisation),
                expertise: s.expertise.filter(|_| expertise),
                municipality_code: s.municipality_code.filter(|_| municipality),
                access_needs: s.access_needs.filter(|_| needs_visible),
                created_at: utc(s.created_at),
                updated_at: utc(s.updated_at),
            }
        })
        .collect())
}

/// Loads a stakeholder the viewer may see: listed ones, their own, ones they
/// manage, co-members, or any as admin. Others do not exist (404).
fn visible(conn: &mut DbConn, viewer: &Viewer, id: i64) -> Result<Stakeholder, ApiError> {
    let s: Stakeholder = stakeholders::table
        .find(id)
        .select(Stakeholder::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("This stakeholder"))?;
    let co_member = !permissions::co_members(conn, viewer, &[id])?.is_empty();
    if permissions::may_see_stakeholder(viewer, &s, co_member) {
        Ok(s)
    } else {
        Err(ApiError::not_found("This stakeholder"))
    }
}

fn save_tags(conn: &mut DbConn, id: i64, kind: &str, values: &[String]) -> Result<(), ApiError> {
    diesel::delete(
        stakeholder_tags::table
            .filter(stakeholder_tags::stakeholder_id.eq(id))
            .filter(stakeholder_tags::kind.eq(kind)),
    )
    .execute(conn)?;
    for value in values {
        diesel::insert_into(stakeholder_tags::table)
            .values((
                stakeholder_tags::stakeholder_id.eq(id),
                stakeholder_tags::kind.eq(kind),
                stakeholder_tags::value.eq(value),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Filters for the stakeholder list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
#[expect(
    dead_code,
    reason = "documents the query for OpenAPI; read by extract::Query"
)]
pub struct StakeholderFilters {
    /// Search text in name, organisation, expertise and talents (Dutch-aware),
    /// as far as people show them to everyone.
    #[param(max_length = 200)]
    q: Option<String>,
    kind: Option<StakeholderKind>,
    /// A talent, such as `schrijven`: people who show their talents to
    /// everyone (and profiles you manage).
    talent: Option<String>,
    /// CBS municipality code: people who show their municipality to
    /// everyone (and profiles you manage).
    municipality: Option<String>,
    /// Only stakeholders changed at or after this time.
    updated_since: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<i64>,
    cursor: Option<String>,
}

/// List and search stakeholders
///
/// Stakeholders who agreed to be listed, plus the profiles you manage (all
/// of them for platform admins).
#[utoipa::path(
    tag = "Stakeholders",
    params(StakeholderFilters),
    responses((status = 200, description = "A page of stakeholders.", body = StakeholderPage)),
    security((), ("bearer" = [])),
)]
#[get("/stakeholders")]
pub async fn list_stakeholders(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let mut query = Query::new(&req);
    let q = query.text("q");
    let kind = query.parse::<StakeholderKind>("kind", StakeholderKind::NAMES);
    let talent = query.text("talent").map(|t| t.to_lowercase());
    let municipality_code = query.municipality("municipality");
    let updated_since = query.datetime("updatedSince");
    let page = PageRequest::read(&mut query);
    query.finish()?;
    let stats = state.search_stats.clone();
    let (items, next) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        // The filtered query, built anew for each use (boxed queries are
        // consumed by loading) and for each backend's own connection (see
        // `db::on_each!`).
        macro_rules! filtered {
            () => {{
                let mut sql = stakeholders::table
                    .select(Stakeholder::as_select())
                    .into_boxed();
                if !viewer.is_admin {
                    let me = viewer.user_id.unwrap_or(0);
                    sql = sql.filter(
                        stakeholders::listed
                            .eq(true)
                            .or(stakeholders::user_id.eq(me))
                            .or(stakeholders::user_id
                                .is_null()
                                .and(stakeholders::created_by.eq(me))),
                    );
                }
                if let Some(k) = kind {
                    sql = sql.filter(stakeholders::kind.eq(k.as_str()));
                }
                // A filter finds people only by what they show everyone.
                let me = viewer.user_id.unwrap_or(0);
                let public = FieldVisibility::Public.as_str();
                if let Some(t) = &talent {
                    sql = sql.filter(
                        stakeholders::id.eq_any(
                            stakeholder_tags::table
                                .filter(stakeholder_tags::kind.eq("talent"))
                                .filter(stakeholder_tags::value.eq(t.clone()))
                                .select(stakeholder_tags::stakeholder_id),
                        ),
                    );
                    if !viewer.is_admin {
                        sql = sql.filter(
                            stakeholders::talents_visibility
                                .eq(public)
                                .or(stakeholders::user_id.eq(me))
                                .or(stakeholders::user_id
                                    .is_null()
                                    .and(stakeholders::created_by.eq(me))),
                        );
                    }
                }
                if let Some(m) = &municipality_code {
                    sql = sql.filter(stakeholders::municipality_code.eq(m.clone()));
                    if !viewer.is_admin {
                        sql = sql.filter(
                            stakeholders::municipality_visibility
                                .eq(public)
                                .or(stakeholders::user_id.eq(me))
                                .or(stakeholders::user_id
                                    .is_null()
                                    .and(stakeholders::created_by.eq(me))),
                        );
                    }
                }
                if let Some(t) = updated_since {
                    sql = sql.filter(stakeholders::updated_at.ge(t.naive_utc()));
                }
                sql
            }};
        }
        let (rows, next) = match q {
            None => {
                let mut rows: Vec<Stakeholder> = db::on_each!(conn, c => filtered!()
                    .filter(stakeholders::id.gt(page.after_id()))
                    .order(stakeholders::id)
                    .limit(page.fetch_limit())
                    .load(c))?;
                let next = page.finish(&mut rows, |s| Cursor::Id(s.id));
                (rows, next)
            }
            Some(text) => {
                let ranked = search::search(conn, &stats, search::documents::STAKEHOLDER, &text)?;
                rank_page(
                    &ranked,
                    &page,
                    |s: &Stakeholder| s.id,
                    |ids| {
                        Ok(db::on_each!(conn, c => filtered!()
                            .filter(db::in_ids(stakeholders::id, &ids))
                            .load(c))?)
                    },
                )?
            }
        };
        Ok((present_all(conn, &viewer, rows)?, next))
    })
    .await?;
    let links = PageLinks::new(&req, &query, &page, next);
    Ok(HttpResponse::Ok().json(StakeholderPage { items, links }))
}

fn one(
    conn: &mut DbConn,
    viewer: &Viewer,
    s: Stakeholder,
) -> Result<(StakeholderOut, String), ApiError> {
    let tag = etag("stakeholder", s.id, s.version);
    let out = present_all(conn, viewer, vec![s])?
        .pop()
        .ok_or_else(|| ApiError::Internal("stakeholder vanished".into()))?;
    Ok((out, tag))
}

/// Adds a stakeholder managed by the viewer: the rules of
/// `POST /stakeholders`, also used by the CSV import.
pub fn create(
    conn: &mut DbConn,
    viewer: &Viewer,
    input: StakeholderInput,
    parse_errors: Vec<InvalidParam>,
) -> Result<i64, ApiError> {
    let mut v = StakeholderValues {
        kind: StakeholderKind::Other.as_str().into(),
        name: String::new(),
        organisation: None,
        expertise: None,
        municipality_code: None,
        email: None,
        phone: None,
        listed: false,
        share_contact: false,
        access_needs: None,
        access_needs_consent: false,
        organisation_visibility: String::new(),
        expertise_visibility: String::new(),
        talents_visibility: String::new(),
        languages_visibility: String::new(),
        municipality_visibility: String::new(),
    };
    let (mut talents, mut languages, mut errors) = (Vec::new(), Vec::new(), parse_errors);
    input.apply(&mut v, &mut talents, &mut languages, &mut errors, true);
    // What the request did not choose shows what suits its kind.
    let default = FieldVisibility::default_for(StakeholderKind::from_db(&v.kind)).as_str();
    for slot in [
        &mut v.organisation_visibility,
        &mut v.expertise_visibility,
        &mut v.talents_visibility,
        &mut v.languages_visibility,
        &mut v.municipality_visibility,
    ] {
        if slot.is_empty() {
            *slot = default.into();
        }
    }
    ensure_valid(errors)?;
    let now = db::now();
    let id: i64 = diesel::insert_into(stakeholders::table)
        .values((
            &v,
            stakeholders::created_by.eq(viewer.user_id),
            stakeholders::created_at.eq(now),
            stakeholders::updated_at.eq(now),
        ))
        .returning(stakeholders::id)
        .get_result(conn)?;
    save_tags(conn, id, "talent", &talents)?;
    save_tags(conn, id, "language", &languages)?;
    queries::stakeholders::index(conn, id, &v, &talents)?;
    crate::audit::record(
        conn,
        viewer.user_id,
        "stakeholder.created",
        "stakeholder",
        Some(id),
        None,
    )?;
    Ok(id)
}

/// Add a stakeholder
///
/// For an organisation, or a person without an account (with their
/// consent). You manage the profile you add.
#[utoipa::path(
    tag = "Stakeholders",
    request_body = StakeholderInput,
    responses((status = 201, description = "The stakeholder was added.", body = StakeholderOut,
        headers(("Location" = String, description = "Address of the new stakeholder"), ("ETag" = String, description = "Version tag")))),
    security(("bearer" = [])),
)]
#[post("/stakeholders")]
pub async fn create_stakeholder(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: Auth,
    body: JsonBody<StakeholderInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let (input, parse_errors) = body.with_errors();
    let (out, tag) = db::write(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let id = create(conn, &viewer, input, parse_errors)?;
        let s = stakeholders::table
            .find(id)
            .select(Stakeholder::as_select())
            .first(conn)?;
        one(conn, &viewer, s)
    })
    .await?;
    Ok(created(
        &req,
        &format!("/stakeholders/{}", out.id),
        &out,
        Some(&tag),
    ))
}

/// Read a stakeholder
///
/// Contact details only for those allowed.
#[utoipa::path(
    tag = "Stakeholders",
    params(("stakeholderId" = i64, Path, description = "Stakeholder id", minimum = 1)),
    responses(
        (status = 200, description = "The stakeholder.", body = StakeholderOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, description = "No such stakeholder, or you may not see them."),
    ),
    security((), ("bearer" = [])),
)]
#[get("/stakeholders/{stakeholderId}")]
pub async fn get_stakeholder(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (out, tag) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let s = visible(conn, &viewer, id)?;
        one(conn, &viewer, s)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// Change a stakeholder
///
/// Your own profile, a profile you added, or any as platform admin. JSON
/// merge patch; withdrawing consent hides details at once.
#[utoipa::path(
    tag = "Stakeholders",
    params(
        ("stakeholderId" = i64, Path, description = "Stakeholder id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    request_body(content = StakeholderInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The changed stakeholder.", body = StakeholderOut, headers(("ETag" = String, description = "Version tag"))),
        (status = 403, description = "You may not change this profile."),
        (status = 409, description = "Contact details or access needs without the stored consent; invalidParams names them."),
        (status = 404, description = "No such stakeholder, or you may not see them."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[patch("/stakeholders/{stakeholderId}")]
pub async fn update_stakeholder(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
    body: JsonBody<StakeholderInput>,
) -> Result<HttpResponse, ApiError> {
    auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    let (input, parse_errors) = body.with_errors();
    let (out, tag) = db::write(&state.pool, move |conn| {
        versioned::lock!(conn, stakeholders::table.find(id).select(stakeholders::id));
        let viewer = Viewer::load(conn, auth)?;
        let current = visible(conn, &viewer, id)?;
        if !permissions::may_edit_profile(&viewer, &current) {
            return Err(ApiError::Forbidden(
                "You may only change your own profile or profiles you added.".into(),
            ));
        }
        let mut v = StakeholderValues::from(&current);
        let tags = tags_of(conn, &[id])?;
        let mut talents = tags
            .get(&(id, "talent".into()))
            .cloned()
            .unwrap_or_default();
        let mut languages = tags
            .get(&(id, "language".into()))
            .cloned()
            .unwrap_or_default();
        let mut errors = parse_errors;
        input.apply(&mut v, &mut talents, &mut languages, &mut errors, false);
        precondition.check(errors, &etag("stakeholder", id, current.version))?;
        let changed = diesel::update(
            stakeholders::table
                .filter(stakeholders::id.eq(id))
                .filter(stakeholders::version.eq(current.version)),
        )
        .set((
            &v,
            stakeholders::updated_at.eq(db::now()),
            stakeholders::version.eq(current.version + 1),
        ))
        .execute(conn)?;
        versioned::one_row(changed)?;
        save_tags(conn, id, "talent", &talents)?;
        save_tags(conn, id, "language", &languages)?;
        queries::stakeholders::index(conn, id, &v, &talents)?;
        crate::audit::record(
            conn,
            viewer.user_id,
            "stakeholder.updated",
            "stakeholder",
            Some(id),
            None,
        )?;
        let s = stakeholders::table
            .find(id)
            .select(Stakeholder::as_select())
            .first(conn)?;
        one(conn, &viewer, s)
    })
    .await?;
    Ok(ok_with_etag(&out, &tag))
}

/// Remove a stakeholder
///
/// A profile you added (or any, as platform admin), with its memberships and
/// endorsements. Your own profile goes with your account (`DELETE /me`).
#[utoipa::path(
    tag = "Stakeholders",
    params(
        ("stakeholderId" = i64, Path, description = "Stakeholder id", minimum = 1),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; a stale one gives 412"),
    ),
    responses(
        (status = 204, description = "The stakeholder was removed."),
        (status = 403, description = "You may not remove this profile."),
        (status = 404, description = "No such stakeholder, or you may not see them."),
        (status = 409, description = "This is your own profile, or the last coordinator of a network."),
        (status = 412, description = "It changed since you read it."),
    ),
    security(("bearer" = [])),
)]
#[delete("/stakeholders/{stakeholderId}")]
pub async fn delete_stakeholder(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    let user_id = auth.required()?;
    let id = path.into_inner();
    let precondition = Precondition::from_request(&req);
    db::write(&state.pool, move |conn| {
        versioned::lock!(conn, stakeholders::table.find(id).select(stakeholders::id));
        let viewer = Viewer::load(conn, auth)?;
        let current = visible(conn, &viewer, id)?;
        if !permissions::may_edit_profile(&viewer, &current) {
            return Err(ApiError::Forbidden(
                "You may only remove profiles you added.".into(),
            ));
        }
        if current.user_id == Some(user_id) {
            return Err(ApiError::Conflict(
                "This is your own profile; delete your account instead (DELETE /me).".into(),
            ));
        }
        precondition.matches(&etag("stakeholder", id, current.version))?;
        crate::routes::members::ensure_not_last_coordinator_anywhere(conn, id)?;
        versioned::one_row(
            diesel::delete(
                stakeholders::table
                    .filter(stakeholders::id.eq(id))
                    .filter(stakeholders::version.eq(current.version)),
            )
            .execute(conn)?,
        )?;
        if let Some(account) = current.user_id {
            // An admin erasing a person erases their account with it.
            diesel::delete(crate::db::schema::users::table.find(account)).execute(conn)?;
            crate::audit::record(
                conn,
                viewer.user_id,
                "account.erased",
                "user",
                Some(account),
                None,
            )?;
        }
        crate::audit::record(
            conn,
            viewer.user_id,
            "stakeholder.erased",
            "stakeholder",
            Some(id),
            None,
        )?;
        search::remove(conn, search::documents::STAKEHOLDER, id)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
