DROP TABLE refresh_tokens;
ALTER TABLE users DROP COLUMN session_epoch;
