-- The sign-in throttle shared by every instance on one PostgreSQL database
-- (SQLite has one process, which counts in memory): per key, the failures
-- in the current window and until when the key is blocked. The key is the
-- SHA-256 of what is counted (an account's address, a client address), so
-- the table names nobody.
CREATE TABLE throttle_entries (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    window_start TIMESTAMP NOT NULL,
    blocked_until TIMESTAMP
);
