//! Timestamps read without chrono's format parser.
//!
//! SQLite keeps a timestamp as text (`2026-03-01 09:30:00`, with `.123456`
//! when it has a fraction). Diesel reads it by trying up to 18 chrono
//! formats in turn, each parsed from its format string: two timestamps per
//! row made that 7 % of the instructions of an uncached page of 20
//! networks. `Stamp` reads the one format diesel writes directly and leaves
//! anything else to diesel. PostgreSQL sends binary; diesel reads that.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::sql_types::Timestamp;
use diesel::sqlite::Sqlite;

use super::MultiBackend;

/// A `Timestamp` column read into a `NaiveDateTime`; models name it with
/// `#[diesel(deserialize_as = Stamp)]`.
#[derive(Debug, Clone, Copy, diesel::deserialize::FromSqlRow)]
pub struct Stamp(NaiveDateTime);

impl From<Stamp> for NaiveDateTime {
    fn from(s: Stamp) -> NaiveDateTime {
        s.0
    }
}

impl FromSql<Timestamp, MultiBackend> for Stamp {
    fn from_sql(
        bytes: <MultiBackend as diesel::backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        bytes.from_sql::<Stamp, Timestamp>()
    }
}

impl FromSql<Timestamp, Pg> for Stamp {
    fn from_sql(
        bytes: <Pg as diesel::backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        <NaiveDateTime as FromSql<Timestamp, Pg>>::from_sql(bytes).map(Stamp)
    }
}

impl FromSql<Timestamp, Sqlite> for Stamp {
    fn from_sql(
        mut value: <Sqlite as diesel::backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        if let Some(t) = parse(value.read_text()) {
            return Ok(Stamp(t));
        }
        <NaiveDateTime as FromSql<Timestamp, Sqlite>>::from_sql(value).map(Stamp)
    }
}

/// `YYYY-MM-DD HH:MM:SS` with an optional fraction of 1 to 9 digits, as
/// diesel writes it (`%F %T%.f`); `None` for anything else.
fn parse(text: &str) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b' '
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let nanos = match &b[19..] {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            number(20, b.len())? * 10u32.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(5, 7)?, number(8, 10)?)?;
    let time =
        NaiveTime::from_hms_nano_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?, nanos)?;
    Some(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text the fast path accepts reads as chrono reads it with the
    /// format diesel writes; the rest is left to diesel.
    #[test]
    fn reads_what_diesel_writes_as_chrono_does() {
        for text in [
            "2026-03-01 09:30:00",
            "1999-12-31 23:59:59.5",
            "2024-02-29 00:00:00.123",
            "2026-11-24 12:01:02.000001",
            "0001-01-01 00:00:00.123456789",
        ] {
            let chrono = NaiveDateTime::parse_from_str(text, "%F %T%.f").expect(text);
            assert_eq!(parse(text), Some(chrono), "{text}");
        }
        for text in [
            "2026-02-30 09:30:00",
            "2026-03-01T09:30:00",
            "2026-03-01 09:30",
            "2026-03-01 24:00:00",
            "2026-03-01 09:30:00.",
            "2026-03-01 09:30:00.1234567890",
            "2026-03-01 09:30:00Z",
            "2026-03-01 09:30:00+01:00",
            "2026-3-01 09:30:000",
            "2460000.5",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
