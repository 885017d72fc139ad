-- Each network's members per stakeholder kind and goals per status, kept
-- by triggers whoever writes, so that a network's page reads its counts as
-- one short range of this table instead of joining every membership with
-- its stakeholder and grouping (part 'member': value is a stakeholder
-- kind; part 'goal': value is a goal status). A count may stand at 0.
CREATE TABLE network_counts (
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    part TEXT NOT NULL,
    value TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (network_id, part, value)
) WITHOUT ROWID;

INSERT INTO network_counts (network_id, part, value, count)
SELECT m.network_id, 'member', s.kind, count(*)
FROM memberships m JOIN stakeholders s ON s.id = m.stakeholder_id
GROUP BY m.network_id, s.kind;

INSERT INTO network_counts (network_id, part, value, count)
SELECT network_id, 'goal', status, count(*) FROM goals GROUP BY network_id, status;

CREATE TRIGGER memberships_counted AFTER INSERT ON memberships
BEGIN
    INSERT INTO network_counts (network_id, part, value, count)
    SELECT NEW.network_id, 'member', kind, 1 FROM stakeholders WHERE id = NEW.stakeholder_id
    ON CONFLICT (network_id, part, value) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER memberships_uncounted AFTER DELETE ON memberships
BEGIN
    UPDATE network_counts SET count = count - 1
    WHERE network_id = OLD.network_id AND part = 'member'
      AND value = (SELECT kind FROM stakeholders WHERE id = OLD.stakeholder_id);
END;

CREATE TRIGGER memberships_moved AFTER UPDATE OF network_id, stakeholder_id ON memberships
WHEN OLD.network_id <> NEW.network_id OR OLD.stakeholder_id <> NEW.stakeholder_id
BEGIN
    UPDATE network_counts SET count = count - 1
    WHERE network_id = OLD.network_id AND part = 'member'
      AND value = (SELECT kind FROM stakeholders WHERE id = OLD.stakeholder_id);
    INSERT INTO network_counts (network_id, part, value, count)
    SELECT NEW.network_id, 'member', kind, 1 FROM stakeholders WHERE id = NEW.stakeholder_id
    ON CONFLICT (network_id, part, value) DO UPDATE SET count = count + 1;
END;

-- A deleted stakeholder's memberships go first, while its kind can still
-- be read: the foreign key's cascade would delete them after the row.
CREATE TRIGGER stakeholders_leave_networks BEFORE DELETE ON stakeholders
BEGIN
    DELETE FROM memberships WHERE stakeholder_id = OLD.id;
END;

CREATE TRIGGER stakeholders_recounted AFTER UPDATE OF kind ON stakeholders
WHEN OLD.kind <> NEW.kind
BEGIN
    UPDATE network_counts SET count = count - 1
    WHERE part = 'member' AND value = OLD.kind
      AND network_id IN (SELECT network_id FROM memberships WHERE stakeholder_id = NEW.id);
    INSERT INTO network_counts (network_id, part, value, count)
    SELECT network_id, 'member', NEW.kind, 1 FROM memberships WHERE stakeholder_id = NEW.id
    ON CONFLICT (network_id, part, value) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER goals_counted AFTER INSERT ON goals
BEGIN
    INSERT INTO network_counts (network_id, part, value, count)
    VALUES (NEW.network_id, 'goal', NEW.status, 1)
    ON CONFLICT (network_id, part, value) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER goals_uncounted AFTER DELETE ON goals
BEGIN
    UPDATE network_counts SET count = count - 1
    WHERE network_id = OLD.network_id AND part = 'goal' AND value = OLD.status;
END;

CREATE TRIGGER goals_recounted AFTER UPDATE OF network_id, status ON goals
WHEN OLD.network_id <> NEW.network_id OR OLD.status <> NEW.status
BEGIN
    UPDATE network_counts SET count = count - 1
    WHERE network_id = OLD.network_id AND part = 'goal' AND value = OLD.status;
    INSERT INTO network_counts (network_id, part, value, count)
    VALUES (NEW.network_id, 'goal', NEW.status, 1)
    ON CONFLICT (network_id, part, value) DO UPDATE SET count = count + 1;
END;
