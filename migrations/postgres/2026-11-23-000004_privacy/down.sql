ALTER TABLE stakeholders DROP COLUMN access_needs_consent;
ALTER TABLE stakeholders DROP COLUMN access_needs;
DROP TABLE audit_events;
