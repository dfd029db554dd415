DROP INDEX IF EXISTS applications_updated;
DROP INDEX IF EXISTS applications_job_updated;
DROP TABLE insight_snapshots;
