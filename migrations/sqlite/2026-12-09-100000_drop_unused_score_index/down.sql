CREATE INDEX applications_job_score ON applications(job_id, screen_score);
