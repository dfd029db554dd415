DROP INDEX applications_updated;
DROP INDEX applications_job_updated;
DROP TABLE insight_snapshots;
