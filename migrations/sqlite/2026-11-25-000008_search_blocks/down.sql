-- The index is not turned back into postings: after this, search finds
-- nothing until each document is saved again.
CREATE TABLE IF NOT EXISTS search_terms (
    doc_type TEXT NOT NULL,
    doc_id BIGINT NOT NULL,
    term TEXT NOT NULL,
    weight INTEGER NOT NULL,
    length INTEGER NOT NULL,
    PRIMARY KEY (doc_type, term, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_terms_doc_idx ON search_terms (doc_type, doc_id);
DROP TABLE search_blocks;
ALTER TABLE search_docs DROP COLUMN terms;
