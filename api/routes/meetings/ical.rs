//! Meetings as iCalendar (RFC 5545): one event per meeting, with a stable
//! UID, a SEQUENCE that rises with every change, STATUS:CANCELLED for a
//! cancelled meeting, and times in UTC.

use chrono::NaiveDateTime;

use crate::db::models::Meeting;
use crate::domain::{AccessFeature, MeetingStatus};

use super::types::features;

/// A calendar of these meetings. `show_link(meeting)` says whether the
/// reader may see its online joining link; `page` is the address of the
/// web page of a meeting id.
pub fn calendar(
    name: &str,
    meetings: &[Meeting],
    show_link: impl Fn(&Meeting) -> bool,
    page: impl Fn(i64) -> String,
    host: &str,
) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//themanet//meetings//NL");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for m in meetings {
        event(&mut out, m, show_link(m), &page(m.id), host);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, m: &Meeting, show_link: bool, page: &str, host: &str) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:meeting-{}@{}", m.id, host));
    line(out, &format!("DTSTAMP:{}", stamp(m.updated_at)));
    line(out, &format!("LAST-MODIFIED:{}", stamp(m.updated_at)));
    line(out, &format!("CREATED:{}", stamp(m.created_at)));
    line(out, &format!("SEQUENCE:{}", m.version - 1));
    line(out, &format!("DTSTART:{}", stamp(m.starts_at)));
    line(out, &format!("DTEND:{}", stamp(m.ends_at)));
    line(out, &format!("SUMMARY:{}", escape(&m.title)));
    let mut description = m.description.clone();
    let offered = features(&m.access_features);
    if !offered.is_empty() {
        let words: Vec<&str> = offered.iter().map(|f| words(*f)).collect();
        description.push_str(&format!("\n\nToegankelijkheid: {}.", words.join(", ")));
    }
    if !m.access_note.is_empty() {
        description.push_str(&format!("\n{}", m.access_note));
    }
    if let Some(url) = m.online_url.as_ref().filter(|_| show_link) {
        description.push_str(&format!("\n\nOnline meedoen: {url}"));
    }
    if m.status == MeetingStatus::Cancelled.as_str() {
        description = format!("Afgelast: {}\n\n{}", m.cancel_reason, description);
    }
    line(out, &format!("DESCRIPTION:{}", escape(description.trim())));
    let place: Vec<&str> = [m.venue_name.as_str(), m.venue_address.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    if !place.is_empty() {
        line(out, &format!("LOCATION:{}", escape(&place.join(", "))));
    } else if m.online_url.is_some() {
        line(out, "LOCATION:Online");
    }
    line(out, &format!("URL:{page}"));
    let status = match MeetingStatus::from_db(&m.status) {
        MeetingStatus::Cancelled => "CANCELLED",
        _ => "CONFIRMED",
    };
    line(out, &format!("STATUS:{status}"));
    line(out, "END:VEVENT");
}

/// The Dutch words for what a venue offers, as the web page says them.
pub fn words(f: AccessFeature) -> &'static str {
    match f {
        AccessFeature::StepFree => "drempelvrije toegang",
        AccessFeature::AccessibleToilet => "toegankelijk toilet",
        AccessFeature::InductionLoop => "ringleiding",
        AccessFeature::SignLanguage => "gebarentolk",
        AccessFeature::Captions => "live ondertiteling of schrijftolk",
        AccessFeature::QuietRoom => "stilteruimte",
        AccessFeature::EasyRead => "stukken vooraf in makkelijke taal",
        AccessFeature::AssistanceDogs => "hulphonden welkom",
        AccessFeature::ReservedParking => "gereserveerde parkeerplaats",
        AccessFeature::PublicTransport => "openbaar vervoer dichtbij",
        AccessFeature::Breaks => "geplande pauzes",
    }
}

/// A time in UTC, as iCalendar writes it: `20270114T180000Z`.
fn stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Text as a property value: backslash, semicolon, comma and newline
/// escaped (RFC 5545 section 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line, folded at 75 octets (never inside a character), ended
/// with CRLF (RFC 5545 section 3.1).
fn line(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += size;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for part in out.split("\r\n") {
            assert!(part.len() <= 75, "{part:?} is {} octets", part.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
