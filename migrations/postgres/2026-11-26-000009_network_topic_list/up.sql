-- Each network keeps its topics' slugs with its row (comma-separated, in no
-- particular order; the API sorts them), so a page of networks needs no
-- subquery for its topics. Triggers keep the list equal to network_topics
-- whoever writes there; per statement, so a bulk load updates each network
-- once.
ALTER TABLE networks ADD COLUMN topic_list TEXT NOT NULL DEFAULT '';

UPDATE networks SET topic_list = t.list
FROM (SELECT network_id, string_agg(topic, ',') AS list FROM network_topics GROUP BY network_id) t
WHERE t.network_id = networks.id;

CREATE FUNCTION network_topic_list_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE networks n SET topic_list = COALESCE(
        (SELECT string_agg(t.topic, ',') FROM network_topics t WHERE t.network_id = n.id), '')
    WHERE n.id IN (SELECT network_id FROM touched);
    RETURN NULL;
END;
$$;

CREATE TRIGGER network_topics_added AFTER INSERT ON network_topics
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION network_topic_list_refresh();

CREATE TRIGGER network_topics_removed AFTER DELETE ON network_topics
    REFERENCING OLD TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION network_topic_list_refresh();

CREATE TRIGGER network_topics_changed_from AFTER UPDATE ON network_topics
    REFERENCING OLD TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION network_topic_list_refresh();

CREATE TRIGGER network_topics_changed_to AFTER UPDATE ON network_topics
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION network_topic_list_refresh();
