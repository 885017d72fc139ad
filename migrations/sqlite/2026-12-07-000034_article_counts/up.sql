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
-- * its articles (`network_articles`, migration 32), whose triggers are
--   made again here so that the figures change with them;
-- * its counts (`network_counts`).
-- SQLite triggers cannot call functions, so each writes out what it adds
-- and takes away; PostgreSQL's migration has the same in functions.
CREATE TABLE article_counts (
    article INTEGER NOT NULL,
    municipality_code TEXT NOT NULL,
    part TEXT NOT NULL,
    value TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (article, municipality_code, part, value)
) WITHOUT ROWID;

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

DROP TRIGGER networks_articles_added;
DROP TRIGGER networks_articles_changed;
DROP TRIGGER goals_articles_added;
DROP TRIGGER goals_articles_changed;
DROP TRIGGER goals_articles_removed;

-- A new network: the articles it is tagged with, and its figures for them.
CREATE TRIGGER networks_articles_added AFTER INSERT ON networks
WHEN NEW.articles <> ''
BEGIN
    INSERT OR IGNORE INTO network_articles (article, network_id)
    SELECT c.number, NEW.id FROM convention_numbers c WHERE NEW.articles LIKE '%,' || c.number || ',%';
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, NEW.municipality_code, 'network', NEW.status, 1 FROM network_articles a
    WHERE a.network_id = NEW.id AND NEW.visibility = 'public' AND NEW.municipality_code IS NOT NULL AND NEW.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, NEW.municipality_code, k.part, k.value, 1 * k.count FROM network_articles a
    JOIN network_counts k ON k.network_id = a.network_id
    WHERE a.network_id = NEW.id AND NEW.visibility = 'public' AND NEW.municipality_code IS NOT NULL AND NEW.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;

-- A network that changes what is counted of it, or its own articles: its
-- figures as it was taken away, its articles read again, its figures as it
-- is added.
CREATE TRIGGER networks_articles_recounted AFTER UPDATE OF articles, visibility, status, municipality_code ON networks
WHEN OLD.articles IS NOT NEW.articles OR OLD.visibility IS NOT NEW.visibility
  OR OLD.status IS NOT NEW.status OR OLD.municipality_code IS NOT NEW.municipality_code
BEGIN
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, OLD.municipality_code, 'network', OLD.status, -1 FROM network_articles a
    WHERE a.network_id = OLD.id AND OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, OLD.municipality_code, k.part, k.value, -1 * k.count FROM network_articles a
    JOIN network_counts k ON k.network_id = a.network_id
    WHERE a.network_id = OLD.id AND OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    DELETE FROM network_articles WHERE network_id IN (NEW.id);
    INSERT INTO network_articles (article, network_id)
    SELECT c.number, n.id FROM convention_numbers c JOIN networks n ON n.id IN (NEW.id)
    WHERE n.articles LIKE '%,' || c.number || ',%'
       OR EXISTS (SELECT 1 FROM goals g WHERE g.network_id = n.id AND g.articles LIKE '%,' || c.number || ',%');
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, NEW.municipality_code, 'network', NEW.status, 1 FROM network_articles a
    WHERE a.network_id = NEW.id AND NEW.visibility = 'public' AND NEW.municipality_code IS NOT NULL AND NEW.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, NEW.municipality_code, k.part, k.value, 1 * k.count FROM network_articles a
    JOIN network_counts k ON k.network_id = a.network_id
    WHERE a.network_id = NEW.id AND NEW.visibility = 'public' AND NEW.municipality_code IS NOT NULL AND NEW.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;

-- A network that goes takes its figures with it while its articles and
-- counts can still be read (they go by their foreign keys' cascade).
CREATE TRIGGER networks_articles_uncounted BEFORE DELETE ON networks
BEGIN
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, OLD.municipality_code, 'network', OLD.status, -1 FROM network_articles a
    WHERE a.network_id = OLD.id AND OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, OLD.municipality_code, k.part, k.value, -1 * k.count FROM network_articles a
    JOIN network_counts k ON k.network_id = a.network_id
    WHERE a.network_id = OLD.id AND OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;

-- A new goal: the figures of the articles that are new to its network,
-- then the articles.
CREATE TRIGGER goals_articles_added AFTER INSERT ON goals
WHEN NEW.articles <> ''
BEGIN
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT c.number, n.municipality_code, 'network', n.status, 1 FROM convention_numbers c JOIN networks n ON n.id = NEW.network_id
    WHERE NEW.articles LIKE '%,' || c.number || ',%' AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
      AND NOT EXISTS (SELECT 1 FROM network_articles a WHERE a.article = c.number AND a.network_id = NEW.network_id)
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT c.number, n.municipality_code, k.part, k.value, k.count FROM convention_numbers c JOIN networks n ON n.id = NEW.network_id
    JOIN network_counts k ON k.network_id = n.id
    WHERE NEW.articles LIKE '%,' || c.number || ',%' AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
      AND NOT EXISTS (SELECT 1 FROM network_articles a WHERE a.article = c.number AND a.network_id = NEW.network_id)
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT OR IGNORE INTO network_articles (article, network_id)
    SELECT c.number, NEW.network_id FROM convention_numbers c WHERE NEW.articles LIKE '%,' || c.number || ',%';
END;

-- A goal that changes or goes: its network's articles read again (and the
-- network it left, when it moved), with their figures taken away before
-- and added after. Nothing when the network is gone.
CREATE TRIGGER goals_articles_changed AFTER UPDATE OF articles, network_id ON goals
WHEN OLD.articles IS NOT NEW.articles OR OLD.network_id IS NOT NEW.network_id
BEGIN
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, 'network', n.status, -1 FROM network_articles a JOIN networks n ON n.id = a.network_id
    WHERE a.network_id IN (OLD.network_id, NEW.network_id) AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, k.part, k.value, -1 * k.count FROM network_articles a JOIN networks n ON n.id = a.network_id
    JOIN network_counts k ON k.network_id = a.network_id
    WHERE a.network_id IN (OLD.network_id, NEW.network_id) AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    DELETE FROM network_articles WHERE network_id IN (OLD.network_id, NEW.network_id);
    INSERT INTO network_articles (article, network_id)
    SELECT c.number, n.id FROM convention_numbers c JOIN networks n ON n.id IN (OLD.network_id, NEW.network_id)
    WHERE n.articles LIKE '%,' || c.number || ',%'
       OR EXISTS (SELECT 1 FROM goals g WHERE g.network_id = n.id AND g.articles LIKE '%,' || c.number || ',%');
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, 'network', n.status, 1 FROM network_articles a JOIN networks n ON n.id = a.network_id
    WHERE a.network_id IN (OLD.network_id, NEW.network_id) AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, k.part, k.value, 1 * k.count FROM network_articles a JOIN networks n ON n.id = a.network_id
    JOIN network_counts k ON k.network_id = a.network_id
    WHERE a.network_id IN (OLD.network_id, NEW.network_id) AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;

CREATE TRIGGER goals_articles_removed AFTER DELETE ON goals
WHEN OLD.articles <> ''
BEGIN
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, 'network', n.status, -1 FROM network_articles a JOIN networks n ON n.id = a.network_id
    WHERE a.network_id IN (OLD.network_id) AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, k.part, k.value, -1 * k.count FROM network_articles a JOIN networks n ON n.id = a.network_id
    JOIN network_counts k ON k.network_id = a.network_id
    WHERE a.network_id IN (OLD.network_id) AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    DELETE FROM network_articles WHERE network_id IN (OLD.network_id);
    INSERT INTO network_articles (article, network_id)
    SELECT c.number, n.id FROM convention_numbers c JOIN networks n ON n.id IN (OLD.network_id)
    WHERE n.articles LIKE '%,' || c.number || ',%'
       OR EXISTS (SELECT 1 FROM goals g WHERE g.network_id = n.id AND g.articles LIKE '%,' || c.number || ',%');
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, 'network', n.status, 1 FROM network_articles a JOIN networks n ON n.id = a.network_id
    WHERE a.network_id IN (OLD.network_id) AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, k.part, k.value, 1 * k.count FROM network_articles a JOIN networks n ON n.id = a.network_id
    JOIN network_counts k ON k.network_id = a.network_id
    WHERE a.network_id IN (OLD.network_id) AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;

-- A network's counts change (members, goals): each of its articles'
-- figures by as much, when the network is counted. Counts that go with
-- their network find it gone: networks_articles_uncounted took them away.
CREATE TRIGGER network_counts_articles_added AFTER INSERT ON network_counts
BEGIN
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, NEW.part, NEW.value, NEW.count FROM network_articles a JOIN networks n ON n.id = a.network_id
    WHERE a.network_id = NEW.network_id AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;

CREATE TRIGGER network_counts_articles_changed AFTER UPDATE OF count ON network_counts
WHEN OLD.count <> NEW.count
BEGIN
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, NEW.part, NEW.value, NEW.count - OLD.count FROM network_articles a JOIN networks n ON n.id = a.network_id
    WHERE a.network_id = NEW.network_id AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;

CREATE TRIGGER network_counts_articles_removed AFTER DELETE ON network_counts
BEGIN
    INSERT INTO article_counts (article, municipality_code, part, value, count)
    SELECT a.article, n.municipality_code, OLD.part, OLD.value, -OLD.count FROM network_articles a JOIN networks n ON n.id = a.network_id
    WHERE a.network_id = OLD.network_id AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (article, municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;
