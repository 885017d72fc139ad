-- Who did what and when, without personal values: ids and action names only.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TIMESTAMP NOT NULL,
    actor_id BIGINT,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id BIGINT,
    network_id BIGINT
);
CREATE INDEX audit_events_at_idx ON audit_events (at);
CREATE INDEX audit_events_network_idx ON audit_events (network_id, id);

-- Access needs (a sign language interpreter, step-free access), kept only
-- with explicit consent; never a diagnosis.
ALTER TABLE stakeholders ADD COLUMN access_needs TEXT;
ALTER TABLE stakeholders ADD COLUMN access_needs_consent BOOLEAN NOT NULL DEFAULT FALSE;
