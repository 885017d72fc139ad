-- The map's figures per article of the UN Convention, kept by the database
-- whoever writes, as `municipality_counts` (migration 26) keeps them for
-- all networks: per article and municipality, the public local networks
-- that work on it and are not closed by status (part 'network'), their
-- members per stakeholder kind (part 'member') and their goals per status
-- (part 'goal'). The map by an article reads a few hundred short rows
-- instead of summing the counts of every network that works on it.
--
-- Fed by the three things a figure is made of, each trigger adding what
-- its change adds against the present state of the other two:
-- * the network (visibility, municipality, status, its own articles);
-- * its articles (`network_articles`, migration 32), which now change
--   through the triggers below so that the figures change with them;
-- * its counts (`network_counts`).
-- Bulk inserts (`COPY` of goals and networks) fire statement-level
-- triggers with transition tables; single changes fire row triggers.
CREATE TABLE article_counts (
    article INTEGER NOT NULL,
    municipality_code TEXT NOT NULL,
    part TEXT NOT NULL,
    value TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (article, municipality_code, part, value)
);

INSERT INTO article_counts (article, municipality_code, part, value, count)
SELECT a.article, n.municipality_code, 'network', n.status, count(*)
FROM network_articles a JOIN networks n ON n.id = a.network_id
WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
GROUP BY 1, 2, 3, 4
UNION ALL
SELECT a.article, n.municipality_code, c.part, c.value, sum(c.count)
FROM network_articles a JOIN networks n ON n.id = a.network_id
JOIN network_counts c ON c.network_id = a.network_id
WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
GROUP BY 1, 2, 3, 4;

-- Adds (sign 1) or takes away (sign -1) what a counted network gives to
-- the figures of each of its articles: its place by status and all its
-- counts, as its articles and counts stand now.
CREATE FUNCTION article_counts_network(network BIGINT, code TEXT, status TEXT, sign BIGINT)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO article_counts AS m (article, municipality_code, part, value, count)
    SELECT a.article, $2, t.part, t.value, $4 * t.n
    FROM network_articles a
    CROSS JOIN (SELECT 'network' AS part, $3 AS value, 1::BIGINT AS n
                UNION ALL
                SELECT c.part, c.value, c.count FROM network_counts c WHERE c.network_id = $1) t
    WHERE a.network_id = $1
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = m.count + EXCLUDED.count;
$$;

-- A network's articles read again, with its figures taken away before and
-- added after (nothing when the network is gone or not counted).
CREATE FUNCTION network_articles_recount(network BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    code TEXT;
    st TEXT;
    counted BOOLEAN;
BEGIN
    SELECT n.municipality_code, n.status,
           n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    INTO code, st, counted FROM networks n WHERE n.id = network;
    IF counted THEN
        PERFORM article_counts_network(network, code, st, -1);
    END IF;
    PERFORM network_articles_refresh(network);
    IF counted THEN
        PERFORM article_counts_network(network, code, st, 1);
    END IF;
END;
$$;

-- A goal that changes or goes: its network's articles and figures again
-- (and the network it left, when it moved).
CREATE OR REPLACE FUNCTION network_articles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM network_articles_recount(OLD.network_id);
    IF TG_OP = 'UPDATE' AND NEW.network_id <> OLD.network_id THEN
        PERFORM network_articles_recount(NEW.network_id);
    END IF;
    RETURN NULL;
END;
$$;

-- A network that changes what is counted of it, or its own articles: its
-- figures as it was taken away, its articles read again, its figures as it
-- is added.
CREATE FUNCTION networks_articles_recounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed' THEN
        PERFORM article_counts_network(OLD.id, OLD.municipality_code, OLD.status, -1);
    END IF;
    IF OLD.articles IS DISTINCT FROM NEW.articles THEN
        PERFORM network_articles_refresh(NEW.id);
    END IF;
    IF NEW.visibility = 'public' AND NEW.municipality_code IS NOT NULL AND NEW.status <> 'closed' THEN
        PERFORM article_counts_network(NEW.id, NEW.municipality_code, NEW.status, 1);
    END IF;
    RETURN NULL;
END;
$$;

DROP TRIGGER networks_articles_changed ON networks;
CREATE TRIGGER networks_articles_recounted AFTER UPDATE OF articles, visibility, status, municipality_code ON networks
    FOR EACH ROW
    WHEN (OLD.articles IS DISTINCT FROM NEW.articles OR OLD.visibility IS DISTINCT FROM NEW.visibility
          OR OLD.status IS DISTINCT FROM NEW.status OR OLD.municipality_code IS DISTINCT FROM NEW.municipality_code)
    EXECUTE FUNCTION networks_articles_recounted();

-- A network that goes takes its figures with it while its articles and
-- counts can still be read (they go by their foreign keys' cascade).
CREATE FUNCTION networks_articles_uncounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed' THEN
        PERFORM article_counts_network(OLD.id, OLD.municipality_code, OLD.status, -1);
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER networks_articles_uncounted BEFORE DELETE ON networks
    FOR EACH ROW EXECUTE FUNCTION networks_articles_uncounted();

-- What counted networks give to the figures of articles that are new to
-- them: (article, network) pairs, given as two lists of the same length.
CREATE FUNCTION article_counts_fresh(fresh_articles INTEGER[], fresh_networks BIGINT[])
RETURNS void LANGUAGE sql AS $$
    INSERT INTO article_counts AS m (article, municipality_code, part, value, count)
    SELECT f.article, n.municipality_code, t.part, t.value, sum(t.n)
    FROM unnest($1, $2) AS f(article, network_id) JOIN networks n ON n.id = f.network_id
    CROSS JOIN LATERAL (SELECT 'network' AS part, n.status AS value, 1::BIGINT AS n
                        UNION ALL
                        SELECT c.part, c.value, c.count FROM network_counts c WHERE c.network_id = n.id) t
    WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = m.count + EXCLUDED.count;
$$;

-- New networks and goals: the articles they are tagged with, once per
-- statement (a bulk COPY included), and the figures of the articles that
-- are new to a network.
CREATE FUNCTION networks_articles_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    arts INTEGER[];
    nets BIGINT[];
BEGIN
    WITH fresh AS (
        INSERT INTO network_articles (article, network_id)
        SELECT c.number, t.id FROM added t JOIN convention_numbers c ON t.articles LIKE '%,' || c.number || ',%'
        ORDER BY 1, 2
        ON CONFLICT DO NOTHING
        RETURNING article, network_id
    )
    SELECT array_agg(fresh.article), array_agg(fresh.network_id) INTO arts, nets FROM fresh;
    PERFORM article_counts_fresh(arts, nets);
    RETURN NULL;
END;
$$;

CREATE FUNCTION goals_articles_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    arts INTEGER[];
    nets BIGINT[];
BEGIN
    WITH fresh AS (
        INSERT INTO network_articles (article, network_id)
        SELECT DISTINCT c.number, t.network_id FROM added t JOIN convention_numbers c ON t.articles LIKE '%,' || c.number || ',%'
        ORDER BY 1, 2
        ON CONFLICT DO NOTHING
        RETURNING article, network_id
    )
    SELECT array_agg(fresh.article), array_agg(fresh.network_id) INTO arts, nets FROM fresh;
    PERFORM article_counts_fresh(arts, nets);
    RETURN NULL;
END;
$$;

DROP TRIGGER networks_articles_added ON networks;
DROP TRIGGER goals_articles_added ON goals;
CREATE TRIGGER networks_articles_inserted AFTER INSERT ON networks
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION networks_articles_inserted();
CREATE TRIGGER goals_articles_inserted AFTER INSERT ON goals
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION goals_articles_inserted();

-- A network's counts change (members, goals): each of its articles'
-- figures by as much, when the network is counted. Counts that go with
-- their network find it gone: networks_articles_uncounted took them away.
CREATE FUNCTION network_counts_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_counts AS m (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, d.part, d.value, sum(d.delta)
    FROM (SELECT network_id, part, value, count AS delta FROM after_rows
          UNION ALL
          SELECT network_id, part, value, -count FROM before_rows) d
    JOIN networks n ON n.id = d.network_id
    JOIN network_articles a ON a.network_id = d.network_id
    WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.delta) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = m.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

-- Counts inserted and counts removed, the same way.
CREATE FUNCTION network_counts_articles_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_counts AS m (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, t.part, t.value, sum(t.count)
    FROM after_rows t
    JOIN networks n ON n.id = t.network_id
    JOIN network_articles a ON a.network_id = t.network_id
    WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = m.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

CREATE FUNCTION network_counts_articles_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_counts AS m (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, t.part, t.value, -sum(t.count)
    FROM before_rows t
    JOIN networks n ON n.id = t.network_id
    JOIN network_articles a ON a.network_id = t.network_id
    WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = m.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

CREATE TRIGGER network_counts_articles_added AFTER INSERT ON network_counts
    REFERENCING NEW TABLE AS after_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_counts_articles_added();
CREATE TRIGGER network_counts_articles_changed AFTER UPDATE ON network_counts
    REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_counts_articles();
CREATE TRIGGER network_counts_articles_removed AFTER DELETE ON network_counts
    REFERENCING OLD TABLE AS before_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_counts_articles_removed();
