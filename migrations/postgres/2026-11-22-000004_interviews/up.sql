-- Stages a job skips (e.g. no final conversation for a small team).
CREATE TABLE job_pipeline (
    job_id TEXT PRIMARY KEY NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    skipped_stages TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- The staff on a job's hiring panel: they interview, score and vote.
CREATE TABLE panel_members (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id),
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (job_id, user_id)
);
CREATE INDEX panel_members_user ON panel_members(user_id);

CREATE TABLE interviews (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    timezone TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    location TEXT NOT NULL,
    uid TEXT NOT NULL UNIQUE,
    sequence INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interviews_application ON interviews(application_id, starts_at);
CREATE INDEX interviews_starts ON interviews(starts_at);

CREATE TABLE interview_interviewers (
    interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (interview_id, user_id)
);
CREATE INDEX interview_interviewers_user ON interview_interviewers(user_id);

-- Owners' edits of the shipped interview kits, per kind.
CREATE TABLE interview_kits (
    kind TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    intro TEXT NOT NULL,
    questions TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Scorecards are never edited in place: an amendment is a new version and
-- the old one is kept, marked superseded.
CREATE TABLE scorecards (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    interview_id TEXT REFERENCES interviews(id),
    author_id TEXT NOT NULL REFERENCES users(id),
    version INTEGER NOT NULL,
    empathy INTEGER NOT NULL,
    curiosity INTEGER NOT NULL,
    humility INTEGER NOT NULL,
    dedication INTEGER NOT NULL,
    technical INTEGER NOT NULL,
    notes TEXT NOT NULL,
    recommendation INTEGER NOT NULL,
    overall_notes TEXT NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    superseded_at TIMESTAMP,
    UNIQUE (application_id, author_id, version)
);

CREATE TABLE votes (
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    voter_id TEXT NOT NULL REFERENCES users(id),
    vote TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (application_id, voter_id)
);

CREATE TABLE offers (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL UNIQUE REFERENCES applications(id) ON DELETE CASCADE,
    terms TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    answer TEXT,
    answered_at TIMESTAMP
);

-- Candidate emails the owner rewrote for a job (defaults otherwise).
CREATE TABLE email_templates (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (job_id, kind)
);
