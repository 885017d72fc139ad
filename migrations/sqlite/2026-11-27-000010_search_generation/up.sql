-- A counter of changes to the search index, bumped by every write to
-- search_blocks whoever makes it, so that a server can tell in one cheap
-- read whether another instance changed the index and the words it keeps
-- in memory are out of date.
CREATE TABLE search_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);

INSERT INTO search_generation (id, generation) VALUES (1, 0);

CREATE TRIGGER search_blocks_added AFTER INSERT ON search_blocks
BEGIN
    UPDATE search_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER search_blocks_changed AFTER UPDATE ON search_blocks
BEGIN
    UPDATE search_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER search_blocks_removed AFTER DELETE ON search_blocks
BEGIN
    UPDATE search_generation SET generation = generation + 1 WHERE id = 1;
END;
