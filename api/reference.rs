//! Reference data: the municipalities of the Netherlands (CBS codes,
//! compiled in from `data/gemeenten-2025.csv`), of Flanders and of Brussels
//! (Statbel's NIS codes, from `data/vlaamse-gemeenten-2025.csv` and
//! `data/brusselse-gemeenten-2025.csv`), and the topic list (a table, seeded
//! by a migration).

use std::sync::OnceLock;

use serde::Serialize;
use utoipa::ToSchema;

/// The country a municipality lies in (ISO 3166-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub enum Country {
    #[serde(rename = "NL")]
    Netherlands,
    #[serde(rename = "BE")]
    Belgium,
}

/// A municipality: Dutch ones by their CBS code, Flemish and Brussels ones
/// by their NIS code.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Municipality {
    /// CBS code (`GM` and four digits) or NIS code (five digits).
    #[schema(example = "GM0344")]
    pub code: String,
    #[schema(example = "Utrecht")]
    pub name: String,
    pub country: Country,
    /// CBS province code (`PV` and two digits), the NIS code of a Flemish
    /// province, or `04000` for the Brussels-Capital Region.
    #[schema(example = "PV26")]
    pub province_code: String,
    /// The province, or the Brussels-Capital Region.
    #[schema(example = "Utrecht")]
    pub province_name: String,
}

const MUNICIPALITIES_CSV: &str = include_str!("../data/gemeenten-2025.csv");
const FLEMISH_CSV: &str = include_str!("../data/vlaamse-gemeenten-2025.csv");
const BRUSSELS_CSV: &str = include_str!("../data/brusselse-gemeenten-2025.csv");

/// Splits one CSV line, honouring double quotes.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

/// The rows of a list whose first four columns are code, name, province
/// (or region) code and name.
fn read(csv: &str, country: Country) -> impl Iterator<Item = Municipality> + '_ {
    csv.lines()
        .skip(1)
        .map(csv_fields)
        .filter(|f| f.len() >= 4)
        .map(move |f| Municipality {
            code: f[0].trim().to_string(),
            name: f[1].trim().to_string(),
            country,
            province_code: f[2].trim().to_string(),
            province_name: if f[2].trim() == "PV21" {
                "Fryslân".to_string()
            } else {
                f[3].trim().to_string()
            },
        })
}

/// The topic slugs, as the topics migration seeds them (a test keeps the two
/// equal); the OpenAPI document lists them.
pub const TOPICS: &[&str] = &[
    "accessibility",
    "care",
    "culture",
    "digital_accessibility",
    "education",
    "events",
    "experience_expertise",
    "housing",
    "income",
    "information",
    "leisure",
    "local_policy",
    "participation",
    "public_space",
    "safety",
    "sport",
    "transport",
    "un_convention",
    "work",
    "youth",
];

/// All municipalities, sorted by code: the Flemish and Brussels ones (five
/// digits) first, then the Dutch ones.
pub fn municipalities() -> &'static [Municipality] {
    static LIST: OnceLock<Vec<Municipality>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut list: Vec<Municipality> = read(MUNICIPALITIES_CSV, Country::Netherlands)
            .chain(read(FLEMISH_CSV, Country::Belgium))
            .chain(read(BRUSSELS_CSV, Country::Belgium))
            .collect();
        list.sort_by(|a, b| a.code.cmp(&b.code));
        list
    })
}

/// The Dutch municipalities only, sorted by code.
pub fn dutch_municipalities() -> &'static [Municipality] {
    let list = municipalities();
    let first = list.partition_point(|m| m.country != Country::Netherlands);
    &list[first..]
}

/// The name of a province code (`PV20` ... `PV31`, a Flemish province's NIS
/// code, or `04000` for Brussels), if it is one.
pub fn province(code: &str) -> Option<&'static str> {
    municipalities()
        .iter()
        .find(|m| m.province_code == code)
        .map(|m| m.province_name.as_str())
}

/// The codes of a province's municipalities.
pub fn municipalities_of(province: &str) -> Vec<String> {
    municipalities()
        .iter()
        .filter(|m| m.province_code == province)
        .map(|m| m.code.clone())
        .collect()
}

pub fn municipality(code: &str) -> Option<&'static Municipality> {
    let list = municipalities();
    list.binary_search_by(|m| m.code.as_str().cmp(code))
        .ok()
        .map(|i| &list[i])
}

/// Why `code` is not a municipality code, naming the form it was written
/// in; `None` when it is one.
pub fn municipality_problem(code: &str) -> Option<&'static str> {
    if municipality(code).is_some() {
        return None;
    }
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    Some(match code.strip_prefix("GM") {
        Some(rest) if digits(rest, 4) => {
            "is not a Dutch municipality: no CBS code of 2025 (see GET /municipalities?country=NL)"
        }
        _ if digits(code, 5) => {
            "is not a Flemish or Brussels municipality: no NIS code of 2025, such as 44021 for Gent (see GET /municipalities?country=BE)"
        }
        _ => "is neither a CBS municipality code (GM and four digits, such as GM0344) nor a NIS code (five digits, such as 44021)",
    })
}

/// Why `code` is not a province code, naming the form it was written in;
/// `None` when it is one.
pub fn province_problem(code: &str) -> Option<&'static str> {
    if province(code).is_some() {
        return None;
    }
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    Some(match code.strip_prefix("PV") {
        Some(rest) if digits(rest, 2) => "is not a Dutch province: CBS codes run from PV20 to PV31",
        _ if digits(code, 5) => {
            "is not a Flemish province (10000, 20001, 30000, 40000 or 70000) nor Brussels (04000)"
        }
        _ => "is neither a CBS province code (such as PV23) nor a NIS code (such as 40000)",
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_topic_list_is_the_migrations() {
        for sql in [
            include_str!("../migrations/sqlite/2026-11-23-000002_topics/up.sql"),
            include_str!("../migrations/postgres/2026-11-23-000002_topics/up.sql"),
        ] {
            let seeded: Vec<&str> = sql
                .lines()
                .filter_map(|l| l.trim().strip_prefix("('"))
                .filter_map(|l| l.split('\'').next())
                .collect();
            assert_eq!(seeded, super::TOPICS);
        }
    }

    #[test]
    fn the_cbs_list_is_complete() {
        let list = super::dutch_municipalities();
        assert_eq!(list.len(), 342);
        assert_eq!(
            super::municipality("GM0344").map(|m| m.name.as_str()),
            Some("Utrecht")
        );
        assert!(list
            .iter()
            .any(|m| m.name == "Nuenen, Gerwen en Nederwetten"));
    }

    #[test]
    fn flanders_and_brussels_are_there_with_their_nis_codes() {
        use super::{municipality, municipality_problem, province, province_problem, Country};
        let all = super::municipalities();
        let belgian: Vec<_> = all
            .iter()
            .filter(|m| m.country == Country::Belgium)
            .collect();
        assert_eq!(belgian.len(), 285 + 19);
        assert_eq!(all.len(), 342 + 285 + 19);
        let gent = municipality("44021").expect("Gent");
        assert_eq!(
            (gent.name.as_str(), gent.province_name.as_str()),
            ("Gent", "Oost-Vlaanderen")
        );
        assert_eq!(
            municipality("21004").map(|m| m.province_code.as_str()),
            Some("04000")
        );
        assert_eq!(province("70000"), Some("Limburg"));
        assert_eq!(province("PV31"), Some("Limburg"));
        // Each wrong code is told in its own form.
        assert!(municipality_problem("GM9999").unwrap().contains("CBS"));
        assert!(municipality_problem("99999").unwrap().contains("NIS"));
        assert!(municipality_problem("Gent").unwrap().contains("neither"));
        assert_eq!(municipality_problem("GM0344"), None);
        assert!(province_problem("PV99").unwrap().contains("PV20"));
        assert!(province_problem("50000").unwrap().contains("Flemish"));
        assert_eq!(province_problem("40000"), None);
    }
}
