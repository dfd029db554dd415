-- Name-or-email search at 100,000 applications, measured: rapport_search_text
-- costs about 36 µs a row (unaccent, in a function that cannot be inlined),
-- so every row a plan tested or rechecked against a search cost that much:
-- 600 ms for a search the planner chose to answer by walking the job's rows
-- in the page's order, 20 ms just to recheck 286 trigram matches. Stored,
-- the folded text is computed once per write and a test is a plain LIKE.
ALTER TABLE applications
    ADD COLUMN search_text text GENERATED ALWAYS AS (rapport_search_text(name, email)) STORED;
CREATE INDEX applications_search_text_trgm ON applications USING gin (search_text gin_trgm_ops);
DROP INDEX applications_search_trgm;
-- The board's and the pipeline's counts per stage read this narrow index
-- alone (an index-only scan): the wider keyset indexes cost twice as much
-- per row counted.
CREATE INDEX applications_job_stage_counts ON applications (job_id, stage);
