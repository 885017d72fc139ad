-- Indexes that answer the open steps that need a talent (`/me/matches`)
-- without visiting the tables' rows (index-only scans): the steps found
-- through `goal_talents` joined to their status and network, and that
-- network's visibility. On the national dataset PostgreSQL otherwise
-- chose a pass over all 500,000 goals (docs/performance.md, "2026-12-08").
CREATE INDEX networks_visibility_idx ON networks (id) INCLUDE (visibility);
CREATE INDEX goals_id_status_idx ON goals (id) INCLUDE (network_id, status);
