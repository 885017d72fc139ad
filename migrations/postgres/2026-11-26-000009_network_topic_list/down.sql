DROP TRIGGER network_topics_changed_to ON network_topics;
DROP TRIGGER network_topics_changed_from ON network_topics;
DROP TRIGGER network_topics_removed ON network_topics;
DROP TRIGGER network_topics_added ON network_topics;
DROP FUNCTION network_topic_list_refresh();
ALTER TABLE networks DROP COLUMN topic_list;
