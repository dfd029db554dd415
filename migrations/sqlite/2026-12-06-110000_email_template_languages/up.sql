-- A job's own text for a candidate email, per language: candidates get
-- the email in the language they applied in. The texts written so far
-- are English. SQLite cannot change a primary key, so the table is
-- rebuilt.
CREATE TABLE email_templates_by_language (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    locale TEXT NOT NULL DEFAULT 'en',
    PRIMARY KEY (job_id, kind, locale)
);
INSERT INTO email_templates_by_language (job_id, kind, subject, body, updated_at, locale)
    SELECT job_id, kind, subject, body, updated_at, 'en' FROM email_templates;
DROP TABLE email_templates;
ALTER TABLE email_templates_by_language RENAME TO email_templates;
