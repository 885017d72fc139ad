-- Documents members share in a network. The bytes live in the database
-- (`document_contents`, apart so that lists never read them): one place for
-- every instance, written and removed in the same transaction as their row
-- (no orphan file, no row without bytes), and covered by the backup.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    alt_text TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    visibility TEXT NOT NULL,
    goal_id BIGINT REFERENCES goals (id) ON DELETE SET NULL,
    meeting_id BIGINT REFERENCES meetings (id) ON DELETE SET NULL,
    uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    uploader_id BIGINT REFERENCES stakeholders (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX documents_network_idx ON documents (network_id, id);
CREATE INDEX documents_goal_idx ON documents (goal_id);
CREATE INDEX documents_meeting_idx ON documents (meeting_id);

CREATE TABLE document_contents (
    document_id BIGINT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
);
