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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    resource TEXT NOT NULL,
    resource_id BIGINT NOT NULL,
    network_id BIGINT,
    deleted_at TIMESTAMP NOT NULL
);
CREATE INDEX deletions_resource_at_idx ON deletions (resource, deleted_at);

-- The time as the app stores it (UTC), to the millisecond.
CREATE TRIGGER networks_deleted AFTER DELETE ON networks
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('network', OLD.id, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'));
END;

-- A public network that becomes members-only leaves the public's view,
-- and so do its public meetings and its links in the lists of all networks
-- (its goals are read through the network, which is then 404).
CREATE TRIGGER networks_hidden AFTER UPDATE OF visibility ON networks
WHEN OLD.visibility = 'public' AND NEW.visibility <> 'public'
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('network', NEW.id, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'));
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    SELECT 'meeting', id, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now') FROM meetings
    WHERE network_id = NEW.id AND visibility = 'public';
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    SELECT 'knowledge_link', id, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now') FROM knowledge_links
    WHERE network_id = NEW.id;
END;

CREATE TRIGGER goals_deleted AFTER DELETE ON goals
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('goal', OLD.id, OLD.network_id, strftime('%Y-%m-%d %H:%M:%f', 'now'));
END;

CREATE TRIGGER meetings_deleted AFTER DELETE ON meetings
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('meeting', OLD.id, OLD.network_id, strftime('%Y-%m-%d %H:%M:%f', 'now'));
END;

CREATE TRIGGER meetings_hidden AFTER UPDATE OF visibility ON meetings
WHEN OLD.visibility = 'public' AND NEW.visibility <> 'public'
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('meeting', NEW.id, NEW.network_id, strftime('%Y-%m-%d %H:%M:%f', 'now'));
END;

CREATE TRIGGER knowledge_links_deleted AFTER DELETE ON knowledge_links
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('knowledge_link', OLD.id, OLD.network_id, strftime('%Y-%m-%d %H:%M:%f', 'now'));
END;

CREATE TRIGGER stakeholders_deleted AFTER DELETE ON stakeholders
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('stakeholder', OLD.id, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'));
END;

CREATE TRIGGER stakeholders_unlisted AFTER UPDATE OF listed ON stakeholders
WHEN OLD.listed AND NOT NEW.listed
BEGIN
    INSERT INTO deletions (resource, resource_id, network_id, deleted_at)
    VALUES ('stakeholder', NEW.id, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'));
END;
