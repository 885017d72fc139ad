-- Webhooks: an API client's subscriptions to events, filtered by
-- municipality, network or topic, each with the secret its deliveries are
-- signed with (Standard Webhooks: HMAC-SHA256). A subscription that has
-- failed for 24 hours is switched off (`disabled_at`) and its owner told.
CREATE TABLE webhook_subscriptions (
    id BIGSERIAL PRIMARY KEY,
    api_client_id BIGINT NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    municipality_code TEXT,
    network_id BIGINT REFERENCES networks (id) ON DELETE CASCADE,
    topic TEXT,
    secret TEXT NOT NULL,
    failing_since TIMESTAMP,
    disabled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE INDEX webhook_subscriptions_by_client ON webhook_subscriptions (api_client_id, id);

-- The outbox of webhook deliveries: written in the transaction that makes
-- the change, delivered by a worker, at least once, each with a stable id
-- (`event_id`, sent as `webhook-id`). A worker claims a delivery until
-- `claimed_until`, so with several instances each is sent by one.
CREATE TABLE webhook_deliveries (
    id BIGSERIAL PRIMARY KEY,
    subscription_id BIGINT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    delivered_at TIMESTAMP
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, id);

-- The delivery log: every try, with the answer's status code (none when
-- the receiver could not be reached or did not answer in time), how long
-- it took, and what went wrong.
CREATE TABLE webhook_attempts (
    id BIGSERIAL PRIMARY KEY,
    delivery_id BIGINT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    subscription_id BIGINT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    at TIMESTAMP NOT NULL,
    status_code INTEGER,
    duration_ms BIGINT NOT NULL,
    error TEXT,
    next_attempt_at TIMESTAMP
);

CREATE INDEX webhook_attempts_by_subscription ON webhook_attempts (subscription_id, id);
