//! The parts of the report's page, each a heading with a table (with its
//! caption and column heads) or a sentence when there is nothing to show.

use super::html::{heading, para, table};
use super::types::NetworkReport;
use super::words::Lang;

pub(super) fn summary(o: &mut String, r: &NetworkReport, lang: Lang) {
    let l = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let s = &r.summary;
    heading(o, "kort", l("In het kort", "In short"));
    let rows: Vec<Vec<String>> = [
        (l("Doelen behaald", "Goals achieved"), s.goals_achieved),
        (l("Stappen behaald", "Steps achieved"), s.steps_achieved),
        (
            l(
                "Doelen en stappen die nog open zijn",
                "Goals and steps still open",
            ),
            s.goals_open,
        ),
        (
            l("Bijeenkomsten gehouden", "Meetings held"),
            s.meetings_held,
        ),
        (
            l("Bijeenkomsten afgelast", "Meetings cancelled"),
            s.meetings_cancelled,
        ),
        (
            l(
                "Plaatsen bezet bij bijeenkomsten",
                "Places taken at meetings",
            ),
            s.places_taken,
        ),
        (l("Leden", "Members"), s.members),
        (
            l(
                "Ervaringsdeskundigen onder de leden",
                "Experience experts among the members",
            ),
            s.experience_experts,
        ),
        (l("Nieuwe leden", "New members"), s.members_joined),
        (
            l(
                "Vragen gesteld aan een ander netwerk",
                "Questions raised to another network",
            ),
            s.questions_raised,
        ),
        (
            l(
                "Vragen gekregen van een ander netwerk",
                "Questions received from another network",
            ),
            s.questions_received,
        ),
    ]
    .into_iter()
    .map(|(k, v)| vec![k.to_string(), v.to_string()])
    .collect();
    table(
        o,
        l("De cijfers van deze periode", "The figures of this period"),
        &[l("Wat", "What"), l("Aantal", "Number")],
        &rows,
    );
}

pub(super) fn goals(o: &mut String, r: &NetworkReport, lang: Lang) {
    let l = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    heading(o, "doelen", l("Doelen en stappen", "Goals and steps"));
    if r.goals.is_empty() {
        para(
            o,
            "",
            l(
                "Dit netwerk had nog geen doelen.",
                "This network had no goals yet.",
            ),
        );
        return;
    }
    para(
        o,
        "",
        l(
            "Een stap hoort bij het doel erboven. De stand is die van vandaag.",
            "A step belongs to the goal above it. The status is today's.",
        ),
    );
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| lang.date(d)).unwrap_or_else(|| "-".into());
    let rows: Vec<Vec<String>> = r
        .goals
        .iter()
        .map(|g| {
            vec![
                g.title.clone(),
                if g.parent_id.is_some() {
                    l("Stap", "Step")
                } else {
                    l("Doel", "Goal")
                }
                .into(),
                lang.goal_status(g.status).into(),
                date(g.target_date),
                date(g.achieved_on),
                lang.yes_no(g.achieved_in_period).into(),
            ]
        })
        .collect();
    let heads = [
        l("Doel of stap", "Goal or step"),
        l("Soort", "Kind"),
        l("Stand", "Status"),
        l("Streefdatum", "Target date"),
        l("Behaald op", "Achieved on"),
        l("Behaald in deze periode", "Achieved in this period"),
    ];
    table(
        o,
        l(
            "Doelen en stappen, met hun stand",
            "Goals and steps, with their status",
        ),
        &heads,
        &rows,
    );
}

pub(super) fn meetings(o: &mut String, r: &NetworkReport, lang: Lang) {
    let l = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    heading(o, "bijeenkomsten", l("Bijeenkomsten", "Meetings"));
    let cancelled = r.summary.meetings_cancelled;
    if r.meetings.is_empty() {
        para(
            o,
            "",
            l(
                "In deze periode waren er geen bijeenkomsten.",
                "There were no meetings in this period.",
            ),
        );
    } else {
        let rows: Vec<Vec<String>> = r
            .meetings
            .iter()
            .map(|m| {
                vec![
                    m.title.clone(),
                    lang.date(m.starts_at.date_naive()),
                    lang.meeting_kind(m.kind).into(),
                    lang.meeting_format(m.format).into(),
                    m.places_taken.to_string(),
                ]
            })
            .collect();
        let heads = [
            l("Bijeenkomst", "Meeting"),
            l("Datum", "Date"),
            l("Soort", "Kind"),
            l("Vorm", "Format"),
            l("Plaatsen bezet", "Places taken"),
        ];
        table(
            o,
            l("Bijeenkomsten die zijn gehouden", "Meetings held"),
            &heads,
            &rows,
        );
    }
    if cancelled > 0 {
        let text = format!(
            "{} {cancelled}.",
            l("Afgelaste bijeenkomsten", "Meetings cancelled")
        );
        para(o, "", &text);
    }
}

pub(super) fn people(o: &mut String, r: &NetworkReport, lang: Lang) {
    let l = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    heading(o, "wie", l("Wie doet mee", "Who takes part"));
    para(
        o,
        "",
        l(
            "Zo veel leden had het netwerk aan het eind van de periode, per soort.",
            "This many members the network had at the end of the period, by kind.",
        ),
    );
    let rows: Vec<Vec<String>> = r
        .participants
        .iter()
        .map(|p| {
            vec![
                lang.kinds(p.kind).into(),
                p.core_group.to_string(),
                p.members.to_string(),
                p.partners.to_string(),
                p.total.to_string(),
            ]
        })
        .collect();
    let heads = [
        l("Soort", "Kind"),
        l("Kerngroep", "Core group"),
        l("Leden", "Members"),
        l("Partners", "Partners"),
        l("Samen", "Total"),
    ];
    table(
        o,
        l("Leden per soort en rol", "Members by kind and role"),
        &heads,
        &rows,
    );
}

pub(super) fn questions(o: &mut String, r: &NetworkReport, lang: Lang) {
    let l = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    heading(o, "vragen", l("Vragen", "Questions"));
    if r.questions.is_empty() {
        para(
            o,
            "",
            l(
                "In deze periode waren er geen vragen.",
                "There were no questions in this period.",
            ),
        );
        return;
    }
    let rows: Vec<Vec<String>> = r
        .questions
        .iter()
        .map(|q| {
            vec![
                q.title.clone(),
                lang.date(q.raised_on),
                lang.direction(q.direction).into(),
                q.other_network.name.clone(),
                lang.question_status(q.status).into(),
            ]
        })
        .collect();
    let heads = [
        l("Vraag", "Question"),
        l("Datum", "Date"),
        l("Richting", "Direction"),
        l("Ander netwerk", "Other network"),
        l("Stand", "Status"),
    ];
    table(
        o,
        l(
            "Vragen aan en van andere netwerken",
            "Questions to and from other networks",
        ),
        &heads,
        &rows,
    );
}
