-- Name-or-email search at 100,000 applications: a trigram FTS5 table
-- (any part of a name or email, case and accents folded), kept by triggers.
-- It holds the application's id rather than sharing its rowid: VACUUM may
-- renumber the rowids of a table without an INTEGER PRIMARY KEY.
CREATE VIRTUAL TABLE applications_search USING fts5(
    app_id UNINDEXED,
    name,
    email,
    tokenize = 'trigram remove_diacritics 1'
);
-- An erased candidate's name must leave the index's pages too, not wait
-- for the next merge of its segments (SQLite 3.42+).
INSERT INTO applications_search (applications_search, rank) VALUES ('secure-delete', 1);
INSERT INTO applications_search (app_id, name, email)
    SELECT id, name, email FROM applications;
CREATE TRIGGER applications_search_insert AFTER INSERT ON applications BEGIN
    INSERT INTO applications_search (app_id, name, email) VALUES (new.id, new.name, new.email);
END;
CREATE TRIGGER applications_search_update AFTER UPDATE OF name, email ON applications BEGIN
    DELETE FROM applications_search WHERE app_id = old.id;
    INSERT INTO applications_search (app_id, name, email) VALUES (new.id, new.name, new.email);
END;
CREATE TRIGGER applications_search_delete AFTER DELETE ON applications BEGIN
    DELETE FROM applications_search WHERE app_id = old.id;
END;
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
