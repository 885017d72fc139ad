ALTER TABLE knowledge_links DROP COLUMN articles;
ALTER TABLE goals DROP COLUMN articles;
ALTER TABLE networks DROP COLUMN articles;
