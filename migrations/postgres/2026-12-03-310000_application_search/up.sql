-- Name-or-email search at 100,000 applications: a pg_trgm GIN index on the
-- name and email folded (lower case, accents removed), which answers
-- LIKE '%part%'. Both extensions are trusted: a database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
-- unaccent() is only STABLE (its dictionary could change); an index needs
-- IMMUTABLE, and the dictionary is fixed once installed. search_path is
-- pinned so that restores and autovacuum find it.
CREATE FUNCTION rapport_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = public, pg_catalog
    AS $$ SELECT lower(unaccent('unaccent'::regdictionary, t)) $$;
-- A newline between the two: a search never spans the name and the email.
CREATE FUNCTION rapport_search_text(name text, email text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = public, pg_catalog
    AS $$ SELECT rapport_fold(name) || E'\n' || rapport_fold(email) $$;
CREATE INDEX applications_search_trgm ON applications
    USING gin (rapport_search_text(name, email) gin_trgm_ops);
-- Keyset pages: each sort's column, then the id that breaks ties.
CREATE INDEX applications_job_created_id ON applications (job_id, created_at, id);
CREATE INDEX applications_job_stage_created_id ON applications (job_id, stage, created_at, id);
CREATE INDEX applications_job_rank_id ON applications (job_id, screen_rank DESC, id);
CREATE INDEX applications_job_stage_rank_id ON applications (job_id, stage, screen_rank DESC, id);
CREATE INDEX applications_job_name_id ON applications (job_id, name, id);
-- The indexes these extend: every query they served uses the longer ones,
-- and each index is one more write per application.
DROP INDEX applications_job_created;
DROP INDEX applications_job_stage;
DROP INDEX applications_job_rank;
DROP INDEX applications_job_stage_rank;
DROP INDEX applications_job_name;
