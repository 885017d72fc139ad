-- Indexes that answer the national-scale reads without visiting the
-- tables' rows (covering indexes; SQLite has no INCLUDE, so the columns
-- are part of the key), as on PostgreSQL (docs/performance.md,
-- "2026-12-08"):
--
-- * the map by an article joins the networks that work on it to the
--   counted networks (public, in a municipality, not closed) and to their
--   counts kept per network;
-- * the open steps that need a talent (`/me/matches`) join the steps found
--   through `goal_talents` to their status and network, and that network's
--   visibility.
CREATE INDEX networks_counted_idx ON networks (id, municipality_code, status)
    WHERE visibility = 'public' AND municipality_code IS NOT NULL AND status <> 'closed';
CREATE INDEX networks_visibility_idx ON networks (id, visibility);
CREATE INDEX network_counts_covering_idx ON network_counts (network_id, part, value, count);
CREATE INDEX goals_id_status_idx ON goals (id, network_id, status);
