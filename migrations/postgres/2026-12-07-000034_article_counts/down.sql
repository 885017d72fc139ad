DROP TRIGGER network_counts_articles_removed ON network_counts;
DROP TRIGGER network_counts_articles_changed ON network_counts;
DROP TRIGGER network_counts_articles_added ON network_counts;
DROP FUNCTION network_counts_articles_removed();
DROP FUNCTION network_counts_articles_added();
DROP FUNCTION network_counts_articles();

DROP TRIGGER goals_articles_inserted ON goals;
DROP TRIGGER networks_articles_inserted ON networks;
DROP FUNCTION goals_articles_inserted();
DROP FUNCTION networks_articles_inserted();
DROP FUNCTION article_counts_fresh(INTEGER[], BIGINT[]);
CREATE TRIGGER networks_articles_added AFTER INSERT ON networks
    FOR EACH ROW WHEN (NEW.articles <> '') EXECUTE FUNCTION network_articles_added();
CREATE TRIGGER goals_articles_added AFTER INSERT ON goals
    FOR EACH ROW WHEN (NEW.articles <> '') EXECUTE FUNCTION network_articles_added();

DROP TRIGGER networks_articles_uncounted ON networks;
DROP FUNCTION networks_articles_uncounted();

DROP TRIGGER networks_articles_recounted ON networks;
DROP FUNCTION networks_articles_recounted();
CREATE OR REPLACE FUNCTION network_articles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER networks_articles_changed AFTER UPDATE OF articles ON networks
    FOR EACH ROW WHEN (OLD.articles IS DISTINCT FROM NEW.articles) EXECUTE FUNCTION network_articles_changed();

DROP FUNCTION network_articles_recount(BIGINT);
DROP FUNCTION article_counts_network(BIGINT, TEXT, TEXT, BIGINT);
DROP TABLE article_counts;
