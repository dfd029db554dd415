-- A panel member may vote without having interviewed the candidate, but
-- only knowingly: the vote records that they confirmed it.
ALTER TABLE votes ADD COLUMN without_scorecard INTEGER NOT NULL DEFAULT 0;

-- The kind rejection email goes out once per application: the primary key
-- makes a second send (a double click, two people) a no-op.
CREATE TABLE rejection_emails (
    application_id TEXT PRIMARY KEY NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    sent_by TEXT NOT NULL,
    sent_at TIMESTAMP NOT NULL
);
