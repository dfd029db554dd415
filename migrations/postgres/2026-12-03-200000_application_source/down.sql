DROP INDEX IF EXISTS applications_job_source;
ALTER TABLE applications DROP COLUMN source;
