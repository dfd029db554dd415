// The tables as diesel sees them. Kept by hand in lockstep with
// migrations/sqlite and migrations/postgres (portable types only: Text,
// Integer, BigInt, Timestamp — booleans are stored as Integer because
// diesel's MultiConnection supports no Bool).

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        name -> Text,
        role -> Text,
        password_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    setup_tokens (token_hash) {
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        token_hash -> Text,
        email -> Text,
        name -> Text,
        role -> Text,
        invited_by -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Text,
        key -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    jobs (id) {
        id -> Text,
        slug -> Text,
        status -> Text,
        close_reason -> Nullable<Text>,
        title -> Text,
        workplace -> Text,
        location -> Text,
        remote_regions -> Text,
        timezone_note -> Text,
        employment_type -> Text,
        salary_min -> Nullable<BigInt>,
        salary_max -> Nullable<BigInt>,
        salary_currency -> Nullable<Text>,
        salary_period -> Nullable<Text>,
        languages -> Text,
        channels -> Text,
        tools -> Text,
        tier1 -> Integer,
        tier2 -> Integer,
        tier3 -> Integer,
        typical_day -> Text,
        technical -> Text,
        looking_for -> Text,
        company_culture -> Text,
        how_to_apply -> Text,
        pass_mark -> Integer,
        decision_rule -> Text,
        valid_through -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        message_id -> Text,
        template -> Text,
        recipient -> Text,
        payload -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Text,
        at -> Timestamp,
        actor_id -> Nullable<Text>,
        action -> Text,
        subject_type -> Text,
        subject_id -> Text,
        detail -> Text,
    }
}
