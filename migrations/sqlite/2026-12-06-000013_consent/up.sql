-- Nobody becomes a member of a network, and nobody's contact details or
-- access needs reach a network, except by that person's own act.

-- A coordinator's invitation to a person with an account: they become a
-- member only by accepting it. Status 'pending', 'accepted' or 'declined';
-- one invitation per person per network.
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (network_id, stakeholder_id)
);
CREATE INDEX invitations_stakeholder_idx ON invitations (stakeholder_id, id);

-- Whether the membership is the person's own act (they joined or accepted,
-- or whoever manages a profile without an account added it). Only such
-- memberships let contact details and access needs reach a network.
ALTER TABLE memberships ADD COLUMN by_consent BOOLEAN NOT NULL DEFAULT FALSE;

-- Who may see each kind of profile field: 'public', 'networks' (co-members
-- through memberships by consent) or 'nobody' (the person, whoever manages
-- the profile, admins).
ALTER TABLE stakeholders ADD COLUMN organisation_visibility TEXT NOT NULL DEFAULT 'nobody';
ALTER TABLE stakeholders ADD COLUMN expertise_visibility TEXT NOT NULL DEFAULT 'nobody';
ALTER TABLE stakeholders ADD COLUMN talents_visibility TEXT NOT NULL DEFAULT 'nobody';
ALTER TABLE stakeholders ADD COLUMN languages_visibility TEXT NOT NULL DEFAULT 'nobody';
ALTER TABLE stakeholders ADD COLUMN municipality_visibility TEXT NOT NULL DEFAULT 'nobody';

-- Who may see a reaction to a goal: 'members' of the network, or 'public'.
ALTER TABLE endorsements ADD COLUMN visibility TEXT NOT NULL DEFAULT 'members';

-- Existing data. Organisations kept what they showed; people show their
-- fields to the networks they are in, no longer to everyone.
UPDATE stakeholders SET organisation_visibility = 'public', expertise_visibility = 'public',
    talents_visibility = 'public', languages_visibility = 'public', municipality_visibility = 'public'
WHERE kind IN ('interest_organisation', 'company', 'knowledge_institution', 'municipality');
UPDATE stakeholders SET organisation_visibility = 'networks', expertise_visibility = 'networks',
    talents_visibility = 'networks', languages_visibility = 'networks', municipality_visibility = 'networks'
WHERE kind NOT IN ('interest_organisation', 'company', 'knowledge_institution', 'municipality');

-- A membership counts as the person's own unless the audit log shows that
-- someone else last added a person with an account. Those become
-- invitations the person can accept, except coordinators (a network keeps
-- its coordinators), who stay members without sharing their details.
UPDATE memberships SET by_consent = TRUE;
CREATE TEMPORARY TABLE added_by_others AS
SELECT m.network_id, m.stakeholder_id, m.role, m.created_at, (
    SELECT e.actor_id FROM audit_events e
    WHERE e.action = 'membership.added' AND e.object_type = 'stakeholder'
      AND e.object_id = m.stakeholder_id AND e.network_id = m.network_id
    ORDER BY e.id DESC LIMIT 1
) AS actor_id, s.user_id
FROM memberships m JOIN stakeholders s ON s.id = m.stakeholder_id
WHERE s.user_id IS NOT NULL;
DELETE FROM added_by_others WHERE actor_id IS NULL OR actor_id = user_id;
INSERT INTO invitations (network_id, stakeholder_id, role, invited_by, status, created_at, updated_at)
SELECT network_id, stakeholder_id, role,
       (SELECT u.id FROM users u WHERE u.id = actor_id), 'pending', created_at, created_at
FROM added_by_others WHERE role <> 'coordinator';
DELETE FROM memberships WHERE EXISTS (
    SELECT 1 FROM added_by_others a
    WHERE a.network_id = memberships.network_id AND a.stakeholder_id = memberships.stakeholder_id
      AND a.role <> 'coordinator'
);
UPDATE memberships SET by_consent = FALSE WHERE EXISTS (
    SELECT 1 FROM added_by_others a
    WHERE a.network_id = memberships.network_id AND a.stakeholder_id = memberships.stakeholder_id
);
DROP TABLE added_by_others;
-- A profile without an account that someone other than its manager last
-- added: its details stay out of that network, as for new such additions.
UPDATE memberships SET by_consent = FALSE WHERE EXISTS (
    SELECT 1 FROM stakeholders s
    WHERE s.id = memberships.stakeholder_id AND s.user_id IS NULL AND (
        SELECT e.actor_id FROM audit_events e
        WHERE e.action = 'membership.added' AND e.object_type = 'stakeholder'
          AND e.object_id = memberships.stakeholder_id AND e.network_id = memberships.network_id
        ORDER BY e.id DESC LIMIT 1
    ) <> s.created_by
);
