-- The board lists each stage by best screen score.
CREATE INDEX applications_job_stage_rank ON applications(job_id, stage, screen_rank);
