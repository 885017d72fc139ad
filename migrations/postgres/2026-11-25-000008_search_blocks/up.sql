-- Each word's postings are kept as blocks of up to 128 documents, in one
-- row per block keyed by the block's last document id: a search reads a
-- word's postings a block at a time and intersects them in Rust, instead of
-- probing the index once per posting of its rarest word (api/search.rs).
-- `data` holds the block's postings in document order, as varints: the
-- document id (the first whole, then the gap to the one before), its weight
-- and its document's length.
--
-- `search_docs.terms` lists each document's words, so that a change finds
-- the blocks it must rewrite.
--
-- The postings of `search_terms` are turned into blocks by `db::migrate`
-- right after this migration (in Rust: SQL cannot write the varints), which
-- then drops `search_terms`.
CREATE TABLE search_blocks (
    doc_type TEXT COLLATE "C" NOT NULL,
    term TEXT COLLATE "C" NOT NULL,
    last_doc_id BIGINT NOT NULL,
    postings INTEGER NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (doc_type, term, last_doc_id)
);
ALTER TABLE search_docs ADD COLUMN terms TEXT NOT NULL DEFAULT '';
UPDATE search_docs d SET terms = t.terms
FROM (
    SELECT doc_type, doc_id, string_agg(term, ' ') AS terms
    FROM search_terms GROUP BY doc_type, doc_id
) t
WHERE t.doc_type = d.doc_type AND t.doc_id = d.doc_id;
