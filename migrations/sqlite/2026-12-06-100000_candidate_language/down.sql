ALTER TABLE applications DROP COLUMN locale;
