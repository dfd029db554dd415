-- Insight figures as last computed, one row per scope ("all", "job:<id>",
-- "panel:<user id>"): pages read one row instead of scanning every
-- application, and say how old the figures are.
CREATE TABLE insight_snapshots (
    scope TEXT PRIMARY KEY NOT NULL,
    computed_at TIMESTAMP NOT NULL,
    -- What the figures were computed from (applications in scope and their
    -- latest change): a page recomputes when it no longer matches.
    signature TEXT NOT NULL,
    data TEXT NOT NULL
);
-- The signature, read on every view, from indexes alone.
CREATE INDEX applications_job_updated ON applications (job_id, updated_at);
CREATE INDEX applications_updated ON applications (updated_at);
