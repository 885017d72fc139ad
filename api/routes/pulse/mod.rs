//! The inclusion pulse: after a meeting, the people who had a place answer
//! "Kon je goed meedoen?" and "Voelde je je gehoord?" on a scale of 1 to 5,
//! with a comment if they like. Nobody sees an answer: the organisers see
//! aggregates, and only from `permissions::PULSE_MINIMUM` answers on; the
//! network shows the trend over its meetings.

mod answer;
mod read;
mod types;

pub use answer::answer_pulse;
pub use read::{meeting_pulse, network_pulse};
pub use types::{PulseInput, PulseOut, PulseTrend, PulseTrendItem, Scale};
