-- Where a candidate came from: the `ref` or `utm_source` of the job link
-- they followed, cleaned to a short plain word ('' when none was given).
ALTER TABLE applications ADD COLUMN source TEXT NOT NULL DEFAULT '';
CREATE INDEX applications_job_source ON applications (job_id, source);
