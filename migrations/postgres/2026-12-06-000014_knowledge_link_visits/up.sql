-- Who followed a knowledge link today, without saying who: a keyed hash of
-- the visitor's address, user agent, the link and the day
-- (routes::knowledge_links::visitor). A link's click counts once per
-- visitor a day; rows of earlier days are deleted at the next visit.
CREATE TABLE knowledge_link_visits (
    link_id BIGINT NOT NULL REFERENCES knowledge_links (id) ON DELETE CASCADE,
    visitor TEXT NOT NULL,
    day DATE NOT NULL,
    PRIMARY KEY (link_id, visitor)
);
CREATE INDEX knowledge_link_visits_day_idx ON knowledge_link_visits (day);
