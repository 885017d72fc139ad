DROP TABLE house_rule_acceptances;
DROP TABLE house_rules;
DROP TABLE message_reports;
DROP TABLE messages;
