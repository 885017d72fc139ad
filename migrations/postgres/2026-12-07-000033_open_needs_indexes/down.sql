DROP INDEX goals_id_status_idx;
DROP INDEX networks_visibility_idx;
