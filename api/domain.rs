//! The words of the domain: the fixed value lists of DESIGN.md. On the wire
//! they are lowercase with underscores; in the database plain text.

/// A fixed list of values: its names, separated (and ended) by a space.
pub trait Choice {
    const NAMES: &'static str;
}

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        // The wire names are the variants in snake_case; `wire_names_match`
        // below checks them against the texts.
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const NAMES: &'static str = concat!($($text, " "),+);

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads the stored text; unknown text (never written by this
            /// code) falls back to the first value.
            pub fn from_db(text: &str) -> $name {
                text.parse().unwrap_or(Self::ALL[0])
            }
        }

        impl Choice for $name {
            const NAMES: &'static str = concat!($($text, " "),+);
        }

        impl std::str::FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                match s { $($text => Ok($name::$variant),)+ _ => Err(()) }
            }
        }
    };
}

text_enum! {
    /// How far a network reaches.
    Scope { Local = "local", Regional = "regional", National = "national" }
}

impl Scope {
    /// A parent network must reach further than its child.
    pub fn rank(self) -> u8 {
        match self {
            Scope::Local => 0,
            Scope::Regional => 1,
            Scope::National => 2,
        }
    }
}

text_enum! {
    /// Where a network stands.
    NetworkStatus { Forming = "forming", Active = "active", Paused = "paused", Closed = "closed" }
}

text_enum! {
    /// Who can see a network: everyone, or only its members.
    Visibility { Public = "public", Members = "members" }
}

text_enum! {
    /// What kind of person or organisation a stakeholder is.
    StakeholderKind {
        ExperienceExpert = "experience_expert",
        UnAmbassador = "un_ambassador",
        InterestOrganisation = "interest_organisation",
        Company = "company",
        Professional = "professional",
        KnowledgeInstitution = "knowledge_institution",
        Municipality = "municipality",
        Other = "other",
    }
}

impl StakeholderKind {
    /// An organisation rather than a person: its profile is not personal
    /// data, and a coordinator may add it to a network.
    pub fn is_organisation(self) -> bool {
        matches!(
            self,
            StakeholderKind::InterestOrganisation
                | StakeholderKind::Company
                | StakeholderKind::KnowledgeInstitution
                | StakeholderKind::Municipality
        )
    }

    /// Someone who speaks from experience: an experience expert, or a UN
    /// ambassador (an experience expert who explains the Convention).
    pub fn is_experience_expert(self) -> bool {
        matches!(
            self,
            StakeholderKind::ExperienceExpert | StakeholderKind::UnAmbassador
        )
    }
}

text_enum! {
    /// Who may see a kind of profile field: everyone; everyone signed in to
    /// the platform; the co-members of the networks the person is in by
    /// their own act; or nobody but the person, whoever manages the
    /// profile, and platform admins.
    FieldVisibility { Public = "public", Platform = "platform", Networks = "networks", Nobody = "nobody" }
}

impl FieldVisibility {
    /// What a new profile shows: an organisation everything, a person
    /// nothing beyond name, kind and role.
    pub fn default_for(kind: StakeholderKind) -> FieldVisibility {
        if kind.is_organisation() {
            FieldVisibility::Public
        } else {
            FieldVisibility::Nobody
        }
    }
}

text_enum! {
    /// An invitation to join a network, as the invited person answered it.
    InvitationStatus { Pending = "pending", Accepted = "accepted", Declined = "declined" }
}

text_enum! {
    /// Who may see a reaction to a goal: the network's members, or everyone.
    ReactionVisibility { Members = "members", Public = "public" }
}

text_enum! {
    /// A member's role in a network.
    Role { Coordinator = "coordinator", CoreGroup = "core_group", Member = "member", Partner = "partner" }
}

impl Role {
    /// Core group and coordinators prepare content: goals and links.
    pub fn is_core(self) -> bool {
        matches!(self, Role::Coordinator | Role::CoreGroup)
    }
}

text_enum! {
    /// Where a goal stands.
    GoalStatus {
        Proposed = "proposed",
        Agreed = "agreed",
        InProgress = "in_progress",
        Achieved = "achieved",
        Dropped = "dropped",
    }
}

impl GoalStatus {
    /// Still open: a step that may need talents and helpers.
    pub fn is_open(self) -> bool {
        !matches!(self, GoalStatus::Achieved | GoalStatus::Dropped)
    }
}

text_enum! {
    /// An offer of help on a step ("Ik help mee"), as the core group
    /// answered it.
    HelperStatus { Offered = "offered", Accepted = "accepted", Declined = "declined" }
}

text_enum! {
    /// Whether you received a contact request or sent it.
    ContactDirection { Received = "received", Sent = "sent" }
}

text_enum! {
    /// A request for contact with a findable person, as they answered it.
    ContactRequestStatus { Pending = "pending", Accepted = "accepted", Declined = "declined" }
}

text_enum! {
    /// A member's view of a goal.
    Stance { Support = "support", Concern = "concern" }
}

text_enum! {
    /// Who a knowledge link is written for.
    Audience {
        ExperienceExperts = "experience_experts",
        Municipalities = "municipalities",
        Employers = "employers",
        Professionals = "professionals",
        Everyone = "everyone",
    }
}

text_enum! {
    /// What kind of meeting it is.
    MeetingKind {
        KickOff = "kick_off",
        NetworkMeeting = "network_meeting",
        CoreGroupMeeting = "core_group_meeting",
        InformalMeetUp = "informal_meet_up",
        Workshop = "workshop",
        Other = "other",
    }
}

text_enum! {
    /// Where people meet: in one place, online, or both.
    MeetingFormat { InPerson = "in_person", Online = "online", Hybrid = "hybrid" }
}

text_enum! {
    /// Where a meeting stands. A cancelled meeting stays visible as such.
    MeetingStatus { Planned = "planned", Cancelled = "cancelled", Held = "held" }
}

text_enum! {
    /// What a venue offers so that everyone can take part, and what a
    /// person can ask for when they register.
    AccessFeature {
        StepFree = "step_free",
        AccessibleToilet = "accessible_toilet",
        InductionLoop = "induction_loop",
        SignLanguage = "sign_language",
        Captions = "captions",
        QuietRoom = "quiet_room",
        EasyRead = "easy_read",
        AssistanceDogs = "assistance_dogs",
        ReservedParking = "reserved_parking",
        PublicTransport = "public_transport",
        Breaks = "breaks",
    }
}

text_enum! {
    /// A place at a meeting, or a place in the queue for one.
    RegistrationStatus { Registered = "registered", Waiting = "waiting" }
}

text_enum! {
    /// Where a proposed agenda item stands: proposed by a member, accepted
    /// into the agenda by the core group, or declined (with a reason).
    AgendaStatus { Proposed = "proposed", Accepted = "accepted", Declined = "declined" }
}

text_enum! {
    /// The time zone a meeting is shown in.
    TimeZone {
        #[serde(rename = "Europe/Amsterdam")]
        Amsterdam = "Europe/Amsterdam",
        #[serde(rename = "Europe/Brussels")]
        Brussels = "Europe/Brussels",
    }
}

/// Languages a knowledge link or a stakeholder can use (ISO 639-1, plus
/// `ngt` and `vgt` for Dutch and Flemish sign language).
pub const LANGUAGES: &[&str] = &[
    "nl", "en", "fr", "de", "fy", "ar", "tr", "pl", "uk", "es", "pap", "ngt", "vgt",
];

/// Lowercase words and digits joined by single hyphens: `toegankelijke-musea`.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Makes a slug from a name: accents folded, everything else a hyphen.
pub fn slugify(name: &str) -> String {
    let folded = deunicode::deunicode(name).to_lowercase();
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let mut cut: String = out.chars().take(60).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    if cut.is_empty() {
        "netwerk".into()
    } else {
        cut
    }
}

text_enum! {
    /// The language a person reads the platform and their mail in.
    MailLanguage { Nl = "nl", En = "en" }
}

text_enum! {
    /// How often a person hears of what happens in a network: at once, in
    /// a daily or weekly digest, or never.
    NoticeFrequency { Immediate = "immediate", Daily = "daily", Weekly = "weekly", Never = "never" }
}

text_enum! {
    /// How the coordinators best reach a person outside the platform.
    ContactChannel { Email = "email", Phone = "phone", Post = "post" }
}

text_enum! {
    /// The form a person reads best.
    ContactFormat { Plain = "plain", LargePrint = "large_print", EasyRead = "easy_read" }
}

text_enum! {
    /// Where a raised question stands, in the order it moves: raised by a
    /// network, received by the network it was raised to, on its agenda,
    /// being worked on, then answered or declined (the last two are final).
    QuestionStatus {
        Raised = "raised",
        Received = "received",
        OnAgenda = "on_agenda",
        InProgress = "in_progress",
        Answered = "answered",
        Declined = "declined",
    }
}

impl QuestionStatus {
    /// Answered and declined questions move no further.
    pub fn is_final(self) -> bool {
        matches!(self, QuestionStatus::Answered | QuestionStatus::Declined)
    }
}

text_enum! {
    /// What a network's stakeholder map warns of: nobody who speaks from
    /// experience in the core group ("niets over ons zonder ons"), or at
    /// the whole table.
    BalanceSignal {
        NoExperienceExpertInCoreGroup = "no_experience_expert_in_core_group",
        NoExperienceExpert = "no_experience_expert",
    }
}

text_enum! {
    /// What the map of municipalities shades them by.
    MapMeasure {
        ActiveNetworks = "active_networks",
        GoalsAchieved = "goals_achieved",
        ExperienceExperts = "experience_experts",
    }
}

text_enum! {
    /// What happened on a raised question's timeline.
    QuestionEventKind {
        Raised = "raised",
        Supported = "supported",
        SupportWithdrawn = "support_withdrawn",
        Moved = "moved",
    }
}

text_enum! {
    /// What a notice is about.
    NoticeKind {
        Message = "message",
        Document = "document",
        Meeting = "meeting",
        Escalation = "escalation",
        StepAchieved = "step_achieved",
    }
}

text_enum! {
    /// What a mail in the outbox is.
    MailKind {
        Invitation = "invitation",
        Verification = "verification",
        PasswordReset = "password_reset",
        Notice = "notice",
        Digest = "digest",
    }
}

text_enum! {
    /// Where a mail in the outbox stands: waiting to be sent (again), sent,
    /// or given up after the last attempt.
    MailStatus { Waiting = "waiting", Sent = "sent", Failed = "failed" }
}

text_enum! {
    /// Only what is yours: `me`, the one value of a list's `member` or
    /// `registrant` filter.
    OnlyMine { Me = "me" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T: serde::Serialize + Copy + Ord + std::fmt::Debug>(
        all: &[T],
        text: impl Fn(T) -> &'static str,
    ) {
        // `ALL` is in the order values sort in, which ordered maps keyed by
        // them rely on (the stakeholder map's cells).
        assert!(
            all.windows(2).all(|w| w[0] < w[1]),
            "{all:?} sorts as listed"
        );
        for v in all {
            assert_eq!(
                serde_json::to_value(v).unwrap(),
                serde_json::json!(text(*v))
            );
        }
    }

    #[test]
    fn wire_names_match() {
        check(Scope::ALL, Scope::as_str);
        check(NetworkStatus::ALL, NetworkStatus::as_str);
        check(Visibility::ALL, Visibility::as_str);
        check(StakeholderKind::ALL, StakeholderKind::as_str);
        check(Role::ALL, Role::as_str);
        check(GoalStatus::ALL, GoalStatus::as_str);
        check(HelperStatus::ALL, HelperStatus::as_str);
        check(ContactRequestStatus::ALL, ContactRequestStatus::as_str);
        check(ContactDirection::ALL, ContactDirection::as_str);
        check(Stance::ALL, Stance::as_str);
        check(Audience::ALL, Audience::as_str);
        check(FieldVisibility::ALL, FieldVisibility::as_str);
        check(InvitationStatus::ALL, InvitationStatus::as_str);
        check(ReactionVisibility::ALL, ReactionVisibility::as_str);
        check(MeetingKind::ALL, MeetingKind::as_str);
        check(MeetingFormat::ALL, MeetingFormat::as_str);
        check(MeetingStatus::ALL, MeetingStatus::as_str);
        check(AccessFeature::ALL, AccessFeature::as_str);
        check(RegistrationStatus::ALL, RegistrationStatus::as_str);
        check(TimeZone::ALL, TimeZone::as_str);
        check(AgendaStatus::ALL, AgendaStatus::as_str);
        check(MailLanguage::ALL, MailLanguage::as_str);
        check(NoticeFrequency::ALL, NoticeFrequency::as_str);
        check(ContactChannel::ALL, ContactChannel::as_str);
        check(ContactFormat::ALL, ContactFormat::as_str);
        check(NoticeKind::ALL, NoticeKind::as_str);
        check(QuestionStatus::ALL, QuestionStatus::as_str);
        check(MapMeasure::ALL, MapMeasure::as_str);
        check(BalanceSignal::ALL, BalanceSignal::as_str);
        check(QuestionEventKind::ALL, QuestionEventKind::as_str);
        check(MailKind::ALL, MailKind::as_str);
        check(MailStatus::ALL, MailStatus::as_str);
    }
}
