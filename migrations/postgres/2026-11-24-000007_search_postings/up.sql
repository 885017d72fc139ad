-- Each posting carries its document's length, and the primary key holds
-- what a search reads (INCLUDE): one index entry per posting, without a
-- visit to the table or to the document's row for its length
-- (api/search.rs). `search_docs` stays for the corpus statistics.
--
-- Stems are compared byte by byte (COLLATE "C"), as on SQLite: a search
-- compares them at every step down the index, and a language's collation
-- costs more there than the order it gives is worth (no listing sorts by
-- them).
ALTER TABLE search_terms ADD COLUMN length INTEGER;
UPDATE search_terms t SET length = d.length
FROM search_docs d
WHERE d.doc_type = t.doc_type AND d.doc_id = t.doc_id;
ALTER TABLE search_terms DROP CONSTRAINT search_terms_pkey;
ALTER TABLE search_terms
    ALTER COLUMN length SET NOT NULL,
    ALTER COLUMN doc_type TYPE TEXT COLLATE "C",
    ALTER COLUMN term TYPE TEXT COLLATE "C";
ALTER TABLE search_terms ADD PRIMARY KEY (doc_type, term, doc_id) INCLUDE (weight, length);
