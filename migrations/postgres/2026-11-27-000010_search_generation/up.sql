-- A counter of changes to the search index, bumped by every statement that
-- writes search_blocks whoever runs it (COPY included), so that a server
-- can tell in one cheap read whether another instance changed the index
-- and the words it keeps in memory are out of date. Writers of the index
-- already take turns (an advisory lock), so the counter's row lock makes
-- no one wait longer.
CREATE TABLE search_generation (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);

INSERT INTO search_generation (id, generation) VALUES (1, 0);

CREATE FUNCTION search_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_generation SET generation = generation + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER search_blocks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_blocks
    FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump();
