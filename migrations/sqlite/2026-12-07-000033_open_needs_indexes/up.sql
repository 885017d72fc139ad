-- Indexes that answer the open steps that need a talent (`/me/matches`)
-- without visiting the tables' rows (covering indexes; SQLite has no
-- INCLUDE, so the columns are part of the key), as on PostgreSQL: the
-- steps found through `goal_talents` joined to their status and network,
-- and that network's visibility (docs/performance.md, "2026-12-08").
CREATE INDEX networks_visibility_idx ON networks (id, visibility);
CREATE INDEX goals_id_status_idx ON goals (id, network_id, status);
