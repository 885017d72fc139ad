-- Kinds of documents whose search index the program rebuilds at its next
-- start (search::reindex_marked), because what is indexed changed and the
-- analyser lives in Rust, not in SQL. A row is deleted once its kind is
-- rebuilt. Knowledge links: their topics' names are now searched too.
CREATE TABLE search_reindex (
    doc_type TEXT PRIMARY KEY
);
INSERT INTO search_reindex (doc_type) VALUES ('knowledge_link');
