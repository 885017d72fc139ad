-- The articles of the UN Convention each network works on: its own
-- (`networks.articles`) and its goals' (`goals.articles`), one row each,
-- kept by the database whoever writes, so that a list of networks and the
-- map filter by an article through an index instead of matching every
-- network's and every goal's list with LIKE.
CREATE TABLE convention_numbers (number INTEGER PRIMARY KEY);
INSERT INTO convention_numbers (number) SELECT generate_series(1, 33);

CREATE TABLE network_articles (
    article INTEGER NOT NULL,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    PRIMARY KEY (article, network_id)
);
CREATE INDEX network_articles_network_idx ON network_articles (network_id);

INSERT INTO network_articles (article, network_id)
SELECT c.number, n.id FROM convention_numbers c JOIN networks n ON n.articles LIKE '%,' || c.number || ',%'
UNION
SELECT c.number, g.network_id FROM convention_numbers c JOIN goals g ON g.articles LIKE '%,' || c.number || ',%';

-- A network's articles read again from it and its goals. Nothing when the
-- network is gone (a goal that leaves with it).
CREATE FUNCTION network_articles_refresh(network BIGINT) RETURNS void LANGUAGE sql AS $$
    DELETE FROM network_articles WHERE network_id = $1;
    INSERT INTO network_articles (article, network_id)
    SELECT c.number, n.id FROM convention_numbers c JOIN networks n ON n.id = $1
    WHERE n.articles LIKE '%,' || c.number || ',%'
       OR EXISTS (SELECT 1 FROM goals g WHERE g.network_id = $1 AND g.articles LIKE '%,' || c.number || ',%');
$$;

-- What a new row is tagged with is added; a change or a removal reads the
-- network's articles again.
CREATE FUNCTION network_articles_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    network BIGINT;
BEGIN
    IF TG_TABLE_NAME = 'networks' THEN
        network := NEW.id;
    ELSE
        network := NEW.network_id;
    END IF;
    INSERT INTO network_articles (article, network_id)
    SELECT c.number, network FROM convention_numbers c WHERE NEW.articles LIKE '%,' || c.number || ',%'
    ORDER BY 1
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE FUNCTION network_articles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'networks' THEN
        PERFORM network_articles_refresh(NEW.id);
    ELSE
        PERFORM network_articles_refresh(OLD.network_id);
        IF TG_OP = 'UPDATE' AND NEW.network_id <> OLD.network_id THEN
            PERFORM network_articles_refresh(NEW.network_id);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER networks_articles_added AFTER INSERT ON networks
    FOR EACH ROW WHEN (NEW.articles <> '') EXECUTE FUNCTION network_articles_added();
CREATE TRIGGER networks_articles_changed AFTER UPDATE OF articles ON networks
    FOR EACH ROW WHEN (OLD.articles IS DISTINCT FROM NEW.articles) EXECUTE FUNCTION network_articles_changed();
CREATE TRIGGER goals_articles_added AFTER INSERT ON goals
    FOR EACH ROW WHEN (NEW.articles <> '') EXECUTE FUNCTION network_articles_added();
CREATE TRIGGER goals_articles_changed AFTER UPDATE OF articles, network_id ON goals
    FOR EACH ROW WHEN (OLD.articles IS DISTINCT FROM NEW.articles OR OLD.network_id IS DISTINCT FROM NEW.network_id)
    EXECUTE FUNCTION network_articles_changed();
CREATE TRIGGER goals_articles_removed AFTER DELETE ON goals
    FOR EACH ROW WHEN (OLD.articles <> '') EXECUTE FUNCTION network_articles_changed();
