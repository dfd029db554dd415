DROP INDEX applications_job_source;
ALTER TABLE applications DROP COLUMN source;
