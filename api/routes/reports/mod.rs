//! A network's progress report over a period, for its partners, its
//! municipality and, in Flanders, the report on the "lokale
//! afsprakennota": the same report as JSON (`read.rs`), as CSV for a
//! spreadsheet (`spreadsheet.rs`) and as a printable page (`page.rs`, drawn by
//! `html.rs` and `sections.rs`), gathered once (`gather.rs`) as the viewer may see it
//! (`permissions::report_access`). People are counted, never named. A
//! browser opens the page and the CSV with a pass (`pass.rs`).

mod gather;
mod html;
mod page;
mod pass;
mod period;
mod read;
mod sections;
mod spreadsheet;
mod types;
mod words;

pub use page::get_report_page;
pub use pass::create_report_pass;
pub use read::get_report;
pub use spreadsheet::get_report_csv;
pub use types::{
    NetworkReport, QuestionDirection, ReportGoal, ReportMeeting, ReportNetwork, ReportPageQuery,
    ReportParticipants, ReportPassOut, ReportPeriod, ReportQuery, ReportQuestion, ReportSummary,
};
