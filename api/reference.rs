//! Reference data: the CBS municipality list (compiled in from
//! `data/gemeenten-2025.csv`) and the topic list (a table, seeded by a migration).

use std::sync::OnceLock;

use serde::Serialize;
use utoipa::ToSchema;

/// A Dutch municipality as registered by CBS.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Municipality {
    /// CBS municipality code.
    #[schema(example = "GM0344")]
    pub code: String,
    #[schema(example = "Utrecht")]
    pub name: String,
    /// CBS province code.
    #[schema(example = "PV26")]
    pub province_code: String,
    #[schema(example = "Utrecht")]
    pub province_name: String,
}

const MUNICIPALITIES_CSV: &str = include_str!("../data/gemeenten-2025.csv");

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

/// All municipalities, sorted by code.
pub fn municipalities() -> &'static [Municipality] {
    static LIST: OnceLock<Vec<Municipality>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut list: Vec<Municipality> = MUNICIPALITIES_CSV
            .lines()
            .skip(1)
            .map(csv_fields)
            .filter(|f| f.len() >= 4)
            .map(|f| Municipality {
                code: f[0].trim().to_string(),
                name: f[1].trim().to_string(),
                province_code: f[2].trim().to_string(),
                province_name: if f[2].trim() == "PV21" {
                    "Fryslân".to_string()
                } else {
                    f[3].trim().to_string()
                },
            })
            .collect();
        list.sort_by(|a, b| a.code.cmp(&b.code));
        list
    })
}

/// The name of a CBS province code (`PV20` ... `PV31`), if it is one.
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
        let list = super::municipalities();
        assert_eq!(list.len(), 342);
        assert_eq!(
            super::municipality("GM0344").map(|m| m.name.as_str()),
            Some("Utrecht")
        );
        assert!(list
            .iter()
            .any(|m| m.name == "Nuenen, Gerwen en Nederwetten"));
    }
}
