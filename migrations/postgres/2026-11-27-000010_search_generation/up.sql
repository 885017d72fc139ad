-- A counter of changes to the search index, bumped once by every
-- transaction that writes search_blocks whoever runs it (COPY included), so
-- that a server can tell in one cheap read whether another instance changed
-- the index and the words it keeps in memory are out of date. Writers of
-- the index already take turns (an advisory lock), so the counter's row
-- lock makes no one wait longer. Once per transaction, not per statement:
-- every update of one row in a transaction adds a version that the next
-- update walks, so an import of thousands of rows slowed to a crawl.
CREATE TABLE search_generation (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);

INSERT INTO search_generation (id, generation) VALUES (1, 0);

CREATE FUNCTION search_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('themanet.search_generation_bumped', true) IS DISTINCT FROM 'on' THEN
        UPDATE search_generation SET generation = generation + 1 WHERE id = 1;
        -- Local: forgotten when the transaction ends.
        PERFORM set_config('themanet.search_generation_bumped', 'on', true);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER search_blocks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_blocks
    FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump();
