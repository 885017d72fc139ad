//! The articles of the UN Convention on the rights of persons with
//! disabilities (2006; in force for the Netherlands since 2016 and for
//! Belgium since 2009) that networks, goals and knowledge links are tagged
//! with: articles 1 to 33, the ones that say what the parties do. Their
//! short titles follow the Convention's English text and the Dutch
//! translation of the treaty (Tractatenblad 2007, 169).
//!
//! A row keeps its articles as text, sorted, each between commas
//! (`,9,30,`; `''` is none), so that a list filters by one article with
//! `LIKE '%,30,%'` on both backends.

use serde::Serialize;
use utoipa::ToSchema;

/// The highest article that can be tagged.
pub const LAST: i64 = 33;

/// An article of the Convention, with its short title.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// Its number: use it in `articles` and in the `article` filters.
    #[schema(example = 30)]
    pub number: i64,
    #[schema(example = "Deelname aan het culturele leven, recreatie, vrije tijd en sport")]
    pub title_nl: &'static str,
    #[schema(example = "Participation in cultural life, recreation, leisure and sport")]
    pub title_en: &'static str,
}

const fn a(number: i64, title_nl: &'static str, title_en: &'static str) -> Article {
    Article {
        number,
        title_nl,
        title_en,
    }
}

/// Articles 1 to 33, in order.
pub const ARTICLES: [Article; 33] = [
    a(1, "Doel", "Purpose"),
    a(2, "Definities", "Definitions"),
    a(3, "Algemene beginselen", "General principles"),
    a(4, "Algemene verplichtingen", "General obligations"),
    a(5, "Gelijkheid en non-discriminatie", "Equality and non-discrimination"),
    a(6, "Vrouwen met een handicap", "Women with disabilities"),
    a(7, "Kinderen met een handicap", "Children with disabilities"),
    a(8, "Bewustwording", "Awareness-raising"),
    a(9, "Toegankelijkheid", "Accessibility"),
    a(10, "Recht op leven", "Right to life"),
    a(
        11,
        "Risicovolle situaties en humanitaire noodsituaties",
        "Situations of risk and humanitarian emergencies",
    ),
    a(12, "Gelijkheid voor de wet", "Equal recognition before the law"),
    a(13, "Toegang tot de rechter", "Access to justice"),
    a(
        14,
        "Vrijheid en veiligheid van de persoon",
        "Liberty and security of the person",
    ),
    a(
        15,
        "Vrijwaring van foltering en van wrede, onmenselijke of vernederende behandeling of bestraffing",
        "Freedom from torture or cruel, inhuman or degrading treatment or punishment",
    ),
    a(
        16,
        "Vrijwaring van uitbuiting, geweld en misbruik",
        "Freedom from exploitation, violence and abuse",
    ),
    a(
        17,
        "Bescherming van de persoonlijke integriteit",
        "Protecting the integrity of the person",
    ),
    a(
        18,
        "Vrijheid van verplaatsing en nationaliteit",
        "Liberty of movement and nationality",
    ),
    a(
        19,
        "Zelfstandig wonen en deel uitmaken van de maatschappij",
        "Living independently and being included in the community",
    ),
    a(20, "Persoonlijke mobiliteit", "Personal mobility"),
    a(
        21,
        "Vrijheid van mening en meningsuiting en toegang tot informatie",
        "Freedom of expression and opinion, and access to information",
    ),
    a(22, "Eerbiediging van de privacy", "Respect for privacy"),
    a(
        23,
        "Eerbiediging van de woning en het gezinsleven",
        "Respect for home and the family",
    ),
    a(24, "Onderwijs", "Education"),
    a(25, "Gezondheid", "Health"),
    a(26, "Habilitatie en revalidatie", "Habilitation and rehabilitation"),
    a(27, "Werk en werkgelegenheid", "Work and employment"),
    a(
        28,
        "Behoorlijke levensstandaard en sociale bescherming",
        "Adequate standard of living and social protection",
    ),
    a(
        29,
        "Participatie in het politieke en openbare leven",
        "Participation in political and public life",
    ),
    a(
        30,
        "Deelname aan het culturele leven, recreatie, vrije tijd en sport",
        "Participation in cultural life, recreation, leisure and sport",
    ),
    a(
        31,
        "Statistieken en het verzamelen van gegevens",
        "Statistics and data collection",
    ),
    a(32, "Internationale samenwerking", "International cooperation"),
    a(
        33,
        "Nationale implementatie en toezicht",
        "National implementation and monitoring",
    ),
];

/// An article by its number.
pub fn article(number: i64) -> Option<&'static Article> {
    usize::try_from(number)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| ARTICLES.get(i))
}

/// A row's text for these articles: sorted, without duplicates, each
/// between commas.
pub fn join(articles: &[i64]) -> String {
    let mut list = articles.to_vec();
    list.sort_unstable();
    list.dedup();
    if list.is_empty() {
        return String::new();
    }
    let mut out = String::from(",");
    for n in list {
        out.push_str(&n.to_string());
        out.push(',');
    }
    out
}

/// The articles of a row's text, sorted.
pub fn split(text: &str) -> Vec<i64> {
    text.split(',').filter_map(|n| n.parse().ok()).collect()
}

/// An article's number as `network_articles` keeps it (checked to be 1
/// to 33 where it is read; anything else finds nothing).
pub fn number(article: i64) -> i32 {
    i32::try_from(article).unwrap_or(0)
}

/// The `LIKE` pattern of rows tagged with this article.
pub fn pattern(article: i64) -> String {
    format!("%,{article},%")
}

/// An `articles` list as sent: at most 33 entries, each 1 to 33.
pub fn validate(list: &[i64]) -> Result<(), validator::ValidationError> {
    if list.len() > ARTICLES.len() {
        let mut too_many = validator::ValidationError::new("length")
            .with_message("has more than 33 entries".into());
        too_many.add_param("max".into(), &ARTICLES.len());
        return Err(too_many);
    }
    if list.iter().any(|n| article(*n).is_none()) {
        let mut wrong = validator::ValidationError::new("range")
            .with_message("every entry must be an article from 1 to 33".into());
        wrong.add_param("min".into(), &1);
        wrong.add_param("max".into(), &LAST);
        return Err(wrong);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_numbered_in_order() {
        for (i, a) in ARTICLES.iter().enumerate() {
            assert_eq!(a.number, i as i64 + 1);
        }
        assert_eq!(article(30).map(|a| a.title_en), Some(ARTICLES[29].title_en));
        assert!(article(0).is_none() && article(34).is_none() && article(-1).is_none());
    }

    #[test]
    fn a_row_keeps_its_articles_sorted_between_commas() {
        assert_eq!(join(&[30, 9, 30]), ",9,30,");
        assert_eq!(join(&[]), "");
        assert_eq!(split(",9,30,"), vec![9, 30]);
        assert_eq!(split(""), Vec::<i64>::new());
        // Article 3 is not found by the pattern of article 30.
        assert!(!",30,".contains(&pattern(3).replace('%', "")));
    }

    #[test]
    fn a_list_outside_one_to_thirty_three_is_refused() {
        assert!(validate(&[1, 33]).is_ok());
        assert!(validate(&[0]).is_err());
        assert!(validate(&[34]).is_err());
    }
}
