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
    doc_type TEXT NOT NULL,
    term TEXT NOT NULL,
    last_doc_id BIGINT NOT NULL,
    postings INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (doc_type, term, last_doc_id)
) WITHOUT ROWID;
ALTER TABLE search_docs ADD COLUMN terms TEXT NOT NULL DEFAULT '';
UPDATE search_docs SET terms = COALESCE((
    SELECT group_concat(t.term, ' ') FROM search_terms t
    WHERE t.doc_type = search_docs.doc_type AND t.doc_id = search_docs.doc_id
), '');
