DROP TABLE meeting_pulses;
ALTER TABLE goals DROP COLUMN meeting_id;
DROP TABLE meeting_outcomes;
DROP TABLE agenda_supports;
DROP TABLE agenda_items;
