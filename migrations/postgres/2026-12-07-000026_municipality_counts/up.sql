-- The figures of the map of municipalities, kept by the database whoever
-- writes: per municipality, its public local networks that are not closed
-- by status (part 'network'), their members per stakeholder kind (part
-- 'member') and their goals per status (part 'goal'), so that the map reads
-- 646 short rows instead of summing every network's counts per request.
-- Fed by the counts kept per network (network_counts) and by the networks
-- themselves: a network that becomes public, moves or closes takes its
-- counts with it. A count may stand at 0.
CREATE TABLE municipality_counts (
    municipality_code TEXT NOT NULL,
    part TEXT NOT NULL,
    value TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (municipality_code, part, value)
);

INSERT INTO municipality_counts (municipality_code, part, value, count)
SELECT municipality_code, 'network', status, count(*) FROM networks
WHERE visibility = 'public' AND municipality_code IS NOT NULL AND status <> 'closed'
GROUP BY municipality_code, status;

INSERT INTO municipality_counts (municipality_code, part, value, count)
SELECT n.municipality_code, c.part, c.value, sum(c.count)
FROM network_counts c JOIN networks n ON n.id = c.network_id
WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
GROUP BY n.municipality_code, c.part, c.value;

-- Adds n to a municipality's count, making the row when it is missing.
CREATE FUNCTION municipality_count_add(code TEXT, what TEXT, val TEXT, n BIGINT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO municipality_counts AS m (municipality_code, part, value, count)
    VALUES (code, what, val, n)
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = m.count + EXCLUDED.count;
$$;

-- Adds (or with sign -1 takes away) a network's place and all its counts.
CREATE FUNCTION municipality_network_add(network BIGINT, code TEXT, status TEXT, sign BIGINT)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM municipality_count_add(code, 'network', status, sign);
    PERFORM municipality_count_add(code, c.part, c.value, sign * c.count)
    FROM network_counts c WHERE c.network_id = network
    ORDER BY c.part, c.value;
END;
$$;

CREATE FUNCTION network_counts_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO municipality_counts AS m (municipality_code, part, value, count)
    SELECT n.municipality_code, t.part, t.value, sum(t.count)
    FROM touched t JOIN networks n ON n.id = t.network_id
    WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    GROUP BY n.municipality_code, t.part, t.value
    ORDER BY 1, 2, 3
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = m.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

CREATE TRIGGER network_counts_added AFTER INSERT ON network_counts
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION network_counts_added();

CREATE FUNCTION network_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO municipality_counts AS m (municipality_code, part, value, count)
    SELECT n.municipality_code, d.part, d.value, sum(d.delta)
    FROM (SELECT network_id, part, value, count AS delta FROM after_rows
          UNION ALL
          SELECT network_id, part, value, -count FROM before_rows) d
    JOIN networks n ON n.id = d.network_id
    WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    GROUP BY n.municipality_code, d.part, d.value
    HAVING sum(d.delta) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = m.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

CREATE TRIGGER network_counts_changed AFTER UPDATE ON network_counts
    REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_counts_changed();

-- A network's counts go when the network goes (its foreign key's
-- cascade): by then the network row is gone, and networks_uncounted below
-- took its counts away before.
CREATE FUNCTION network_counts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE municipality_counts m SET count = m.count - d.n
    FROM (SELECT n.municipality_code, t.part, t.value, sum(t.count) AS n
          FROM touched t JOIN networks n ON n.id = t.network_id
          WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL
            AND n.status <> 'closed'
          GROUP BY n.municipality_code, t.part, t.value) d
    WHERE m.municipality_code = d.municipality_code AND m.part = d.part AND m.value = d.value;
    RETURN NULL;
END;
$$;

CREATE TRIGGER network_counts_removed AFTER DELETE ON network_counts
    REFERENCING OLD TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION network_counts_removed();

CREATE FUNCTION networks_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO municipality_counts AS m (municipality_code, part, value, count)
    SELECT municipality_code, 'network', status, count(*) FROM touched
    WHERE visibility = 'public' AND municipality_code IS NOT NULL AND status <> 'closed'
    GROUP BY municipality_code, status
    ORDER BY 1, 2, 3
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = m.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

CREATE TRIGGER networks_counted AFTER INSERT ON networks
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION networks_counted();

CREATE FUNCTION networks_recounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed' THEN
        PERFORM municipality_network_add(OLD.id, OLD.municipality_code, OLD.status, -1);
    END IF;
    IF NEW.visibility = 'public' AND NEW.municipality_code IS NOT NULL AND NEW.status <> 'closed' THEN
        PERFORM municipality_network_add(NEW.id, NEW.municipality_code, NEW.status, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER networks_recounted AFTER UPDATE OF visibility, status, municipality_code ON networks
    FOR EACH ROW
    WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.status IS DISTINCT FROM NEW.status
          OR OLD.municipality_code IS DISTINCT FROM NEW.municipality_code)
    EXECUTE FUNCTION networks_recounted();

CREATE FUNCTION networks_uncounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed' THEN
        PERFORM municipality_network_add(OLD.id, OLD.municipality_code, OLD.status, -1);
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER networks_uncounted BEFORE DELETE ON networks
    FOR EACH ROW EXECUTE FUNCTION networks_uncounted();
