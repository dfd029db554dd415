-- Self-scheduling. Each staff member's weekly hours for interviews, in
-- their own time zone (weekday 1 = Monday … 7 = Sunday, minutes after
-- local midnight).
CREATE TABLE availability_windows (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts_minute INTEGER NOT NULL CHECK (starts_minute BETWEEN 0 AND 1439),
    ends_minute INTEGER NOT NULL CHECK (ends_minute BETWEEN 1 AND 1439),
    timezone TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CHECK (ends_minute > starts_minute)
);
CREATE INDEX availability_windows_user_id ON availability_windows(user_id);

-- Times offered to a candidate for one interview, through a link whose
-- token is stored as its SHA-256 only. `interview_id` is the interview
-- once booked; the candidate may move or cancel it until `cutoff_hours`
-- before it starts.
CREATE TABLE booking_offers (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    location TEXT NOT NULL,
    timezone TEXT NOT NULL,
    cutoff_hours INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    interview_id TEXT REFERENCES interviews(id) ON DELETE SET NULL
);
CREATE INDEX booking_offers_application_id ON booking_offers(application_id);

CREATE TABLE booking_offer_interviewers (
    offer_id TEXT NOT NULL REFERENCES booking_offers(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (offer_id, user_id)
);

CREATE TABLE booking_slots (
    offer_id TEXT NOT NULL REFERENCES booking_offers(id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    PRIMARY KEY (offer_id, starts_at)
);
