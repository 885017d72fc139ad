//! Demo data of the national agenda: Inclusief Drenthe raised a question to
//! the national Netwerk Inclusieve Gemeenten; the museum network supports
//! it; the national network put it on its agenda and answered it. A second
//! question, from Overijssel, is still open, with Drenthe's support.

use chrono::Duration;
use diesel::prelude::*;

use super::{id_of, Loader};
use crate::db::schema::{agenda_items, meetings, question_events, question_supports, questions};
use crate::domain::{AgendaStatus, QuestionEventKind, QuestionStatus};
use crate::web::error::ApiError;

/// One question: who raised it to whom, its words, who supports it, and
/// the steps the receiving network took (days ago, with what it said).
struct QuestionSeed {
    from: &'static str,
    to: &'static str,
    title: &'static str,
    question: &'static str,
    beyond: &'static str,
    tried: &'static str,
    links: &'static str,
    supporters: &'static [(&'static str, &'static str)],
    steps: &'static [(QuestionStatus, &'static str)],
}

const QUESTIONS: &[QuestionSeed] = &[
    QuestionSeed {
        from: "drenthe",
        to: "nig",
        title: "Vervoer op maat stopt bij de gemeentegrens",
        question: "Hoe zorgen we dat inwoners met een beperking met het vervoer op maat ook naar \
                   de gemeente ernaast kunnen, zonder dat ze twee ritten moeten boeken?",
        beyond: "Elke gemeente koopt het vervoer apart in. In Drenthe alleen al zijn het twaalf \
                 regelingen. Dit lossen we niet op met één gemeente.",
        tried: "We spraken met de wethouders van Assen en Emmen. Zij willen wel, maar wachten \
                op elkaar.",
        links: "https://www.vn-verdragwerkt.nl/",
        supporters: &[(
            "musea",
            "Wij herkennen dit ook: bezoekers uit de regio komen daardoor niet naar onze musea.",
        )],
        steps: &[
            (QuestionStatus::Received, ""),
            (
                QuestionStatus::OnAgenda,
                "We bespreken dit op onze volgende bijeenkomst.",
            ),
            (
                QuestionStatus::Answered,
                "We hebben een voorbeeldtekst gemaakt voor een regeling over de grens. \
                 Drie provincies proberen die dit jaar uit. We delen wat werkt.",
            ),
        ],
    },
    QuestionSeed {
        from: "overijssel",
        to: "nig",
        title: "Stembureaus die voor iedereen toegankelijk zijn",
        question: "Kan er één lijst komen met eisen voor een toegankelijk stembureau, die alle \
                   gemeenten gebruiken?",
        beyond: "Iedere gemeente maakt nu een eigen lijst. Kiezers merken dat: wat in de ene \
                 gemeente kan, kan in de andere niet.",
        tried: "",
        links: "",
        supporters: &[(
            "drenthe",
            "Bij ons is dit ook een punt. We helpen graag mee.",
        )],
        steps: &[(
            QuestionStatus::Received,
            "Dank jullie wel. We kijken wie dit kan oppakken.",
        )],
    },
];

impl Loader<'_> {
    pub(super) fn questions(&mut self) -> Result<(), ApiError> {
        let by = Some(id_of(&self.users, "account", "coordinator")?);
        for q in QUESTIONS {
            let from = id_of(&self.networks, "network", q.from)?;
            let to = id_of(&self.networks, "network", q.to)?;
            let days = q.steps.len() as i64 * 7 + 7;
            let mut at = self.now - Duration::days(days);
            let status = q.steps.last().map_or(QuestionStatus::Raised, |s| s.0);
            let answer = q
                .steps
                .last()
                .filter(|s| s.0.is_final())
                .map_or("", |s| s.1);
            let id: i64 = diesel::insert_into(questions::table)
                .values((
                    questions::network_id.eq(from),
                    questions::to_network_id.eq(to),
                    questions::title.eq(q.title),
                    questions::question.eq(q.question),
                    questions::beyond.eq(q.beyond),
                    questions::tried.eq(q.tried),
                    questions::link_list.eq(q.links),
                    questions::status.eq(status.as_str()),
                    questions::answer.eq(answer),
                    questions::support_count.eq(q.supporters.len() as i64),
                    questions::raised_by.eq(by),
                    questions::created_at.eq(at),
                    questions::updated_at.eq(self.now),
                ))
                .returning(questions::id)
                .get_result(self.conn)?;
            self.step(
                id,
                QuestionEventKind::Raised,
                Some(QuestionStatus::Raised),
                from,
                "",
                at,
            )?;
            for (network, note) in q.supporters {
                at += Duration::days(2);
                let network = id_of(&self.networks, "network", network)?;
                diesel::insert_into(question_supports::table)
                    .values((
                        question_supports::question_id.eq(id),
                        question_supports::network_id.eq(network),
                        question_supports::note.eq(note),
                        question_supports::supported_by.eq(by),
                        question_supports::created_at.eq(at),
                    ))
                    .execute(self.conn)?;
                self.step(id, QuestionEventKind::Supported, None, network, note, at)?;
            }
            for (status, note) in q.steps {
                at += Duration::days(5);
                if *status == QuestionStatus::OnAgenda {
                    let item = self.agenda_item(to, q.title)?;
                    diesel::update(questions::table.find(id))
                        .set(questions::agenda_item_id.eq(item))
                        .execute(self.conn)?;
                }
                self.step(id, QuestionEventKind::Moved, Some(*status), to, note, at)?;
            }
        }
        Ok(())
    }

    fn step(
        &mut self,
        question: i64,
        kind: QuestionEventKind,
        status: Option<QuestionStatus>,
        network: i64,
        note: &str,
        at: chrono::NaiveDateTime,
    ) -> Result<(), ApiError> {
        diesel::insert_into(question_events::table)
            .values((
                question_events::question_id.eq(question),
                question_events::kind.eq(kind.as_str()),
                question_events::status.eq(status.map(QuestionStatus::as_str)),
                question_events::network_id.eq(network),
                question_events::note.eq(note),
                question_events::created_by.eq(id_of(&self.users, "account", "coordinator")?),
                question_events::created_at.eq(at),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// An accepted item on the agenda of the network's first meeting (none
    /// when it has no meeting).
    fn agenda_item(&mut self, network: i64, title: &str) -> Result<Option<i64>, ApiError> {
        let meeting: Option<i64> = meetings::table
            .filter(meetings::network_id.eq(network))
            .order(meetings::starts_at)
            .select(meetings::id)
            .first(self.conn)
            .optional()?;
        let Some(meeting) = meeting else {
            return Ok(None);
        };
        let id = diesel::insert_into(agenda_items::table)
            .values((
                agenda_items::meeting_id.eq(meeting),
                agenda_items::title.eq(format!("Vraag uit de regio: {title}")),
                agenda_items::status.eq(AgendaStatus::Accepted.as_str()),
                agenda_items::position.eq(90),
                agenda_items::minutes_planned.eq(20),
                agenda_items::created_at.eq(self.now),
                agenda_items::updated_at.eq(self.now),
            ))
            .returning(agenda_items::id)
            .get_result(self.conn)?;
        Ok(Some(id))
    }
}
