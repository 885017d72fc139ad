-- The deletion feed: what left a collection that syncs with `updatedSince`
-- (networks, stakeholders, goals, knowledge links, meetings), by id and
-- time only, written by the database whoever deletes: rows that go with
-- another one (a network's goals and meetings, a goal's steps) are
-- recorded too. What the public could see and can no longer see is
-- recorded as well: a network that becomes members-only (with its public
-- meetings and its links), a meeting that becomes members-only,
-- a profile that is no longer listed. Kept DELETION_RETENTION_DAYS (90);
-- `themanet purge` removes older rows.
--
-- network_id says who is told of a row: NULL, everyone who cannot see the
-- row now; a network's id, those who may see that network now, or everyone
-- once it is gone. Nothing but the id and the time is ever answered.
CREATE TABLE deletions (
    id BIGSERIAL PRIMARY KEY,
    resource TEXT NOT NULL,
    resource_id BIGINT NOT NULL,
    network_id BIGINT,
    deleted_at TIMESTAMP NOT NULL
);
CREATE INDEX deletions_resource_at_idx ON deletions (resource, deleted_at);

-- Deletions are recorded once per statement from its transition table (a
-- network's goals go in one statement of the foreign key's cascade); the
-- time is the transaction's, in UTC as the app stores it.
CREATE FUNCTION networks_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    SELECT 'network', id, NULL, now() AT TIME ZONE 'UTC' FROM gone;
    RETURN NULL;
END;
$$;

CREATE TRIGGER networks_deleted AFTER DELETE ON networks
    REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION networks_deleted();

-- A public network that becomes members-only leaves the public's view,
-- and so do its public meetings and its links in the lists of all networks
-- (its goals are read through the network, which is then 404). Rare, so
-- per row, and only when the visibility changes that way.
CREATE FUNCTION networks_hidden() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    hidden_at TIMESTAMP := now() AT TIME ZONE 'UTC';
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('network', NEW.id, NULL, hidden_at);
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    SELECT 'meeting', id, NULL, hidden_at FROM meetings
    WHERE network_id = NEW.id AND visibility = 'public';
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    SELECT 'knowledge_link', id, NULL, hidden_at FROM knowledge_links
    WHERE network_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER networks_hidden AFTER UPDATE OF visibility ON networks
    FOR EACH ROW
    WHEN (OLD.visibility = 'public' AND NEW.visibility <> 'public')
    EXECUTE FUNCTION networks_hidden();

CREATE FUNCTION goals_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    SELECT 'goal', id, network_id, now() AT TIME ZONE 'UTC' FROM gone;
    RETURN NULL;
END;
$$;

CREATE TRIGGER goals_deleted AFTER DELETE ON goals
    REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION goals_deleted();

CREATE FUNCTION meetings_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    SELECT 'meeting', id, network_id, now() AT TIME ZONE 'UTC' FROM gone;
    RETURN NULL;
END;
$$;

CREATE TRIGGER meetings_deleted AFTER DELETE ON meetings
    REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_deleted();

CREATE FUNCTION meetings_hidden() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('meeting', NEW.id, NEW.network_id, now() AT TIME ZONE 'UTC');
    RETURN NULL;
END;
$$;

CREATE TRIGGER meetings_hidden AFTER UPDATE OF visibility ON meetings
    FOR EACH ROW
    WHEN (OLD.visibility = 'public' AND NEW.visibility <> 'public')
    EXECUTE FUNCTION meetings_hidden();

CREATE FUNCTION knowledge_links_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    SELECT 'knowledge_link', id, network_id, now() AT TIME ZONE 'UTC' FROM gone;
    RETURN NULL;
END;
$$;

CREATE TRIGGER knowledge_links_deleted AFTER DELETE ON knowledge_links
    REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_links_deleted();

CREATE FUNCTION stakeholders_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    SELECT 'stakeholder', id, NULL, now() AT TIME ZONE 'UTC' FROM gone;
    RETURN NULL;
END;
$$;

CREATE TRIGGER stakeholders_deleted AFTER DELETE ON stakeholders
    REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION stakeholders_deleted();

CREATE FUNCTION stakeholders_unlisted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('stakeholder', NEW.id, NULL, now() AT TIME ZONE 'UTC');
    RETURN NULL;
END;
$$;

CREATE TRIGGER stakeholders_unlisted AFTER UPDATE OF listed ON stakeholders
    FOR EACH ROW
    WHEN (OLD.listed AND NOT NEW.listed)
    EXECUTE FUNCTION stakeholders_unlisted();
