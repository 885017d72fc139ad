//! Meetings of a network: a warm kick-off, network meetings, workshops,
//! informal meet-ups; where and when, what the venue offers so that
//! everyone can take part, and calendars.
//!
//! A meeting is seen as `permissions::meeting_access` says (public ones by
//! whoever sees the network, members-only ones by members), planned and
//! changed by the organisers (`NetworkAccess::ensure_organiser`); its
//! places and waiting list are counted by `queries::meetings`.

mod calendar;
mod create;
mod feed;
mod ical;
mod input;
mod list;
mod read;
mod rules;
mod types;
mod update;

pub use calendar::{meeting_calendar, network_calendar, personal_calendar};
pub use create::create_meeting;
pub use feed::{delete_calendar_feed, renew_calendar_feed, CalendarFeedInput, CalendarFeedOut};
pub use input::MeetingInput;
pub use list::{list_meetings, list_network_meetings};
pub use read::get_meeting;
pub use types::{features, store_features, MeetingFilters, MeetingOut, MeetingPage, When};
pub use update::update_meeting;
