-- Webhooks: URLs an owner registered for events. The secret is kept as
-- is, not hashed: the server signs every delivery with it, so it must be
-- able to read it back. `events` is a comma-separated list of event codes;
-- `active` is 1 or 0 (a paused endpoint gets nothing queued).
CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY NOT NULL,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    active INTEGER NOT NULL,
    secret TEXT NOT NULL,
    created_by TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- One event for one endpoint: written in the transaction of the event
-- (a transactional outbox, like emails), then claimed and posted by the
-- delivery worker. Its id is the Rapport-Webhook-Id, the same on every
-- retry. `gave_up_at` is set after the last allowed attempt failed.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    claimed_by TEXT,
    delivered_at TIMESTAMP,
    gave_up_at TIMESTAMP,
    last_status INTEGER,
    last_error TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, created_at);

-- Every attempt to post a delivery, for the endpoint's delivery log: the
-- HTTP status, or why there was none (a refused connection, a timeout).
CREATE TABLE webhook_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    status INTEGER,
    error TEXT,
    duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id, at);
