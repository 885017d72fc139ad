DROP TABLE document_contents;
DROP TABLE documents;
