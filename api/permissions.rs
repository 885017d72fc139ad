//! Who may do what, per object (the permission table of DESIGN.md). Checks
//! are small named functions, run inside the request's transaction.
//!
//! Nobody becomes a member of a network, and nobody's contact details or
//! access needs reach a network, except by that person's own act: only
//! memberships made `by_consent` make people co-members here.

use std::collections::HashMap;

use diesel::dsl::{exists, AsExprOf};
use diesel::prelude::*;
use diesel::sql_types::Bool;

use crate::accounts::auth::Auth;
use crate::db::models::{
    AgendaItem, ApiClient, Document, Goal, Invitation, KnowledgeLink, Meeting, Message, Network,
    Question, Stakeholder, WebhookSubscription,
};
use crate::db::schema::{
    agenda_items, api_clients, documents, goals, invitations, knowledge_links, meetings,
    memberships, messages, networks, questions, stakeholders, users, webhook_subscriptions,
};
use crate::db::{self, DbConn};
use crate::domain::{
    ContactRequestStatus, FieldVisibility, InvitationStatus, QuestionStatus, RegistrationStatus,
    Role, StakeholderKind, Visibility,
};
use crate::web::error::{ApiError, Code, InvalidParam};

/// The person behind a request, as the database knows them.
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    pub user_id: Option<i64>,
    pub is_admin: bool,
    /// The person stakeholder the account owns; for an API client, the
    /// organisation it acts for.
    pub stakeholder_id: Option<i64>,
    /// The API client behind the request, if a system signed in as itself
    /// (`accounts::clients`). It acts with its organisation's place in
    /// networks, but is never anyone's co-member: it sees people only as
    /// anonymous visitors do ([`in_my_networks`], [`may_see_field`]).
    pub client_id: Option<i64>,
}

/// May the viewer see a document: a public one whoever sees its network, a
/// members-only one those who read the members' part of the network (its
/// members once they accepted the current house rules, and admins:
/// [`may_read_members_messages`]).
pub fn may_see_document(visibility: &str, reads_members: bool) -> bool {
    Visibility::from_db(visibility) == Visibility::Public || reads_members
}

/// A document as the viewer may see it, with access to its network; 404 for
/// one that does not exist or that the viewer may not see (so ids of
/// members-only documents cannot be probed).
pub fn document_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<(Document, NetworkAccess), ApiError> {
    let gone = || ApiError::not_found("This document");
    let document: Document = documents::table
        .find(id)
        .select(Document::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(gone)?;
    let access = network_access(conn, viewer, document.network_id).map_err(|_| gone())?;
    let accepted = has_accepted_house_rules(conn, viewer, document.network_id)?;
    if !may_see_document(
        &document.visibility,
        may_read_members_messages(&access, accepted),
    ) {
        // A member who has yet to accept the house rules is told so.
        if access.is_insider() {
            must_accept_house_rules(&access, accepted)?;
        }
        return Err(gone());
    }
    Ok((document, access))
}

/// Who changes or deletes a document: whoever shared it, the core group and
/// coordinators of its network, and admins.
pub fn may_edit_document(
    access: &NetworkAccess,
    viewer: &Viewer,
    uploaded_by: Option<i64>,
) -> bool {
    access.is_organiser() || (viewer.user_id.is_some() && uploaded_by == viewer.user_id)
}

/// Who reads the outbox (every mail, with its recipient and words): platform
/// admins only.
pub fn may_read_outbox(viewer: &Viewer) -> Result<(), ApiError> {
    if viewer.is_admin {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "Only platform admins read the outbox.".into(),
        ))
    }
}

impl Viewer {
    /// 403 unless the viewer is a platform admin (who manages accounts).
    pub fn ensure_admin(&self) -> Result<(), ApiError> {
        if self.is_admin {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only platform admins manage accounts.".into(),
            ))
        }
    }

    pub const ANONYMOUS: Viewer = Viewer {
        user_id: None,
        is_admin: false,
        stakeholder_id: None,
        client_id: None,
    };

    /// Loads the account a token names; an account that no longer exists is 401.
    pub fn load(conn: &mut DbConn, auth: Auth) -> Result<Viewer, ApiError> {
        let (user_id, epoch) = match auth {
            Auth::Anonymous => return Ok(Viewer::ANONYMOUS),
            Auth::Client {
                id,
                epoch,
                needs,
                granted,
            } => return Viewer::load_client(conn, id, epoch, needs, granted),
            Auth::User { id, epoch } => (id, epoch),
        };
        // Here and below on the backend's own connection (`db::on_each!`):
        // every request that names a viewer or a network runs these.
        let (is_admin, current_epoch, disabled): (bool, i64, bool) =
            db::on_each!(conn, c => users::table
            .find(user_id)
            .select((users::is_admin, users::session_epoch, users::disabled))
            .first(c)
            .optional())?
            .ok_or_else(|| ApiError::Unauthorized("This account no longer exists.".into()))?;
        if current_epoch != epoch || disabled {
            return Err(ApiError::Unauthorized(
                "This session has ended. Sign in again.".into(),
            ));
        }
        let stakeholder_id = db::on_each!(conn, c => stakeholders::table
            .filter(stakeholders::user_id.eq(user_id))
            .select(stakeholders::id)
            .first::<i64>(c)
            .optional())?;
        Ok(Viewer {
            user_id: Some(user_id),
            is_admin,
            stakeholder_id,
            client_id: None,
        })
    }

    /// The viewer behind a secret address that stands for an account (a
    /// calendar feed), without a token; a disabled account has none.
    pub fn load_user(conn: &mut DbConn, user_id: i64) -> Result<Viewer, ApiError> {
        let (is_admin, disabled): (bool, bool) = users::table
            .find(user_id)
            .select((users::is_admin, users::disabled))
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::not_found("This account"))?;
        if disabled {
            return Err(ApiError::not_found("This account"));
        }
        let stakeholder_id = stakeholders::table
            .filter(stakeholders::user_id.eq(user_id))
            .select(stakeholders::id)
            .first::<i64>(conn)
            .optional()?;
        Ok(Viewer {
            user_id: Some(user_id),
            is_admin,
            stakeholder_id,
            client_id: None,
        })
    }

    /// An API client that signed in: 401 when its token is from before a
    /// rotation of its epoch or the client is gone, 403 when it lacks the
    /// scope the request needs.
    fn load_client(
        conn: &mut DbConn,
        id: i64,
        epoch: i64,
        needs: Option<&'static str>,
        granted: u32,
    ) -> Result<Viewer, ApiError> {
        let (stakeholder_id, current_epoch, scopes): (i64, i64, String) =
            db::on_each!(conn, c => api_clients::table
            .find(id)
            .select((api_clients::stakeholder_id, api_clients::epoch, api_clients::scopes))
            .first(c)
            .optional())?
            .ok_or_else(|| ApiError::Unauthorized("This API client no longer exists.".into()))?;
        if current_epoch != epoch {
            return Err(ApiError::Unauthorized(
                "This access token was revoked. Ask for a new one.".into(),
            ));
        }
        if let Some(scope) = needs {
            let has = scopes.split_whitespace().any(|s| s == scope)
                && crate::accounts::clients::granted(granted, scope);
            if !has {
                return Err(ApiError::Forbidden(if scope.is_empty() {
                    "API clients may not make this change.".into()
                } else {
                    format!("This API client needs the scope {scope} for this change.")
                }));
            }
        }
        Ok(Viewer {
            user_id: None,
            is_admin: false,
            stakeholder_id: Some(stakeholder_id),
            client_id: Some(id),
        })
    }

    pub fn user(&self) -> Result<i64, ApiError> {
        if self.client_id.is_some() {
            return Err(crate::accounts::auth::for_people_only());
        }
        self.user_id.ok_or_else(|| {
            ApiError::Unauthorized("Sign in first: send Authorization: Bearer <token>.".into())
        })
    }

    /// The viewer's role in a network, if they are a member.
    pub fn role_in(&self, conn: &mut DbConn, network_id: i64) -> Result<Option<Role>, ApiError> {
        let Some(me) = self.stakeholder_id else {
            return Ok(None);
        };
        let role = db::on_each!(conn, c => memberships::table
            .filter(memberships::network_id.eq(network_id))
            .filter(memberships::stakeholder_id.eq(me))
            .select(memberships::role)
            .first::<String>(c)
            .optional())?;
        Ok(role.map(|r| Role::from_db(&r)))
    }

    /// The viewer's role in each of these networks they are a member of, in
    /// one statement (none for anonymous viewers).
    pub fn roles_in(
        &self,
        conn: &mut DbConn,
        network_ids: &[i64],
    ) -> Result<HashMap<i64, Role>, ApiError> {
        let Some(me) = self.stakeholder_id else {
            return Ok(HashMap::new());
        };
        if network_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let found: Vec<(i64, String)> = db::on_each!(conn, c => memberships::table
            .filter(memberships::stakeholder_id.eq(me))
            .filter(db::in_ids(memberships::network_id, network_ids))
            .select((memberships::network_id, memberships::role))
            .load(c))?;
        Ok(found
            .into_iter()
            .map(|(id, role)| (id, Role::from_db(&role)))
            .collect())
    }
}

/// A network as one viewer sees it, with their role in it.
pub struct NetworkAccess {
    pub network: Network,
    pub role: Option<Role>,
    pub is_admin: bool,
}

impl NetworkAccess {
    pub fn is_member(&self) -> bool {
        self.role.is_some()
    }

    /// Members, and admins: they see what a network shares with its
    /// members only (co-members, reactions meant for members).
    pub fn is_insider(&self) -> bool {
        self.is_member() || self.is_admin
    }

    /// Members (and admins) may see co-members and add links.
    pub fn ensure_member(&self) -> Result<(), ApiError> {
        if self.is_insider() {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only members of this network may do this. Join the network first.".into(),
            ))
        }
    }

    /// The core group and coordinators prepare goals and edit links.
    pub fn ensure_core(&self) -> Result<(), ApiError> {
        if self.is_admin || self.role.is_some_and(Role::is_core) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only the core group and coordinators of this network may do this.".into(),
            ))
        }
    }

    /// Who prepares a network's goals (adds, changes and deletes them): its
    /// core group and coordinators, and admins.
    pub fn ensure_goal_editor(&self) -> Result<(), ApiError> {
        self.ensure_core()
    }

    /// Who endorses a network's goals: its members, by their own profile
    /// (an admin who is not a member does not). Their stakeholder id.
    pub fn endorser(&self, viewer: &Viewer) -> Result<i64, ApiError> {
        match (self.role, viewer.stakeholder_id) {
            (Some(_), Some(me)) => Ok(me),
            _ => Err(ApiError::Forbidden(
                "Only members of this network endorse its goals. Join the network first.".into(),
            )),
        }
    }

    /// Who plans a network's meetings, makes their agenda and sees who
    /// registered and what they need: the core group and coordinators, and
    /// admins.
    pub fn is_organiser(&self) -> bool {
        organises(self.is_admin, self.role)
    }

    pub fn ensure_organiser(&self) -> Result<(), ApiError> {
        if self.is_organiser() {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only the core group and coordinators of this network organise its meetings."
                    .into(),
            ))
        }
    }

    /// Who shares documents in a network: its members, by their own
    /// profile. Their stakeholder id.
    pub fn sharer(&self, viewer: &Viewer) -> Result<i64, ApiError> {
        match (self.role, viewer.stakeholder_id) {
            (Some(_), Some(me)) => Ok(me),
            _ => Err(ApiError::Forbidden(
                "Only members of this network share documents in it. Join the network first."
                    .into(),
            )),
        }
    }

    /// Who proposes agenda items for a network's meetings and supports
    /// them: its members, by their own profile. Their stakeholder id.
    pub fn proposer(&self, viewer: &Viewer) -> Result<i64, ApiError> {
        match (self.role, viewer.stakeholder_id) {
            (Some(_), Some(me)) => Ok(me),
            _ => Err(ApiError::Forbidden(
                "Only members of this network make its agenda. Join the network first.".into(),
            )),
        }
    }

    /// Who sees how each member prefers to be reached (channel, form,
    /// language): the network's coordinators, and nobody else (not even
    /// platform admins): they are the ones who reach out.
    pub fn may_see_reach(&self) -> bool {
        self.role == Some(Role::Coordinator)
    }

    /// Coordinators edit the network and manage members.
    pub fn ensure_coordinator(&self) -> Result<(), ApiError> {
        if self.is_admin || self.role == Some(Role::Coordinator) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only coordinators of this network may do this.".into(),
            ))
        }
    }
}

/// The networks a viewer may see, as a query scope over `networks`: the
/// public ones, the ones they are a member of, and every one for an admin.
/// Every list and lookup of networks applies it (`network_access` widens
/// it by invitations).
///
/// The viewer's membership is looked up per network (EXISTS on its primary
/// key), not all their networks gathered first (IN): for a parent and a few
/// children that saves SQLite a temporary table per request, and a list
/// probes it only for the networks that are not public. The viewer's ids
/// are bound values, so the statement stays prepared; a viewer without a
/// profile binds `false` before the probe, which PostgreSQL then plans
/// away (a listing for anonymous readers costs what `visibility = 'public'`
/// alone costs).
#[diesel::dsl::auto_type]
pub fn visible_networks(viewer: &Viewer) -> _ {
    let public: &'static str = Visibility::Public.as_str();
    let admin: AsExprOf<bool, Bool> = viewer.is_admin.into_sql::<Bool>();
    let mine: my_networks = my_networks(viewer);
    networks::visibility.eq(public).or(admin).or(mine)
}

/// The networks the viewer is a member of, as a query scope over `networks`.
#[diesel::dsl::auto_type]
fn my_networks(viewer: &Viewer) -> _ {
    let has_profile: AsExprOf<bool, Bool> = viewer.stakeholder_id.is_some().into_sql::<Bool>();
    let me: i64 = viewer.stakeholder_id.unwrap_or(0);
    has_profile.and(exists(
        memberships::table
            .filter(memberships::network_id.eq(networks::id))
            .filter(memberships::stakeholder_id.eq(me)),
    ))
}

/// The networks the viewer has an open invitation to, as a query scope
/// over `networks`: they may see a members-only network they are asked to
/// join.
#[diesel::dsl::auto_type]
fn invited_networks(viewer: &Viewer) -> _ {
    let has_profile: AsExprOf<bool, Bool> = viewer.stakeholder_id.is_some().into_sql::<Bool>();
    let pending: &'static str = InvitationStatus::Pending.as_str();
    let me: i64 = viewer.stakeholder_id.unwrap_or(0);
    has_profile.and(exists(
        invitations::table
            .filter(invitations::network_id.eq(networks::id))
            .filter(invitations::stakeholder_id.eq(me))
            .filter(invitations::status.eq(pending)),
    ))
}

/// The knowledge links a viewer may see, as a query scope over
/// `knowledge_links`: the platform-wide ones, and those of networks they
/// may see ([`visible_networks`], probed per link on the network's
/// primary key).
#[diesel::dsl::auto_type]
pub fn visible_links(viewer: &Viewer) -> _ {
    let network: visible_networks = visible_networks(viewer);
    knowledge_links::network_id.is_null().or(exists(
        networks::table
            .filter(networks::id.nullable().eq(knowledge_links::network_id))
            .filter(network),
    ))
}

/// Who organises a network's meetings, by their role in it (or as admin):
/// the core group and coordinators ([`NetworkAccess::is_organiser`]).
pub fn organises(is_admin: bool, role: Option<Role>) -> bool {
    is_admin || role.is_some_and(Role::is_core)
}

/// The meetings a viewer may see, as a query scope over `meetings`: those
/// of networks they may see ([`visible_networks`]), public ones to all, and
/// members-only ones to the network's members and admins.
#[diesel::dsl::auto_type]
pub fn visible_meetings(viewer: &Viewer) -> _ {
    let public: &'static str = Visibility::Public.as_str();
    let admin: AsExprOf<bool, Bool> = viewer.is_admin.into_sql::<Bool>();
    let network: visible_networks = visible_networks(viewer);
    let has_profile: AsExprOf<bool, Bool> = viewer.stakeholder_id.is_some().into_sql::<Bool>();
    let me: i64 = viewer.stakeholder_id.unwrap_or(0);
    exists(
        networks::table
            .filter(networks::id.eq(meetings::network_id))
            .filter(network),
    )
    .and(
        meetings::visibility
            .eq(public)
            .or(admin)
            .or(has_profile.and(exists(
                memberships::table
                    .filter(memberships::network_id.eq(meetings::network_id))
                    .filter(memberships::stakeholder_id.eq(me)),
            ))),
    )
}

/// Whether a viewer with this access to its network sees a meeting: a
/// public one whoever may see the network, a members-only one its members
/// and admins (the row form of [`visible_meetings`]).
pub fn may_see_meeting(access: &NetworkAccess, meeting: &Meeting) -> bool {
    meeting.visibility == Visibility::Public.as_str() || access.is_insider()
}

/// Loads a meeting the viewer may see ([`may_see_meeting`]); other meetings
/// do not exist for them (404).
pub fn meeting_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<(Meeting, NetworkAccess), ApiError> {
    let gone = || ApiError::not_found("This meeting");
    let meeting: Meeting = meetings::table
        .find(id)
        .select(Meeting::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(gone)?;
    let access = network_access(conn, viewer, meeting.network_id).map_err(|_| gone())?;
    if !may_see_meeting(&access, &meeting) {
        return Err(gone());
    }
    Ok((meeting, access))
}

/// Loads an agenda item of a meeting the viewer may see
/// ([`meeting_access`]); other items do not exist for them (404).
pub fn agenda_item_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<(AgendaItem, Meeting, NetworkAccess), ApiError> {
    let gone = || ApiError::not_found("This agenda item");
    let item: AgendaItem = agenda_items::table
        .find(id)
        .select(AgendaItem::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(gone)?;
    let (meeting, access) = meeting_access(conn, viewer, item.meeting_id).map_err(|_| gone())?;
    Ok((item, meeting, access))
}

/// Who registers for a meeting they may see: a signed-in person, with
/// their own profile (a members-only meeting is seen by members only).
/// Their stakeholder id.
pub fn registrant(viewer: &Viewer) -> Result<i64, ApiError> {
    viewer.user()?;
    viewer.stakeholder_id.ok_or_else(|| {
        ApiError::Forbidden("Register with your own profile: this account has none.".into())
    })
}

/// Who sees a meeting's online joining link: people with a place (not
/// those waiting) and its organisers.
pub fn may_see_online_link(access: &NetworkAccess, mine: Option<RegistrationStatus>) -> bool {
    online_link_shown(access.is_organiser(), mine)
}

/// [`may_see_online_link`] for lists, which know per network whether the
/// viewer organises it ([`organises`]) rather than its whole access.
pub fn online_link_shown(organiser: bool, mine: Option<RegistrationStatus>) -> bool {
    organiser || mine == Some(RegistrationStatus::Registered)
}

/// Who sees one registration (its status, and the needs stated with it):
/// the person, and the meeting's organisers.
pub fn may_see_registration(access: &NetworkAccess, viewer: &Viewer, stakeholder_id: i64) -> bool {
    viewer.stakeholder_id == Some(stakeholder_id) || access.is_organiser()
}

/// Whether organisers see who needs what, or only how many: only where the
/// person agreed to share their name with the needs.
pub fn may_see_need_name(access: &NetworkAccess, share_name: bool) -> bool {
    access.is_organiser() && share_name
}

/// Who changes an agenda item: the organisers always (accept, decline,
/// order, time, notes), and the member who proposed it its own words while
/// it is still a proposal.
pub fn may_edit_agenda_item(
    access: &NetworkAccess,
    viewer: &Viewer,
    proposed_by: Option<i64>,
    still_proposed: bool,
) -> bool {
    access.is_organiser()
        || (still_proposed && proposed_by.is_some() && proposed_by == viewer.stakeholder_id)
}

/// The fewest answers to the inclusion pulse of a meeting before anyone
/// sees them, and then only as aggregates: fewer could be traced to a person.
pub const PULSE_MINIMUM: i64 = 5;

/// Whether a meeting's pulse answers may be shown (as aggregates only).
pub fn may_show_pulse(answers: i64) -> bool {
    answers >= PULSE_MINIMUM
}

/// Loads a network the viewer may see ([`visible_networks`], or one they
/// are invited to). A members-only network does not exist for outsiders:
/// 404, not 403.
pub fn network_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    network_id: i64,
) -> Result<NetworkAccess, ApiError> {
    let network: Network = db::on_each!(conn, c => networks::table
        .find(network_id)
        .filter(visible_networks(viewer).or(invited_networks(viewer)))
        .select(Network::as_select())
        .first(c)
        .optional())?
    .ok_or_else(|| ApiError::not_found("This network"))?;
    let role = viewer.role_in(conn, network_id)?;
    Ok(NetworkAccess {
        network,
        role,
        is_admin: viewer.is_admin,
    })
}

/// Who reads a network's progress report: whoever may see the network
/// ([`network_access`]; a members-only network is 404 to outsiders). The
/// report holds what they may see of it: members-only meetings for its
/// members ([`visible_meetings`]), questions as [`visible_questions`]
/// says, and people only as counts by kind and role, never by name.
pub fn report_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    network_id: i64,
) -> Result<NetworkAccess, ApiError> {
    network_access(conn, viewer, network_id)
}

/// Loads a goal whose network the viewer may see ([`network_access`]);
/// other goals do not exist for them (404).
pub fn goal_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<(Goal, NetworkAccess), ApiError> {
    let goal: Goal = goals::table
        .find(id)
        .select(Goal::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("This goal"))?;
    let access = network_access(conn, viewer, goal.network_id)
        .map_err(|_| ApiError::not_found("This goal"))?;
    Ok((goal, access))
}

/// Loads a knowledge link the viewer may see: a platform-wide one, or one
/// of a network they may see ([`network_access`]); other links do not exist
/// for them (404).
pub fn link_access(conn: &mut DbConn, viewer: &Viewer, id: i64) -> Result<KnowledgeLink, ApiError> {
    let link: KnowledgeLink = knowledge_links::table
        .find(id)
        .select(KnowledgeLink::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("This link"))?;
    if let Some(network_id) = link.network_id {
        network_access(conn, viewer, network_id).map_err(|_| ApiError::not_found("This link"))?;
    }
    Ok(link)
}

/// May the viewer change (or delete) this link? The network's core group
/// and coordinators, whoever added it while still a member, and admins.
pub fn may_edit_link(
    conn: &mut DbConn,
    viewer: &Viewer,
    link: &KnowledgeLink,
) -> Result<bool, ApiError> {
    let role = match link.network_id {
        Some(network_id) => viewer.role_in(conn, network_id)?,
        None => None,
    };
    Ok(may_edit_link_as(viewer, link, role))
}

/// The rule of [`may_edit_link`], given the viewer's role in the link's
/// network.
pub fn may_edit_link_as(viewer: &Viewer, link: &KnowledgeLink, role: Option<Role>) -> bool {
    viewer.is_admin
        || role.is_some_and(Role::is_core)
        || (role.is_some() && link.added_by.is_some() && link.added_by == viewer.user_id)
}

/// Who may add a link to this place: members to their network, admins to
/// the platform-wide start page. A network the viewer may not see is a
/// field at odds with what is stored (409).
pub fn ensure_may_add_link(
    conn: &mut DbConn,
    viewer: &Viewer,
    network_id: Option<i64>,
) -> Result<(), ApiError> {
    match network_id {
        None if viewer.is_admin => Ok(()),
        None => Err(ApiError::Forbidden(
            "Only platform admins add links to the platform-wide start page; add it to one of your networks (networkId).".into(),
        )),
        Some(id) => match network_access(conn, viewer, id) {
            Ok(access) => access.ensure_member(),
            Err(_) => Err(ApiError::ConflictingFields(vec![InvalidParam::conflict(
                "networkId",
                Code::Reference,
                "is not a network you can see",
            )
            .expected("network")])),
        },
    }
}

/// Whether the viewer manages a profile: their own, or one they added that
/// has no account of its own. What they do with it is the person's act.
pub fn manages(viewer: &Viewer, s: &Stakeholder) -> bool {
    viewer.user_id.is_some()
        && (s.user_id == viewer.user_id || (s.user_id.is_none() && s.created_by == viewer.user_id))
}

/// May the viewer change this profile: one they manage, or any as admin.
pub fn may_edit_profile(viewer: &Viewer, s: &Stakeholder) -> bool {
    viewer.is_admin || manages(viewer, s)
}

/// Of `among`, the stakeholders who are in a network with the viewer by
/// their own act (a membership `by_consent`). Only they are co-members.
pub fn co_members(conn: &mut DbConn, viewer: &Viewer, among: &[i64]) -> Result<Vec<i64>, ApiError> {
    in_my_networks(conn, viewer, among, None)
}

/// Of `among`, the co-members (as [`co_members`]) in networks the viewer
/// coordinates: coordinators see their access needs, to organise meetings.
pub fn coordinated_members(
    conn: &mut DbConn,
    viewer: &Viewer,
    among: &[i64],
) -> Result<Vec<i64>, ApiError> {
    in_my_networks(conn, viewer, among, Some(Role::Coordinator))
}

fn in_my_networks(
    conn: &mut DbConn,
    viewer: &Viewer,
    among: &[i64],
    my_role: Option<Role>,
) -> Result<Vec<i64>, ApiError> {
    let Some(me) = viewer.stakeholder_id.filter(|_| viewer.client_id.is_none()) else {
        return Ok(Vec::new());
    };
    if among.is_empty() {
        return Ok(Vec::new());
    }
    let mut mine = memberships::table
        .filter(memberships::stakeholder_id.eq(me))
        .select(memberships::network_id)
        .into_boxed();
    if let Some(role) = my_role {
        mine = mine.filter(memberships::role.eq(role.as_str()));
    }
    let mine: Vec<i64> = mine.load(conn)?;
    if mine.is_empty() {
        return Ok(Vec::new());
    }
    Ok(memberships::table
        .filter(memberships::network_id.eq_any(mine))
        .filter(db::in_ids(memberships::stakeholder_id, among))
        .filter(memberships::by_consent.eq(true))
        .select(memberships::stakeholder_id)
        .distinct()
        .load(conn)?)
}

/// Whether a network's stakeholder map names a member: only one who agreed
/// to be listed, whoever looks (the map is downloaded for reports that
/// travel beyond the network); the others are counted, never named.
pub fn may_name_at_table(listed: bool) -> bool {
    listed
}

/// May the viewer see a stakeholder at all: one who agreed to be listed,
/// one they may edit, or a co-member. Others do not exist for them (404).
pub fn may_see_stakeholder(viewer: &Viewer, s: &Stakeholder, co_member: bool) -> bool {
    s.listed || may_edit_profile(viewer, s) || co_member
}

/// May the viewer see a kind of profile field the person shows at
/// `visibility`: whoever may edit the profile always; others as the person
/// chose (everyone signed in for `platform`, co-members for `networks`).
pub fn may_see_field(viewer: &Viewer, s: &Stakeholder, visibility: &str, co_member: bool) -> bool {
    may_edit_profile(viewer, s)
        || match FieldVisibility::from_db(visibility) {
            FieldVisibility::Public => true,
            FieldVisibility::Platform => viewer.user_id.is_some(),
            FieldVisibility::Networks => co_member,
            FieldVisibility::Nobody => false,
        }
}

/// May the viewer see contact details: whoever may edit the profile, and
/// co-members when the person agreed to share them (`share_contact`).
pub fn may_see_contact(viewer: &Viewer, s: &Stakeholder, co_member: bool) -> bool {
    may_edit_profile(viewer, s) || (co_member && s.share_contact)
}

/// May the viewer see who wrote a reaction to a goal: insiders of the
/// goal's network ([`NetworkAccess::is_insider`]) always, others when the
/// writer agreed to be listed. Others see only the reactions their writers
/// made public at all.
pub fn may_see_reaction_writer(insider: bool, writer: &Stakeholder) -> bool {
    insider || writer.listed
}

/// May the viewer see access needs: whoever may edit the profile, and the
/// coordinators of networks the person is in by their own act.
pub fn may_see_access_needs(viewer: &Viewer, s: &Stakeholder, coordinates_them: bool) -> bool {
    may_edit_profile(viewer, s) || coordinates_them
}

/// May the viewer see a person's consent flags and visibility choices:
/// only whoever may edit the profile. They are never public.
pub fn may_see_choices(viewer: &Viewer, s: &Stakeholder) -> bool {
    may_edit_profile(viewer, s)
}

/// The viewer, when they are a platform admin; 403 otherwise.
pub fn ensure_admin(conn: &mut DbConn, auth: Auth) -> Result<Viewer, ApiError> {
    let viewer = Viewer::load(conn, auth)?;
    viewer.ensure_admin()?;
    Ok(viewer)
}

/// Who the viewer is to an invitation: the invited person, or someone who
/// may manage it (the network's coordinators, admins). Anyone else: 404.
pub enum InvitationParty {
    Invitee,
    Coordinator,
}

/// Who the viewer is to an invitation; 404 for anyone else, as if it did
/// not exist.
pub fn invitation_party(
    conn: &mut DbConn,
    viewer: &Viewer,
    i: &Invitation,
) -> Result<InvitationParty, ApiError> {
    if viewer.stakeholder_id == Some(i.stakeholder_id) {
        return Ok(InvitationParty::Invitee);
    }
    let coordinates = match network_access(conn, viewer, i.network_id) {
        Ok(access) => access.ensure_coordinator().is_ok(),
        Err(ApiError::NotFound(_)) => false,
        Err(e) => return Err(e),
    };
    if coordinates {
        Ok(InvitationParty::Coordinator)
    } else {
        Err(ApiError::not_found("This invitation"))
    }
}

/// Whether the viewer may add a stakeholder to a network without asking
/// them: an organisation, or a person without an account whose profile the
/// viewer manages (any such person, for admins). People with an account are
/// invited instead.
pub fn may_add_directly(viewer: &Viewer, s: &Stakeholder) -> bool {
    s.user_id.is_none()
        && (viewer.is_admin
            || manages(viewer, s)
            || StakeholderKind::from_db(&s.kind).is_organisation())
}

/// A stakeholder the viewer may see ([`may_see_stakeholder`]);
/// `None` for one that does not exist or that they may not see, so that
/// both look the same.
pub fn visible_stakeholder(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<Option<Stakeholder>, ApiError> {
    let Some(s) = stakeholders::table
        .find(id)
        .select(Stakeholder::as_select())
        .first::<Stakeholder>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let co_member = !co_members(conn, viewer, &[id])?.is_empty();
    Ok(may_see_stakeholder(viewer, &s, co_member).then_some(s))
}

/// The profiles the account `me` manages, as a query filter: its own, and
/// those it added that have no account ([`manages`]).
#[diesel::dsl::auto_type]
pub fn managed_by(me: i64) -> _ {
    stakeholders::user_id.eq(me).or(stakeholders::user_id
        .is_null()
        .and(stakeholders::created_by.eq(me)))
}

/// Who moderates a network's message board (hides and shows messages, sees
/// reports and hidden messages, deletes any message): its coordinators,
/// and admins.
pub fn may_moderate_messages(access: &NetworkAccess) -> bool {
    access.is_admin || access.role == Some(Role::Coordinator)
}

/// Who pins messages and makes an announcement public: the core group and
/// coordinators, and admins.
pub fn may_announce(access: &NetworkAccess) -> bool {
    organises(access.is_admin, access.role)
}

/// Who writes on a network's message board (messages and replies): its
/// members, by their own profile. Their stakeholder id.
pub fn message_author(access: &NetworkAccess, viewer: &Viewer) -> Result<i64, ApiError> {
    match (access.role, viewer.stakeholder_id) {
        (Some(_), Some(me)) => Ok(me),
        _ => Err(ApiError::Forbidden(
            "Only members of this network write on its message board. Join the network first."
                .into(),
        )),
    }
}

/// Who changes a message's title and text: its author, while a member.
pub fn may_edit_message(access: &NetworkAccess, viewer: &Viewer, message: &Message) -> bool {
    access.is_member()
        && message.author_stakeholder_id.is_some()
        && message.author_stakeholder_id == viewer.stakeholder_id
}

/// Who deletes a message (and its replies): its author, and those who
/// moderate the board ([`may_moderate_messages`]).
pub fn may_delete_message(access: &NetworkAccess, viewer: &Viewer, message: &Message) -> bool {
    may_edit_message(access, viewer, message) || may_moderate_messages(access)
}

/// Who sees the name of a message's author: insiders of the network
/// always, others (on a public announcement) when the author agreed to be
/// listed.
pub fn may_see_message_author(insider: bool, author: &Stakeholder) -> bool {
    insider || author.listed
}

/// Whether the viewer accepted the current version of a network's house
/// rules (people who are not members have nothing to accept).
pub fn has_accepted_house_rules(
    conn: &mut DbConn,
    viewer: &Viewer,
    network_id: i64,
) -> Result<bool, ApiError> {
    match viewer.stakeholder_id {
        Some(me) => crate::queries::house_rules::has_accepted(conn, network_id, me),
        None => Ok(false),
    }
}

/// A member reads and writes the members-only part of the message board
/// once they accepted the current house rules (after every change again):
/// 403 until then, pointing to the acceptance. Admins who are not members
/// read it to moderate; coordinators who change the rules accept them so.
pub fn must_accept_house_rules(access: &NetworkAccess, accepted: bool) -> Result<(), ApiError> {
    if access.is_member() && !accepted {
        Err(ApiError::Forbidden(format!(
            "Accept the house rules of this network first: read them at GET /networks/{id}/house-rules and accept them with POST /networks/{id}/house-rules/acceptance. Public messages stay readable (publicOnly=true).",
            id = access.network.id
        )))
    } else {
        Ok(())
    }
}

/// Whether the viewer reads a network's members-only messages and documents: insiders
/// ([`NetworkAccess::is_insider`]), members once they accepted the current
/// house rules ([`must_accept_house_rules`]).
pub fn may_read_members_messages(access: &NetworkAccess, accepted: bool) -> bool {
    access.is_insider() && must_accept_house_rules(access, accepted).is_ok()
}

/// Whether a message is seen by a viewer: hidden ones only by moderators,
/// replies and members-only messages only by those who read the members'
/// part ([`may_read_members_messages`]), public announcements by whoever
/// sees the network.
pub fn may_see_message(access: &NetworkAccess, reads_members: bool, message: &Message) -> bool {
    if message.hidden && !may_moderate_messages(access) {
        return false;
    }
    (message.public && message.parent_id.is_none()) || reads_members
}

/// Loads a message the viewer may see ([`may_see_message`]), with its
/// network and whether the viewer reads the members' part. Others do not
/// exist for them (404); a member who has not accepted the current house
/// rules gets 403 instead ([`must_accept_house_rules`]).
pub fn message_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<(Message, NetworkAccess, bool), ApiError> {
    let gone = || ApiError::not_found("This message");
    let message: Message = messages::table
        .find(id)
        .select(Message::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(gone)?;
    let access = network_access(conn, viewer, message.network_id).map_err(|_| gone())?;
    let accepted = has_accepted_house_rules(conn, viewer, message.network_id)?;
    let reads_members = may_read_members_messages(&access, accepted);
    if !may_see_message(&access, reads_members, &message) {
        if message.hidden && !may_moderate_messages(&access) {
            return Err(gone());
        }
        must_accept_house_rules(&access, accepted)?;
        return Err(gone());
    }
    Ok((message, access, reads_members))
}

/// Who changes a network's house rules: its coordinators, and admins
/// ([`NetworkAccess::ensure_coordinator`]). Changing them accepts them.
pub fn may_edit_house_rules(access: &NetworkAccess) -> bool {
    access.ensure_coordinator().is_ok()
}

/// Who accepts a network's house rules: its members, by their own
/// profile. Their stakeholder id.
pub fn house_rules_acceptor(access: &NetworkAccess, viewer: &Viewer) -> Result<i64, ApiError> {
    match (access.role, viewer.stakeholder_id) {
        (Some(_), Some(me)) => Ok(me),
        _ => Err(ApiError::Forbidden(
            "Only members of this network accept its house rules. Join the network first.".into(),
        )),
    }
}

/// Who reports a message they see: anyone signed in. Their account id.
pub fn reporter(viewer: &Viewer) -> Result<i64, ApiError> {
    viewer.user()
}

/// The raised questions a viewer may see, as a query scope over
/// `questions`: those whose two networks they may both see
/// ([`visible_networks`]; so a question between two public networks is
/// public), and every question raised by or to a network they are a
/// member of.
#[diesel::dsl::auto_type]
pub fn visible_questions(viewer: &Viewer) -> _ {
    let from: visible_networks = visible_networks(viewer);
    let to: visible_networks = visible_networks(viewer);
    let has_profile: AsExprOf<bool, Bool> = viewer.stakeholder_id.is_some().into_sql::<Bool>();
    let me: i64 = viewer.stakeholder_id.unwrap_or(0);
    exists(
        networks::table
            .filter(networks::id.eq(questions::network_id))
            .filter(from),
    )
    .and(exists(
        networks::table
            .filter(networks::id.eq(questions::to_network_id))
            .filter(to),
    ))
    .or(has_profile.and(exists(
        memberships::table
            .filter(
                memberships::network_id
                    .eq(questions::network_id)
                    .or(memberships::network_id.eq(questions::to_network_id)),
            )
            .filter(memberships::stakeholder_id.eq(me)),
    )))
}

/// A raised question as one viewer sees it: their role in the network that
/// raised it and in the one it was raised to.
pub struct QuestionAccess {
    pub question: Question,
    pub raiser_role: Option<Role>,
    pub receiver_role: Option<Role>,
    pub is_admin: bool,
}

impl QuestionAccess {
    /// The raising network's core group (and admins) change the question's
    /// words and withdraw it while it is not yet received.
    pub fn ensure_raiser(&self) -> Result<(), ApiError> {
        if organises(self.is_admin, self.raiser_role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only the core group of the network that raised this question may change it."
                    .into(),
            ))
        }
    }

    /// The receiving network's core group (and admins) move the question
    /// through its steps and answer it.
    pub fn ensure_receiver(&self) -> Result<(), ApiError> {
        if organises(self.is_admin, self.receiver_role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only the core group of the network this question was raised to may move it."
                    .into(),
            ))
        }
    }
}

/// Whether the viewer may change a question's words or withdraw it: the
/// raising network's core group ([`QuestionAccess::ensure_raiser`]), while
/// the question is not yet received.
pub fn may_edit_question(
    is_admin: bool,
    raiser_role: Option<Role>,
    status: QuestionStatus,
) -> bool {
    status == QuestionStatus::Raised && organises(is_admin, raiser_role)
}

/// Whether the viewer may move a question on: the receiving network's core
/// group ([`QuestionAccess::ensure_receiver`]), until it is answered or
/// declined.
pub fn may_move_question(
    is_admin: bool,
    receiver_role: Option<Role>,
    status: QuestionStatus,
) -> bool {
    !status.is_final() && organises(is_admin, receiver_role)
}

/// Loads a raised question the viewer may see ([`visible_questions`]);
/// other questions do not exist for them (404).
pub fn question_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<QuestionAccess, ApiError> {
    let question: Question = db::on_each!(conn, c => questions::table
        .find(id)
        .filter(visible_questions(viewer))
        .select(Question::as_select())
        .first(c)
        .optional())?
    .ok_or_else(|| ApiError::not_found("This question"))?;
    let roles = viewer.roles_in(conn, &[question.network_id, question.to_network_id])?;
    Ok(QuestionAccess {
        raiser_role: roles.get(&question.network_id).copied(),
        receiver_role: roles.get(&question.to_network_id).copied(),
        is_admin: viewer.is_admin,
        question,
    })
}

/// Who raises a question for a network, and who adds a network's support
/// to one: its core group and coordinators, and admins (the network
/// speaks, not a single member).
pub fn ensure_speaks_for(access: &NetworkAccess) -> Result<(), ApiError> {
    access.ensure_core()
}

impl NetworkAccess {
    /// Who offers help on a network's steps ("Ik help mee"): its members,
    /// by their own profile. Their stakeholder id.
    pub fn helper(&self, viewer: &Viewer) -> Result<i64, ApiError> {
        match (self.role, viewer.stakeholder_id) {
            (Some(_), Some(me)) => Ok(me),
            _ => Err(ApiError::Forbidden(
                "Only members of this network offer help on its steps. Join the network first."
                    .into(),
            )),
        }
    }
}

/// Who sees the matchcentrum of a step (the members whose talents it
/// needs) and accepts or declines offers of help: the network's core group
/// and coordinators, and admins.
pub fn may_match(access: &NetworkAccess) -> Result<(), ApiError> {
    if organises(access.is_admin, access.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "Only the core group and coordinators of this network match people to its steps."
                .into(),
        ))
    }
}

/// Who sees an offer of help on a step: the core group (every offer), the
/// person who offered (their own), and whoever sees the step (the accepted
/// ones, whose ids the step shows).
pub fn may_see_helper_offer(
    access: &NetworkAccess,
    viewer: &Viewer,
    stakeholder_id: i64,
    accepted: bool,
) -> bool {
    accepted || access.is_organiser() || viewer.stakeholder_id == Some(stakeholder_id)
}

/// Whether a person's talents and availability reach the core group in the
/// matchcentrum: as the person chose ([`may_see_field`] with their talents'
/// visibility; the core group are their co-members).
pub fn may_match_person(viewer: &Viewer, s: &Stakeholder, co_member: bool) -> bool {
    may_see_field(viewer, s, &s.talents_visibility, co_member)
}

/// Whether a person's talents are wanted beyond their own networks (the
/// open needs of other public networks in `GET /me/matches`): only when they
/// show their talents to the platform or to everyone.
pub fn offers_beyond_networks(s: &Stakeholder) -> bool {
    matches!(
        FieldVisibility::from_db(&s.talents_visibility),
        FieldVisibility::Public | FieldVisibility::Platform
    )
}

/// Whether the viewer may search for experience experts (`GET /experts`)
/// and ask them for contact: platform admins, coordinators of a network,
/// and people who manage an organisation's or municipality's profile (they
/// act for it).
pub fn may_search_experts(conn: &mut DbConn, viewer: &Viewer) -> Result<bool, ApiError> {
    let Some(me) = viewer.user_id else {
        return Ok(false);
    };
    if viewer.is_admin {
        return Ok(true);
    }
    if let Some(mine) = viewer.stakeholder_id {
        let coordinates: i64 = memberships::table
            .filter(memberships::stakeholder_id.eq(mine))
            .filter(memberships::role.eq(Role::Coordinator.as_str()))
            .count()
            .get_result(conn)?;
        if coordinates > 0 {
            return Ok(true);
        }
    }
    Ok(!organisations_managed_by(conn, me)?.is_empty())
}

/// 403 unless the viewer may search for experts ([`may_search_experts`]).
pub fn ensure_expert_searcher(conn: &mut DbConn, viewer: &Viewer) -> Result<(), ApiError> {
    viewer.user()?;
    if may_search_experts(conn, viewer)? {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "Only coordinators, and people who act for an organisation or municipality (whose profile they manage), search for experts.".into(),
        ))
    }
}

/// The organisation and municipality profiles an account manages (added
/// them, and they have no account of their own).
pub fn organisations_managed_by(conn: &mut DbConn, me: i64) -> Result<Vec<Stakeholder>, ApiError> {
    let rows: Vec<Stakeholder> = stakeholders::table
        .filter(managed_by(me))
        .filter(stakeholders::user_id.is_null())
        .select(Stakeholder::as_select())
        .order(stakeholders::id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|s| StakeholderKind::from_db(&s.kind).is_organisation())
        .collect())
}

/// Who asks a findable person for contact, and for whom: someone who may
/// search for experts ([`may_search_experts`]), for an organisation or
/// municipality they manage (`on_behalf_of`) or else for themselves. The
/// stakeholder id the request comes from.
pub fn contact_requester(
    conn: &mut DbConn,
    viewer: &Viewer,
    on_behalf_of: Option<i64>,
) -> Result<i64, ApiError> {
    ensure_expert_searcher(conn, viewer)?;
    let me = viewer.user()?;
    match on_behalf_of {
        Some(id) => {
            if organisations_managed_by(conn, me)?
                .iter()
                .any(|s| s.id == id)
            {
                Ok(id)
            } else {
                Err(ApiError::ConflictingFields(vec![InvalidParam::conflict(
                    "onBehalfOf",
                    Code::Reference,
                    "is not an organisation or municipality whose profile you manage",
                )
                .expected("stakeholder")]))
            }
        }
        None => viewer.stakeholder_id.ok_or_else(|| {
            ApiError::Forbidden(
                "Ask with your own profile, or name the organisation you act for (onBehalfOf)."
                    .into(),
            )
        }),
    }
}

/// A person who chose to be findable by organisations; anyone else is
/// 404 to expert searchers, as if they did not exist.
pub fn findable_person(conn: &mut DbConn, id: i64) -> Result<Stakeholder, ApiError> {
    stakeholders::table
        .find(id)
        .filter(stakeholders::findable.eq(true))
        .select(Stakeholder::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("This person"))
}

/// Who answers a contact request: the person it is addressed to (their
/// own account), nobody else, not even admins.
pub fn may_answer_contact_request(viewer: &Viewer, to: &Stakeholder) -> bool {
    manages(viewer, to)
}

/// Whether the two sides of a contact request see each other's contact
/// details (as each shared them): only once the person accepted.
pub fn may_see_requested_contact(status: ContactRequestStatus) -> bool {
    status == ContactRequestStatus::Accepted
}

/// Who makes and manages an organisation's API clients: whoever manages
/// the organisation's profile ([`manages`]), and admins. Only people: a
/// client makes no clients. Only organisations have clients.
pub fn may_manage_clients(viewer: &Viewer, organisation: &Stakeholder) -> bool {
    viewer.client_id.is_none()
        && StakeholderKind::from_db(&organisation.kind).is_organisation()
        && may_edit_profile(viewer, organisation)
}

/// An API client the viewer may manage, with its organisation; 404 for one
/// that does not exist or that they may not manage, so ids cannot be
/// probed.
pub fn client_access(conn: &mut DbConn, viewer: &Viewer, id: i64) -> Result<ApiClient, ApiError> {
    let gone = || ApiError::not_found("This API client");
    let client: ApiClient = api_clients::table
        .find(id)
        .select(ApiClient::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(gone)?;
    let organisation: Stakeholder = stakeholders::table
        .find(client.stakeholder_id)
        .select(Stakeholder::as_select())
        .first(conn)?;
    if may_manage_clients(viewer, &organisation) {
        Ok(client)
    } else {
        Err(gone())
    }
}

/// Whose webhooks the viewer manages: an API client's, when they manage
/// the client ([`client_access`]) or are that client itself. 404 for
/// anyone else.
pub fn webhook_owner_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    client_id: i64,
) -> Result<ApiClient, ApiError> {
    if viewer.client_id == Some(client_id) {
        return Ok(api_clients::table
            .find(client_id)
            .select(ApiClient::as_select())
            .first(conn)?);
    }
    client_access(conn, viewer, client_id)
}

/// A webhook subscription the viewer manages ([`webhook_owner_access`]);
/// 404 for one that does not exist or that they do not manage.
pub fn webhook_access(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: i64,
) -> Result<WebhookSubscription, ApiError> {
    let gone = || ApiError::not_found("This webhook");
    let subscription: WebhookSubscription = webhook_subscriptions::table
        .find(id)
        .select(WebhookSubscription::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(gone)?;
    webhook_owner_access(conn, viewer, subscription.api_client_id).map_err(|_| gone())?;
    Ok(subscription)
}

/// The stakeholders a viewer finds in lists, as a query scope over
/// `stakeholders`: those who agreed to be listed, the profiles they manage
/// ([`managed_by`]), and every one for an admin (as `GET /stakeholders`
/// lists them).
#[diesel::dsl::auto_type]
pub fn listed_stakeholders(viewer: &Viewer) -> _ {
    let admin: AsExprOf<bool, Bool> = viewer.is_admin.into_sql::<Bool>();
    let me: i64 = viewer.user_id.unwrap_or(0);
    let mine: managed_by = managed_by(me);
    admin.or(stakeholders::listed.eq(true)).or(mine)
}

/// The rows of the deletion feed a viewer is told of, as a query scope over
/// `deletions` (only their id and time are ever answered; the feed leaves
/// out what the viewer sees now): rows for everyone (`network_id` NULL: a
/// network, a profile, a platform-wide link, and what left the public's
/// view with a network made members-only), and rows of a network's goals,
/// meetings and links to those who may see that network now
/// ([`visible_networks`]), or to everyone once the network is gone. So an
/// outsider learns nothing of what happens inside a members-only network
/// while it exists.
#[diesel::dsl::auto_type]
pub fn told_of_deletion(viewer: &Viewer) -> _ {
    let network: visible_networks = visible_networks(viewer);
    crate::db::schema::deletions::network_id
        .is_null()
        .or(diesel::dsl::not(exists(
            networks::table
                .filter(
                    networks::id
                        .nullable()
                        .eq(crate::db::schema::deletions::network_id),
                )
                .filter(diesel::dsl::not(network)),
        )))
}
