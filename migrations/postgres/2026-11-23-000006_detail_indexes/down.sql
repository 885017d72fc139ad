DROP INDEX goals_network_status_idx;
DROP INDEX stakeholders_id_kind_idx;
