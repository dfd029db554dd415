DROP TRIGGER applications_search_insert;
DROP TRIGGER applications_search_update;
DROP TRIGGER applications_search_delete;
DROP TABLE applications_search_rows;
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
