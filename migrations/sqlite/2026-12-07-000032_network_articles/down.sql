DROP TRIGGER goals_articles_removed;
DROP TRIGGER goals_articles_changed;
DROP TRIGGER goals_articles_added;
DROP TRIGGER networks_articles_changed;
DROP TRIGGER networks_articles_added;
DROP TABLE network_articles;
DROP TABLE convention_numbers;
