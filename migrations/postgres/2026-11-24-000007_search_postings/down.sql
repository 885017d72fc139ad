ALTER TABLE search_terms DROP CONSTRAINT search_terms_pkey;
ALTER TABLE search_terms
    DROP COLUMN length,
    ALTER COLUMN doc_type TYPE TEXT COLLATE "default",
    ALTER COLUMN term TYPE TEXT COLLATE "default";
ALTER TABLE search_terms ADD PRIMARY KEY (doc_type, term, doc_id);
