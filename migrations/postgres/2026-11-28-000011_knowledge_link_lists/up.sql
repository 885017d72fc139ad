-- Each knowledge link keeps its audiences and its topics with its row
-- (comma-separated, in no particular order; the API sorts them), as
-- networks keep their topics (migration 9), so a page of links needs no
-- further statements for them. Triggers keep the lists equal to
-- knowledge_link_audiences and knowledge_link_topics whoever writes there;
-- per statement, so a bulk load updates each link once per table.
ALTER TABLE knowledge_links ADD COLUMN audience_list TEXT NOT NULL DEFAULT '';
ALTER TABLE knowledge_links ADD COLUMN topic_list TEXT NOT NULL DEFAULT '';

UPDATE knowledge_links SET audience_list = t.list
FROM (SELECT link_id, string_agg(audience, ',') AS list FROM knowledge_link_audiences GROUP BY link_id) t
WHERE t.link_id = knowledge_links.id;

CREATE FUNCTION knowledge_link_audience_list_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE knowledge_links l SET audience_list = COALESCE(
        (SELECT string_agg(t.audience, ',') FROM knowledge_link_audiences t WHERE t.link_id = l.id), '')
    WHERE l.id IN (SELECT link_id FROM touched);
    RETURN NULL;
END;
$$;

CREATE TRIGGER knowledge_link_audiences_added AFTER INSERT ON knowledge_link_audiences
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_link_audience_list_refresh();

CREATE TRIGGER knowledge_link_audiences_removed AFTER DELETE ON knowledge_link_audiences
    REFERENCING OLD TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_link_audience_list_refresh();

CREATE TRIGGER knowledge_link_audiences_changed_from AFTER UPDATE ON knowledge_link_audiences
    REFERENCING OLD TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_link_audience_list_refresh();

CREATE TRIGGER knowledge_link_audiences_changed_to AFTER UPDATE ON knowledge_link_audiences
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_link_audience_list_refresh();

UPDATE knowledge_links SET topic_list = t.list
FROM (SELECT link_id, string_agg(topic, ',') AS list FROM knowledge_link_topics GROUP BY link_id) t
WHERE t.link_id = knowledge_links.id;

CREATE FUNCTION knowledge_link_topic_list_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE knowledge_links l SET topic_list = COALESCE(
        (SELECT string_agg(t.topic, ',') FROM knowledge_link_topics t WHERE t.link_id = l.id), '')
    WHERE l.id IN (SELECT link_id FROM touched);
    RETURN NULL;
END;
$$;

CREATE TRIGGER knowledge_link_topics_added AFTER INSERT ON knowledge_link_topics
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_link_topic_list_refresh();

CREATE TRIGGER knowledge_link_topics_removed AFTER DELETE ON knowledge_link_topics
    REFERENCING OLD TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_link_topic_list_refresh();

CREATE TRIGGER knowledge_link_topics_changed_from AFTER UPDATE ON knowledge_link_topics
    REFERENCING OLD TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_link_topic_list_refresh();

CREATE TRIGGER knowledge_link_topics_changed_to AFTER UPDATE ON knowledge_link_topics
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_link_topic_list_refresh();
