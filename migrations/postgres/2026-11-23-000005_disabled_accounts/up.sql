-- An admin can disable an account: it can no longer sign in, and every
-- session and access token of it ends.
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
