-- A job's own text for a candidate email, per language: candidates get
-- the email in the language they applied in. The texts written so far
-- are English.
ALTER TABLE email_templates ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
ALTER TABLE email_templates DROP CONSTRAINT email_templates_pkey;
ALTER TABLE email_templates ADD PRIMARY KEY (job_id, kind, locale);
