-- Each network's members per stakeholder kind and goals per status, kept
-- by triggers whoever writes, so that a network's page reads its counts as
-- one short range of this table instead of joining every membership with
-- its stakeholder and grouping (part 'member': value is a stakeholder
-- kind; part 'goal': value is a goal status). A count may stand at 0.
-- Inserts and deletes are counted per statement, so a bulk load touches
-- each count once; counts change by increments, so concurrent writers to
-- one network wait for each other's row instead of overwriting it.
CREATE TABLE network_counts (
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    part TEXT NOT NULL,
    value TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (network_id, part, value)
);

INSERT INTO network_counts (network_id, part, value, count)
SELECT m.network_id, 'member', s.kind, count(*)
FROM memberships m JOIN stakeholders s ON s.id = m.stakeholder_id
GROUP BY m.network_id, s.kind;

INSERT INTO network_counts (network_id, part, value, count)
SELECT network_id, 'goal', status, count(*) FROM goals GROUP BY network_id, status;

-- Adds n to a network's count, making the row when it is missing.
CREATE FUNCTION network_count_add(network BIGINT, what TEXT, val TEXT, n BIGINT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO network_counts AS c (network_id, part, value, count) VALUES (network, what, val, n)
    ON CONFLICT (network_id, part, value) DO UPDATE SET count = c.count + EXCLUDED.count;
$$;

CREATE FUNCTION memberships_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO network_counts AS c (network_id, part, value, count)
    SELECT t.network_id, 'member', s.kind, count(*)
    FROM touched t JOIN stakeholders s ON s.id = t.stakeholder_id
    GROUP BY t.network_id, s.kind
    ORDER BY t.network_id, s.kind
    ON CONFLICT (network_id, part, value) DO UPDATE SET count = c.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

CREATE TRIGGER memberships_counted AFTER INSERT ON memberships
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION memberships_counted();

CREATE FUNCTION memberships_uncounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE network_counts c SET count = c.count - d.n
    FROM (SELECT t.network_id, s.kind, count(*) AS n
          FROM touched t JOIN stakeholders s ON s.id = t.stakeholder_id
          GROUP BY t.network_id, s.kind) d
    WHERE c.network_id = d.network_id AND c.part = 'member' AND c.value = d.kind;
    RETURN NULL;
END;
$$;

CREATE TRIGGER memberships_uncounted AFTER DELETE ON memberships
    REFERENCING OLD TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION memberships_uncounted();

CREATE FUNCTION memberships_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE network_counts SET count = count - 1
    WHERE network_id = OLD.network_id AND part = 'member'
      AND value = (SELECT kind FROM stakeholders WHERE id = OLD.stakeholder_id);
    PERFORM network_count_add(NEW.network_id, 'member', s.kind, 1)
    FROM stakeholders s WHERE s.id = NEW.stakeholder_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER memberships_moved AFTER UPDATE OF network_id, stakeholder_id ON memberships
    FOR EACH ROW
    WHEN (OLD.network_id <> NEW.network_id OR OLD.stakeholder_id <> NEW.stakeholder_id)
    EXECUTE FUNCTION memberships_moved();

-- A deleted stakeholder's memberships go first, while its kind can still
-- be read: the foreign key's cascade would delete them after the row.
CREATE FUNCTION stakeholders_leave_networks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM memberships WHERE stakeholder_id = OLD.id;
    RETURN OLD;
END;
$$;

CREATE TRIGGER stakeholders_leave_networks BEFORE DELETE ON stakeholders
    FOR EACH ROW EXECUTE FUNCTION stakeholders_leave_networks();

CREATE FUNCTION stakeholders_recounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE network_counts SET count = count - 1
    WHERE part = 'member' AND value = OLD.kind
      AND network_id IN (SELECT network_id FROM memberships WHERE stakeholder_id = NEW.id);
    PERFORM network_count_add(m.network_id, 'member', NEW.kind, 1)
    FROM memberships m WHERE m.stakeholder_id = NEW.id
    ORDER BY m.network_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER stakeholders_recounted AFTER UPDATE OF kind ON stakeholders
    FOR EACH ROW
    WHEN (OLD.kind <> NEW.kind)
    EXECUTE FUNCTION stakeholders_recounted();

CREATE FUNCTION goals_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO network_counts AS c (network_id, part, value, count)
    SELECT network_id, 'goal', status, count(*) FROM touched
    GROUP BY network_id, status
    ORDER BY network_id, status
    ON CONFLICT (network_id, part, value) DO UPDATE SET count = c.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

CREATE TRIGGER goals_counted AFTER INSERT ON goals
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION goals_counted();

CREATE FUNCTION goals_uncounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE network_counts c SET count = c.count - d.n
    FROM (SELECT network_id, status, count(*) AS n FROM touched GROUP BY network_id, status) d
    WHERE c.network_id = d.network_id AND c.part = 'goal' AND c.value = d.status;
    RETURN NULL;
END;
$$;

CREATE TRIGGER goals_uncounted AFTER DELETE ON goals
    REFERENCING OLD TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION goals_uncounted();

CREATE FUNCTION goals_recounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE network_counts SET count = count - 1
    WHERE network_id = OLD.network_id AND part = 'goal' AND value = OLD.status;
    PERFORM network_count_add(NEW.network_id, 'goal', NEW.status, 1);
    RETURN NULL;
END;
$$;

CREATE TRIGGER goals_recounted AFTER UPDATE OF network_id, status ON goals
    FOR EACH ROW
    WHEN (OLD.network_id <> NEW.network_id OR OLD.status <> NEW.status)
    EXECUTE FUNCTION goals_recounted();
