-- Pending invitations become the memberships they were before.
INSERT INTO memberships (network_id, stakeholder_id, role, created_at, updated_at)
SELECT network_id, stakeholder_id, role, created_at, updated_at FROM invitations i
WHERE status = 'pending' AND NOT EXISTS (
    SELECT 1 FROM memberships m WHERE m.network_id = i.network_id AND m.stakeholder_id = i.stakeholder_id
);
DROP TABLE invitations;
ALTER TABLE memberships DROP COLUMN by_consent;
ALTER TABLE stakeholders DROP COLUMN organisation_visibility;
ALTER TABLE stakeholders DROP COLUMN expertise_visibility;
ALTER TABLE stakeholders DROP COLUMN talents_visibility;
ALTER TABLE stakeholders DROP COLUMN languages_visibility;
ALTER TABLE stakeholders DROP COLUMN municipality_visibility;
ALTER TABLE endorsements DROP COLUMN visibility;
