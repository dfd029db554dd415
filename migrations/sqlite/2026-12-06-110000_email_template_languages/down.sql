-- Back to one text per job and kind: the English ones are kept.
CREATE TABLE email_templates_one_language (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (job_id, kind)
);
INSERT INTO email_templates_one_language (job_id, kind, subject, body, updated_at)
    SELECT job_id, kind, subject, body, updated_at FROM email_templates WHERE locale = 'en';
DROP TABLE email_templates;
ALTER TABLE email_templates_one_language RENAME TO email_templates;
