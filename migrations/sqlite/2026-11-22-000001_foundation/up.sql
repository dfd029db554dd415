CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user_id ON sessions(user_id);

CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);

CREATE TABLE invitations (
    id TEXT PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    revoked_at TIMESTAMP
);

CREATE TABLE login_failures (
    id TEXT PRIMARY KEY NOT NULL,
    key TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures(key, at);

CREATE TABLE jobs (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    close_reason TEXT,
    title TEXT NOT NULL,
    workplace TEXT NOT NULL,
    location TEXT NOT NULL,
    remote_regions TEXT NOT NULL,
    timezone_note TEXT NOT NULL,
    employment_type TEXT NOT NULL,
    salary_min BIGINT,
    salary_max BIGINT,
    salary_currency TEXT,
    salary_period TEXT,
    languages TEXT NOT NULL,
    channels TEXT NOT NULL,
    tools TEXT NOT NULL,
    tier1 INTEGER NOT NULL,
    tier2 INTEGER NOT NULL,
    tier3 INTEGER NOT NULL,
    typical_day TEXT NOT NULL,
    technical TEXT NOT NULL,
    looking_for TEXT NOT NULL,
    company_culture TEXT NOT NULL,
    how_to_apply TEXT NOT NULL,
    pass_mark INTEGER NOT NULL,
    decision_rule TEXT NOT NULL,
    valid_through TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    published_at TIMESTAMP,
    closed_at TIMESTAMP
);
CREATE INDEX jobs_status_published ON jobs(status, published_at);

CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    message_id TEXT NOT NULL,
    template TEXT NOT NULL,
    recipient TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_pending ON outbox(sent_at, next_attempt_at);

CREATE TABLE audit_events (
    id TEXT PRIMARY KEY NOT NULL,
    at TIMESTAMP NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_events_subject ON audit_events(subject_type, subject_id);
