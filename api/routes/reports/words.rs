//! The words of the report's page and CSV, in Dutch (plain, B1) and
//! English; the values' names are those of the web (`web/i18n/`).

use crate::domain::{
    GoalStatus, MeetingFormat, MeetingKind, NetworkStatus, QuestionStatus, StakeholderKind,
};

use super::types::QuestionDirection;

/// The language of a page or a CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Dutch or English.
    pub fn pick(self, nl: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    pub fn goal_status(self, s: GoalStatus) -> &'static str {
        match s {
            GoalStatus::Proposed => self.pick("Voorstel", "Proposed"),
            GoalStatus::Agreed => self.pick("Afgesproken", "Agreed"),
            GoalStatus::InProgress => self.pick("Bezig", "In progress"),
            GoalStatus::Achieved => self.pick("Behaald", "Achieved"),
            GoalStatus::Dropped => self.pick("Gestopt", "Dropped"),
        }
    }

    pub fn network_status(self, s: NetworkStatus) -> &'static str {
        match s {
            NetworkStatus::Forming => self.pick("In oprichting", "Being set up"),
            NetworkStatus::Active => self.pick("Actief", "Active"),
            NetworkStatus::Paused => self.pick("Gepauzeerd", "Paused"),
            NetworkStatus::Closed => self.pick("Gestopt", "Stopped"),
        }
    }

    pub fn meeting_kind(self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::KickOff => self.pick("Startbijeenkomst", "Kick-off"),
            MeetingKind::NetworkMeeting => self.pick("Netwerkbijeenkomst", "Network meeting"),
            MeetingKind::CoreGroupMeeting => self.pick("Overleg kerngroep", "Core group meeting"),
            MeetingKind::InformalMeetUp => self.pick("Informeel samenzijn", "Informal meet-up"),
            MeetingKind::Workshop => self.pick("Werkplaats", "Workshop"),
            MeetingKind::Other => self.pick("Anders", "Other"),
        }
    }

    pub fn meeting_format(self, f: MeetingFormat) -> &'static str {
        match f {
            MeetingFormat::InPerson => self.pick("Op locatie", "In person"),
            MeetingFormat::Online => self.pick("Online", "Online"),
            MeetingFormat::Hybrid => self.pick("Op locatie en online", "In person and online"),
        }
    }

    pub fn question_status(self, s: QuestionStatus) -> &'static str {
        match s {
            QuestionStatus::Raised => self.pick("Gesteld", "Raised"),
            QuestionStatus::Received => self.pick("Ontvangen", "Received"),
            QuestionStatus::OnAgenda => self.pick("Op de agenda", "On the agenda"),
            QuestionStatus::InProgress => self.pick("Wordt aan gewerkt", "Being worked on"),
            QuestionStatus::Answered => self.pick("Beantwoord", "Answered"),
            QuestionStatus::Declined => self.pick("Niet opgepakt", "Declined"),
        }
    }

    pub fn direction(self, d: QuestionDirection) -> &'static str {
        match d {
            QuestionDirection::Raised => self.pick("Gesteld aan", "Raised to"),
            QuestionDirection::Received => self.pick("Gekregen van", "Received from"),
        }
    }

    /// A kind of stakeholder, plural (a row of the table of who takes part).
    pub fn kinds(self, k: StakeholderKind) -> &'static str {
        match k {
            StakeholderKind::ExperienceExpert => {
                self.pick("Ervaringsdeskundigen", "Experience experts")
            }
            StakeholderKind::UnAmbassador => self.pick("VN-ambassadeurs", "UN ambassadors"),
            StakeholderKind::InterestOrganisation => {
                self.pick("Belangenorganisaties", "Interest organisations")
            }
            StakeholderKind::Company => self.pick("Bedrijven", "Companies"),
            StakeholderKind::Professional => self.pick("Professionals", "Professionals"),
            StakeholderKind::KnowledgeInstitution => {
                self.pick("Kennisinstellingen", "Knowledge institutions")
            }
            StakeholderKind::Municipality => self.pick("Gemeenten", "Municipalities"),
            StakeholderKind::Other => self.pick("Anderen", "Others"),
        }
    }

    pub fn yes_no(self, yes: bool) -> &'static str {
        match (self, yes) {
            (Lang::Nl, true) => "ja",
            (Lang::Nl, false) => "nee",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        }
    }

    /// A date as people read it: "3 maart 2026", "3 March 2026".
    pub fn date(self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        const NL: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let months = if self == Lang::Nl { NL } else { EN };
        format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
    }
}
