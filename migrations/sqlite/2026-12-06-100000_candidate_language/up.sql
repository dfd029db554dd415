-- The language a candidate reads Rapport in (a code of `locales/`): the
-- one they applied in, or chose later with the switch on their pages.
-- Emails to them are written in it.
ALTER TABLE applications ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
