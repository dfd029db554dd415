-- Nothing reads applications by (job_id, screen_score): the tables and the
-- API sort by screen_rank, which has its own indexes. Each stored screen
-- result updated this index for nothing.
DROP INDEX IF EXISTS applications_job_score;
