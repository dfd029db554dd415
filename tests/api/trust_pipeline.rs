//! Issue 8: the team's decisions hold when people act at once, see only
//! what they should, and every email goes once.

use crate::helpers::{spawn_app, Backend, Browser, TestApp, OWNER_EMAIL};
use crate::on_every_backend;
use crate::pipeline::{
    ics_for, interviewer, set_panel, staff_member, stage_of, user_id, GOOD_SCORECARD,
};

on_every_backend!(
    parallel_yes_votes_reach_the_offer,
    a_stale_move_is_refused_with_who_moved,
    parallel_moves_from_one_stage_apply_once,
    the_rejection_email_goes_once,
    votes_are_blind_until_you_vote,
    voting_without_a_scorecard_is_confirmed_and_recorded,
    a_rejection_cancels_upcoming_interviews,
    closing_a_job_offers_to_reject_the_candidates_left,
    cancelling_an_interview_is_confirmed_first,
    a_scorecard_with_a_problem_keeps_what_was_typed,
    your_work_lists_interviews_scorecards_and_votes_owed,
    interviewers_see_only_controls_they_can_use,
    the_candidates_calendar_does_not_give_the_exercise_away,
);

/// Schedules a culture interview with Ivy; returns its id.
async fn schedule(app: &TestApp, application: &str, ivy_id: &str) -> String {
    schedule_kind(app, application, ivy_id, "culture").await
}

/// Schedules an interview of this kind with Ivy; returns its id.
async fn schedule_kind(app: &TestApp, application: &str, ivy_id: &str, kind: &str) -> String {
    let res = app
        .post_form(
            &format!("/admin/applications/{application}/interviews"),
            &[
                ("kind", kind),
                ("date", "2099-03-02"),
                ("time", "14:00"),
                ("timezone", "Europe/Paris"),
                ("duration_minutes", "45"),
                ("location", "https://meet.example.com/x"),
                ("interviewers", ivy_id),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let a = application.to_string();
    app.db
        .read(move |c| rapport::db::interviews::for_application(c, &a))
        .await
        .unwrap()
        .last()
        .unwrap()
        .id
        .clone()
}

/// An application that applied to `slug` and was put at `stage` directly
/// (the way there is tested elsewhere).
async fn application_at(app: &TestApp, job: &(String, String), email: &str, stage: &str) -> String {
    let (job_id, slug) = (job.0.clone(), job.1.as_str());
    let res = app
        .new_browser()
        .apply(slug, &format!("Cand {email}"), email, None)
        .await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let email = email.to_string();
    let stage = rapport::domain::application::Stage::parse(stage).unwrap();
    app.db
        .write(move |c| {
            let a = rapport::db::applications::find_by_job_email(c, &job_id, &email)?
                .expect("the application");
            rapport::db::applications::move_stage(
                c,
                &a.id,
                a.stage(),
                stage,
                "system",
                "set up by the test",
                rapport::db::now(),
            )?;
            Ok(a.id)
        })
        .await
        .unwrap()
}

/// An owner, a published job without screening and a panel of the owner
/// and Ivy; returns (job id, slug, Ivy's browser).
async fn job_with_panel(app: &TestApp, rule: &str) -> ((String, String), Browser) {
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[("decision_rule", rule)]).await;
    let ivy = interviewer(app, "ivy@example.com").await;
    let fran_id = user_id(app, OWNER_EMAIL).await;
    let ivy_id = user_id(app, "ivy@example.com").await;
    set_panel(app, &job_id, &[&fran_id, &ivy_id], &[]).await;
    ((job_id, slug), ivy)
}

fn vote_form(vote: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("vote", vote),
        ("reason", "Ready for our customers."),
        ("without_scorecard", "yes"),
    ]
}

async fn parallel_yes_votes_reach_the_offer(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, ivy) = job_with_panel(&app, "unanimous").await;
    // Several candidates, each voted on by both members at the same moment:
    // without serialising the tally, each transaction counts only its own
    // vote and the candidate stays at the team decision for good.
    for n in 0..4 {
        let id = application_at(&app, &job, &format!("c{n}@example.com"), "team_decision").await;
        let path = format!("/admin/applications/{id}/vote");
        let (fran_form, ivy_form) = (vote_form("yes"), vote_form("yes"));
        let (a, b) = tokio::join!(
            app.post_form(&path, &fran_form),
            ivy.post_form(&path, &ivy_form)
        );
        assert_eq!(a.status().as_u16(), 303);
        assert_eq!(b.status().as_u16(), 303);
        assert_eq!(stage_of(&app, &id).await, "offer", "candidate {n}");
    }
}

async fn a_stale_move_is_refused_with_who_moved(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, _) = job_with_panel(&app, "unanimous").await;
    let fiona = staff_member(&app, "fiona@example.com", "owner").await;
    let id = application_at(&app, &job, "ana@example.com", "screen_review").await;
    // Both opened the page at "screen review"; Fiona rejects first.
    let page = app.get_text(&format!("/admin/applications/{id}")).await;
    assert!(page.contains(r#"name="from" value="screen_review""#));
    let res = fiona
        .post_form(
            &format!("/admin/applications/{id}/move"),
            &[
                ("to", "rejected"),
                ("from", "screen_review"),
                ("reason", "Not now."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app
        .post_form(
            &format!("/admin/applications/{id}/move"),
            &[("to", "screen_review"), ("from", "screen_review")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("was moved to Rejected by Test Person"),
        "{body}"
    );
    assert_eq!(stage_of(&app, &id).await, "rejected");
    // From the stage they really saw, the move goes ahead: the check is
    // about what changed, not a blanket refusal.
    let id2 = application_at(&app, &job, "bea@example.com", "screen_review").await;
    let res = app
        .post_form(
            &format!("/admin/applications/{id2}/move"),
            &[("to", "interview"), ("from", "screen_review")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // On the board, a bulk move of a card that moved meanwhile is refused.
    let res = fiona
        .post_form(
            &format!("/admin/applications/{id2}/move"),
            &[("to", "screen_review"), ("from", "interview")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let job_id = &job.0;
    let seen = format!("{id2}:interview");
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/bulk"),
            &[("ids", &id2), ("seen", &seen), ("to", "final_conversation")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("was moved to Screen review"));
    assert_eq!(stage_of(&app, &id2).await, "screen_review");
}

async fn parallel_moves_from_one_stage_apply_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, _) = job_with_panel(&app, "unanimous").await;
    let fiona = staff_member(&app, "fiona@example.com", "owner").await;
    for n in 0..4 {
        let id = application_at(&app, &job, &format!("p{n}@example.com"), "screen_review").await;
        let path = format!("/admin/applications/{id}/move");
        let (a, b) = tokio::join!(
            app.post_form(&path, &[("to", "interview"), ("from", "screen_review")]),
            fiona.post_form(
                &path,
                &[
                    ("to", "rejected"),
                    ("from", "screen_review"),
                    ("reason", "No.")
                ]
            )
        );
        let codes = [a.status().as_u16(), b.status().as_u16()];
        assert!(
            codes.contains(&303) && codes.contains(&409),
            "exactly one move applies: {codes:?}"
        );
        let id2 = id.clone();
        let events = app
            .db
            .read(move |c| rapport::db::applications::events(c, &id2))
            .await
            .unwrap();
        assert_eq!(events.len(), 3, "applied, set up, and one move");
    }
}

async fn the_rejection_email_goes_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, _) = job_with_panel(&app, "unanimous").await;
    let id = application_at(&app, &job, "ana@example.com", "screen_review").await;
    app.deliver_mail().await;
    let before = app.emails().len();
    let res = app
        .post_form(
            &format!("/admin/applications/{id}/move"),
            &[
                ("to", "rejected"),
                ("from", "screen_review"),
                ("reason", "Not a fit."),
                ("send_email", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let page = app
        .get_text(&format!("/admin/applications/{id}/decision"))
        .await;
    assert!(
        page.contains("The kind rejection email was sent on"),
        "{page}"
    );
    assert!(!page.contains("Nothing has been sent"));
    // Sending again (a second tab, a double click) sends nothing.
    let path = format!("/admin/applications/{id}/rejection-email");
    let (a, b) = tokio::join!(
        app.post_form(&path, &[("reason", "")]),
        app.post_form(&path, &[("reason", "")])
    );
    assert_eq!(a.status().as_u16(), 409);
    assert_eq!(b.status().as_u16(), 409);
    app.deliver_mail().await;
    let rejections = app.emails()[before..]
        .iter()
        .filter(|e| e.contains("To: ana@example.com") && e.contains("Your application for"))
        .count();
    assert_eq!(rejections, 1);
    let id2 = id.clone();
    let audit = app
        .db
        .read(move |c| rapport::db::audit::for_subject(c, "application", &id2))
        .await
        .unwrap();
    assert_eq!(
        audit
            .iter()
            .filter(|e| e.action == "rejection.sent")
            .count(),
        1
    );
}

async fn votes_are_blind_until_you_vote(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, ivy) = job_with_panel(&app, "majority").await;
    let id = application_at(&app, &job, "ana@example.com", "team_decision").await;
    let res = app
        .post_form(
            &format!("/admin/applications/{id}/vote"),
            &[
                ("vote", "yes"),
                ("reason", "FRAN-PRIVATE-REASON"),
                ("without_scorecard", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let page = ivy
        .get_text(&format!("/admin/applications/{id}/decision"))
        .await;
    assert!(!page.contains("FRAN-PRIVATE-REASON"), "{page}");
    assert!(!page.contains("Yes, hire</strong>"));
    assert!(page.contains("1 of 2 voted"));
    assert!(
        !page.contains("Please fix"),
        "no error summary before any attempt"
    );
    let res = ivy
        .post_form(
            &format!("/admin/applications/{id}/vote"),
            &[
                ("vote", "no"),
                ("reason", "Unsure."),
                ("without_scorecard", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let page = ivy
        .get_text(&format!("/admin/applications/{id}/decision"))
        .await;
    assert!(page.contains("FRAN-PRIVATE-REASON"));
}

async fn voting_without_a_scorecard_is_confirmed_and_recorded(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, ivy) = job_with_panel(&app, "majority").await;
    let id = application_at(&app, &job, "ana@example.com", "team_decision").await;
    let path = format!("/admin/applications/{id}/vote");
    let res = ivy
        .post_form(&path, &[("vote", "yes"), ("reason", "Looks right.")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("I vote without having interviewed"));
    // What they typed is kept.
    assert!(body.contains("Looks right."));
    assert!(body.contains(r#"value="yes" checked"#));
    let count = |app: &TestApp, id: String| {
        let db = app.db.clone();
        async move {
            db.read(move |c| rapport::db::decisions::for_application(c, &id))
                .await
                .unwrap()
        }
    };
    assert!(count(&app, id.clone()).await.is_empty(), "nothing recorded");
    // A vote with a missing reason keeps the choice and says what is missing.
    let res = ivy.post_form(&path, &[("vote", "no")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Give the reason for your vote"));
    assert!(body.contains(r#"value="no" checked"#));
    let res = ivy
        .post_form(
            &path,
            &[
                ("vote", "yes"),
                ("reason", "Looks right."),
                ("without_scorecard", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let votes = count(&app, id.clone()).await;
    assert_eq!(votes.len(), 1);
    assert_eq!(votes[0].without_scorecard, 1);
    // With a scorecard of their own, no confirmation is asked.
    let res = app
        .post_form(
            &format!("/admin/applications/{id}/scorecard"),
            GOOD_SCORECARD,
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app
        .post_form(&path, &[("vote", "yes"), ("reason", "Yes.")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let votes = count(&app, id.clone()).await;
    assert_eq!(votes.len(), 2);
    assert_eq!(votes.iter().filter(|v| v.without_scorecard == 1).count(), 1);
    let page = app
        .get_text(&format!("/admin/applications/{id}/decision"))
        .await;
    assert!(page.contains("voted without a scorecard of their own"));
}

async fn a_rejection_cancels_upcoming_interviews(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, _) = job_with_panel(&app, "unanimous").await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    for (email, notify) in [("ana@example.com", true), ("bea@example.com", false)] {
        let id = application_at(&app, &job, email, "interview").await;
        schedule(&app, &id, &ivy_id).await;
        app.deliver_mail().await;
        let before = app.emails().len();
        let mut form = vec![
            ("to", "rejected"),
            ("from", "interview"),
            ("reason", "Filled."),
        ];
        if notify {
            form.push(("notify_candidate", "yes"));
        }
        let res = app
            .post_form(&format!("/admin/applications/{id}/move"), &form)
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let id2 = id.clone();
        let interviews = app
            .db
            .read(move |c| rapport::db::interviews::for_application(c, &id2))
            .await
            .unwrap();
        assert_eq!(interviews[0].status, "cancelled");
        app.deliver_mail().await;
        let new: Vec<String> = app.emails()[before..].to_vec();
        assert!(
            new.iter()
                .any(|e| e.contains("To: ivy@example.com") && e.contains("METHOD:CANCEL")),
            "the interviewer's calendar is updated"
        );
        let to_candidate = new
            .iter()
            .filter(|e| e.contains(&format!("To: {email}")))
            .count();
        assert_eq!(to_candidate, usize::from(notify), "{email}");
        if notify {
            let e = new
                .iter()
                .find(|e| e.contains(&format!("To: {email}")))
                .unwrap();
            assert!(!e.contains("We will be in touch"));
        }
    }
}

async fn closing_a_job_offers_to_reject_the_candidates_left(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, _) = job_with_panel(&app, "unanimous").await;
    let job_id = job.0.clone();
    let ivy_id = user_id(&app, "ivy@example.com").await;
    let hired = application_at(&app, &job, "hired@example.com", "offer").await;
    let ana = application_at(&app, &job, "ana@example.com", "interview").await;
    let bea = application_at(&app, &job, "bea@example.com", "screen_review").await;
    schedule(&app, &ana, &ivy_id).await;
    let res = app
        .post_form(
            &format!("/admin/applications/{hired}/offer"),
            &[("terms", "Full time, 45k.")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app
        .post_form(
            &format!("/admin/applications/{hired}/offer-answer"),
            &[("answer", "accepted"), ("close_job", "yes")],
        )
        .await;
    let confirm = crate::helpers::location(&res);
    assert_eq!(confirm, format!("/admin/jobs/{job_id}/close?reason=filled"));
    // The confirmation lists who is left and previews the email.
    let page = app.get_text(&confirm).await;
    assert!(
        page.contains("2 candidates are still in progress"),
        "{page}"
    );
    assert!(page.contains("Cand ana@example.com"));
    assert!(page.contains("We have now filled this role."));
    assert!(
        page.contains("Your application for"),
        "a preview of the email"
    );
    // A first post without the confirmation changes nothing.
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/close"),
            &[("reason", "filled")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(stage_of(&app, &ana).await, "interview");
    app.deliver_mail().await;
    let before = app.emails().len();
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/close"),
            &[
                ("reason", "filled"),
                ("confirm", "yes"),
                ("reject_remaining", "yes"),
                ("send_email", "yes"),
                ("rejection_reason", "We found our person; thank you."),
                ("notify_interviews", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stage_of(&app, &ana).await, "rejected");
    assert_eq!(stage_of(&app, &bea).await, "rejected");
    assert_eq!(stage_of(&app, &hired).await, "hired");
    let a = ana.clone();
    let interviews = app
        .db
        .read(move |c| rapport::db::interviews::for_application(c, &a))
        .await
        .unwrap();
    assert_eq!(interviews[0].status, "cancelled");
    app.deliver_mail().await;
    let new = app.emails()[before..].to_vec();
    for who in ["ana@example.com", "bea@example.com"] {
        let rejections: Vec<&String> = new
            .iter()
            .filter(|e| e.contains(&format!("To: {who}")) && e.contains("We found our person"))
            .collect();
        assert_eq!(rejections.len(), 1, "{who}");
    }
    assert!(!new.iter().any(|e| e.contains("To: hired@example.com")));
    let jid = job_id.clone();
    let job = app
        .db
        .read(move |c| rapport::db::jobs::find(c, &jid))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, rapport::domain::job::JobStatus::Closed);
}

async fn cancelling_an_interview_is_confirmed_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, _) = job_with_panel(&app, "unanimous").await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    let ana = application_at(&app, &job, "ana@example.com", "interview").await;
    let interview = schedule(&app, &ana, &ivy_id).await;
    let kit = app
        .get_text(&format!("/admin/interviews/{interview}"))
        .await;
    assert!(kit.contains(&format!("/admin/interviews/{interview}/cancel")));
    let status = |app: &TestApp| {
        let (db, id) = (app.db.clone(), interview.clone());
        async move {
            db.read(move |c| rapport::db::interviews::find(c, &id))
                .await
                .unwrap()
                .unwrap()
                .status
        }
    };
    // The button leads to a confirmation that changes nothing.
    let res = app
        .post_form(&format!("/admin/interviews/{interview}/cancel"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("Cancel the interview?"));
    assert!(page.contains(r#"name="confirm" value="yes""#));
    assert_eq!(status(&app).await, "scheduled");
    app.deliver_mail().await;
    let before = app.emails().len();
    let res = app
        .post_form(
            &format!("/admin/interviews/{interview}/cancel"),
            &[("confirm", "yes"), ("notify_candidate", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(status(&app).await, "cancelled");
    app.deliver_mail().await;
    let new = app.emails()[before..].to_vec();
    assert!(new.iter().any(|e| e.contains("To: ana@example.com")));
    assert!(new.iter().any(|e| e.contains("To: ivy@example.com")));
}

async fn a_scorecard_with_a_problem_keeps_what_was_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, _) = job_with_panel(&app, "unanimous").await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    let ana = application_at(&app, &job, "ana@example.com", "interview").await;
    let interview = schedule(&app, &ana, &ivy_id).await;
    let mut card: Vec<(&str, &str)> = GOOD_SCORECARD
        .iter()
        .copied()
        .filter(|(k, _)| *k != "rating_curiosity")
        .collect();
    card.push(("interview", &interview));
    let res = app
        .post_form(&format!("/admin/applications/{ana}/scorecard"), &card)
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    // The same kit, the problem next to its field, everything typed kept.
    assert!(page.contains("Submit the scorecard"));
    assert!(page.contains("field__error"));
    assert!(page.contains("Calm and kind in the role-play."));
    assert!(page.contains("A great first hire."));
    assert!(
        page.contains(r#"id="rating_empathy-4" name="rating_empathy" value="4" checked"#),
        "{page}"
    );
    let a = ana.clone();
    assert!(app
        .db
        .read(move |c| rapport::db::scorecards::for_application(c, &a))
        .await
        .unwrap()
        .is_empty());
}

async fn your_work_lists_interviews_scorecards_and_votes_owed(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, ivy) = job_with_panel(&app, "unanimous").await;
    let fran_id = user_id(&app, OWNER_EMAIL).await;
    let ana = application_at(&app, &job, "ana@example.com", "interview").await;
    schedule(&app, &ana, &fran_id).await;
    let bea = application_at(&app, &job, "bea@example.com", "team_decision").await;
    // A past interview with no scorecard from the owner: owed.
    let cleo = application_at(&app, &job, "cleo@example.com", "interview").await;
    let past = schedule(&app, &cleo, &fran_id).await;
    let p = past.clone();
    app.db
        .write(move |c| {
            use diesel::prelude::*;
            use rapport::db::schema::interviews;
            diesel::update(interviews::table.find(&p))
                .set(interviews::starts_at.eq(rapport::db::now() - chrono::Duration::days(1)))
                .execute(c)
                .map_err(rapport::db::DbError::from)
        })
        .await
        .unwrap();
    // The owner lands on their own work, not only on the jobs.
    let home = app.get_text("/admin").await;
    assert!(home.contains("Upcoming interviews"));
    assert!(home.contains("Culture"), "{home}");
    assert!(home.contains("Cand ana@example.com"));
    assert!(
        home.contains(&format!("/admin/interviews/{past}#scorecard")),
        "scorecard owed"
    );
    assert!(
        home.contains(&format!("/admin/applications/{bea}/decision")),
        "vote owed"
    );
    // Once voted, the vote is no longer owed.
    let res = ivy
        .post_form(
            &format!("/admin/applications/{bea}/vote"),
            &vote_form("yes"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let ivy_home = ivy.get_text("/admin").await;
    assert!(!ivy_home.contains(&format!("/admin/applications/{bea}/decision")));
    assert!(app
        .get_text("/admin")
        .await
        .contains(&format!("/admin/applications/{bea}/decision")));
}

async fn interviewers_see_only_controls_they_can_use(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, ivy) = job_with_panel(&app, "unanimous").await;
    let ana = application_at(&app, &job, "ana@example.com", "screen_review").await;
    let owner_board = app.get_text(&format!("/admin/jobs/{}/board", job.0)).await;
    assert!(owner_board.contains(&format!("/admin/jobs/{}/applications", job.0)));
    for (path, forbidden) in [
        (
            format!("/admin/jobs/{}/board", job.0),
            format!("/admin/jobs/{}/applications", job.0),
        ),
        (
            format!("/admin/applications/{ana}"),
            format!("/admin/jobs/{}/applications", job.0),
        ),
        (
            format!("/admin/applications/{ana}"),
            "Override this score".to_string(),
        ),
        (
            format!("/admin/applications/{ana}"),
            format!("/admin/applications/{ana}/move"),
        ),
        ("/admin".to_string(), "/admin/jobs\"".to_string()),
    ] {
        let page = ivy.get_text(&path).await;
        assert!(!page.contains(&forbidden), "{path} shows {forbidden}");
    }
    // Every link an interviewer is shown opens for them.
    let page = ivy.get_text(&format!("/admin/applications/{ana}")).await;
    let doc = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse("a[href^='/admin']").unwrap();
    for a in doc.select(&sel) {
        let href = a.value().attr("href").unwrap();
        let href = href.split('#').next().unwrap();
        assert_ne!(ivy.get(href).await.status().as_u16(), 403, "{href}");
    }
}

async fn the_candidates_calendar_does_not_give_the_exercise_away(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job, _) = job_with_panel(&app, "unanimous").await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    let ana = application_at(&app, &job, "ana@example.com", "interview").await;
    schedule_kind(&app, &ana, &ivy_id, "role_play").await;
    app.deliver_mail().await;
    let team = ics_for(&app, "ivy@example.com");
    let candidate = ics_for(&app, "ana@example.com");
    assert!(team.to_lowercase().contains("furious"), "{team}");
    assert!(!candidate.to_lowercase().contains("furious"), "{candidate}");
    assert!(
        !candidate.to_lowercase().contains("role-play"),
        "{candidate}"
    );
    // One event for everyone: the same UID in both copies.
    let uid = |ics: &str| {
        ics.lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_string()
    };
    assert_eq!(uid(&team), uid(&candidate));
}
