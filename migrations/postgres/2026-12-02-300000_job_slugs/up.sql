-- Addresses a published job had before its current one: each keeps
-- answering with a permanent redirect, so shared links never break.
CREATE TABLE job_slugs (
    slug TEXT PRIMARY KEY NOT NULL,
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX job_slugs_job ON job_slugs(job_id);
