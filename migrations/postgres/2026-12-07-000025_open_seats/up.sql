-- The open seats of a network's stakeholder map ("wie zoeken we nog"): who
-- the core group still needs at the table, by kind and role, in its own
-- words ("een werkgever", "een beleidsmedewerker van de gemeente"). No
-- person appears: a seat is a wish, not a member.
CREATE TABLE open_seats (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    role TEXT NOT NULL,
    description TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE INDEX open_seats_by_network ON open_seats (network_id, id);
