-- How a job screens its candidates: which questionnaires, tiers at once or
-- one after the other, and whether the screen's outcome is acted on
-- automatically (off by default).
CREATE TABLE job_screening (
    job_id TEXT PRIMARY KEY NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    questionnaire_ids TEXT NOT NULL,
    all_tiers_at_once INTEGER NOT NULL,
    auto_decide INTEGER NOT NULL,
    answer_days INTEGER NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- The exact content of a questionnaire as candidates saw it.
CREATE TABLE questionnaire_versions (
    id TEXT PRIMARY KEY NOT NULL,
    questionnaire_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    content TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE applications (
    id TEXT PRIMARY KEY NOT NULL,
    job_id TEXT NOT NULL REFERENCES jobs(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    languages TEXT NOT NULL,
    location TEXT NOT NULL,
    timezone TEXT NOT NULL,
    cover_letter TEXT NOT NULL,
    portfolio_url TEXT NOT NULL,
    cv_file TEXT,
    cv_filename TEXT,
    stage TEXT NOT NULL,
    screen_score DOUBLE PRECISION,
    screen_passed INTEGER,
    consent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    erased_at TIMESTAMP,
    UNIQUE (job_id, email)
);
CREATE INDEX applications_job_created ON applications(job_id, created_at);
CREATE INDEX applications_job_stage ON applications(job_id, stage, created_at);
CREATE INDEX applications_job_score ON applications(job_id, screen_score);
CREATE INDEX applications_job_name ON applications(job_id, name);

-- Every move of an application: who, when, why.
CREATE TABLE application_events (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX application_events_application ON application_events(application_id, at);

-- Personal links: random tokens, stored hashed, with an expiry.
CREATE TABLE candidate_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP
);
CREATE INDEX candidate_links_application ON candidate_links(application_id);

CREATE TABLE candidate_sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

-- One round of screening: the questions of some tiers of one questionnaire version.
CREATE TABLE screenings (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    questionnaire_version_id TEXT NOT NULL REFERENCES questionnaire_versions(id),
    tiers TEXT NOT NULL,
    status TEXT NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP,
    result TEXT,
    scorer_version TEXT
);
CREATE INDEX screenings_application ON screenings(application_id, sent_at);

CREATE TABLE answers (
    id TEXT PRIMARY KEY NOT NULL,
    screening_id TEXT NOT NULL REFERENCES screenings(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    body TEXT NOT NULL,
    saved_at TIMESTAMP NOT NULL,
    score DOUBLE PRECISION,
    score_detail TEXT,
    UNIQUE (screening_id, question_id)
);

-- A reviewer's judgement beside the automatic score, never replacing it.
CREATE TABLE answer_overrides (
    id TEXT PRIMARY KEY NOT NULL,
    answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES users(id),
    empathy INTEGER NOT NULL,
    curiosity INTEGER NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX answer_overrides_answer ON answer_overrides(answer_id, created_at);
