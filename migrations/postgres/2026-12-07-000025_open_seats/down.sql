DROP TABLE open_seats;
