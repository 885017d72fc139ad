DROP TRIGGER search_blocks_removed;
DROP TRIGGER search_blocks_changed;
DROP TRIGGER search_blocks_added;
DROP TABLE search_generation;
