DROP INDEX applications_job_stage_counts;
CREATE INDEX applications_search_trgm ON applications
    USING gin (rapport_search_text(name, email) gin_trgm_ops);
DROP INDEX applications_search_text_trgm;
ALTER TABLE applications DROP COLUMN search_text;
