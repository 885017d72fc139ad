DROP TABLE calendar_feeds;
DROP TABLE meeting_access_needs;
DROP TABLE meeting_registrations;
DROP TABLE meetings;
