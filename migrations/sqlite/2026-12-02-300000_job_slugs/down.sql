DROP TABLE job_slugs;
