DROP TRIGGER search_blocks_changed ON search_blocks;
DROP FUNCTION search_generation_bump();
DROP TABLE search_generation;
