-- Review mode (issue 10): chosen staff grade the screening answers blind,
-- question by question; the automatic score counts as one more reviewer.
CREATE TABLE review_settings (
    job_id TEXT PRIMARY KEY NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    enabled INTEGER NOT NULL DEFAULT 0,
    -- Reviews each answer needs before its question is done.
    reviews_needed INTEGER NOT NULL DEFAULT 2,
    -- How many reviewers the automatic score counts as (0 = only people).
    auto_weight INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE job_reviewers (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (job_id, user_id)
);

-- One review per answer and reviewer: grading again changes it.
CREATE TABLE answer_reviews (
    id TEXT PRIMARY KEY NOT NULL,
    answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
    reviewer_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    empathy INTEGER NOT NULL,
    curiosity INTEGER NOT NULL,
    -- JSON list of the key point ids the reviewer found covered.
    covered TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (answer_id, reviewer_id)
);
CREATE INDEX answer_reviews_reviewer ON answer_reviews (reviewer_id);

-- A reviewer's grades of a question's exemplar answers, done before they
-- review that question's candidates.
CREATE TABLE review_calibrations (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    reviewer_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    -- JSON: the reviewer's grades and the agreed ones, exemplar by exemplar.
    grades TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (job_id, reviewer_id, question_id)
);
