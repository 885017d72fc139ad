DROP TRIGGER network_counts_articles_removed;
DROP TRIGGER network_counts_articles_changed;
DROP TRIGGER network_counts_articles_added;
DROP TRIGGER goals_articles_removed;
DROP TRIGGER goals_articles_changed;
DROP TRIGGER goals_articles_added;
DROP TRIGGER networks_articles_uncounted;
DROP TRIGGER networks_articles_recounted;
DROP TRIGGER networks_articles_added;
DROP TABLE article_counts;

-- The triggers of migration 32, as they were.
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
