-- Insight figures as last computed, one row per scope ("all", "job:<id>",
-- "panel:<user id>"): pages read one row instead of scanning every
-- application, and say how old the figures are.
CREATE TABLE insight_snapshots (
    scope TEXT PRIMARY KEY NOT NULL,
    computed_at TIMESTAMP NOT NULL,
    data TEXT NOT NULL
);
