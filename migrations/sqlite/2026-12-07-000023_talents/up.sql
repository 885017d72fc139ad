-- Talents and needs. A person says how much time they have (hours a month,
-- or now and then), shown with their talents to whom they chose, and
-- whether organisations may find them (off until they turn it on).
ALTER TABLE stakeholders ADD COLUMN availability_hours INTEGER;
ALTER TABLE stakeholders ADD COLUMN availability_occasional BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE stakeholders ADD COLUMN findable BOOLEAN NOT NULL DEFAULT FALSE;

-- The talents a goal or step needs, from the vocabulary that grows with
-- use (the talents people offer and goals need).
CREATE TABLE goal_talents (
    goal_id BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    talent TEXT NOT NULL,
    PRIMARY KEY (goal_id, talent)
);
CREATE INDEX goal_talents_talent_idx ON goal_talents (talent, goal_id);

-- "Ik help mee": a member offers help on a step; the core group accepts
-- or declines. One offer per person per step.
CREATE TABLE goal_helpers (
    goal_id BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    PRIMARY KEY (goal_id, stakeholder_id)
);
CREATE INDEX goal_helpers_stakeholder_idx ON goal_helpers (stakeholder_id, goal_id);

-- An organisation or municipality asks a findable person for contact.
-- Contact details reach either side only once the person accepts.
CREATE TABLE contact_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    from_user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    from_stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    to_stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    message TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    answered_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX contact_requests_to_idx ON contact_requests (to_stakeholder_id, id);
CREATE INDEX contact_requests_from_idx ON contact_requests (from_user_id, id);
