-- The articles of the UN Convention on the rights of persons with
-- disabilities that a network, a goal or a knowledge link works on: their
-- numbers (1 to 33), sorted, each between commas (",9,30,"), so that a list
-- filters by one article with LIKE '%,30,%'; '' is none.
ALTER TABLE networks ADD COLUMN articles TEXT NOT NULL DEFAULT '';
ALTER TABLE goals ADD COLUMN articles TEXT NOT NULL DEFAULT '';
ALTER TABLE knowledge_links ADD COLUMN articles TEXT NOT NULL DEFAULT '';
