ALTER TABLE audit_events DROP COLUMN client_id;
DROP TABLE api_clients;
