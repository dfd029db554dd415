-- Which row of applications_search holds each application. Its app_id
-- column is UNINDEXED, so the triggers deleted by it with a scan of the
-- whole index: 70 ms at 100,000 applications for each erasure, holding
-- SQLite's one writer (a retention run erasing thousands held it for
-- minutes). The index's own rowids are an INTEGER PRIMARY KEY of its
-- content table, which VACUUM keeps.
CREATE TABLE applications_search_rows (
    app_id TEXT PRIMARY KEY NOT NULL,
    search_rowid INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO applications_search_rows (app_id, search_rowid)
    SELECT app_id, rowid FROM applications_search;
DROP TRIGGER applications_search_insert;
DROP TRIGGER applications_search_update;
DROP TRIGGER applications_search_delete;
-- Inside a trigger, last_insert_rowid() is the row the trigger just added.
CREATE TRIGGER applications_search_insert AFTER INSERT ON applications BEGIN
    INSERT INTO applications_search (app_id, name, email) VALUES (new.id, new.name, new.email);
    INSERT INTO applications_search_rows (app_id, search_rowid) VALUES (new.id, last_insert_rowid());
END;
CREATE TRIGGER applications_search_update AFTER UPDATE OF name, email ON applications BEGIN
    DELETE FROM applications_search WHERE rowid =
        (SELECT search_rowid FROM applications_search_rows WHERE app_id = old.id);
    DELETE FROM applications_search_rows WHERE app_id = old.id;
    INSERT INTO applications_search (app_id, name, email) VALUES (new.id, new.name, new.email);
    INSERT INTO applications_search_rows (app_id, search_rowid) VALUES (new.id, last_insert_rowid());
END;
CREATE TRIGGER applications_search_delete AFTER DELETE ON applications BEGIN
    DELETE FROM applications_search WHERE rowid =
        (SELECT search_rowid FROM applications_search_rows WHERE app_id = old.id);
    DELETE FROM applications_search_rows WHERE app_id = old.id;
END;
