-- An agenda made together: members propose items, support them (one
-- support per member), and the core group accepts them in an order and a
-- time, or declines them with a reason that stays visible. After the
-- meeting: notes per item, and outcomes, which may become goals.
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    minutes_asked INTEGER,
    proposed_by BIGINT REFERENCES stakeholders (id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    decline_reason TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    minutes_planned INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX agenda_items_meeting_idx ON agenda_items (meeting_id, id);

CREATE TABLE agenda_supports (
    item_id BIGINT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (item_id, stakeholder_id)
);

-- What a meeting decided or learned. `goal_id`: the goal or step it became.
CREATE TABLE meeting_outcomes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    item_id BIGINT REFERENCES agenda_items (id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    goal_id BIGINT REFERENCES goals (id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX meeting_outcomes_meeting_idx ON meeting_outcomes (meeting_id, id);

-- A goal or step that came out of a meeting links back to it.
ALTER TABLE goals ADD COLUMN meeting_id BIGINT REFERENCES meetings (id) ON DELETE SET NULL;

-- The inclusion pulse: after a meeting, people who registered answer "Kon
-- je goed meedoen?" and "Voelde je je gehoord?" (1 to 5) and may add a
-- comment. Shown only as aggregates, and only from 5 answers on.
CREATE TABLE meeting_pulses (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    took_part INTEGER NOT NULL,
    heard INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (meeting_id, stakeholder_id)
);
