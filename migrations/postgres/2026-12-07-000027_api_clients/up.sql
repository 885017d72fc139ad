-- API clients: how a municipality's or organisation's system signs in as
-- itself (OAuth 2.0 client credentials, RFC 6749 section 4.4), acting for
-- one organisation stakeholder with the scopes it was given. Only SHA-256
-- hashes of secrets are kept; during a rotation the previous secret works
-- until `previous_secret_expires_at`. Raising `epoch` ends every access
-- token issued before.
CREATE TABLE api_clients (
    id BIGSERIAL PRIMARY KEY,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    client_id TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    previous_secret_hash TEXT,
    previous_secret_expires_at TIMESTAMP,
    scopes TEXT NOT NULL,
    epoch BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE INDEX api_clients_by_stakeholder ON api_clients (stakeholder_id, id);

-- What an API client did is the client's act: the audit log names it.
ALTER TABLE audit_events ADD COLUMN client_id BIGINT;
