DROP TABLE knowledge_link_visits;
