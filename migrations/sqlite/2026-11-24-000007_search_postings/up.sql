-- Each posting carries its document's length, and the postings are the
-- table's own key order (WITHOUT ROWID): a search reads one index entry per
-- posting instead of an index entry, a table row and both again for the
-- document's length (api/search.rs). `search_docs` stays for the corpus
-- statistics (documents and their total length).
CREATE TABLE search_postings (
    doc_type TEXT NOT NULL,
    doc_id BIGINT NOT NULL,
    term TEXT NOT NULL,
    weight INTEGER NOT NULL,
    length INTEGER NOT NULL,
    PRIMARY KEY (doc_type, term, doc_id)
) WITHOUT ROWID;
INSERT INTO search_postings (doc_type, doc_id, term, weight, length)
SELECT t.doc_type, t.doc_id, t.term, t.weight, d.length
FROM search_terms t
JOIN search_docs d ON d.doc_type = t.doc_type AND d.doc_id = t.doc_id
ORDER BY t.doc_type, t.term, t.doc_id;
DROP TABLE search_terms;
ALTER TABLE search_postings RENAME TO search_terms;
CREATE INDEX search_terms_doc_idx ON search_terms (doc_type, doc_id);
ANALYZE search_terms;
