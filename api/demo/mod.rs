//! Demo data drawn from the seed documents: a handful of theme networks in
//! the Netherlands and Flanders, the people and organisations in them, their
//! goals in small steps, and a start page of knowledge links. Everything is
//! fictional except the public web addresses of the links.
//!
//! `serve` loads it into an empty database when `DEMO_DATA` asks for it
//! (`on`, `off`, or `auto`: only on SQLite), never in production;
//! `themanet demo` loads it on demand.
//! Three accounts can sign in, all with the password `demo-wachtwoord`:
//! `demo-coordinator@themanet.example`, `demo-lid@themanet.example` and
//! `demo-admin@themanet.example` (platform admin).

pub mod generate;
mod questions;

use std::collections::HashMap;

use chrono::{Months, NaiveDate, NaiveDateTime};
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::db::models::{
    AccessNeeds, AgendaItemValues, GoalValues, KnowledgeLinkValues, MeetingValues, NetworkValues,
    NewUser, StakeholderValues,
};
use crate::db::schema::{
    agenda_items, agenda_supports, document_contents, documents, endorsements, goals,
    knowledge_link_audiences, knowledge_link_topics, knowledge_links, meeting_access_needs,
    meeting_outcomes, meeting_pulses, meeting_registrations, meetings, memberships, messages,
    network_topics, networks, open_seats, stakeholders, users,
};
use crate::db::schema::{api_clients, webhook_subscriptions};
use crate::db::{self, Backend, DbConn};
use crate::domain::{
    AccessFeature, AgendaStatus, Audience, FieldVisibility, GoalStatus, HelperStatus,
    MeetingFormat, MeetingKind, MeetingStatus, NetworkStatus, RegistrationStatus, Role, Scope,
    StakeholderKind, Stance, TimeZone, Visibility,
};
use crate::operations::config::{Config, DemoData};
use crate::queries::stakeholders::Profile;
use crate::routes::meetings::store_features;
use crate::web::error::ApiError;

/// The password of every demo account.
const PASSWORD: &str = "demo-wachtwoord";

/// Whether `serve` loads the demo data into an empty database: `DEMO_DATA`
/// is `on`, `off` or `auto` (the default: only on SQLite, the quick
/// try-out). Never in production (`THEMANET_ENV=production`), whatever the
/// backend: its accounts have a password printed in the README.
pub fn wanted(config: &Config) -> bool {
    !config.production
        && match config.demo_data {
            DemoData::On => true,
            DemoData::Off => false,
            DemoData::Auto => Backend::of_url(&config.database_url) == Backend::Sqlite,
        }
}

/// Loads the demo data into an empty database (no networks and no users), in
/// one transaction; false, with nothing written, when it was not empty.
pub fn load(conn: &mut DbConn) -> Result<bool, ApiError> {
    if !is_empty(conn)? {
        return Ok(false);
    }
    // Hashing is slow on purpose: once, before the write lock, for all accounts.
    let hash = crate::accounts::auth::hash_password(PASSWORD)?;
    db::write_tx(conn, |conn| {
        if !is_empty(conn)? {
            return Ok(false);
        }
        Loader::new(conn, &hash).run()?;
        Ok(true)
    })
}

fn is_empty(conn: &mut DbConn) -> Result<bool, ApiError> {
    let networks: i64 = networks::table.select(count_star()).first(conn)?;
    let users: i64 = users::table.select(count_star()).first(conn)?;
    Ok(networks == 0 && users == 0)
}

// ---------------------------------------------------------------------------
// The content. Keys ("sanne", "nig", ...) tie the rows together.
// ---------------------------------------------------------------------------

struct AccountSeed {
    key: &'static str,
    email: &'static str,
    display_name: &'static str,
    admin: bool,
}

const ACCOUNTS: &[AccountSeed] = &[
    AccountSeed {
        key: "coordinator",
        email: "demo-coordinator@themanet.example",
        display_name: "Sanne Voorbeeld",
        admin: false,
    },
    AccountSeed {
        key: "lid",
        email: "demo-lid@themanet.example",
        display_name: "Daan Proefmans",
        admin: false,
    },
    AccountSeed {
        key: "admin",
        email: "demo-admin@themanet.example",
        display_name: "Beheerder Demo",
        admin: true,
    },
];

struct PersonSeed {
    key: &'static str,
    kind: StakeholderKind,
    name: &'static str,
    organisation: Option<&'static str>,
    expertise: Option<&'static str>,
    municipality: Option<&'static str>,
    email: Option<&'static str>,
    phone: Option<&'static str>,
    listed: bool,
    share_contact: bool,
    talents: &'static [&'static str],
    languages: &'static [&'static str],
    /// The account that owns this profile (a person with an account).
    account: Option<&'static str>,
    /// The account that added this profile (when it has no account of its own).
    added_by: &'static str,
}

/// How much time the people of the demo have (hours a month, now and
/// then) and whether organisations may find them.
fn offer_of(key: &str) -> (Option<i32>, bool, bool) {
    match key {
        "sanne" => (Some(8), false, true),
        "daan" => (None, true, false),
        "fatma" => (Some(4), false, true),
        "yara" => (None, true, true),
        "joost" => (Some(12), false, false),
        "lid" => (Some(6), false, false),
        _ => (None, false, false),
    }
}

const PEOPLE: &[PersonSeed] = &[
    // The three demo accounts' own profiles.
    PersonSeed {
        key: "sanne",
        kind: StakeholderKind::UnAmbassador,
        name: "Sanne Voorbeeld",
        organisation: None,
        expertise: Some(
            "VN-ambassadeur sinds 2018. Ik gebruik een rolstoel en weet hoe het is als een gebouw of \
             een website niet toegankelijk is. Ik breng mensen bij elkaar en houd het overzicht.",
        ),
        municipality: Some("GM0344"),
        email: Some("sanne.voorbeeld@example.org"),
        phone: Some("+31 30 123 45 67"),
        listed: true,
        share_contact: true,
        talents: &["organiseren", "schrijven", "presenteren"],
        languages: &["nl", "en"],
        account: Some("coordinator"),
        added_by: "coordinator",
    },
    PersonSeed {
        key: "daan",
        kind: StakeholderKind::ExperienceExpert,
        name: "Daan Proefmans",
        organisation: None,
        expertise: Some(
            "Ervaringsdeskundige met autisme. Ik werk graag met computers en ik maak kaarten en \
             overzichten die iedereen snapt.",
        ),
        municipality: Some("GM0114"),
        email: Some("daan.proefmans@example.org"),
        phone: None,
        listed: false,
        share_contact: true,
        talents: &["it", "ontwerpen", "fotograferen"],
        languages: &["nl"],
        account: Some("lid"),
        added_by: "lid",
    },
    PersonSeed {
        key: "beheer",
        kind: StakeholderKind::Other,
        name: "Beheerder Demo",
        organisation: Some("themanet (demo)"),
        expertise: Some("Beheert het platform en de kennislinks op de startpagina."),
        municipality: None,
        email: None,
        phone: None,
        listed: false,
        share_contact: false,
        talents: &["it"],
        languages: &["nl", "en"],
        account: Some("admin"),
        added_by: "admin",
    },
    // Experience experts and UN ambassadors.
    PersonSeed {
        key: "fatma",
        kind: StakeholderKind::ExperienceExpert,
        name: "Fatma Verzonnen",
        organisation: None,
        expertise: Some(
            "Ik ben slechtziend. Ik test gebouwen, routes en websites op toegankelijkheid en schrijf \
             daar korte verslagen over.",
        ),
        municipality: Some("GM0344"),
        email: Some("fatma.verzonnen@example.org"),
        phone: None,
        listed: true,
        share_contact: true,
        talents: &["schrijven", "testen"],
        languages: &["nl", "tr"],
        account: None,
        added_by: "coordinator",
    },
    PersonSeed {
        key: "yara",
        kind: StakeholderKind::ExperienceExpert,
        name: "Yara Testers",
        organisation: None,
        expertise: Some("Ik ben doof en gebruik Nederlandse Gebarentaal. Ik geef rondleidingen en workshops in NGT."),
        municipality: Some("GM0344"),
        email: Some("yara.testers@example.org"),
        phone: None,
        listed: true,
        share_contact: false,
        talents: &["ontwerpen", "presenteren"],
        languages: &["ngt", "nl", "en"],
        account: None,
        added_by: "coordinator",
    },
    PersonSeed {
        key: "joost",
        kind: StakeholderKind::UnAmbassador,
        name: "Joost Fictief",
        organisation: None,
        expertise: Some(
            "VN-ambassadeur in Drenthe. Ik heb een spierziekte. Ik praat graag met raadsleden en \
             wethouders over het VN-verdrag.",
        ),
        municipality: Some("GM0106"),
        email: Some("joost.fictief@example.nl"),
        phone: Some("+31 592 123 456"),
        listed: true,
        share_contact: true,
        talents: &["presenteren", "netwerken", "organiseren"],
        languages: &["nl"],
        account: None,
        added_by: "coordinator",
    },
    PersonSeed {
        key: "gerrit",
        kind: StakeholderKind::ExperienceExpert,
        name: "Gerrit Bedacht",
        organisation: None,
        expertise: Some("Ervaringsdeskundige in de Wmo en de zorg. Ik luister goed en houd een groep bij elkaar."),
        municipality: Some("GM0114"),
        email: None,
        phone: Some("+31 591 123 456"),
        listed: false,
        share_contact: true,
        talents: &["organiseren", "luisteren"],
        languages: &["nl"],
        account: None,
        added_by: "lid",
    },
    PersonSeed {
        key: "wim",
        kind: StakeholderKind::ExperienceExpert,
        name: "Wim Gentenaar",
        organisation: None,
        expertise: Some(
            "Ik woon in Gent en heb een verstandelijke beperking. Ik sport graag en wil dat iedereen \
             kan meedoen in een club.",
        ),
        municipality: None,
        email: Some("wim.gentenaar@example.org"),
        phone: Some("+32 9 123 45 67"),
        listed: true,
        share_contact: true,
        talents: &["organiseren", "sport"],
        languages: &["nl", "vgt"],
        account: None,
        added_by: "admin",
    },
    // Organisations and professionals.
    PersonSeed {
        key: "iedereenwelkom",
        kind: StakeholderKind::InterestOrganisation,
        name: "Stichting Iedereen Welkom (fictief)",
        organisation: Some("Stichting Iedereen Welkom"),
        expertise: Some(
            "Belangenorganisatie van en voor mensen met een beperking. Wij organiseren \
             ervaringsdeskundigheid en delen goede voorbeelden.",
        ),
        municipality: Some("GM0344"),
        email: Some("info@iedereenwelkom.example.org"),
        phone: Some("+31 30 765 43 21"),
        listed: true,
        share_contact: true,
        talents: &["organiseren", "schrijven"],
        languages: &["nl", "en"],
        account: None,
        added_by: "coordinator",
    },
    PersonSeed {
        key: "bouwen",
        kind: StakeholderKind::Company,
        name: "Drempelvrij Bouwadvies BV (fictief)",
        organisation: Some("Drempelvrij Bouwadvies BV"),
        expertise: Some("Adviesbureau voor toegankelijke gebouwen: hellingbanen, liften, ringleidingen en bewegwijzering."),
        municipality: Some("GM0363"),
        email: Some("advies@drempelvrij.example.nl"),
        phone: None,
        listed: true,
        share_contact: true,
        talents: &["ontwerpen"],
        languages: &["nl", "en"],
        account: None,
        added_by: "coordinator",
    },
    PersonSeed {
        key: "lotte",
        kind: StakeholderKind::Professional,
        name: "Lotte Ontwerpers",
        organisation: Some("Het Proefmuseum Utrecht (fictief)"),
        expertise: Some("Museumdocent. Ik maak rondleidingen en teksten voor bezoekers."),
        municipality: Some("GM0344"),
        email: Some("lotte.ontwerpers@example.org"),
        phone: None,
        listed: true,
        share_contact: false,
        talents: &["schrijven", "presenteren"],
        languages: &["nl", "en", "de"],
        account: None,
        added_by: "coordinator",
    },
    PersonSeed {
        key: "els",
        kind: StakeholderKind::Professional,
        name: "Els Zorgvuldig",
        organisation: Some("Wijkteam Emmen-Centrum (fictief)"),
        expertise: Some("Ergotherapeut en Wmo-consulent. Ik help mensen met hulpmiddelen en aanpassingen in huis."),
        municipality: Some("GM0114"),
        email: Some("els.zorgvuldig@example.nl"),
        phone: Some("+31 591 654 321"),
        listed: false,
        share_contact: false,
        talents: &["organiseren"],
        languages: &["nl"],
        account: None,
        added_by: "lid",
    },
    PersonSeed {
        key: "lectoraat",
        kind: StakeholderKind::KnowledgeInstitution,
        name: "Lectoraat Inclusieve Samenleving (fictief)",
        organisation: Some("Hogeschool Voorbeeldstad"),
        expertise: Some(
            "Onderzoek naar inclusie in gemeenten en naar de inzet van ervaringsdeskundigen. Wij \
             maken kennis bruikbaar voor de praktijk.",
        ),
        municipality: Some("GM0344"),
        email: Some("lectoraat@hogeschool.example.org"),
        phone: None,
        listed: true,
        share_contact: true,
        talents: &["onderzoek", "schrijven"],
        languages: &["nl", "en"],
        account: None,
        added_by: "coordinator",
    },
    PersonSeed {
        key: "utrecht",
        kind: StakeholderKind::Municipality,
        name: "Gemeente Utrecht, team Toegankelijkheid (demo)",
        organisation: Some("Gemeente Utrecht"),
        expertise: Some("Beleid voor toegankelijkheid en de lokale inclusieagenda."),
        municipality: Some("GM0344"),
        email: Some("toegankelijkheid@gemeente.example.nl"),
        phone: None,
        listed: true,
        share_contact: true,
        talents: &["beleid"],
        languages: &["nl"],
        account: None,
        added_by: "coordinator",
    },
    PersonSeed {
        key: "emmen",
        kind: StakeholderKind::Municipality,
        name: "Gemeente Emmen, sociaal domein (demo)",
        organisation: Some("Gemeente Emmen"),
        expertise: Some("Wmo, participatie en de lokale inclusieagenda."),
        municipality: Some("GM0114"),
        email: Some("sociaaldomein@emmen.example.nl"),
        phone: None,
        listed: true,
        share_contact: false,
        talents: &["beleid"],
        languages: &["nl"],
        account: None,
        added_by: "lid",
    },
    PersonSeed {
        key: "stadgent",
        kind: StakeholderKind::Municipality,
        name: "Stad Gent, dienst Sport (demo)",
        organisation: Some("Stad Gent"),
        expertise: Some("Regisseur van het lokaal netwerk vrijetijdsparticipatie en de lokale afsprakennota."),
        municipality: None,
        email: Some("sport@stad.example.org"),
        phone: None,
        listed: true,
        share_contact: true,
        talents: &["organiseren", "beleid"],
        languages: &["nl", "fr"],
        account: None,
        added_by: "admin",
    },
    PersonSeed {
        key: "henk",
        kind: StakeholderKind::Other,
        name: "Henk Bedenksel",
        organisation: Some("Gemeenteraad Coevorden (fictief)"),
        expertise: Some("Raadslid. Ik wil dat inclusie in het verkiezingsprogramma van elke partij staat."),
        municipality: Some("GM0109"),
        email: Some("henk.bedenksel@example.nl"),
        phone: None,
        listed: true,
        share_contact: false,
        talents: &["schrijven", "netwerken"],
        languages: &["nl"],
        account: None,
        added_by: "coordinator",
    },
    PersonSeed {
        key: "proefmuseum",
        kind: StakeholderKind::Other,
        name: "Het Proefmuseum Utrecht (fictief)",
        organisation: Some("Het Proefmuseum Utrecht"),
        expertise: Some("Museum voor kunst en geschiedenis. Wil een museum zijn voor iedereen."),
        municipality: Some("GM0344"),
        email: Some("info@proefmuseum.example.org"),
        phone: Some("+31 30 111 22 33"),
        listed: true,
        share_contact: true,
        talents: &[],
        languages: &["nl", "en"],
        account: None,
        added_by: "coordinator",
    },
    PersonSeed {
        key: "sportclub",
        kind: StakeholderKind::Other,
        name: "Sportclub Gelijke Kansen Gent (fictief)",
        organisation: Some("Sportclub Gelijke Kansen"),
        expertise: Some("Sportclub met aangepaste trainingen voor kinderen en volwassenen."),
        municipality: None,
        email: None,
        phone: None,
        listed: false,
        share_contact: false,
        talents: &["sport", "organiseren"],
        languages: &["nl"],
        account: None,
        added_by: "admin",
    },
];

struct NetworkSeed {
    key: &'static str,
    slug: &'static str,
    name: &'static str,
    theme: &'static str,
    scope: Scope,
    municipality: Option<&'static str>,
    region: Option<&'static str>,
    /// CBS province code, for a network without a municipality.
    province: Option<&'static str>,
    description: &'static str,
    ambition: &'static str,
    needs: &'static str,
    status: NetworkStatus,
    visibility: Visibility,
    parent: Option<&'static str>,
    contact: Option<&'static str>,
    communication: &'static str,
    topics: &'static [&'static str],
    created_by: &'static str,
}

/// Parents come before their children.
const NETWORKS: &[NetworkSeed] = &[
    NetworkSeed {
        key: "nig",
        slug: "netwerk-inclusieve-gemeenten",
        name: "Netwerk Inclusieve Gemeenten",
        theme: "Werken aan een inclusieve gemeente met het VN-verdrag",
        scope: Scope::National,
        municipality: None,
        region: None,
        province: None,
        description:
            "Wil je in jouw gemeente werk maken van het VN-verdrag? Weet je niet goed hoe je \
            moet beginnen? Dan ben je welkom in dit netwerk. Inwoners, ervaringsdeskundigen, \
            raadsleden, ambtenaren, onderzoekers en ondernemers leren hier van elkaar. Het netwerk \
            begon op de landelijke netwerkdag van de Coalitie voor Inclusie in 2017. We komen \
            landelijk en in de regio bij elkaar.",
        ambition:
            "Elke gemeente werkt samen met ervaringsdeskundigen aan een inclusieve gemeente. \
            Samen maken we een route naar een inclusieve gemeente, een landkaart van inclusieve \
            gemeenten en een matchcentrum. Zo hoeft niet elke gemeente zelf het wiel uit te vinden.",
        needs: "Korte en duidelijke informatie over het VN-verdrag voor raadsleden en ambtenaren. \
            Een plek waar kennis blijft, ook als mensen bij de gemeente vertrekken. \
            Ervaringsdeskundigen die in hun eigen gemeente willen meedenken. Goede voorbeelden \
            uit andere gemeenten.",
        status: NetworkStatus::Active,
        visibility: Visibility::Public,
        parent: None,
        contact: Some("inclusievegemeenten@example.org"),
        communication: "Twee landelijke bijeenkomsten per jaar en regionale bijeenkomsten. Elk \
            kwartaal een nieuwsbrief per e-mail, ook als platte tekst.",
        topics: &["local_policy", "un_convention", "participation"],
        created_by: "coordinator",
    },
    NetworkSeed {
        key: "drenthe",
        slug: "inclusief-drenthe",
        name: "Inclusief Drenthe",
        theme: "Inclusie in de twaalf Drentse gemeenten",
        scope: Scope::Regional,
        municipality: None,
        region: Some("Drenthe"),
        province: Some("PV22"),
        description: "Raadsleden, inwoners, ervaringsdeskundigen en ambtenaren uit Drenthe praten \
            samen over inclusie in hun eigen regio. Van Emmen tot Meppel: wat werkt hier, en wat \
            kunnen we van elkaar leren? Vragen die de hele regio raken, nemen we mee naar het \
            landelijke netwerk.",
        ambition: "Alle twaalf Drentse gemeenten hebben een lokale inclusieagenda. Die agenda is \
            samen met ervaringsdeskundigen gemaakt.",
        needs:
            "In elke gemeente een vaste groep ervaringsdeskundigen. Vervoer naar bijeenkomsten, \
            want de afstanden zijn groot. Voorbeelden uit andere regio's.",
        status: NetworkStatus::Active,
        visibility: Visibility::Public,
        parent: Some("nig"),
        contact: Some("inclusiefdrenthe@example.org"),
        communication: "Vier regionale bijeenkomsten per jaar, steeds in een andere gemeente. \
            Wie niet kan reizen, doet mee via een videogesprek.",
        topics: &["local_policy", "participation", "experience_expertise"],
        created_by: "coordinator",
    },
    NetworkSeed {
        key: "musea",
        slug: "toegankelijke-musea-utrecht",
        name: "Toegankelijke musea Utrecht",
        theme: "Musea in Utrecht waar iedereen welkom is",
        scope: Scope::Local,
        municipality: Some("GM0344"),
        region: None,
        province: None,
        description: "Musea, ervaringsdeskundigen en de gemeente Utrecht werken samen aan musea \
            waar iedereen welkom is. Denk aan een route voor rolstoelen, rustige uren, \
            rondleidingen in gebarentaal en teksten in eenvoudige taal. Ervaringsdeskundigen \
            testen de musea en vertellen wat beter kan.",
        ambition: "Iedereen kan in Utrecht zonder hulp een museum bezoeken. We beginnen klein: \
            eerst drie musea, dan de rest.",
        needs: "Een routekaart met kleine stappen. Ervaringsdeskundigen die een museum willen \
            testen. Museummedewerkers die willen leren.",
        status: NetworkStatus::Active,
        visibility: Visibility::Public,
        parent: Some("nig"),
        contact: Some("toegankelijkemusea@example.org"),
        communication: "Elke zes weken een bijeenkomst, steeds in een ander museum. Tussendoor \
            een korte nieuwsbrief. Bij elke bijeenkomst een tolk NGT.",
        topics: &["culture", "accessibility", "leisure"],
        created_by: "coordinator",
    },
    NetworkSeed {
        key: "gent",
        slug: "vrije-tijd-voor-iedereen-in-gent",
        name: "Vrije tijd voor iedereen in Gent",
        theme: "Lokaal netwerk vrijetijdsparticipatie in Gent",
        scope: Scope::Local,
        municipality: Some("44021"),
        region: None,
        province: None,
        description: "Een lokaal netwerk vrijetijdsparticipatie in Gent. Diensten van de stad, \
            sportclubs, jeugdwerk, cultuurhuizen en ervaringsdeskundigen werken samen. Zo kan \
            iedereen in Gent meedoen aan sport, cultuur en vrije tijd. Ook met een beperking of \
            met weinig geld.",
        ambition: "We voeren de lokale afsprakennota stap voor stap uit. We beginnen niet met \
            alles tegelijk, maar met één concreet project en een open en warm startmoment. Eerste \
            successen vieren we met alle partners.",
        needs: "Partners die elkaar eerst leren kennen. Aandacht voor verschillen in macht: een \
            kleine vereniging heeft minder tijd en geld dan een grote dienst. Verschillende \
            manieren van samenwerken, ook informeel.",
        status: NetworkStatus::Forming,
        visibility: Visibility::Public,
        parent: None,
        contact: Some("vrijetijdgent@example.org"),
        communication: "Netwerkoverleg om de twee maanden, tussendoor informele koffiemomenten \
            en een gedeelde online map voor verslagen.",
        topics: &["leisure", "sport", "culture"],
        created_by: "admin",
    },
    NetworkSeed {
        key: "kring",
        slug: "ervaringskring-emmen",
        name: "Ervaringskring Emmen",
        theme: "Ervaringsdeskundigen in Emmen steunen elkaar",
        scope: Scope::Local,
        municipality: Some("GM0114"),
        region: None,
        province: None,
        description: "Een besloten groep voor ervaringsdeskundigen in Emmen. We delen ervaringen \
            met de Wmo en de zorg, en we steunen elkaar. Wat we hier delen, blijft in de groep.",
        ambition: "Ervaringsdeskundigen in Emmen voelen zich sterk genoeg om mee te praten met de \
            gemeente.",
        needs: "Een veilige plek. Duidelijke afspraken over vertrouwelijkheid. Persoonlijk \
            contact, ook voor mensen die moeilijk lezen.",
        status: NetworkStatus::Active,
        visibility: Visibility::Members,
        parent: Some("drenthe"),
        contact: None,
        communication: "Eén keer per maand samen koffie in het wijkcentrum. Afspraken ook per \
            telefoon, voor wie niet graag leest.",
        topics: &["experience_expertise", "care", "participation"],
        created_by: "lid",
    },
    NetworkSeed {
        key: "festivals",
        slug: "toegankelijke-evenementen-assen",
        name: "Toegankelijke evenementen Assen",
        theme: "Festivals en evenementen in Assen voor iedereen",
        scope: Scope::Local,
        municipality: Some("GM0106"),
        region: None,
        province: None,
        description: "Organisatoren van festivals en evenementen in Assen werken samen met \
            ervaringsdeskundigen. Denk aan een aangepast toilet, een verhoogd podium voor \
            rolstoelen en een rustige ruimte. Het netwerk ligt even stil tot na de zomer.",
        ambition: "Elk groot evenement in Assen gebruikt een checklist voor toegankelijkheid.",
        needs: "Organisatoren die mee willen doen. Ervaringsdeskundigen die een evenement willen \
            bezoeken en testen.",
        status: NetworkStatus::Paused,
        visibility: Visibility::Public,
        parent: Some("drenthe"),
        contact: Some("evenementenassen@example.org"),
        communication: "Een bijeenkomst voor en na het festivalseizoen.",
        topics: &["events", "accessibility"],
        created_by: "coordinator",
    },
    NetworkSeed {
        key: "overijssel",
        slug: "inclusief-overijssel",
        name: "Inclusief Overijssel",
        theme: "Inclusie in de gemeenten van Overijssel",
        scope: Scope::Regional,
        municipality: None,
        region: Some("Overijssel"),
        province: Some("PV23"),
        description: "Een nieuw netwerk voor heel Overijssel, van Zwolle tot Enschede. \
            Ervaringsdeskundigen, gemeenten en organisaties leren hier van elkaar. Is er in jouw \
            gemeente nog geen netwerk? Doe dan hier mee, of start er samen een.",
        ambition: "Elke gemeente in Overijssel heeft een lokale inclusieagenda. Die agenda is \
            samen met ervaringsdeskundigen gemaakt. We beginnen in twee gemeenten.",
        needs: "Mensen die in hun eigen gemeente een netwerk willen starten. Een plek voor \
            bijeenkomsten die voor iedereen goed te bereiken is.",
        status: NetworkStatus::Forming,
        visibility: Visibility::Public,
        parent: Some("nig"),
        contact: Some("inclusiefoverijssel@example.org"),
        communication: "Elk kwartaal een bijeenkomst in Zwolle. Wie niet kan reizen, doet mee \
            via een videogesprek.",
        topics: &["local_policy", "participation"],
        created_by: "coordinator",
    },
];

/// (network, member, role, commitment in the member's own words).
const MEMBERSHIPS: &[(&str, &str, Role, &str)] = &[
    (
        "nig",
        "sanne",
        Role::Coordinator,
        "Ik wil dat elke gemeente het VN-verdrag serieus neemt. Ik breng mensen bij elkaar, zodat we \
         van elkaar leren.",
    ),
    (
        "nig",
        "iedereenwelkom",
        Role::CoreGroup,
        "Wij zien elke dag wat er mis gaat als mensen niet mee kunnen doen. Wij willen dat \
         gemeenten goede voorbeelden delen.",
    ),
    (
        "nig",
        "joost",
        Role::CoreGroup,
        "Als VN-ambassadeur praat ik met raadsleden. Hier haal ik kennis op en breng ik vragen uit \
         Drenthe in.",
    ),
    (
        "nig",
        "lectoraat",
        Role::Partner,
        "Wij onderzoeken wat werkt. Dit netwerk helpt ons om onderzoek te doen dat mensen echt \
         gebruiken.",
    ),
    (
        "nig",
        "utrecht",
        Role::Partner,
        "Wij maken een lokale inclusieagenda en willen leren van andere gemeenten.",
    ),
    (
        "nig",
        "henk",
        Role::Member,
        "Als raadslid wil ik weten wat inwoners nodig hebben. Dan kan ik betere vragen stellen.",
    ),
    (
        "nig",
        "daan",
        Role::Member,
        "Ik wil helpen met de landkaart van inclusieve gemeenten. Kaarten maken vind ik leuk.",
    ),
    (
        "overijssel",
        "joost",
        Role::Coordinator,
        "In Drenthe leerden we hoe je een regionaal netwerk begint. Dat deel ik graag met \
         Overijssel.",
    ),
    (
        "drenthe",
        "joost",
        Role::Coordinator,
        "In Drenthe wonen we ver uit elkaar. Juist daarom wil ik dat we samen optrekken.",
    ),
    (
        "drenthe",
        "daan",
        Role::CoreGroup,
        "Ik wil dat mensen zoals ik gehoord worden in Emmen en in de rest van Drenthe.",
    ),
    (
        "drenthe",
        "henk",
        Role::Member,
        "In Coevorden staat inclusie nog niet op de agenda. Hier leer ik hoe andere gemeenten het \
         doen.",
    ),
    (
        "drenthe",
        "emmen",
        Role::Partner,
        "Wij willen de Wmo samen met inwoners beter maken, niet alleen voor hen.",
    ),
    (
        "drenthe",
        "els",
        Role::Member,
        "In mijn werk zie ik veel drempels. Ik wil helpen die weg te halen.",
    ),
    (
        "musea",
        "sanne",
        Role::Coordinator,
        "Ik ga graag naar musea, maar vaak kom ik niet verder dan de hal. Dat moet anders.",
    ),
    (
        "musea",
        "fatma",
        Role::CoreGroup,
        "Ik zie weinig, maar ik wil wel kunst beleven. Ik test graag mee en schrijf op wat beter \
         kan.",
    ),
    (
        "musea",
        "yara",
        Role::CoreGroup,
        "Rondleidingen zijn bijna nooit in gebarentaal. Ik wil laten zien dat het kan.",
    ),
    (
        "musea",
        "lotte",
        Role::Member,
        "Ik wil dat mijn rondleidingen voor iedereen werken. Hier leer ik hoe.",
    ),
    (
        "musea",
        "proefmuseum",
        Role::Partner,
        "Wij willen een museum zijn voor iedereen. We stellen ons gebouw open voor de schouw.",
    ),
    (
        "musea",
        "utrecht",
        Role::Partner,
        "Toegankelijke cultuur staat in onze inclusieagenda. Dit netwerk helpt ons die waar te \
         maken.",
    ),
    (
        "musea",
        "bouwen",
        Role::Partner,
        "Wij geven advies over drempels en liften. We leren graag van de mensen die ze gebruiken.",
    ),
    (
        "gent",
        "wim",
        Role::Coordinator,
        "Ik wil sporten bij een gewone club, samen met mijn vrienden. Daarom doe ik mee.",
    ),
    (
        "gent",
        "stadgent",
        Role::CoreGroup,
        "Wij zijn regisseur van het lokaal netwerk. We willen dat alle partners gelijkwaardig \
         meedoen.",
    ),
    (
        "gent",
        "sportclub",
        Role::Partner,
        "Onze club is klein, maar we hebben veel ervaring met aangepast sporten. Die delen we graag.",
    ),
    (
        "kring",
        "gerrit",
        Role::Coordinator,
        "Ik weet hoe eenzaam het is als je alleen tegen de regels vecht. Samen staan we sterker.",
    ),
    (
        "kring",
        "daan",
        Role::Member,
        "Hier kan ik zeggen wat ik denk, zonder dat het meteen op straat ligt.",
    ),
    (
        "festivals",
        "joost",
        Role::Coordinator,
        "Ik ga graag naar festivals, maar vaak sta ik achteraan in de modder. Dat kan beter.",
    ),
    (
        "festivals",
        "iedereenwelkom",
        Role::Partner,
        "Wij hebben een checklist voor toegankelijke evenementen. Die willen we samen verbeteren.",
    ),
    (
        "festivals",
        "daan",
        Role::Member,
        "Ik houd van muziek, maar harde geluiden en drukte zijn zwaar voor mij. Een rustige ruimte \
         helpt.",
    ),
];

struct GoalSeed {
    key: &'static str,
    network: &'static str,
    parent: Option<&'static str>,
    position: i32,
    title: &'static str,
    description: &'static str,
    status: GoalStatus,
    /// Months from today (negative: in the past).
    target_months: Option<i32>,
    owner: Option<&'static str>,
}

/// Parents come before their steps.
const GOALS: &[GoalSeed] = &[
    // Netwerk Inclusieve Gemeenten
    GoalSeed {
        key: "nig-route",
        network: "nig",
        parent: None,
        position: 1,
        title: "Een route naar een inclusieve gemeente",
        description: "Een route in stappen die elke gemeente kan volgen, gemaakt met de mensen om \
            wie het gaat.",
        status: GoalStatus::InProgress,
        target_months: Some(18),
        owner: Some("sanne"),
    },
    GoalSeed {
        key: "nig-map",
        network: "nig",
        parent: Some("nig-route"),
        position: 1,
        title: "Stakeholdersmap: wie heb je nodig aan tafel?",
        description:
            "Een overzicht van alle partijen die je nodig hebt voor een inclusieve gemeente.",
        status: GoalStatus::Achieved,
        target_months: Some(-6),
        owner: Some("iedereenwelkom"),
    },
    GoalSeed {
        key: "nig-programma",
        network: "nig",
        parent: Some("nig-route"),
        position: 2,
        title: "Tekst voor lokale verkiezingsprogramma's",
        description: "Een korte tekst over inclusie die elke partij in haar programma kan zetten.",
        status: GoalStatus::Achieved,
        target_months: Some(-2),
        owner: Some("henk"),
    },
    GoalSeed {
        key: "nig-landkaart",
        network: "nig",
        parent: Some("nig-route"),
        position: 3,
        title: "Landkaart van inclusieve gemeenten",
        description: "Een kaart die laat zien welke gemeenten een inclusieagenda hebben, met een \
            contactpersoon.",
        status: GoalStatus::InProgress,
        target_months: Some(6),
        owner: Some("daan"),
    },
    GoalSeed {
        key: "nig-match",
        network: "nig",
        parent: Some("nig-route"),
        position: 4,
        title: "Matchcentrum voor ervaringsdeskundigen en gemeenten",
        description: "Gemeenten die ervaringsdeskundigen zoeken, vinden hier mensen die willen \
            meedenken.",
        status: GoalStatus::Proposed,
        target_months: Some(24),
        owner: None,
    },
    GoalSeed {
        key: "nig-uitleg",
        network: "nig",
        parent: None,
        position: 2,
        title: "Korte uitleg over het VN-verdrag voor raadsleden en ambtenaren",
        description: "Eén A4 in eenvoudige taal: wat staat er in het verdrag en wat betekent het \
            voor de gemeente?",
        status: GoalStatus::Agreed,
        target_months: Some(4),
        owner: Some("lectoraat"),
    },
    GoalSeed {
        key: "nig-protocol",
        network: "nig",
        parent: Some("nig-uitleg"),
        position: 1,
        title: "Uitleg over het facultatief protocol",
        description: "Wat is het protocol, wat kun je ermee en wanneer gaat het gelden?",
        status: GoalStatus::Proposed,
        target_months: Some(8),
        owner: Some("lectoraat"),
    },
    GoalSeed {
        key: "nig-stage",
        network: "nig",
        parent: None,
        position: 3,
        title: "Inclusiestage bij een gemeente",
        description: "We stoppen hier voorlopig mee: er was te weinig tijd. Misschien pakken we \
            het later weer op.",
        status: GoalStatus::Dropped,
        target_months: None,
        owner: None,
    },
    // Inclusief Drenthe
    GoalSeed {
        key: "dr-agenda",
        network: "drenthe",
        parent: None,
        position: 1,
        title: "Elke Drentse gemeente een inclusieagenda",
        description: "Alle twaalf gemeenten maken een lokale inclusieagenda, samen met \
            ervaringsdeskundigen.",
        status: GoalStatus::InProgress,
        target_months: Some(30),
        owner: Some("joost"),
    },
    GoalSeed {
        key: "dr-bijeenkomst",
        network: "drenthe",
        parent: Some("dr-agenda"),
        position: 1,
        title: "Eerste regionale bijeenkomst",
        description: "Raadsleden, inwoners en ambtenaren praten over inclusie in hun eigen regio.",
        status: GoalStatus::Achieved,
        target_months: Some(-3),
        owner: Some("joost"),
    },
    GoalSeed {
        key: "dr-contact",
        network: "drenthe",
        parent: Some("dr-agenda"),
        position: 2,
        title: "In elke gemeente een contactpersoon voor ervaringsdeskundigheid",
        description: "Eén vast aanspreekpunt per gemeente, zodat ervaringsdeskundigen weten bij \
            wie ze terechtkunnen.",
        status: GoalStatus::InProgress,
        target_months: Some(6),
        owner: Some("daan"),
    },
    GoalSeed {
        key: "dr-vervoer",
        network: "drenthe",
        parent: Some("dr-agenda"),
        position: 3,
        title: "Vervoer naar bijeenkomsten regelen",
        description: "Wie niet zelf kan reizen, kan met de regiotaxi naar een bijeenkomst, zonder \
            extra kosten.",
        status: GoalStatus::Proposed,
        target_months: Some(4),
        owner: Some("emmen"),
    },
    // Toegankelijke musea Utrecht
    GoalSeed {
        key: "mu-drie",
        network: "musea",
        parent: None,
        position: 1,
        title: "Drie Utrechtse musea zonder drempels",
        description: "Drie musea zijn goed toegankelijk en vertellen dat duidelijk op hun website.",
        status: GoalStatus::InProgress,
        target_months: Some(12),
        owner: Some("sanne"),
    },
    GoalSeed {
        key: "mu-schouw",
        network: "musea",
        parent: Some("mu-drie"),
        position: 1,
        title: "Schouw met ervaringsdeskundigen in Het Proefmuseum",
        description: "Ervaringsdeskundigen lopen door het museum en schrijven op wat goed gaat en \
            wat beter kan.",
        status: GoalStatus::Achieved,
        target_months: Some(-1),
        owner: Some("fatma"),
    },
    GoalSeed {
        key: "mu-website",
        network: "musea",
        parent: Some("mu-drie"),
        position: 2,
        title: "Rolstoelroute en rustige uren op de website",
        description:
            "Bezoekers zien vooraf hoe ze door het museum kunnen en wanneer het rustig is.",
        status: GoalStatus::InProgress,
        target_months: Some(3),
        owner: Some("lotte"),
    },
    GoalSeed {
        key: "mu-ngt",
        network: "musea",
        parent: Some("mu-drie"),
        position: 3,
        title: "Rondleiding in Nederlandse Gebarentaal",
        description: "Elke maand een rondleiding in NGT, gegeven door een dove gids.",
        status: GoalStatus::Agreed,
        target_months: Some(5),
        owner: Some("yara"),
    },
    GoalSeed {
        key: "mu-teksten",
        network: "musea",
        parent: Some("mu-drie"),
        position: 4,
        title: "Teksten bij de kunstwerken in eenvoudige taal",
        description: "Korte teksten op taalniveau B1, ook om voor te laten lezen.",
        status: GoalStatus::Proposed,
        target_months: Some(9),
        owner: None,
    },
    GoalSeed {
        key: "mu-vieren",
        network: "musea",
        parent: None,
        position: 2,
        title: "Het eerste succes vieren met alle partners",
        description: "Een feestelijke middag in het museum dat als eerste zonder drempels is.",
        status: GoalStatus::Agreed,
        target_months: Some(13),
        owner: Some("proefmuseum"),
    },
    // Vrije tijd voor iedereen in Gent
    GoalSeed {
        key: "ge-start",
        network: "gent",
        parent: None,
        position: 1,
        title: "Open en warm startmoment",
        description: "Alle partners leren elkaar kennen en maken afspraken over hoe we \
            samenwerken, voordat het werk echt start.",
        status: GoalStatus::Agreed,
        target_months: Some(2),
        owner: Some("stadgent"),
    },
    GoalSeed {
        key: "ge-meerwaarde",
        network: "gent",
        parent: Some("ge-start"),
        position: 1,
        title: "Per partner de meerwaarde op papier",
        description: "Wat levert het netwerk elke partner op? We vragen het hen zelf.",
        status: GoalStatus::InProgress,
        target_months: Some(1),
        owner: Some("wim"),
    },
    GoalSeed {
        key: "ge-project",
        network: "gent",
        parent: None,
        position: 2,
        title: "Eén concreet project: samen sporten voor iedereen",
        description: "Een open trainingsdag waar iedereen kan kennismaken met aangepast sporten.",
        status: GoalStatus::Proposed,
        target_months: Some(6),
        owner: Some("sportclub"),
    },
    // Ervaringskring Emmen (members only)
    GoalSeed {
        key: "kr-afspraken",
        network: "kring",
        parent: None,
        position: 1,
        title: "Afspraken over vertrouwelijkheid",
        description: "Wat we in de kring delen, blijft in de kring. We schreven samen op hoe we \
            dat doen.",
        status: GoalStatus::Achieved,
        target_months: Some(-4),
        owner: Some("gerrit"),
    },
    GoalSeed {
        key: "kr-inspraak",
        network: "kring",
        parent: None,
        position: 2,
        title: "Samen naar de inspraakavond over de Wmo",
        description: "We bereiden onze vragen samen voor en gaan met z'n allen.",
        status: GoalStatus::InProgress,
        target_months: Some(2),
        owner: Some("daan"),
    },
    // Toegankelijke evenementen Assen (paused)
    GoalSeed {
        key: "fe-checklist",
        network: "festivals",
        parent: None,
        position: 1,
        title: "Checklist toegankelijk evenement",
        description: "Een korte checklist die organisatoren vóór elk evenement doorlopen.",
        status: GoalStatus::Agreed,
        target_months: Some(9),
        owner: Some("iedereenwelkom"),
    },
];

/// (goal, member, stance, comment).
/// A demo meeting: `days` from today (negative: in the past), starting at
/// `hour` UTC, for `hours`.
struct MeetingSeed {
    key: &'static str,
    network: &'static str,
    title: &'static str,
    description: &'static str,
    kind: MeetingKind,
    format: MeetingFormat,
    days: i64,
    hour: u32,
    hours: i64,
    venue: (&'static str, &'static str, Option<&'static str>),
    online_url: Option<&'static str>,
    features: &'static [AccessFeature],
    access_note: &'static str,
    capacity: Option<i32>,
    status: MeetingStatus,
    cancel_reason: &'static str,
    organiser: &'static str,
}

const MEETINGS: &[MeetingSeed] = &[
    MeetingSeed {
        key: "drenthe-start",
        network: "drenthe",
        title: "Warm startmoment Inclusief Drenthe",
        description: "We beginnen met koffie en kennismaken. Daarna vertelt iedereen wat inclusie \
            voor hem of haar betekent. Samen kiezen we de eerste stappen voor de regio.",
        kind: MeetingKind::KickOff,
        format: MeetingFormat::InPerson,
        days: 21,
        hour: 18,
        hours: 3,
        venue: ("Bibliotheek Assen", "Collegeplein 1, Assen", Some("GM0106")),
        online_url: None,
        features: &[
            AccessFeature::StepFree,
            AccessFeature::AccessibleToilet,
            AccessFeature::InductionLoop,
            AccessFeature::SignLanguage,
            AccessFeature::PublicTransport,
            AccessFeature::Breaks,
        ],
        access_note: "Er is de hele avond een NGT-tolk. De ingang aan het Collegeplein heeft \
            een automatische deur. Het station is op vijf minuten lopen.",
        capacity: Some(40),
        status: MeetingStatus::Planned,
        cancel_reason: "",
        organiser: "joost",
    },
    MeetingSeed {
        key: "drenthe-emmen",
        network: "drenthe",
        title: "Netwerkavond in Emmen",
        description: "Henk en Daan vertelden hoe Emmen inwoners betrekt bij de Wmo. Daarna \
            spraken we in kleine groepen.",
        kind: MeetingKind::NetworkMeeting,
        format: MeetingFormat::Hybrid,
        days: -40,
        hour: 18,
        hours: 2,
        venue: (
            "Gemeentehuis Emmen",
            "Raadhuisplein 1, Emmen",
            Some("GM0114"),
        ),
        online_url: Some("https://meet.example.org/drenthe-emmen"),
        features: &[
            AccessFeature::StepFree,
            AccessFeature::AccessibleToilet,
            AccessFeature::Captions,
        ],
        access_note: "",
        capacity: None,
        status: MeetingStatus::Held,
        cancel_reason: "",
        organiser: "joost",
    },
    MeetingSeed {
        key: "drenthe-vervoer",
        network: "drenthe",
        title: "Werkplaats vervoer naar bijeenkomsten",
        description: "Hoe komen we allemaal op dezelfde plek, als we ver uit elkaar wonen?",
        kind: MeetingKind::Workshop,
        format: MeetingFormat::InPerson,
        days: 10,
        hour: 13,
        hours: 2,
        venue: (
            "Dorpshuis Westerbork",
            "Hoofdstraat 10, Westerbork",
            Some("GM1731"),
        ),
        online_url: None,
        features: &[AccessFeature::StepFree],
        access_note: "",
        capacity: Some(20),
        status: MeetingStatus::Cancelled,
        cancel_reason: "De zaal is niet beschikbaar. We plannen snel een nieuwe datum.",
        organiser: "daan",
    },
    MeetingSeed {
        key: "musea-schouw",
        network: "musea",
        title: "Samen op schouw in het Centraal Museum",
        description: "We lopen samen door het museum en schrijven op wat goed gaat en wat \
            beter kan. Daarna praten we met de directie.",
        kind: MeetingKind::Workshop,
        format: MeetingFormat::InPerson,
        days: 14,
        hour: 9,
        hours: 3,
        venue: (
            "Centraal Museum",
            "Agnietenstraat 1, Utrecht",
            Some("GM0344"),
        ),
        online_url: None,
        features: &[
            AccessFeature::StepFree,
            AccessFeature::AccessibleToilet,
            AccessFeature::QuietRoom,
            AccessFeature::AssistanceDogs,
            AccessFeature::EasyRead,
        ],
        access_note: "De stukken sturen we een week van tevoren, ook in makkelijke taal.",
        capacity: Some(12),
        status: MeetingStatus::Planned,
        cancel_reason: "",
        organiser: "sanne",
    },
    MeetingSeed {
        key: "nig-online",
        network: "nig",
        title: "Online netwerkbijeenkomst: de lokale inclusieagenda",
        description: "Gemeenten vertellen hoe ze hun inclusieagenda samen met inwoners maakten.",
        kind: MeetingKind::NetworkMeeting,
        format: MeetingFormat::Online,
        days: 30,
        hour: 14,
        hours: 1,
        venue: ("", "", None),
        online_url: Some("https://meet.example.org/inclusieagenda"),
        features: &[
            AccessFeature::Captions,
            AccessFeature::SignLanguage,
            AccessFeature::EasyRead,
        ],
        access_note: "",
        capacity: None,
        status: MeetingStatus::Planned,
        cancel_reason: "",
        organiser: "sanne",
    },
];

/// Who registered for the demo meetings, with what they need (stated with
/// consent; `true`: their name may be shown with it).
const REGISTRATIONS: &[(&str, &str, &[AccessFeature], &str, bool)] = &[
    (
        "drenthe-start",
        "daan",
        &[AccessFeature::StepFree],
        "",
        true,
    ),
    (
        "drenthe-start",
        "henk",
        &[AccessFeature::SignLanguage],
        "",
        false,
    ),
    (
        "drenthe-start",
        "els",
        &[AccessFeature::QuietRoom, AccessFeature::Breaks],
        "Graag een plek bij de deur.",
        false,
    ),
    ("drenthe-emmen", "daan", &[], "", false),
    ("drenthe-emmen", "henk", &[], "", false),
    ("drenthe-emmen", "joost", &[], "", false),
    (
        "drenthe-emmen",
        "els",
        &[AccessFeature::Captions],
        "",
        false,
    ),
    ("drenthe-emmen", "gerrit", &[], "", false),
    ("drenthe-emmen", "wim", &[], "", false),
    ("drenthe-emmen", "fatma", &[], "", false),
    (
        "musea-schouw",
        "daan",
        &[AccessFeature::QuietRoom],
        "",
        true,
    ),
];

/// The agenda the members made: (meeting, proposer, title, minutes asked,
/// status, position, reason it was declined, notes, supporters).
type AgendaSeed = (
    &'static str,
    &'static str,
    &'static str,
    Option<i32>,
    AgendaStatus,
    i32,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const AGENDA: &[AgendaSeed] = &[
    ("drenthe-start", "joost", "Welkom en kennismaken", Some(30), AgendaStatus::Accepted, 1, "", "", &[]),
    ("drenthe-start", "daan", "Wat betekent inclusie voor jou?", Some(45), AgendaStatus::Accepted, 2, "", "", &["henk", "els"]),
    ("drenthe-start", "els", "Vervoer naar bijeenkomsten in de regio", Some(20), AgendaStatus::Proposed, 0, "", "", &["daan", "henk"]),
    ("drenthe-start", "henk", "De begroting van Coevorden", Some(30), AgendaStatus::Declined, 0,
        "Dat bespreken we in de raad van Coevorden. Henk neemt het mee naar de volgende netwerkavond.", "", &[]),
    ("drenthe-emmen", "henk", "Hoe Emmen inwoners betrekt bij de Wmo", Some(40), AgendaStatus::Accepted, 1, "",
        "Emmen nodigt ervaringsdeskundigen uit voor elke nieuwe regeling. Dat werkt: de regels voor de \
         vervoerspas zijn duidelijker geworden.", &["daan"]),
    ("drenthe-emmen", "daan", "Een schouw in het gemeentehuis", Some(20), AgendaStatus::Accepted, 2, "",
        "Drie drempels gevonden; de balie is te hoog voor rolstoelgebruikers.", &["els"]),
];

/// A message on a network's board, or a reply (`reply_to` names the
/// message).
struct MessageSeed {
    key: &'static str,
    network: &'static str,
    author: &'static str,
    reply_to: Option<&'static str>,
    title: &'static str,
    body: &'static str,
    pinned: bool,
    public: bool,
    hours_ago: i64,
}

const MESSAGES: &[MessageSeed] = &[
    MessageSeed {
        key: "nig-welkom",
        network: "nig",
        author: "sanne",
        reply_to: None,
        title: "Welkom op het prikbord",
        body: "Hier delen we vragen, tips en nieuws. Iedereen mag meelezen met dit bericht.\n\n\
               - Lees eerst de **spelregels**.\n\
               - Zet een vraag in een nieuw bericht, een antwoord eronder.",
        pinned: true,
        public: true,
        hours_ago: 72,
    },
    MessageSeed {
        key: "nig-raad",
        network: "nig",
        author: "daan",
        reply_to: None,
        title: "Voorbeeld gezocht: een toegankelijke raadsvergadering",
        body: "Wie kent een gemeente waar de raadsvergadering goed te volgen is? Met *tolk*, \
               ondertiteling of een samenvatting in eenvoudige taal.",
        pinned: false,
        public: false,
        hours_ago: 20,
    },
    MessageSeed {
        key: "nig-raad-henk",
        network: "nig",
        author: "henk",
        reply_to: Some("nig-raad"),
        title: "",
        body: "In Coevorden zetten we de stukken nu ook in eenvoudige taal online. Ik stuur je de link.",
        pinned: false,
        public: false,
        hours_ago: 18,
    },
    MessageSeed {
        key: "drenthe-vervoer",
        network: "drenthe",
        author: "joost",
        reply_to: None,
        title: "Samen reizen naar de netwerkavond",
        body: "Wie rijdt er mee vanuit Emmen? Er is plek voor een rolstoel in mijn bus.",
        pinned: false,
        public: false,
        hours_ago: 6,
    },
    MessageSeed {
        key: "musea-tip",
        network: "musea",
        author: "fatma",
        reply_to: None,
        title: "Tip: rondleiding met gebarentaal",
        body: "Het Centraal Museum heeft elke maand een rondleiding met een tolk gebarentaal.",
        pinned: false,
        public: false,
        hours_ago: 30,
    },
];

/// The national network's house rules changed once: (network, by, the
/// line added to the default).
const RULES_CHANGED: (&str, &str, &str) = (
    "nig",
    "sanne",
    "- Noem in een bericht geen namen van inwoners. Vertel over de situatie, niet over de persoon.",
);

/// What the meetings decided: (meeting, text, the goal it became).
const OUTCOMES: &[(&str, &str, Option<&str>)] = &[
    (
        "drenthe-emmen",
        "Emmen deelt zijn aanpak met de andere Drentse gemeenten.",
        None,
    ),
    (
        "drenthe-emmen",
        "We schouwen elk gemeentehuis in Drenthe samen met ervaringsdeskundigen.",
        Some("Elk Drents gemeentehuis geschouwd"),
    ),
];

/// The inclusion pulse of the past meeting: (person, could take part, felt
/// heard, comment).
const PULSES: &[(&str, &str, i32, i32, &str)] = &[
    (
        "drenthe-emmen",
        "daan",
        5,
        4,
        "Fijn dat er ondertiteling was.",
    ),
    ("drenthe-emmen", "henk", 4, 4, ""),
    ("drenthe-emmen", "joost", 5, 5, ""),
    ("drenthe-emmen", "els", 3, 4, "De zaal was te warm."),
    (
        "drenthe-emmen",
        "gerrit",
        4,
        3,
        "Ik kwam er niet goed tussen in de grote groep.",
    ),
    ("drenthe-emmen", "wim", 4, 4, ""),
];

/// The talents steps need (the matchcentrum finds the members who offer
/// them).
const NEEDS: &[(&str, &[&str])] = &[
    ("nig-landkaart", &["ontwerpen", "it"]),
    ("nig-match", &["schrijven", "ervaringsdeskundigheid"]),
    ("nig-protocol", &["schrijven", "juridische kennis"]),
    ("dr-vervoer", &["fotograferen", "schrijven"]),
];

/// Offers of help on steps ("Ik help mee"), as the core group answered them.
const HELPERS: &[(&str, &str, HelperStatus, &str)] = &[
    (
        "nig-landkaart",
        "daan",
        HelperStatus::Accepted,
        "Ik maak de kaart in de avonden.",
    ),
    (
        "nig-match",
        "henk",
        HelperStatus::Offered,
        "Ik schrijf graag mee aan de teksten.",
    ),
];

const ENDORSEMENTS: &[(&str, &str, Stance, &str)] = &[
    ("nig-route", "joost", Stance::Support, "Heel goed. In Drenthe kunnen we deze route meteen gebruiken."),
    ("nig-route", "daan", Stance::Support, "Graag met plaatjes bij elke stap."),
    ("nig-route", "iedereenwelkom", Stance::Support, "Wij helpen mee met goede voorbeelden."),
    (
        "nig-route",
        "utrecht",
        Stance::Concern,
        "Goed plan, maar houd de route kort. Ambtenaren hebben weinig tijd om lange stukken te lezen.",
    ),
    (
        "nig-match",
        "lectoraat",
        Stance::Concern,
        "Let op de privacy van ervaringsdeskundigen. Vraag altijd eerst toestemming.",
    ),
    ("nig-uitleg", "henk", Stance::Support, "Dit hebben raadsleden hard nodig."),
    ("dr-vervoer", "daan", Stance::Support, "Zonder vervoer kan ik niet komen. Dit is echt nodig."),
    (
        "dr-vervoer",
        "emmen",
        Stance::Concern,
        "We zoeken nog uit wie dit betaalt. Misschien kunnen de gemeenten het samen doen.",
    ),
    ("mu-drie", "fatma", Stance::Support, "Drie musea is haalbaar. Dan kunnen de anderen zien dat het kan."),
    ("mu-drie", "proefmuseum", Stance::Support, "Wij willen graag het eerste museum zijn."),
    ("mu-ngt", "yara", Stance::Support, "Ik geef de eerste rondleiding zelf."),
    (
        "mu-teksten",
        "lotte",
        Stance::Concern,
        "Goed idee, maar laat de teksten eerst testen door mensen die moeite hebben met lezen.",
    ),
    ("ge-start", "sportclub", Stance::Support, "Graag op een zaterdag, dan kunnen onze vrijwilligers ook komen."),
    (
        "ge-project",
        "stadgent",
        Stance::Concern,
        "Mooi, maar laten we eerst het startmoment doen. Niet te veel tegelijk.",
    ),
    ("kr-inspraak", "gerrit", Stance::Support, "Samen gaan maakt het minder spannend."),
];

/// The open seats of the stakeholder maps: network, kind, role, in the
/// core group's words.
const OPEN_SEATS: &[(&str, StakeholderKind, Role, &str)] = &[
    (
        "musea",
        StakeholderKind::ExperienceExpert,
        Role::CoreGroup,
        "Iemand die doof is en Nederlandse Gebarentaal spreekt",
    ),
    (
        "musea",
        StakeholderKind::Company,
        Role::Partner,
        "Een vervoerder die rolstoelvervoer naar de musea regelt",
    ),
    (
        "nig",
        StakeholderKind::Municipality,
        Role::CoreGroup,
        "Een beleidsmedewerker van een Vlaamse gemeente",
    ),
    (
        "drenthe",
        StakeholderKind::Company,
        Role::Partner,
        "Een werkgever uit Drenthe die inclusief wil werven",
    ),
    (
        "gent",
        StakeholderKind::ExperienceExpert,
        Role::CoreGroup,
        "Een ervaringsdeskundige uit Gent",
    ),
];

/// The articles of the UN Convention each network works on, by key.
const NETWORK_ARTICLES: &[(&str, &[i64])] = &[
    ("nig", &[4, 29, 33]),
    ("drenthe", &[9, 19, 29]),
    ("musea", &[9, 30]),
    ("gent", &[30]),
    ("kring", &[8, 29]),
    ("festivals", &[9, 30]),
    ("overijssel", &[19, 27]),
];

/// The articles of the UN Convention goals work on, by key.
const GOAL_ARTICLES: &[(&str, &[i64])] = &[
    ("nig-route", &[4, 33]),
    ("nig-map", &[29]),
    ("nig-landkaart", &[31, 33]),
    ("nig-match", &[27]),
    ("nig-stage", &[27]),
    ("dr-agenda", &[4, 33]),
    ("dr-vervoer", &[9, 20]),
    ("mu-drie", &[30]),
    ("mu-schouw", &[9]),
    ("mu-website", &[9, 21]),
    ("mu-ngt", &[21, 30]),
    ("mu-teksten", &[21]),
    ("ge-project", &[30]),
    ("kr-inspraak", &[29]),
    ("fe-checklist", &[9, 30]),
];

/// The articles of the UN Convention a knowledge link is about, by title.
const LINK_ARTICLES: &[(&str, &[i64])] = &[
    (
        "UN Convention on the Rights of Persons with Disabilities",
        &[1, 3, 4],
    ),
    ("UWV voor werkgevers", &[27]),
    ("Digitoegankelijk: toegankelijke websites en apps", &[9, 21]),
    ("WCAG 2 Overview", &[9, 21]),
    (
        "Ongehinderd: toegankelijkheid van gebouwen vooraf bekijken",
        &[9],
    ),
    ("Museumvereniging", &[30]),
    ("UiTPAS: vrije tijd met korting", &[30]),
];

/// The articles a seed's key is tagged with, as a row keeps them.
fn articles_of(table: &[(&str, &[i64])], key: &str) -> String {
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, a)| crate::convention::join(a))
        .unwrap_or_default()
}

struct LinkSeed {
    url: &'static str,
    title: &'static str,
    summary: &'static str,
    language: &'static str,
    network: Option<&'static str>,
    added_by: &'static str,
    audiences: &'static [Audience],
    topics: &'static [&'static str],
}

const LINKS: &[LinkSeed] = &[
    // The platform-wide start page.
    LinkSeed {
        url: "https://www.coalitievoorinclusie.nl/",
        title: "Coalitie voor Inclusie",
        summary: "De Coalitie voor Inclusie werkt aan een samenleving waarin iedereen meedoet. \
            Met VN-ambassadeurs, themanetwerken en tips om zelf een netwerk te starten.",
        language: "nl",
        network: None,
        added_by: "admin",
        audiences: &[Audience::Everyone, Audience::ExperienceExperts],
        topics: &["un_convention", "participation", "experience_expertise"],
    },
    LinkSeed {
        url: "https://www.rijksoverheid.nl/onderwerpen/rechten-van-mensen-met-een-handicap",
        title: "Rechten van mensen met een handicap",
        summary: "Wat de overheid doet met het VN-verdrag Handicap, en wat gemeenten moeten doen.",
        language: "nl",
        network: None,
        added_by: "admin",
        audiences: &[Audience::Municipalities, Audience::Everyone],
        topics: &["un_convention", "local_policy"],
    },
    LinkSeed {
        url: "https://www.iedereenkandoemee.nl/",
        title: "Iedereen kan doemee",
        summary: "Ideeën en voorbeelden om mensen met een beperking mee te laten doen in de buurt, \
            de gemeente en op het werk.",
        language: "nl",
        network: None,
        added_by: "admin",
        audiences: &[Audience::ExperienceExperts, Audience::Municipalities],
        topics: &["participation", "local_policy"],
    },
    LinkSeed {
        url: "https://www.vn-verdragwerkt.nl/",
        title: "VN-verdrag werkt",
        summary: "Uitleg over het VN-verdrag in gewone taal, met voorbeelden uit gemeenten.",
        language: "nl",
        network: None,
        added_by: "admin",
        audiences: &[Audience::ExperienceExperts, Audience::Everyone],
        topics: &["un_convention", "information"],
    },
    LinkSeed {
        url: "https://www.iederin.nl/",
        title: "Ieder(in): netwerk voor mensen met een beperking of chronische ziekte",
        summary: "De koepel van belangenorganisaties. Nieuws, standpunten en hulp bij meedoen.",
        language: "nl",
        network: None,
        added_by: "admin",
        audiences: &[Audience::ExperienceExperts, Audience::Professionals],
        topics: &["participation", "care"],
    },
    LinkSeed {
        url: "https://vng.nl/",
        title: "VNG: Vereniging van Nederlandse Gemeenten",
        summary: "Voor gemeenten: handreikingen voor de lokale inclusieagenda en het sociaal domein.",
        language: "nl",
        network: None,
        added_by: "admin",
        audiences: &[Audience::Municipalities],
        topics: &["local_policy"],
    },
    LinkSeed {
        url: "https://www.uwv.nl/werkgevers",
        title: "UWV voor werkgevers",
        summary: "Iemand met een arbeidsbeperking in dienst nemen: regelingen, subsidies en \
            begeleiding.",
        language: "nl",
        network: None,
        added_by: "admin",
        audiences: &[Audience::Employers],
        topics: &["work", "income"],
    },
    LinkSeed {
        url: "https://www.mensenrechten.nl/",
        title: "College voor de Rechten van de Mens",
        summary: "Uitleg over gelijke behandeling. Hier kun je ook een vraag of klacht over \
            discriminatie voorleggen.",
        language: "nl",
        network: None,
        added_by: "admin",
        audiences: &[Audience::Everyone, Audience::Employers, Audience::ExperienceExperts],
        topics: &["un_convention", "work"],
    },
    LinkSeed {
        url: "https://www.movisie.nl/",
        title: "Movisie: kennis voor het sociaal domein",
        summary: "Kennis en methoden voor professionals die werken aan meedoen en participatie.",
        language: "nl",
        network: None,
        added_by: "admin",
        audiences: &[Audience::Professionals, Audience::Municipalities],
        topics: &["participation", "care"],
    },
    LinkSeed {
        url: "https://www.digitoegankelijk.nl/",
        title: "Digitoegankelijk: toegankelijke websites en apps",
        summary: "Wat overheden moeten doen om hun websites en apps voor iedereen bruikbaar te maken.",
        language: "nl",
        network: None,
        added_by: "admin",
        audiences: &[Audience::Municipalities, Audience::Professionals],
        topics: &["digital_accessibility", "information"],
    },
    LinkSeed {
        url: "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-persons-disabilities",
        title: "UN Convention on the Rights of Persons with Disabilities",
        summary: "The full text of the convention, in English, from the UN human rights office.",
        language: "en",
        network: None,
        added_by: "admin",
        audiences: &[Audience::Professionals, Audience::Everyone],
        topics: &["un_convention"],
    },
    LinkSeed {
        url: "https://www.w3.org/WAI/standards-guidelines/wcag/",
        title: "WCAG 2 Overview",
        summary: "The Web Content Accessibility Guidelines explained by the W3C: the standard \
            behind Dutch rules for accessible websites.",
        language: "en",
        network: None,
        added_by: "admin",
        audiences: &[Audience::Professionals, Audience::Employers],
        topics: &["digital_accessibility"],
    },
    // Links of single networks.
    LinkSeed {
        url: "https://www.ongehinderd.nl/",
        title: "Ongehinderd: toegankelijkheid van gebouwen vooraf bekijken",
        summary: "Zoek vooraf op of een museum, café of winkel toegankelijk is, beoordeeld door \
            bezoekers.",
        language: "nl",
        network: Some("musea"),
        added_by: "coordinator",
        audiences: &[Audience::ExperienceExperts, Audience::Everyone],
        topics: &["accessibility", "culture"],
    },
    LinkSeed {
        url: "https://www.museumvereniging.nl/",
        title: "Museumvereniging",
        summary: "De vereniging van Nederlandse musea, met nieuws over publiek en toegankelijkheid.",
        language: "nl",
        network: Some("musea"),
        added_by: "coordinator",
        audiences: &[Audience::Professionals, Audience::Employers],
        topics: &["culture"],
    },
    LinkSeed {
        url: "https://www.provincie.drenthe.nl/",
        title: "Provincie Drenthe",
        summary: "Nieuws en regelingen van de provincie, ook over vervoer en leefbaarheid in de regio.",
        language: "nl",
        network: Some("drenthe"),
        added_by: "coordinator",
        audiences: &[Audience::Municipalities],
        topics: &["transport", "local_policy"],
    },
    LinkSeed {
        url: "https://www.demos.be/",
        title: "Demos: begeleiding van lokale netwerken vrijetijdsparticipatie",
        summary: "Demos begeleidt Vlaamse steden en gemeenten bij de start van hun lokaal netwerk. \
            Vraag een gratis startgesprek aan.",
        language: "nl",
        network: Some("gent"),
        added_by: "admin",
        audiences: &[Audience::Municipalities, Audience::Professionals],
        topics: &["leisure", "participation"],
    },
    LinkSeed {
        url: "https://www.uitpas.be/",
        title: "UiTPAS: vrije tijd met korting",
        summary: "Met de UiTPAS krijg je korting op sport en cultuur, ook als je weinig geld hebt.",
        language: "nl",
        network: Some("gent"),
        added_by: "admin",
        audiences: &[Audience::ExperienceExperts, Audience::Everyone],
        topics: &["leisure", "culture", "sport"],
    },
    LinkSeed {
        url: "https://www.mee.nl/",
        title: "MEE: gratis cliëntondersteuning",
        summary: "Een cliëntondersteuner helpt je bij gesprekken over de Wmo, ook bij de gemeente.",
        language: "nl",
        network: Some("kring"),
        added_by: "lid",
        audiences: &[Audience::ExperienceExperts],
        topics: &["care", "participation"],
    },
];

// ---------------------------------------------------------------------------
// Loading.
// ---------------------------------------------------------------------------

struct Loader<'a> {
    conn: &'a mut DbConn,
    hash: &'a str,
    now: NaiveDateTime,
    today: NaiveDate,
    users: HashMap<&'static str, i64>,
    people: HashMap<&'static str, i64>,
    networks: HashMap<&'static str, i64>,
    goals: HashMap<&'static str, i64>,
}

/// A one-page PDF with a line of text, with a correct cross-reference
/// table (what a PDF reader checks).
fn demo_pdf(line: &str) -> Vec<u8> {
    let text = line.replace(['\\', '(', ')'], "");
    let content = format!("BT /F1 12 Tf 56 780 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

fn id_of(map: &HashMap<&'static str, i64>, what: &str, key: &str) -> Result<i64, ApiError> {
    map.get(key)
        .copied()
        .ok_or_else(|| ApiError::Internal(format!("demo data: unknown {what} {key:?}")))
}

impl<'a> Loader<'a> {
    fn new(conn: &'a mut DbConn, hash: &'a str) -> Loader<'a> {
        let now = db::now();
        Loader {
            conn,
            hash,
            now,
            today: now.date(),
            users: HashMap::new(),
            people: HashMap::new(),
            networks: HashMap::new(),
            goals: HashMap::new(),
        }
    }

    fn run(mut self) -> Result<(), ApiError> {
        self.accounts()?;
        self.people()?;
        self.networks()?;
        self.memberships()?;
        self.goals()?;
        self.talents()?;
        self.endorsements()?;
        self.meetings()?;
        self.board()?;
        self.links()?;
        self.documents()?;
        self.questions()?;
        self.open_seats()?;
        self.api_client()?;
        self.mail()
    }

    /// Who the networks still look for ("wie zoeken we nog").
    fn open_seats(&mut self) -> Result<(), ApiError> {
        for (network, kind, role, description) in OPEN_SEATS {
            let network_id = id_of(&self.networks, "network", network)?;
            diesel::insert_into(open_seats::table)
                .values((
                    open_seats::network_id.eq(network_id),
                    open_seats::kind.eq(kind.as_str()),
                    open_seats::role.eq(role.as_str()),
                    open_seats::description.eq(*description),
                    open_seats::created_at.eq(self.now),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    /// An API client of Gemeente Utrecht, made by the coordinator who
    /// manages its profile, that may add knowledge links, with a webhook
    /// for achieved goals in Utrecht. Its secrets are random: nobody signs
    /// in with it before rotating its secret.
    fn api_client(&mut self) -> Result<(), ApiError> {
        use crate::accounts::clients;
        let client: i64 = diesel::insert_into(api_clients::table)
            .values((
                api_clients::stakeholder_id.eq(id_of(&self.people, "stakeholder", "utrecht")?),
                api_clients::name.eq("Zaaksysteem gemeente Utrecht (demo)"),
                api_clients::client_id.eq(clients::new_client_id()),
                api_clients::secret_hash.eq(clients::hash_secret(&clients::new_secret())),
                api_clients::scopes.eq("knowledge-links:write webhooks:write"),
                api_clients::created_by.eq(id_of(&self.users, "account", "coordinator")?),
                api_clients::created_at.eq(self.now),
                api_clients::updated_at.eq(self.now),
            ))
            .returning(api_clients::id)
            .get_result(self.conn)?;
        diesel::insert_into(webhook_subscriptions::table)
            .values((
                webhook_subscriptions::api_client_id.eq(client),
                webhook_subscriptions::url
                    .eq("https://zaken.gemeente-utrecht.example/themanet/webhooks"),
                webhook_subscriptions::events.eq(",goal.achieved,meeting.planned,"),
                webhook_subscriptions::municipality_code.eq("GM0344"),
                webhook_subscriptions::secret.eq(crate::webhooks::sign::new_secret()),
                webhook_subscriptions::created_at.eq(self.now),
                webhook_subscriptions::updated_at.eq(self.now),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// A report of the kick-off's preparation in Drenthe (for members) and a
    /// public inspection form of the accessible-museums network, each in
    /// the database as an upload would put it.
    fn documents(&mut self) -> Result<(), ApiError> {
        let notes = "Voorbereiding warm startmoment Inclusief Drenthe\n\n\
                     - Locatie: bibliotheek Assen, drempelvrij, ringleiding in de zaal.\n\
                     - Tolk Nederlandse Gebarentaal is geregeld.\n\
                     - Iedereen stelt zich voor in één zin: waarom doe ik mee?\n";
        let form =
            demo_pdf("Schouwformulier toegankelijk museum: ingang, route, toiletten, rustruimte.");
        struct Shared<'s> {
            network: &'s str,
            person: &'s str,
            title: &'s str,
            description: &'s str,
            file_name: &'s str,
            bytes: Vec<u8>,
            media_type: &'s str,
            visibility: Visibility,
        }
        let items = [
            Shared {
                network: "drenthe",
                person: "daan",
                title: "Voorbereiding warm startmoment",
                description: "Wat we al geregeld hebben voor de kick-off in Assen.",
                file_name: "voorbereiding.txt",
                bytes: notes.as_bytes().to_vec(),
                media_type: "text/plain; charset=utf-8",
                visibility: Visibility::Members,
            },
            Shared {
                network: "musea",
                person: "sanne",
                title: "Schouwformulier",
                description: "Het formulier dat we gebruiken bij een schouw.",
                file_name: "schouwformulier.pdf",
                bytes: form,
                media_type: "application/pdf",
                visibility: Visibility::Public,
            },
        ];
        for Shared {
            network,
            person,
            title,
            description,
            file_name,
            bytes,
            media_type,
            visibility,
        } in items
        {
            let network_id = id_of(&self.networks, "network", network)?;
            let uploader = id_of(&self.people, "stakeholder", person)?;
            let user: Option<i64> = stakeholders::table
                .find(uploader)
                .select(stakeholders::user_id)
                .first(self.conn)?;
            let id: i64 = diesel::insert_into(documents::table)
                .values((
                    documents::network_id.eq(network_id),
                    documents::title.eq(title),
                    documents::description.eq(description),
                    documents::file_name.eq(file_name),
                    documents::media_type.eq(media_type),
                    documents::size_bytes.eq(bytes.len() as i64),
                    documents::sha256.eq(crate::accounts::sessions::sha256_hex(&bytes)),
                    documents::visibility.eq(visibility.as_str()),
                    documents::uploaded_by.eq(user),
                    documents::uploader_id.eq(uploader),
                    documents::created_at.eq(self.now),
                    documents::updated_at.eq(self.now),
                ))
                .returning(documents::id)
                .get_result(self.conn)?;
            diesel::insert_into(document_contents::table)
                .values((
                    document_contents::document_id.eq(id),
                    document_contents::bytes.eq(&bytes),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    /// The demo accounts' addresses are confirmed; Daan hears of news at
    /// once, Sanne in a weekly digest. The kick-off in Drenthe is announced,
    /// so a mail waits in the outbox (no SMTP server in the demo): the admin
    /// reads it on Postvak uit, or with `themanet outbox`.
    fn mail(&mut self) -> Result<(), ApiError> {
        for (account, notices) in [
            ("coordinator", "weekly"),
            ("lid", "immediate"),
            ("admin", "daily"),
        ] {
            diesel::update(users::table.find(id_of(&self.users, "account", account)?))
                .set((
                    users::email_verified_at.eq(self.now),
                    users::notices.eq(notices),
                ))
                .execute(self.conn)?;
        }
        let (id, network_id, title): (i64, i64, String) = meetings::table
            .filter(meetings::title.eq("Warm startmoment Inclusief Drenthe"))
            .select((meetings::id, meetings::network_id, meetings::title))
            .first(self.conn)?;
        crate::mail::notices::announce(
            self.conn,
            "http://127.0.0.1:8080",
            crate::mail::notices::Notice {
                network_id,
                kind: crate::domain::NoticeKind::Meeting,
                title: &title,
                path: format!("/bijeenkomst.html?id={id}"),
                actor: Some(id_of(&self.users, "account", "coordinator")?),
            },
        )
    }

    /// House rules for every network (the default; a second version in
    /// the national network), accepted by their members (Daan has yet to
    /// accept those of Drenthe), and messages on the boards.
    fn board(&mut self) -> Result<(), ApiError> {
        for n in NETWORKS {
            let network_id = id_of(&self.networks, "network", n.key)?;
            crate::queries::house_rules::write(
                self.conn,
                network_id,
                crate::queries::house_rules::DEFAULT,
                None,
            )?;
        }
        let (network, by, text) = RULES_CHANGED;
        let network_id = id_of(&self.networks, "network", network)?;
        let changed_by = id_of(&self.people, "stakeholder", by)?;
        let text = format!("{}\n{text}", crate::queries::house_rules::DEFAULT);
        crate::queries::house_rules::write(self.conn, network_id, &text, Some(changed_by))?;
        for (network, person, _, _) in MEMBERSHIPS {
            if (*network, *person) == ("drenthe", "daan") {
                continue;
            }
            let network_id = id_of(&self.networks, "network", network)?;
            let stakeholder_id = id_of(&self.people, "stakeholder", person)?;
            let version = crate::queries::house_rules::current_version(self.conn, network_id)?;
            crate::queries::house_rules::accept(self.conn, network_id, stakeholder_id, version)?;
        }
        let mut ids: HashMap<&str, i64> = HashMap::new();
        for m in MESSAGES {
            let network_id = id_of(&self.networks, "network", m.network)?;
            let author = id_of(&self.people, "stakeholder", m.author)?;
            let author_user: Option<i64> = stakeholders::table
                .find(author)
                .select(stakeholders::user_id)
                .first(self.conn)?;
            let parent_id = m.reply_to.map(|k| id_of(&ids, "message", k)).transpose()?;
            let at = self.now - chrono::Duration::hours(m.hours_ago);
            let id: i64 = diesel::insert_into(messages::table)
                .values((
                    messages::network_id.eq(network_id),
                    messages::parent_id.eq(parent_id),
                    messages::author_stakeholder_id.eq(author),
                    messages::author_user_id.eq(author_user),
                    messages::title.eq(m.title),
                    messages::body.eq(m.body),
                    messages::pinned.eq(m.pinned),
                    messages::public.eq(m.public),
                    messages::created_at.eq(at),
                    messages::updated_at.eq(at),
                ))
                .returning(messages::id)
                .get_result(self.conn)?;
            ids.insert(m.key, id);
        }
        Ok(())
    }

    fn meetings(&mut self) -> Result<(), ApiError> {
        let mut ids = HashMap::new();
        for m in MEETINGS {
            let network_id = id_of(&self.networks, "network", m.network)?;
            let day = self.today + chrono::Duration::days(m.days);
            let starts_at = day
                .and_hms_opt(m.hour, 0, 0)
                .ok_or_else(|| ApiError::Internal("demo data: meeting hour".into()))?;
            let v = MeetingValues {
                title: m.title.into(),
                description: m.description.into(),
                kind: m.kind.as_str().into(),
                format: m.format.as_str().into(),
                starts_at,
                ends_at: starts_at + chrono::Duration::hours(m.hours),
                time_zone: TimeZone::Amsterdam.as_str().into(),
                venue_name: m.venue.0.into(),
                venue_address: m.venue.1.into(),
                municipality_code: m.venue.2.map(Into::into),
                online_url: m.online_url.map(Into::into),
                visibility: Visibility::Public.as_str().into(),
                capacity: m.capacity,
                status: m.status.as_str().into(),
                cancel_reason: m.cancel_reason.into(),
                access_features: store_features(m.features),
                access_note: m.access_note.into(),
                organiser_id: Some(id_of(&self.people, "stakeholder", m.organiser)?),
            };
            let id: i64 = diesel::insert_into(meetings::table)
                .values((
                    &v,
                    meetings::network_id.eq(network_id),
                    meetings::created_at.eq(self.now),
                    meetings::updated_at.eq(self.now),
                ))
                .returning(meetings::id)
                .get_result(self.conn)?;
            ids.insert(m.key, id);
        }
        for (meeting, person, needs, note, share) in REGISTRATIONS {
            let meeting_id = id_of(&ids, "meeting", meeting)?;
            let stakeholder_id = id_of(&self.people, "stakeholder", person)?;
            let id: i64 = diesel::insert_into(meeting_registrations::table)
                .values((
                    meeting_registrations::meeting_id.eq(meeting_id),
                    meeting_registrations::stakeholder_id.eq(stakeholder_id),
                    meeting_registrations::status.eq(RegistrationStatus::Registered.as_str()),
                    meeting_registrations::created_at.eq(self.now),
                    meeting_registrations::updated_at.eq(self.now),
                ))
                .returning(meeting_registrations::id)
                .get_result(self.conn)?;
            if !needs.is_empty() || !note.is_empty() {
                diesel::insert_into(meeting_access_needs::table)
                    .values(AccessNeeds {
                        registration_id: id,
                        needs: store_features(needs),
                        note: (*note).into(),
                        share_name: *share,
                    })
                    .execute(self.conn)?;
            }
        }
        self.agenda(&ids)
    }

    fn agenda(&mut self, meetings: &HashMap<&'static str, i64>) -> Result<(), ApiError> {
        for (meeting, proposer, title, minutes, status, position, reason, notes, supporters) in
            AGENDA
        {
            let meeting_id = id_of(meetings, "meeting", meeting)?;
            let v = AgendaItemValues {
                title: (*title).into(),
                description: String::new(),
                minutes_asked: *minutes,
                status: status.as_str().into(),
                decline_reason: (*reason).into(),
                position: *position,
                minutes_planned: minutes.filter(|_| *status == AgendaStatus::Accepted),
                notes: (*notes).into(),
            };
            let id: i64 = diesel::insert_into(agenda_items::table)
                .values((
                    &v,
                    agenda_items::meeting_id.eq(meeting_id),
                    agenda_items::proposed_by.eq(id_of(&self.people, "stakeholder", proposer)?),
                    agenda_items::created_at.eq(self.now),
                    agenda_items::updated_at.eq(self.now),
                ))
                .returning(agenda_items::id)
                .get_result(self.conn)?;
            for person in *supporters {
                diesel::insert_into(agenda_supports::table)
                    .values((
                        agenda_supports::item_id.eq(id),
                        agenda_supports::stakeholder_id.eq(id_of(
                            &self.people,
                            "stakeholder",
                            person,
                        )?),
                        agenda_supports::created_at.eq(self.now),
                    ))
                    .execute(self.conn)?;
            }
        }
        for (meeting, text, goal) in OUTCOMES {
            let meeting_id = id_of(meetings, "meeting", meeting)?;
            let network = MEETINGS
                .iter()
                .find(|m| m.key == *meeting)
                .map(|m| m.network)
                .ok_or_else(|| {
                    ApiError::Internal(format!("demo data: unknown meeting {meeting:?}"))
                })?;
            let network_id = id_of(&self.networks, "network", network)?;
            let goal_id = match goal {
                Some(title) => Some(crate::queries::goals::insert(
                    self.conn,
                    network_id,
                    &GoalValues {
                        parent_id: None,
                        title: (*title).into(),
                        description: (*text).into(),
                        status: GoalStatus::Agreed.as_str().into(),
                        target_date: self.target(12),
                        achieved_at: None,
                        owner_id: None,
                        position: 10,
                        articles: String::new(),
                    },
                    None,
                    Some(meeting_id),
                )?),
                None => None,
            };
            diesel::insert_into(meeting_outcomes::table)
                .values((
                    meeting_outcomes::meeting_id.eq(meeting_id),
                    meeting_outcomes::text.eq(text),
                    meeting_outcomes::goal_id.eq(goal_id),
                    meeting_outcomes::created_at.eq(self.now),
                ))
                .execute(self.conn)?;
        }
        for (meeting, person, took_part, heard, comment) in PULSES {
            diesel::insert_into(meeting_pulses::table)
                .values((
                    meeting_pulses::meeting_id.eq(id_of(meetings, "meeting", meeting)?),
                    meeting_pulses::stakeholder_id.eq(id_of(&self.people, "stakeholder", person)?),
                    meeting_pulses::took_part.eq(took_part),
                    meeting_pulses::heard.eq(heard),
                    meeting_pulses::comment.eq(comment),
                    meeting_pulses::created_at.eq(self.now),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    fn accounts(&mut self) -> Result<(), ApiError> {
        for a in ACCOUNTS {
            let id: i64 = diesel::insert_into(users::table)
                .values(&NewUser {
                    email: a.email,
                    password_hash: self.hash,
                    display_name: a.display_name,
                    is_admin: a.admin,
                    created_at: self.now,
                    updated_at: self.now,
                })
                .returning(users::id)
                .get_result(self.conn)?;
            self.users.insert(a.key, id);
        }
        Ok(())
    }

    fn people(&mut self) -> Result<(), ApiError> {
        for p in PEOPLE {
            let shown = if p.kind.is_organisation() {
                FieldVisibility::Public
            } else {
                FieldVisibility::Networks
            }
            .as_str();
            let v = StakeholderValues {
                kind: p.kind.as_str().into(),
                name: p.name.into(),
                organisation: p.organisation.map(Into::into),
                expertise: p.expertise.map(Into::into),
                municipality_code: p.municipality.map(Into::into),
                // Contact details are kept only with consent to share them.
                email: p.email.filter(|_| p.share_contact).map(Into::into),
                phone: p.phone.filter(|_| p.share_contact).map(Into::into),
                listed: p.listed,
                share_contact: p.share_contact,
                access_needs: None,
                access_needs_consent: false,
                // Organisations show everything; the people of the demo show
                // their profile to the networks they are in.
                organisation_visibility: shown.into(),
                expertise_visibility: shown.into(),
                talents_visibility: shown.into(),
                languages_visibility: shown.into(),
                municipality_visibility: shown.into(),
                availability_hours: offer_of(p.key).0,
                availability_occasional: offer_of(p.key).1,
                findable: offer_of(p.key).2,
            };
            let user_id = p
                .account
                .map(|a| id_of(&self.users, "account", a))
                .transpose()?;
            let created_by = id_of(&self.users, "account", p.account.unwrap_or(p.added_by))?;
            let id: i64 = diesel::insert_into(stakeholders::table)
                .values((
                    &v,
                    stakeholders::user_id.eq(user_id),
                    stakeholders::created_by.eq(created_by),
                    stakeholders::created_at.eq(self.now),
                    stakeholders::updated_at.eq(self.now),
                ))
                .returning(stakeholders::id)
                .get_result(self.conn)?;
            let owned = |list: &[&str]| list.iter().map(|t| t.to_string()).collect();
            let profile = Profile {
                values: v,
                talents: owned(p.talents),
                languages: owned(p.languages),
            };
            crate::queries::stakeholders::save_extras(self.conn, id, &profile)?;
            self.people.insert(p.key, id);
        }
        Ok(())
    }

    fn networks(&mut self) -> Result<(), ApiError> {
        for n in NETWORKS {
            let parent_id = n
                .parent
                .map(|p| id_of(&self.networks, "network", p))
                .transpose()?;
            let v = NetworkValues {
                slug: n.slug.into(),
                name: n.name.into(),
                theme: n.theme.into(),
                scope: n.scope.as_str().into(),
                municipality_code: n.municipality.map(Into::into),
                region: n.region.map(Into::into),
                province_code: n.province.map(Into::into),
                description: n.description.into(),
                ambition: n.ambition.into(),
                needs: n.needs.into(),
                status: n.status.as_str().into(),
                visibility: n.visibility.as_str().into(),
                parent_id,
                contact: n.contact.map(Into::into),
                communication: n.communication.into(),
                articles: articles_of(NETWORK_ARTICLES, n.key),
            };
            let created_by = id_of(&self.users, "account", n.created_by)?;
            let id: i64 = diesel::insert_into(networks::table)
                .values((
                    &v,
                    networks::created_by.eq(created_by),
                    networks::created_at.eq(self.now),
                    networks::updated_at.eq(self.now),
                ))
                .returning(networks::id)
                .get_result(self.conn)?;
            for topic in n.topics {
                diesel::insert_into(network_topics::table)
                    .values((
                        network_topics::network_id.eq(id),
                        network_topics::topic.eq(topic),
                    ))
                    .execute(self.conn)?;
            }
            crate::queries::networks::index(self.conn, id, &v)?;
            self.networks.insert(n.key, id);
        }
        Ok(())
    }

    fn memberships(&mut self) -> Result<(), ApiError> {
        for (network, person, role, commitment) in MEMBERSHIPS {
            let network_id = id_of(&self.networks, "network", network)?;
            let stakeholder_id = id_of(&self.people, "stakeholder", person)?;
            diesel::insert_into(memberships::table)
                .values((
                    memberships::network_id.eq(network_id),
                    memberships::stakeholder_id.eq(stakeholder_id),
                    memberships::role.eq(role.as_str()),
                    memberships::commitment.eq(commitment),
                    memberships::created_at.eq(self.now),
                    memberships::updated_at.eq(self.now),
                    memberships::by_consent.eq(true),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    fn target(&self, months: i32) -> Option<NaiveDate> {
        let delta = Months::new(months.unsigned_abs());
        if months >= 0 {
            self.today.checked_add_months(delta)
        } else {
            self.today.checked_sub_months(delta)
        }
    }

    fn goals(&mut self) -> Result<(), ApiError> {
        for g in GOALS {
            let network = NETWORKS
                .iter()
                .find(|n| n.key == g.network)
                .ok_or_else(|| {
                    ApiError::Internal(format!("demo data: unknown network {:?}", g.network))
                })?;
            let v = GoalValues {
                parent_id: g
                    .parent
                    .map(|p| id_of(&self.goals, "goal", p))
                    .transpose()?,
                title: g.title.into(),
                description: g.description.into(),
                status: g.status.as_str().into(),
                target_date: g.target_months.and_then(|m| self.target(m)),
                achieved_at: (g.status == GoalStatus::Achieved).then_some(self.now),
                owner_id: g
                    .owner
                    .map(|o| id_of(&self.people, "stakeholder", o))
                    .transpose()?,
                position: g.position,
                articles: articles_of(GOAL_ARTICLES, g.key),
            };
            let network_id = id_of(&self.networks, "network", g.network)?;
            let created_by = id_of(&self.users, "account", network.created_by)?;
            let id: i64 = diesel::insert_into(goals::table)
                .values((
                    &v,
                    goals::network_id.eq(network_id),
                    goals::created_by.eq(created_by),
                    goals::created_at.eq(self.now),
                    goals::updated_at.eq(self.now),
                ))
                .returning(goals::id)
                .get_result(self.conn)?;
            self.goals.insert(g.key, id);
        }
        Ok(())
    }

    fn talents(&mut self) -> Result<(), ApiError> {
        for (goal, talents) in NEEDS {
            let goal_id = id_of(&self.goals, "goal", goal)?;
            let list: Vec<String> = talents.iter().map(|t| t.to_string()).collect();
            crate::queries::talents::set_needed(self.conn, goal_id, &list)?;
        }
        for (goal, person, status, message) in HELPERS {
            let goal_id = id_of(&self.goals, "goal", goal)?;
            let stakeholder_id = id_of(&self.people, "stakeholder", person)?;
            diesel::insert_into(crate::db::schema::goal_helpers::table)
                .values((
                    crate::db::schema::goal_helpers::goal_id.eq(goal_id),
                    crate::db::schema::goal_helpers::stakeholder_id.eq(stakeholder_id),
                    crate::db::schema::goal_helpers::status.eq(status.as_str()),
                    crate::db::schema::goal_helpers::message.eq(message),
                    crate::db::schema::goal_helpers::created_at.eq(self.now),
                    crate::db::schema::goal_helpers::decided_at
                        .eq((*status != HelperStatus::Offered).then_some(self.now)),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    fn endorsements(&mut self) -> Result<(), ApiError> {
        for (goal, person, stance, comment) in ENDORSEMENTS {
            let goal_id = id_of(&self.goals, "goal", goal)?;
            let stakeholder_id = id_of(&self.people, "stakeholder", person)?;
            diesel::insert_into(endorsements::table)
                .values((
                    endorsements::goal_id.eq(goal_id),
                    endorsements::stakeholder_id.eq(stakeholder_id),
                    endorsements::stance.eq(stance.as_str()),
                    endorsements::comment.eq(comment),
                    endorsements::created_at.eq(self.now),
                    endorsements::updated_at.eq(self.now),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    fn links(&mut self) -> Result<(), ApiError> {
        for l in LINKS {
            let v = KnowledgeLinkValues {
                url: l.url.into(),
                title: l.title.into(),
                summary: l.summary.into(),
                language: l.language.into(),
                network_id: l
                    .network
                    .map(|n| id_of(&self.networks, "network", n))
                    .transpose()?,
                articles: articles_of(LINK_ARTICLES, l.title),
            };
            let added_by = id_of(&self.users, "account", l.added_by)?;
            let id: i64 = diesel::insert_into(knowledge_links::table)
                .values((
                    &v,
                    knowledge_links::added_by.eq(added_by),
                    knowledge_links::created_at.eq(self.now),
                    knowledge_links::updated_at.eq(self.now),
                ))
                .returning(knowledge_links::id)
                .get_result(self.conn)?;
            for audience in l.audiences {
                diesel::insert_into(knowledge_link_audiences::table)
                    .values((
                        knowledge_link_audiences::link_id.eq(id),
                        knowledge_link_audiences::audience.eq(audience.as_str()),
                    ))
                    .execute(self.conn)?;
            }
            for topic in l.topics {
                diesel::insert_into(knowledge_link_topics::table)
                    .values((
                        knowledge_link_topics::link_id.eq(id),
                        knowledge_link_topics::topic.eq(topic),
                    ))
                    .execute(self.conn)?;
            }
            let topics: Vec<String> = l.topics.iter().map(|t| t.to_string()).collect();
            crate::queries::knowledge_links::index(self.conn, id, &v.title, &v.summary, &topics)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{is_slug, LANGUAGES};
    use crate::reference::municipality;

    #[test]
    fn demo_data_setting() {
        let wants = |vars: &[(&str, &str)]| {
            let config = Config::from_lookup(&|name| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            })
            .expect("a valid configuration");
            wanted(&config)
        };
        let pg = ("DATABASE_URL", "postgres://u@db/themanet");
        assert!(wants(&[]));
        assert!(!wants(&[pg]));
        assert!(wants(&[("DEMO_DATA", "auto")]));
        assert!(!wants(&[pg, ("DEMO_DATA", "auto")]));
        assert!(wants(&[pg, ("DEMO_DATA", "on")]));
        assert!(wants(&[pg, ("DEMO_DATA", " ON ")]));
        assert!(!wants(&[("DEMO_DATA", "off")]));
        // Production never, not even on an empty SQLite database.
        assert!(!wants(&[
            ("THEMANET_ENV", "production"),
            ("PUBLIC_URL", "https://themanet.example.nl"),
            ("JWT_SECRET", "Zq3v9PfL0xRk2mWb8sTy4nHc6jUe1aDg"),
        ]));
    }

    /// The content follows the rules the API enforces, so every demo row can
    /// be edited through the API without surprises.
    #[test]
    fn content_follows_the_api_rules() {
        let rank = |key: &str| {
            NETWORKS
                .iter()
                .find(|n| n.key == key)
                .map(|n| n.scope.rank())
        };
        for (i, n) in NETWORKS.iter().enumerate() {
            assert!(is_slug(n.slug) && n.slug.len() <= 60, "slug {}", n.slug);
            assert!(
                (3..=120).contains(&n.name.chars().count()),
                "name {}",
                n.name
            );
            assert!(
                n.description.len() <= 5000 && n.ambition.len() <= 2000 && n.needs.len() <= 2000
            );
            if let Some(code) = n.municipality {
                assert!(municipality(code).is_some(), "CBS code {code}");
            }
            if n.scope == Scope::Local {
                assert!(
                    n.municipality.is_some() || n.region.is_some(),
                    "{} needs a place",
                    n.key
                );
            }
            if let Some(parent) = n.parent {
                assert!(
                    NETWORKS[..i].iter().any(|p| p.key == parent),
                    "{parent} comes first"
                );
                assert!(
                    rank(parent) > Some(n.scope.rank()),
                    "{parent} reaches further than {}",
                    n.key
                );
            }
            assert!(
                MEMBERSHIPS
                    .iter()
                    .any(|(net, _, role, _)| *net == n.key && *role == Role::Coordinator),
                "{} has a coordinator",
                n.key
            );
        }
        let member = |net: &str, person: &str| {
            MEMBERSHIPS
                .iter()
                .any(|(n, p, _, _)| *n == net && *p == person)
        };
        for (i, g) in GOALS.iter().enumerate() {
            if let Some(owner) = g.owner {
                assert!(
                    member(g.network, owner),
                    "owner {owner} of {} is a member",
                    g.key
                );
            }
            if let Some(parent) = g.parent {
                assert!(
                    GOALS[..i]
                        .iter()
                        .any(|p| p.key == parent && p.network == g.network),
                    "parent of {} comes first, in the same network",
                    g.key
                );
            }
        }
        for m in MESSAGES {
            assert!(member(m.network, m.author), "{} writes as a member", m.key);
            assert!(
                m.reply_to.is_none() || m.title.is_empty(),
                "{}: replies have no title",
                m.key
            );
            assert!(m.reply_to.is_some() || (3..=200).contains(&m.title.chars().count()));
            assert!(!m.body.is_empty() && m.body.chars().count() <= 10000);
        }
        for (goal, person, _, _) in ENDORSEMENTS {
            let g = GOALS.iter().find(|g| g.key == *goal).expect("goal");
            assert!(
                member(g.network, person),
                "{person} endorses {goal} as a member"
            );
        }
        for p in PEOPLE {
            assert!(
                p.languages.iter().all(|l| LANGUAGES.contains(l)),
                "languages of {}",
                p.key
            );
            if let Some(code) = p.municipality {
                assert!(municipality(code).is_some(), "CBS code {code}");
            }
        }
        for kind in StakeholderKind::ALL {
            assert!(
                PEOPLE.iter().any(|p| p.kind == *kind),
                "a stakeholder of kind {kind:?}"
            );
        }
        for audience in Audience::ALL {
            assert!(
                LINKS.iter().any(|l| l.audiences.contains(audience)),
                "a link for {audience:?}"
            );
        }
        for l in LINKS {
            assert_eq!(
                crate::routes::knowledge_links::check_url(l.url).as_deref(),
                Ok(l.url),
                "stored as the API stores it"
            );
            assert!(LANGUAGES.contains(&l.language));
        }
    }
}
