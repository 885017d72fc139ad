-- Meetings of a network: a kick-off, a network meeting, a workshop. Times
-- are UTC; `time_zone` says how to show them (Europe/Amsterdam or
-- Europe/Brussels). `access_features` lists the venue's accessibility as
-- wire names between commas (",step_free,induction_loop,"), so a filter is
-- one LIKE. Status 'planned', 'cancelled' (with a reason) or 'held'.
CREATE TABLE meetings (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    format TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    time_zone TEXT NOT NULL,
    venue_name TEXT NOT NULL DEFAULT '',
    venue_address TEXT NOT NULL DEFAULT '',
    municipality_code TEXT,
    online_url TEXT,
    visibility TEXT NOT NULL,
    capacity INTEGER,
    status TEXT NOT NULL,
    cancel_reason TEXT NOT NULL DEFAULT '',
    access_features TEXT NOT NULL DEFAULT '',
    access_note TEXT NOT NULL DEFAULT '',
    organiser_id BIGINT REFERENCES stakeholders (id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX meetings_network_idx ON meetings (network_id, starts_at, id);
CREATE INDEX meetings_starts_idx ON meetings (starts_at, id);
CREATE INDEX meetings_municipality_idx ON meetings (municipality_code, starts_at);
CREATE INDEX meetings_updated_idx ON meetings (updated_at);

-- Who comes: 'registered', or 'waiting' in the order of `id` (arrival).
CREATE TABLE meeting_registrations (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (meeting_id, stakeholder_id)
);
CREATE INDEX meeting_registrations_person_idx ON meeting_registrations (stakeholder_id);

-- What a registered person needs to take part, stated with their consent,
-- kept apart from the registration and erased with it. `share_name`: the
-- organisers may see who needs it, not only how many.
CREATE TABLE meeting_access_needs (
    registration_id BIGINT PRIMARY KEY REFERENCES meeting_registrations (id) ON DELETE CASCADE,
    needs TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    share_name BOOLEAN NOT NULL DEFAULT FALSE
);

-- A person's own calendar feed: the SHA-256 of the secret in its address.
-- Making a new one replaces the old. `include_waiting`: also the meetings
-- the person is on the waiting list for.
CREATE TABLE calendar_feeds (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL UNIQUE,
    include_waiting BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL
);
