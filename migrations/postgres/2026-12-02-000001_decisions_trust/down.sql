DROP TABLE rejection_emails;
ALTER TABLE votes DROP COLUMN without_scorecard;
