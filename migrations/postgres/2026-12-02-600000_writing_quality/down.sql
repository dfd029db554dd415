DROP TABLE application_writing;
ALTER TABLE job_screening DROP COLUMN writing_weight;
ALTER TABLE answers DROP COLUMN writing;
