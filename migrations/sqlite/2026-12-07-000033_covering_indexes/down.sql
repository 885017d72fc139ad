DROP INDEX goals_id_status_idx;
DROP INDEX network_counts_covering_idx;
DROP INDEX networks_visibility_idx;
DROP INDEX networks_counted_idx;
