DROP TRIGGER knowledge_link_topics_changed;
DROP TRIGGER knowledge_link_topics_removed;
DROP TRIGGER knowledge_link_topics_added;
DROP TRIGGER knowledge_link_audiences_changed;
DROP TRIGGER knowledge_link_audiences_removed;
DROP TRIGGER knowledge_link_audiences_added;
ALTER TABLE knowledge_links DROP COLUMN topic_list;
ALTER TABLE knowledge_links DROP COLUMN audience_list;
