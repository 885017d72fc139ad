//! The period a report covers: from a query's `from` and `to`, by default
//! this calendar year up to today; `from` after `to`, or a period longer
//! than five years, is a 400 naming both.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Utc};

use crate::web::error::{Code, InvalidParam};
use crate::web::extract::Query;

use super::types::ReportPeriod;

/// The longest period a report covers, in days (five years).
pub const MAX_DAYS: i64 = 5 * 366;

impl ReportPeriod {
    /// The period asked for: what is missing from the defaults, and every
    /// broken rule kept in `query` for its 400.
    pub fn read(query: &mut Query, from: Option<NaiveDate>, to: Option<NaiveDate>) -> ReportPeriod {
        let today = Utc::now().date_naive();
        let to = to.unwrap_or(today);
        let from = from.unwrap_or_else(|| NaiveDate::from_ymd_opt(to.year(), 1, 1).unwrap_or(to));
        if from > to {
            for name in ["from", "to"] {
                let mut problem = InvalidParam::new(
                    name,
                    Code::Rule,
                    "the period must start (from) on or before the day it ends (to)",
                );
                problem.expected = Some("endsAfterStart");
                query.push(problem);
            }
        } else if (to - from).num_days() + 1 > MAX_DAYS {
            for name in ["from", "to"] {
                query.push(
                    InvalidParam::new(
                        name,
                        Code::Range,
                        format!("a report covers at most {MAX_DAYS} days (five years)"),
                    )
                    .bounds(Some(1), Some(MAX_DAYS)),
                );
            }
        }
        ReportPeriod { from, to }
    }

    /// The first moment of the period (00:00 UTC on `from`).
    pub fn start(&self) -> NaiveDateTime {
        self.from.and_hms_opt(0, 0, 0).unwrap_or_default()
    }

    /// The first moment after the period (00:00 UTC the day after `to`).
    pub fn end(&self) -> NaiveDateTime {
        self.to
            .succ_opt()
            .unwrap_or(self.to)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
    }

    /// Whether a moment lies in the period.
    pub fn holds(&self, t: NaiveDateTime) -> bool {
        t >= self.start() && t < self.end()
    }
}
