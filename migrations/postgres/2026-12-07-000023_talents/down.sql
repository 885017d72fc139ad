DROP TABLE contact_requests;
DROP TABLE goal_helpers;
DROP TABLE goal_talents;
ALTER TABLE stakeholders DROP COLUMN findable;
ALTER TABLE stakeholders DROP COLUMN availability_occasional;
ALTER TABLE stakeholders DROP COLUMN availability_hours;
