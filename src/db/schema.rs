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
        claimed_by -> Nullable<Text>,
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

diesel::table! {
    job_screening (job_id) {
        job_id -> Text,
        questionnaire_ids -> Text,
        all_tiers_at_once -> Integer,
        auto_decide -> Integer,
        answer_days -> Integer,
        updated_at -> Timestamp,
        writing_weight -> Integer,
    }
}

diesel::table! {
    questionnaire_versions (id) {
        id -> Text,
        questionnaire_id -> Text,
        version -> Integer,
        content_hash -> Text,
        content -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    applications (id) {
        id -> Text,
        job_id -> Text,
        name -> Text,
        email -> Text,
        languages -> Text,
        location -> Text,
        timezone -> Text,
        cover_letter -> Text,
        portfolio_url -> Text,
        cv_file -> Nullable<Text>,
        cv_filename -> Nullable<Text>,
        stage -> Text,
        screen_score -> Nullable<Double>,
        screen_passed -> Nullable<Integer>,
        consent_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        erased_at -> Nullable<Timestamp>,
        screen_rank -> Double,
        source -> Text,
        locale -> Text,
    }
}

diesel::table! {
    application_events (id) {
        id -> Text,
        application_id -> Text,
        at -> Timestamp,
        actor -> Text,
        from_stage -> Nullable<Text>,
        to_stage -> Text,
        reason -> Text,
    }
}

diesel::table! {
    candidate_links (token_hash) {
        token_hash -> Text,
        application_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    candidate_sessions (id_hash) {
        id_hash -> Text,
        application_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    screenings (id) {
        id -> Text,
        application_id -> Text,
        questionnaire_version_id -> Text,
        tiers -> Text,
        status -> Text,
        sent_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
        result -> Nullable<Text>,
        scorer_version -> Nullable<Text>,
    }
}

diesel::table! {
    answers (id) {
        id -> Text,
        screening_id -> Text,
        question_id -> Text,
        body -> Text,
        saved_at -> Timestamp,
        score -> Nullable<Double>,
        score_detail -> Nullable<Text>,
        writing -> Nullable<Text>,
    }
}

diesel::table! {
    answer_overrides (id) {
        id -> Text,
        answer_id -> Text,
        author_id -> Text,
        empathy -> Integer,
        curiosity -> Integer,
        score -> Double,
        reason -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    job_retention (job_id) {
        job_id -> Text,
        months -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    job_pipeline (job_id) {
        job_id -> Text,
        skipped_stages -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    panel_members (job_id, user_id) {
        job_id -> Text,
        user_id -> Text,
        added_at -> Timestamp,
    }
}

diesel::table! {
    interviews (id) {
        id -> Text,
        application_id -> Text,
        kind -> Text,
        starts_at -> Timestamp,
        timezone -> Text,
        duration_minutes -> Integer,
        location -> Text,
        uid -> Text,
        sequence -> Integer,
        status -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interview_interviewers (interview_id, user_id) {
        interview_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    interview_kits (kind) {
        kind -> Text,
        title -> Text,
        intro -> Text,
        questions -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    scorecards (id) {
        id -> Text,
        application_id -> Text,
        interview_id -> Nullable<Text>,
        author_id -> Text,
        version -> Integer,
        empathy -> Integer,
        curiosity -> Integer,
        humility -> Integer,
        dedication -> Integer,
        technical -> Integer,
        notes -> Text,
        recommendation -> Integer,
        overall_notes -> Text,
        submitted_at -> Timestamp,
        superseded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    votes (application_id, voter_id) {
        application_id -> Text,
        voter_id -> Text,
        vote -> Text,
        reason -> Text,
        created_at -> Timestamp,
        without_scorecard -> Integer,
    }
}

diesel::table! {
    rejection_emails (application_id) {
        application_id -> Text,
        sent_by -> Text,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    offers (id) {
        id -> Text,
        application_id -> Text,
        terms -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        answer -> Nullable<Text>,
        answered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_templates (job_id, kind, locale) {
        job_id -> Text,
        kind -> Text,
        subject -> Text,
        body -> Text,
        updated_at -> Timestamp,
        locale -> Text,
    }
}

diesel::table! {
    rate_limit_hits (id) {
        id -> Text,
        key -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    password_resets (token_hash) {
        token_hash -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    job_slugs (slug) {
        slug -> Text,
        job_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    application_writing (application_id) {
        application_id -> Text,
        per_100 -> Double,
        words -> Integer,
        slips -> Integer,
    }
}

diesel::table! {
    authored_questionnaires (questionnaire_id, version) {
        questionnaire_id -> Text,
        version -> Integer,
        source -> Text,
        saved_by -> Text,
        saved_at -> Timestamp,
    }
}

diesel::table! {
    review_settings (job_id) {
        job_id -> Text,
        enabled -> Integer,
        reviews_needed -> Integer,
        auto_weight -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    job_reviewers (job_id, user_id) {
        job_id -> Text,
        user_id -> Text,
        added_at -> Timestamp,
    }
}

diesel::table! {
    answer_reviews (id) {
        id -> Text,
        answer_id -> Text,
        reviewer_id -> Text,
        empathy -> Integer,
        curiosity -> Integer,
        covered -> Text,
        note -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    review_calibrations (job_id, reviewer_id, question_id) {
        job_id -> Text,
        reviewer_id -> Text,
        question_id -> Text,
        grades -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    insight_snapshots (scope) {
        scope -> Text,
        computed_at -> Timestamp,
        signature -> Text,
        data -> Text,
    }
}

diesel::table! {
    public_version (id) {
        id -> Integer,
        version -> BigInt,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        user_id -> Text,
        name -> Text,
        token_hash -> Text,
        scope -> Text,
        expires_at -> Timestamp,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        url -> Text,
        events -> Text,
        active -> Integer,
        secret -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        endpoint_id -> Text,
        event -> Text,
        payload -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        claimed_by -> Nullable<Text>,
        delivered_at -> Nullable<Timestamp>,
        gave_up_at -> Nullable<Timestamp>,
        last_status -> Nullable<Integer>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> Text,
        delivery_id -> Text,
        at -> Timestamp,
        status -> Nullable<Integer>,
        error -> Nullable<Text>,
        duration_ms -> Integer,
    }
}

diesel::table! {
    availability_windows (id) {
        id -> Text,
        user_id -> Text,
        weekday -> Integer,
        starts_minute -> Integer,
        ends_minute -> Integer,
        timezone -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    booking_offers (id) {
        id -> Text,
        application_id -> Text,
        token_hash -> Text,
        kind -> Text,
        duration_minutes -> Integer,
        location -> Text,
        timezone -> Text,
        cutoff_hours -> Integer,
        created_by -> Text,
        created_at -> Timestamp,
        interview_id -> Nullable<Text>,
    }
}

diesel::table! {
    booking_offer_interviewers (offer_id, user_id) {
        offer_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    booking_slots (offer_id, starts_at) {
        offer_id -> Text,
        starts_at -> Timestamp,
    }
}
