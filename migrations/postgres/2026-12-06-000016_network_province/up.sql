-- The CBS province (PV20 ... PV31) of a network without a municipality: a
-- regional network, say. A local network's province follows from its
-- municipality and is not stored (routes::networks).
ALTER TABLE networks ADD COLUMN province_code TEXT;
CREATE INDEX networks_province_idx ON networks (province_code, id);
