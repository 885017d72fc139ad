-- Each knowledge link keeps its audiences and its topics with its row
-- (comma-separated, in no particular order; the API sorts them), as
-- networks keep their topics (migration 9), so a page of links needs no
-- further statements for them. Triggers keep the lists equal to
-- knowledge_link_audiences and knowledge_link_topics whoever writes there.
ALTER TABLE knowledge_links ADD COLUMN audience_list TEXT NOT NULL DEFAULT '';
ALTER TABLE knowledge_links ADD COLUMN topic_list TEXT NOT NULL DEFAULT '';

UPDATE knowledge_links SET audience_list = COALESCE(
        (SELECT group_concat(t.audience, ',') FROM knowledge_link_audiences t WHERE t.link_id = knowledge_links.id), '');

CREATE TRIGGER knowledge_link_audiences_added AFTER INSERT ON knowledge_link_audiences
BEGIN
    UPDATE knowledge_links SET audience_list = COALESCE(
        (SELECT group_concat(t.audience, ',') FROM knowledge_link_audiences t WHERE t.link_id = NEW.link_id), '')
    WHERE id = NEW.link_id;
END;

CREATE TRIGGER knowledge_link_audiences_removed AFTER DELETE ON knowledge_link_audiences
BEGIN
    UPDATE knowledge_links SET audience_list = COALESCE(
        (SELECT group_concat(t.audience, ',') FROM knowledge_link_audiences t WHERE t.link_id = OLD.link_id), '')
    WHERE id = OLD.link_id;
END;

CREATE TRIGGER knowledge_link_audiences_changed AFTER UPDATE ON knowledge_link_audiences
BEGIN
    UPDATE knowledge_links SET audience_list = COALESCE(
        (SELECT group_concat(t.audience, ',') FROM knowledge_link_audiences t WHERE t.link_id = knowledge_links.id), '')
    WHERE id IN (OLD.link_id, NEW.link_id);
END;

UPDATE knowledge_links SET topic_list = COALESCE(
        (SELECT group_concat(t.topic, ',') FROM knowledge_link_topics t WHERE t.link_id = knowledge_links.id), '');

CREATE TRIGGER knowledge_link_topics_added AFTER INSERT ON knowledge_link_topics
BEGIN
    UPDATE knowledge_links SET topic_list = COALESCE(
        (SELECT group_concat(t.topic, ',') FROM knowledge_link_topics t WHERE t.link_id = NEW.link_id), '')
    WHERE id = NEW.link_id;
END;

CREATE TRIGGER knowledge_link_topics_removed AFTER DELETE ON knowledge_link_topics
BEGIN
    UPDATE knowledge_links SET topic_list = COALESCE(
        (SELECT group_concat(t.topic, ',') FROM knowledge_link_topics t WHERE t.link_id = OLD.link_id), '')
    WHERE id = OLD.link_id;
END;

CREATE TRIGGER knowledge_link_topics_changed AFTER UPDATE ON knowledge_link_topics
BEGIN
    UPDATE knowledge_links SET topic_list = COALESCE(
        (SELECT group_concat(t.topic, ',') FROM knowledge_link_topics t WHERE t.link_id = knowledge_links.id), '')
    WHERE id IN (OLD.link_id, NEW.link_id);
END;
