-- The shared place of a network: a message board (prikbord) with replies
-- one level deep, reports by anyone signed in, messages hidden by
-- coordinators with a reason, pinned and public announcements by the core
-- group. And the network's house rules (spelregels), each change a new
-- version, with who accepted which version.
CREATE TABLE messages (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES messages (id) ON DELETE CASCADE,
    author_stakeholder_id BIGINT REFERENCES stakeholders (id) ON DELETE SET NULL,
    author_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    pinned BOOLEAN NOT NULL DEFAULT FALSE,
    public BOOLEAN NOT NULL DEFAULT FALSE,
    hidden BOOLEAN NOT NULL DEFAULT FALSE,
    hidden_reason TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX messages_board_idx ON messages (network_id, parent_id, pinned, id);
CREATE INDEX messages_parent_idx ON messages (parent_id, id);

-- A report: once per account and message, with a reason.
CREATE TABLE message_reports (
    message_id BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (message_id, user_id)
);

-- Every version of a network's house rules; the highest is the current one.
CREATE TABLE house_rules (
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    changed_by BIGINT REFERENCES stakeholders (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (network_id, version)
);

-- Who accepted which version of a network's house rules.
CREATE TABLE house_rule_acceptances (
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    accepted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (network_id, stakeholder_id, version)
);

-- Existing networks start from the default rules, as new ones do; their
-- coordinators, who own the rules, have accepted them.
INSERT INTO house_rules (network_id, version, body, changed_by, created_at)
SELECT id, 1, 'Zo gaan we met elkaar om in dit netwerk.

- Wat we in het netwerk delen, blijft in het netwerk. Wil je iets verder vertellen? Vraag dan eerst of de persoon het goed vindt.
- We hebben respect voor elkaar. Ieders stem telt even zwaar. Ervaringsdeskundigen spreken eerst: zij weten hoe het is.
- Deel geen persoonlijke gegevens van anderen buiten het netwerk. Ook niet wat je weet over iemands beperking of gezondheid.
- Zit iets je niet lekker? Zeg het tegen de coördinatoren van het netwerk. Stuur hun een bericht, of gebruik de knop **Melden** bij een bericht op het prikbord.', NULL, (CURRENT_TIMESTAMP AT TIME ZONE 'UTC') FROM networks;
INSERT INTO house_rule_acceptances (network_id, stakeholder_id, version, accepted_at)
SELECT network_id, stakeholder_id, 1, (CURRENT_TIMESTAMP AT TIME ZONE 'UTC') FROM memberships WHERE role = 'coordinator';
