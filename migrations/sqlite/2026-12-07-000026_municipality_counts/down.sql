DROP TRIGGER networks_uncounted;
DROP TRIGGER networks_recounted;
DROP TRIGGER networks_counted;
DROP TRIGGER network_counts_removed;
DROP TRIGGER network_counts_changed;
DROP TRIGGER network_counts_added;
DROP TABLE municipality_counts;
