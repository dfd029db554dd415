DROP TABLE job_retention;
