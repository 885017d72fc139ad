DROP INDEX networks_province_idx;
ALTER TABLE networks DROP COLUMN province_code;
