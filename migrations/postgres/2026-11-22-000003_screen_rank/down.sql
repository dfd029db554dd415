DROP INDEX applications_job_rank;
ALTER TABLE applications DROP COLUMN screen_rank;
