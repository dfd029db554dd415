-- One row per attempt that a limit let through (sign-ins, resent links,
-- password resets), counted per key in a sliding window. Replaces
-- login_failures, which counted failures after the password was checked.
CREATE TABLE rate_limit_hits (
    id TEXT PRIMARY KEY NOT NULL,
    key TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX rate_limit_hits_key_at ON rate_limit_hits(key, at);
CREATE INDEX rate_limit_hits_at ON rate_limit_hits(at);

DROP TABLE login_failures;
