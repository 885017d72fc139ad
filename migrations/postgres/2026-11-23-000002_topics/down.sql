DELETE FROM topics;
