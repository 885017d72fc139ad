DROP TABLE throttle_entries;
