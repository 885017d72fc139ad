CREATE TABLE search_postings (
    doc_type TEXT NOT NULL,
    doc_id BIGINT NOT NULL,
    term TEXT NOT NULL,
    weight INTEGER NOT NULL,
    PRIMARY KEY (doc_type, term, doc_id)
);
INSERT INTO search_postings (doc_type, doc_id, term, weight)
SELECT doc_type, doc_id, term, weight FROM search_terms;
DROP TABLE search_terms;
ALTER TABLE search_postings RENAME TO search_terms;
CREATE INDEX search_terms_doc_idx ON search_terms (doc_type, doc_id);
