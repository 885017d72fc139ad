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
) WITHOUT ROWID;

INSERT INTO municipality_counts (municipality_code, part, value, count)
SELECT municipality_code, 'network', status, count(*) FROM networks
WHERE visibility = 'public' AND municipality_code IS NOT NULL AND status <> 'closed'
GROUP BY municipality_code, status;

INSERT INTO municipality_counts (municipality_code, part, value, count)
SELECT n.municipality_code, c.part, c.value, sum(c.count)
FROM network_counts c JOIN networks n ON n.id = c.network_id
WHERE n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
GROUP BY n.municipality_code, c.part, c.value;

CREATE TRIGGER network_counts_added AFTER INSERT ON network_counts
BEGIN
    INSERT INTO municipality_counts (municipality_code, part, value, count)
    SELECT municipality_code, NEW.part, NEW.value, NEW.count FROM networks n
    WHERE n.id = NEW.network_id AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;

CREATE TRIGGER network_counts_changed AFTER UPDATE OF count ON network_counts
WHEN OLD.count <> NEW.count
BEGIN
    INSERT INTO municipality_counts (municipality_code, part, value, count)
    SELECT municipality_code, NEW.part, NEW.value, NEW.count - OLD.count FROM networks n
    WHERE n.id = NEW.network_id AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed'
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;

-- A network's counts go when the network goes (its foreign key's
-- cascade): by then the network row is gone, and networks_uncounted below
-- took its counts away before.
CREATE TRIGGER network_counts_removed AFTER DELETE ON network_counts
BEGIN
    UPDATE municipality_counts SET count = count - OLD.count
    WHERE part = OLD.part AND value = OLD.value
      AND municipality_code = (SELECT n.municipality_code FROM networks n
                               WHERE n.id = OLD.network_id AND n.visibility = 'public' AND n.municipality_code IS NOT NULL AND n.status <> 'closed');
END;

CREATE TRIGGER networks_counted AFTER INSERT ON networks
WHEN NEW.visibility = 'public' AND NEW.municipality_code IS NOT NULL AND NEW.status <> 'closed'
BEGIN
    INSERT INTO municipality_counts (municipality_code, part, value, count)
    VALUES (NEW.municipality_code, 'network', NEW.status, 1)
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER networks_recounted AFTER UPDATE OF visibility, status, municipality_code ON networks
WHEN OLD.visibility IS NOT NEW.visibility OR OLD.status IS NOT NEW.status
  OR OLD.municipality_code IS NOT NEW.municipality_code
BEGIN
    INSERT INTO municipality_counts (municipality_code, part, value, count)
    SELECT OLD.municipality_code, 'network', OLD.status, -1 WHERE OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed'
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO municipality_counts (municipality_code, part, value, count)
    SELECT OLD.municipality_code, part, value, -count FROM network_counts
    WHERE network_id = OLD.id AND OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed'
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO municipality_counts (municipality_code, part, value, count)
    SELECT NEW.municipality_code, 'network', NEW.status, 1 WHERE NEW.visibility = 'public' AND NEW.municipality_code IS NOT NULL AND NEW.status <> 'closed'
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO municipality_counts (municipality_code, part, value, count)
    SELECT NEW.municipality_code, part, value, count FROM network_counts
    WHERE network_id = NEW.id AND NEW.visibility = 'public' AND NEW.municipality_code IS NOT NULL AND NEW.status <> 'closed'
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;

CREATE TRIGGER networks_uncounted BEFORE DELETE ON networks
BEGIN
    INSERT INTO municipality_counts (municipality_code, part, value, count)
    SELECT OLD.municipality_code, 'network', OLD.status, -1 WHERE OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed'
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
    INSERT INTO municipality_counts (municipality_code, part, value, count)
    SELECT OLD.municipality_code, part, value, -count FROM network_counts
    WHERE network_id = OLD.id AND OLD.visibility = 'public' AND OLD.municipality_code IS NOT NULL AND OLD.status <> 'closed'
    ON CONFLICT (municipality_code, part, value) DO UPDATE SET count = count + excluded.count;
END;
