-- How many months a job's candidates' personal data is kept after the job
-- closes, when the owner chose other than the default 12 months. A
-- background task erases the data when that has passed.
CREATE TABLE job_retention (
    job_id TEXT PRIMARY KEY NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 60),
    updated_at TIMESTAMP NOT NULL
);
