-- A sortable copy of the screen score: -1 until scored, so sorting by
-- the best score uses an index on both databases (NULLs sort differently).
ALTER TABLE applications ADD COLUMN screen_rank DOUBLE PRECISION NOT NULL DEFAULT -1;
CREATE INDEX applications_job_rank ON applications(job_id, screen_rank);
