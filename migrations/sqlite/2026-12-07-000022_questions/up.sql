-- Questions a local or regional network raises to the level above it
-- ("agenderen"): to its parent network or to a national network. Other
-- networks support them; the receiving network's core group moves them
-- through received, on the agenda, being worked on, to answered or
-- declined. Every step is an event on the question's timeline. People do
-- not appear: networks raise, support and answer.
CREATE TABLE questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    to_network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    beyond TEXT NOT NULL,
    tried TEXT NOT NULL DEFAULT '',
    link_list TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    agenda_item_id BIGINT REFERENCES agenda_items (id) ON DELETE SET NULL,
    support_count BIGINT NOT NULL DEFAULT 0,
    raised_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
-- The national agenda: most supported first.
CREATE INDEX questions_support_idx ON questions (support_count DESC, id);
CREATE INDEX questions_network_idx ON questions (network_id);
CREATE INDEX questions_to_network_idx ON questions (to_network_id);

CREATE TABLE question_supports (
    question_id BIGINT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    note TEXT NOT NULL DEFAULT '',
    supported_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (question_id, network_id)
);
CREATE INDEX question_supports_network_idx ON question_supports (network_id);

CREATE TABLE question_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id BIGINT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    status TEXT,
    network_id BIGINT REFERENCES networks (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX question_events_question_idx ON question_events (question_id, id);
