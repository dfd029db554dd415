-- Spelling of each answer, computed once at submission (JSON; NULL for
-- answers submitted before it was measured).
ALTER TABLE answers ADD COLUMN writing TEXT;
-- Share of the screen score given to writing, in percent (0: not counted).
ALTER TABLE job_screening ADD COLUMN writing_weight INTEGER NOT NULL DEFAULT 0;
-- Slips per 100 words over the cover letter and every submitted answer,
-- for the applications table.
CREATE TABLE application_writing (
    application_id TEXT PRIMARY KEY NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    per_100 DOUBLE PRECISION NOT NULL,
    words INTEGER NOT NULL,
    slips INTEGER NOT NULL
);
