-- One row counting changes to what the public sees (a job's page, the
-- board, the company's name): every `rapport serve` process compares it
-- with the version its cached public pages were built from. `changed_at`
-- is the pages' Last-Modified.
CREATE TABLE public_version (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version BIGINT NOT NULL,
    changed_at TIMESTAMP NOT NULL
);
INSERT INTO public_version (id, version, changed_at) VALUES (1, 1, (now() AT TIME ZONE 'utc'));
