-- An event that webhook subscriptions want, written once in the transaction
-- that made the change: which subscriptions want it (",3,7,", chosen then,
-- by the filters and membership of that moment) and the body they get. The
-- webhook worker turns it into one delivery per subscription that still
-- exists, and removes it, in one transaction of its own; so a change that
-- many subscriptions hear of costs its request one row.
CREATE TABLE webhook_events (
    id BIGSERIAL PRIMARY KEY,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    subscriptions TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
