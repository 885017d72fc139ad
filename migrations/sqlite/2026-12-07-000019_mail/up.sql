-- E-mail. Mail is written to the outbox in the same transaction as the
-- change that causes it, and sent by a worker (api/mail/worker.rs): a
-- rolled-back change sends nothing, a crash loses nothing. A worker claims
-- a row for a while (`claimed_until`); a claim that runs out is taken again,
-- so a worker that dies between sending and marking sends one duplicate at
-- most, with the same Message-ID. Sent mail keeps no body.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    unsubscribe_url TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due_idx ON outbox (status, next_attempt_at);
CREATE INDEX outbox_user_idx ON outbox (user_id);

-- Single-use links sent by mail (a forgotten password, an address to
-- verify): only a hash of the token is kept.
CREATE TABLE account_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);

-- How each person is reached: mail in their language, the notices they
-- chose (per network, `network_notice_settings`), and how the coordinators
-- reach them outside the platform (channel and format).
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP;
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE users ADD COLUMN notices TEXT NOT NULL DEFAULT 'daily';
ALTER TABLE users ADD COLUMN contact_channel TEXT NOT NULL DEFAULT 'email';
ALTER TABLE users ADD COLUMN contact_format TEXT NOT NULL DEFAULT 'plain';
ALTER TABLE users ADD COLUMN mail_key TEXT;

CREATE TABLE network_notice_settings (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    notices TEXT NOT NULL,
    PRIMARY KEY (user_id, network_id)
);

-- Notices waiting for a daily or weekly digest.
CREATE TABLE pending_notices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    frequency TEXT NOT NULL,
    title TEXT NOT NULL,
    path TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX pending_notices_user_idx ON pending_notices (user_id, frequency, created_at);
