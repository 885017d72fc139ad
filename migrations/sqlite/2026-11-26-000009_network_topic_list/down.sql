DROP TRIGGER network_topics_changed;
DROP TRIGGER network_topics_removed;
DROP TRIGGER network_topics_added;
ALTER TABLE networks DROP COLUMN topic_list;
