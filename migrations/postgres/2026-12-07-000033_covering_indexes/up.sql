-- Indexes that answer the national-scale reads without visiting the
-- tables' rows (index-only scans), measured on the national dataset
-- (docs/performance.md, "2026-12-08"):
--
-- * the map by an article joins the networks that work on it to the
--   counted networks (public, in a municipality, not closed) and to their
--   counts kept per network;
-- * the open steps that need a talent (`/me/matches`) join the steps found
--   through `goal_talents` to their status and network, and that network's
--   visibility.
CREATE INDEX networks_counted_idx ON networks (id) INCLUDE (municipality_code, status)
    WHERE visibility = 'public' AND municipality_code IS NOT NULL AND status <> 'closed';
CREATE INDEX networks_visibility_idx ON networks (id) INCLUDE (visibility);
CREATE INDEX network_counts_covering_idx ON network_counts (network_id) INCLUDE (part, value, count);
CREATE INDEX goals_id_status_idx ON goals (id) INCLUDE (network_id, status);
