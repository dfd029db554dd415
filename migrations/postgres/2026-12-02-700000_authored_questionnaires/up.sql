-- Questionnaires owners write in the app. Every save is a new row: the
-- TOML source (the same format as the files) is the only representation,
-- and the latest version is what new candidates get.
CREATE TABLE authored_questionnaires (
    questionnaire_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    source TEXT NOT NULL,
    saved_by TEXT NOT NULL REFERENCES users(id),
    saved_at TIMESTAMP NOT NULL,
    PRIMARY KEY (questionnaire_id, version)
);
