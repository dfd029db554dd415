-- Back to one text per job and kind: the English ones are kept.
DELETE FROM email_templates WHERE locale <> 'en';
ALTER TABLE email_templates DROP CONSTRAINT email_templates_pkey;
ALTER TABLE email_templates DROP COLUMN locale;
ALTER TABLE email_templates ADD PRIMARY KEY (job_id, kind);
