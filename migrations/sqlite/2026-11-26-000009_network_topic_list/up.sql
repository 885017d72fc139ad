-- Each network keeps its topics' slugs with its row (comma-separated, in no
-- particular order; the API sorts them), so a page of networks needs no
-- second statement for its topics. Triggers keep the list equal to
-- network_topics whoever writes there.
ALTER TABLE networks ADD COLUMN topic_list TEXT NOT NULL DEFAULT '';

UPDATE networks SET topic_list = COALESCE(
    (SELECT group_concat(t.topic, ',') FROM network_topics t WHERE t.network_id = networks.id), '');

CREATE TRIGGER network_topics_added AFTER INSERT ON network_topics
BEGIN
    UPDATE networks SET topic_list = COALESCE(
        (SELECT group_concat(t.topic, ',') FROM network_topics t WHERE t.network_id = NEW.network_id), '')
    WHERE id = NEW.network_id;
END;

CREATE TRIGGER network_topics_removed AFTER DELETE ON network_topics
BEGIN
    UPDATE networks SET topic_list = COALESCE(
        (SELECT group_concat(t.topic, ',') FROM network_topics t WHERE t.network_id = OLD.network_id), '')
    WHERE id = OLD.network_id;
END;

CREATE TRIGGER network_topics_changed AFTER UPDATE ON network_topics
BEGIN
    UPDATE networks SET topic_list = COALESCE(
        (SELECT group_concat(t.topic, ',') FROM network_topics t WHERE t.network_id = networks.id), '')
    WHERE id IN (OLD.network_id, NEW.network_id);
END;
