-- The articles of the UN Convention each network works on: its own
-- (`networks.articles`) and its goals' (`goals.articles`), one row each,
-- kept by the database whoever writes, so that a list of networks and the
-- map filter by an article through an index instead of matching every
-- network's and every goal's list with LIKE.
CREATE TABLE convention_numbers (number INTEGER PRIMARY KEY);
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 33)
INSERT INTO convention_numbers (number) SELECT x FROM n;

CREATE TABLE network_articles (
    article INTEGER NOT NULL,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    PRIMARY KEY (article, network_id)
) WITHOUT ROWID;
CREATE INDEX network_articles_network_idx ON network_articles (network_id);

INSERT INTO network_articles (article, network_id)
SELECT c.number, n.id FROM convention_numbers c JOIN networks n ON n.articles LIKE '%,' || c.number || ',%'
UNION
SELECT c.number, g.network_id FROM convention_numbers c JOIN goals g ON g.articles LIKE '%,' || c.number || ',%';

-- What a new row is tagged with is added; a change or a removal reads the
-- network's articles again from it and its goals (nothing when the network
-- is gone: a goal that leaves with it).
CREATE TRIGGER networks_articles_added AFTER INSERT ON networks
WHEN NEW.articles <> ''
BEGIN
    INSERT OR IGNORE INTO network_articles (article, network_id)
    SELECT c.number, NEW.id FROM convention_numbers c WHERE NEW.articles LIKE '%,' || c.number || ',%';
END;

CREATE TRIGGER networks_articles_changed AFTER UPDATE OF articles ON networks
WHEN OLD.articles IS NOT NEW.articles
BEGIN
    DELETE FROM network_articles WHERE network_id = NEW.id;
    INSERT INTO network_articles (article, network_id)
    SELECT c.number, NEW.id FROM convention_numbers c
    WHERE NEW.articles LIKE '%,' || c.number || ',%'
       OR EXISTS (SELECT 1 FROM goals g WHERE g.network_id = NEW.id AND g.articles LIKE '%,' || c.number || ',%');
END;

CREATE TRIGGER goals_articles_added AFTER INSERT ON goals
WHEN NEW.articles <> ''
BEGIN
    INSERT OR IGNORE INTO network_articles (article, network_id)
    SELECT c.number, NEW.network_id FROM convention_numbers c WHERE NEW.articles LIKE '%,' || c.number || ',%';
END;

CREATE TRIGGER goals_articles_changed AFTER UPDATE OF articles, network_id ON goals
WHEN OLD.articles IS NOT NEW.articles OR OLD.network_id IS NOT NEW.network_id
BEGIN
    DELETE FROM network_articles WHERE network_id IN (OLD.network_id, NEW.network_id);
    INSERT INTO network_articles (article, network_id)
    SELECT c.number, n.id FROM convention_numbers c JOIN networks n ON n.id IN (OLD.network_id, NEW.network_id)
    WHERE n.articles LIKE '%,' || c.number || ',%'
       OR EXISTS (SELECT 1 FROM goals g WHERE g.network_id = n.id AND g.articles LIKE '%,' || c.number || ',%');
END;

CREATE TRIGGER goals_articles_removed AFTER DELETE ON goals
WHEN OLD.articles <> ''
BEGIN
    DELETE FROM network_articles WHERE network_id = OLD.network_id;
    INSERT INTO network_articles (article, network_id)
    SELECT c.number, n.id FROM convention_numbers c JOIN networks n ON n.id = OLD.network_id
    WHERE n.articles LIKE '%,' || c.number || ',%'
       OR EXISTS (SELECT 1 FROM goals g WHERE g.network_id = n.id AND g.articles LIKE '%,' || c.number || ',%');
END;
