//! What every change to a raised question writes besides its row: a step on
//! its timeline, the audit log, and a notice to the network that must hear
//! of it.

use diesel::prelude::*;

use crate::audit;
use crate::db::schema::{question_events, questions};
use crate::db::{self, DbConn};
use crate::domain::{NoticeKind, QuestionEventKind, QuestionStatus, Visibility};
use crate::mail::notices::{self, Notice};
use crate::permissions::Viewer;
use crate::web::error::ApiError;

/// One step of a question, as it is written.
pub struct Step<'a> {
    pub question_id: i64,
    pub title: &'a str,
    pub kind: QuestionEventKind,
    pub status: Option<QuestionStatus>,
    /// The network that acted.
    pub by_network: i64,
    pub note: &'a str,
    /// The network whose members hear of it, if any.
    pub tell: Option<i64>,
}

/// Writes a step on the question's timeline and in the audit log, and tells
/// the members of `step.tell` (if any) as they chose (`base`: the web
/// frontend's address), in the transaction of the change.
pub fn record(conn: &mut DbConn, viewer: &Viewer, base: &str, step: Step) -> Result<(), ApiError> {
    diesel::insert_into(question_events::table)
        .values((
            question_events::question_id.eq(step.question_id),
            question_events::kind.eq(step.kind.as_str()),
            question_events::status.eq(step.status.map(QuestionStatus::as_str)),
            question_events::network_id.eq(step.by_network),
            question_events::note.eq(step.note),
            question_events::created_by.eq(viewer.user_id),
            question_events::created_at.eq(db::now()),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        viewer,
        match step.kind {
            QuestionEventKind::Raised => "question.raised",
            QuestionEventKind::Supported => "question.supported",
            QuestionEventKind::SupportWithdrawn => "question.support_withdrawn",
            QuestionEventKind::Moved => "question.moved",
        },
        "question",
        Some(step.question_id),
        Some(step.by_network),
    )?;
    if step.kind == QuestionEventKind::Moved {
        status_changed(conn, base, step.question_id)?;
    }
    let Some(tell) = step.tell else {
        return Ok(());
    };
    notices::announce(
        conn,
        base,
        Notice {
            network_id: tell,
            kind: NoticeKind::Escalation,
            title: step.title,
            path: format!("/vraag.html?id={}", step.question_id),
            actor: viewer.user_id,
        },
    )
}

/// Tells the subscriptions of the raising network's place that a
/// question's status changed; only members' organisations hear of a
/// question that involves a members-only network.
fn status_changed(conn: &mut DbConn, base: &str, question: i64) -> Result<(), ApiError> {
    use crate::db::schema::networks;
    let (from, to): (i64, i64) = questions::table
        .find(question)
        .select((questions::network_id, questions::to_network_id))
        .first(conn)?;
    let public = Visibility::Public.as_str();
    let hidden: i64 = networks::table
        .filter(networks::id.eq_any([from, to]))
        .filter(networks::visibility.ne(public))
        .count()
        .get_result(conn)?;
    let event = crate::webhooks::Event {
        members_only: hidden > 0,
        ..crate::webhooks::Event::of(
            "question.status_changed",
            format!("/questions/{question}"),
            question,
            Some(from),
            base,
        )
    };
    crate::webhooks::emit(conn, &event)?;
    Ok(())
}
