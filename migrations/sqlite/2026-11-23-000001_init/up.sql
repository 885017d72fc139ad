CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL,
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE topics (
    slug TEXT PRIMARY KEY,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE stakeholders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT,
    expertise TEXT,
    municipality_code TEXT,
    email TEXT,
    phone TEXT,
    listed BOOLEAN NOT NULL DEFAULT FALSE,
    share_contact BOOLEAN NOT NULL DEFAULT FALSE,
    user_id BIGINT UNIQUE REFERENCES users (id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX stakeholders_kind_idx ON stakeholders (kind, id);
CREATE INDEX stakeholders_municipality_idx ON stakeholders (municipality_code, id);
CREATE INDEX stakeholders_updated_idx ON stakeholders (updated_at);
CREATE INDEX stakeholders_created_by_idx ON stakeholders (created_by);

CREATE TABLE stakeholder_tags (
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (stakeholder_id, kind, value)
);
CREATE INDEX stakeholder_tags_value_idx ON stakeholder_tags (kind, value, stakeholder_id);

CREATE TABLE networks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    theme TEXT NOT NULL,
    scope TEXT NOT NULL,
    municipality_code TEXT,
    region TEXT,
    description TEXT NOT NULL DEFAULT '',
    ambition TEXT NOT NULL DEFAULT '',
    needs TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    visibility TEXT NOT NULL,
    parent_id BIGINT REFERENCES networks (id) ON DELETE SET NULL,
    contact TEXT,
    communication TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX networks_municipality_idx ON networks (municipality_code, id);
CREATE INDEX networks_scope_idx ON networks (scope, id);
CREATE INDEX networks_status_idx ON networks (status, id);
CREATE INDEX networks_parent_idx ON networks (parent_id, id);
CREATE INDEX networks_updated_idx ON networks (updated_at);

CREATE TABLE network_topics (
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    topic TEXT NOT NULL REFERENCES topics (slug),
    PRIMARY KEY (network_id, topic)
);
CREATE INDEX network_topics_topic_idx ON network_topics (topic, network_id);

CREATE TABLE memberships (
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    commitment TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (network_id, stakeholder_id)
);
CREATE INDEX memberships_stakeholder_idx ON memberships (stakeholder_id, network_id);

CREATE TABLE goals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES goals (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    target_date DATE,
    achieved_at TIMESTAMP,
    owner_id BIGINT REFERENCES stakeholders (id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX goals_network_idx ON goals (network_id, id);
CREATE INDEX goals_parent_idx ON goals (parent_id);
CREATE INDEX goals_owner_idx ON goals (owner_id);
CREATE INDEX goals_updated_idx ON goals (updated_at);

CREATE TABLE endorsements (
    goal_id BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    stance TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (goal_id, stakeholder_id)
);
CREATE INDEX endorsements_stakeholder_idx ON endorsements (stakeholder_id);

CREATE TABLE knowledge_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL,
    network_id BIGINT REFERENCES networks (id) ON DELETE CASCADE,
    added_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    clicks BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX knowledge_links_network_idx ON knowledge_links (network_id, id);
CREATE INDEX knowledge_links_language_idx ON knowledge_links (language, id);
CREATE INDEX knowledge_links_updated_idx ON knowledge_links (updated_at);
CREATE INDEX knowledge_links_added_by_idx ON knowledge_links (added_by);

CREATE TABLE knowledge_link_audiences (
    link_id BIGINT NOT NULL REFERENCES knowledge_links (id) ON DELETE CASCADE,
    audience TEXT NOT NULL,
    PRIMARY KEY (link_id, audience)
);
CREATE INDEX knowledge_link_audiences_idx ON knowledge_link_audiences (audience, link_id);

CREATE TABLE knowledge_link_topics (
    link_id BIGINT NOT NULL REFERENCES knowledge_links (id) ON DELETE CASCADE,
    topic TEXT NOT NULL REFERENCES topics (slug),
    PRIMARY KEY (link_id, topic)
);
CREATE INDEX knowledge_link_topics_idx ON knowledge_link_topics (topic, link_id);

-- Search: the analyser (api/search.rs) runs in Rust on both backends; the
-- database only stores the stems and finds candidate documents.
CREATE TABLE search_terms (
    doc_type TEXT NOT NULL,
    doc_id BIGINT NOT NULL,
    term TEXT NOT NULL,
    weight INTEGER NOT NULL,
    PRIMARY KEY (doc_type, term, doc_id)
);
CREATE INDEX search_terms_doc_idx ON search_terms (doc_type, doc_id);

CREATE TABLE search_docs (
    doc_type TEXT NOT NULL,
    doc_id BIGINT NOT NULL,
    length INTEGER NOT NULL,
    PRIMARY KEY (doc_type, doc_id)
);
