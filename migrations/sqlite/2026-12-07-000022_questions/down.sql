DROP TABLE question_events;
DROP TABLE question_supports;
DROP TABLE questions;
