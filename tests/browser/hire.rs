//! The whole hire, as people do it in a browser: the owner publishes a job,
//! a candidate applies on a phone and answers the questionnaire, staff
//! review, interview, score, decide and send the offer.
//!
//! Each step is a function of its own so that a step can be swapped or
//! added (candidates booking their own interview slot will replace
//! `staff_schedule_the_interview`) without touching the others.

use std::time::Instant;

use crate::driver::{screenshot_dir, Page, PHONE};
use crate::helpers::{exemplars, unfold_qp, valid_job_form, OWNER_EMAIL, PASSWORD};
use crate::{assert_no_faults, World};

const CANDIDATE_EMAIL: &str = "ana@example.com";

const GOOD_SCORECARD: &[(&str, &str)] = &[
    ("rating_empathy", "4"),
    ("rating_curiosity", "3"),
    ("rating_humility", "3"),
    ("rating_dedication", "4"),
    ("rating_technical_inclination", "3"),
    ("notes_empathy", "Calm and kind in the role-play."),
    ("recommendation", "4"),
    ("overall_notes", "A great first hire."),
];

async fn user_id(world: &World, email: &str) -> String {
    let email = email.to_string();
    world
        .app
        .db
        .read(move |c| rapport::db::users::find_by_email(c, &email))
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_hire_in_a_real_browser() {
    let started = Instant::now();
    let Some(world) = World::start().await else {
        return;
    };
    let mut owner = world.window().await;
    let mut ana = world.window().await;

    owner_sets_up_the_company(&world, &mut owner).await;
    owner_signs_out_and_in(&world, &mut owner).await;
    let (job_id, slug) = owner_publishes_a_job(&world, &mut owner).await;
    candidate_applies_on_a_phone(&world, &mut ana, &slug).await;
    candidate_asks_for_a_new_link(&world, &mut ana, &slug).await;
    candidate_answers_with_autosave(&world, &mut ana).await;
    let app_id = staff_review_the_answers(&world, &mut owner, &job_id).await;
    staff_move_to(&world, &mut owner, &app_id, "interview").await;
    staff_offer_their_times(&world, &mut owner, &app_id).await;
    candidate_books_a_time(&world, &mut ana).await;
    let interview = staff_open_the_booked_interview(&mut owner, &world, &app_id).await;
    candidate_sees_the_interview(&world, &mut ana).await;
    staff_record_the_scorecard(&world, &mut owner, &interview).await;
    staff_move_to(&world, &mut owner, &app_id, "team_decision").await;
    staff_decide_and_send_the_offer(&world, &mut owner, &app_id).await;
    candidate_sees_the_offer(&world, &mut ana).await;
    staff_record_the_acceptance_and_close_the_job(&world, &mut owner, &app_id, &job_id).await;
    staff_pages_around_the_hire(&world, &mut owner, &job_id).await;

    let pages = owner.pages_checked + ana.pages_checked;
    let mut faults = owner.close().await;
    faults.extend(ana.close().await);
    crate::driver::say(&format!(
        "browser test: {pages} pages checked in {:.1} s; screenshots in {}",
        started.elapsed().as_secs_f64(),
        screenshot_dir().display()
    ));
    assert_no_faults(&faults, pages);
}

async fn owner_sets_up_the_company(world: &World, owner: &mut Page) {
    let link = world
        .app
        .setup_link
        .clone()
        .expect("an empty database prints a setup link");
    owner.goto(&world.url(&link)).await;
    owner.check(Some("setup")).await;
    owner
        .fill(
            "main form",
            &[
                ("company_name", "Glimmer Ratings"),
                ("company_url", "https://glimmer.example"),
                ("name", "Fran Founder"),
                ("email", OWNER_EMAIL),
                ("password", PASSWORD),
            ],
        )
        .await;
    owner.click_button("Create the owner account").await;
    let landing = owner.path().await;
    assert!(
        landing.starts_with("/admin"),
        "setup signs the owner in (at {landing})"
    );
    owner.check(Some("staff-home")).await;
}

async fn owner_signs_out_and_in(world: &World, owner: &mut Page) {
    owner.click_button("Sign out (Fran Founder)").await;
    owner.goto(&world.url("/login")).await;
    owner.check(Some("sign-in")).await;
    owner.type_into("#email", OWNER_EMAIL).await;
    owner.type_into("#password", PASSWORD).await;
    owner.click_button("Sign in").await;
    let landing = owner.path().await;
    assert!(landing.starts_with("/admin"), "signed in (at {landing})");
}

async fn owner_publishes_a_job(world: &World, owner: &mut Page) -> (String, String) {
    owner.goto(&world.url("/admin/jobs/new")).await;
    owner.check(Some("job-editor")).await;
    owner
        .fill("form[action='/admin/jobs']", &valid_job_form())
        .await;
    owner.click_button("Save draft").await;
    let path = owner.path().await;
    let job_id = path
        .trim_start_matches("/admin/jobs/")
        .split(['/', '?'])
        .next()
        .unwrap()
        .to_string();
    assert!(path.starts_with("/admin/jobs/"), "saved, at {path}");
    owner.check(None).await;

    // Screening with the shipped questionnaire, every tier at once, and the
    // owner on the panel; the final conversation is skipped for this job.
    owner
        .fill(
            &format!("form[action='/admin/jobs/{job_id}/screening']"),
            &[
                ("questionnaires", "generalist-en"),
                ("all_tiers_at_once", "yes"),
            ],
        )
        .await;
    owner.click_button("Save screening settings").await;
    let fran = user_id(world, OWNER_EMAIL).await;
    owner
        .fill(
            &format!("form[action='/admin/jobs/{job_id}/pipeline']"),
            &[("panel", &fran), ("skipped", "final_conversation")],
        )
        .await;
    owner.click_button("Save panel and stages").await;
    owner.click_button("Publish").await;
    if owner.text().await.contains("Publish anyway") {
        owner.check(None).await;
        owner.click_button("Publish anyway").await;
    }
    let id = job_id.clone();
    let job = world
        .app
        .db
        .read(move |conn| rapport::db::jobs::find(conn, &id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, rapport::domain::job::JobStatus::Open);
    owner.check(None).await;
    owner.goto(&world.url("/admin/jobs")).await;
    owner.check(None).await;
    (job_id, job.slug)
}

async fn candidate_applies_on_a_phone(world: &World, ana: &mut Page, slug: &str) {
    ana.goto(&world.url("/jobs")).await;
    ana.check(Some("job-board")).await;
    ana.resize(PHONE).await;
    ana.click_link("Customer Support Specialist").await;
    assert_eq!(ana.path().await, format!("/jobs/{slug}"));
    ana.check(Some("job")).await;
    // The same pages in French, through the switch (French words are
    // longer: they must fit a phone too); then back to English.
    ana.click_link("Français").await;
    assert_eq!(
        ana.js("return document.documentElement.lang", vec![]).await,
        "fr"
    );
    ana.check(Some("job-fr")).await;
    ana.goto(&world.url(&format!("/jobs/{slug}/apply"))).await;
    ana.check(Some("apply-fr")).await;
    ana.click_link("English").await;
    assert_eq!(
        ana.js("return document.documentElement.lang", vec![]).await,
        "en"
    );
    ana.check(Some("apply")).await;

    // Typed and chosen as a person would, on a phone-sized window.
    ana.resize(PHONE).await;
    ana.type_into("#name", "Ana Lima").await;
    ana.type_into("#email", CANDIDATE_EMAIL).await;
    ana.fill("main form", &[("languages", "en"), ("fluencies", "fluent")])
        .await;
    ana.type_into("#location", "Lisbon, Portugal").await;
    ana.type_into("#cover_letter", "I love helping people find their way.")
        .await;
    let cv = world.app.mail_dir.with_file_name("ana-lima-cv.pdf");
    std::fs::write(&cv, b"%PDF-1.4\n% Ana Lima, CV\n%%EOF\n").unwrap();
    ana.type_into("#cv", cv.to_str().unwrap()).await;
    ana.click_css("#consent").await;
    ana.click_button("Send my application").await;
    assert_eq!(ana.path().await, format!("/jobs/{slug}/applied"));
    ana.check(Some("applied")).await;
}

/// A candidate who lost the email asks for the link again.
async fn candidate_asks_for_a_new_link(world: &World, ana: &mut Page, slug: &str) {
    ana.goto(&world.url(&format!("/jobs/{slug}/link"))).await;
    ana.check(Some("lost-link")).await;
    ana.type_into("#resend-email", CANDIDATE_EMAIL).await;
    ana.click_button("Email me a new link").await;
    ana.check(None).await;
}

/// The personal link from the newest email to the candidate in the outbox.
async fn link_from_the_outbox(world: &World) -> String {
    world
        .app
        .link_in_mail(CANDIDATE_EMAIL, "/c/")
        .await
        .expect("an email with a personal link in the outbox")
}

async fn candidate_answers_with_autosave(world: &World, ana: &mut Page) {
    let link = link_from_the_outbox(world).await;
    ana.goto(&link).await;
    assert_eq!(ana.path().await, "/candidate");
    ana.check(Some("questionnaire")).await;
    ana.resize(PHONE).await;

    let answers = exemplars("strong");
    let (first_q, first_answer) = &answers[0];
    ana.type_into(&format!("#answer-{first_q}"), first_answer)
        .await;
    ana.wait_until(
        "the autosave confirmation",
        "return document.getElementById('autosave-status').textContent.startsWith('Saved at')",
    )
    .await;
    // A reload shows the text kept by the server, not by the browser.
    ana.goto(&world.url("/candidate")).await;
    let kept = ana
        .js(
            "return document.getElementById(arguments[0]).value",
            vec![serde_json::json!(format!("answer-{first_q}"))],
        )
        .await;
    assert_eq!(
        kept.as_str(),
        Some(first_answer.as_str()),
        "autosave kept the answer"
    );

    for (q, a) in &answers[1..] {
        ana.set_value(&format!("#answer-{q}"), a).await;
    }
    ana.click_button("Send my answers").await;
    ana.check(Some("confirm-answers")).await;
    ana.click_button("Yes, send my answers").await;
    assert_eq!(ana.path().await, "/candidate?notice=submitted");
    ana.check(Some("candidate-status")).await;
}

async fn staff_review_the_answers(world: &World, owner: &mut Page, job_id: &str) -> String {
    owner
        .goto(&world.url(&format!("/admin/jobs/{job_id}/applications")))
        .await;
    owner.check(Some("applications")).await;
    owner.click_link("Ana Lima").await;
    let path = owner.path().await;
    let app_id = path
        .trim_start_matches("/admin/applications/")
        .split(['/', '?', '#'])
        .next()
        .unwrap()
        .to_string();
    let page = owner.text().await;
    assert!(page.contains("Ana Lima"));
    assert!(
        page.contains("Download ana-lima-cv.pdf"),
        "the CV was uploaded"
    );
    owner.check(Some("application")).await;

    // A reviewer corrects the automatic score of the first answer.
    owner
        .click_css("details:has(form[action^='/admin/answers/']) > summary")
        .await;
    owner
        .fill(
            "form[action^='/admin/answers/']",
            &[
                ("empathy", "2"),
                ("curiosity", "1"),
                ("percent", "80"),
                (
                    "reason",
                    "The apology is specific and the next step is clear.",
                ),
            ],
        )
        .await;
    owner.click_button("Save the review").await;
    assert!(owner.text().await.contains("The apology is specific"));
    owner.check(None).await;
    owner
        .goto(&world.url(&format!("/admin/jobs/{job_id}/board")))
        .await;
    owner.check(Some("board")).await;
    app_id
}

async fn staff_move_to(world: &World, owner: &mut Page, app_id: &str, stage: &str) {
    owner
        .goto(&world.url(&format!("/admin/applications/{app_id}")))
        .await;
    owner
        .fill(
            &format!("form[action='/admin/applications/{app_id}/move']"),
            &[("to", stage), ("reason", "Agreed at the weekly review.")],
        )
        .await;
    owner.click_button("Move").await;
    let id = app_id.to_string();
    let now = world
        .app
        .db
        .read(move |c| rapport::db::applications::find(c, &id))
        .await
        .unwrap()
        .unwrap()
        .stage;
    assert_eq!(now, stage, "the move was stored");
    owner.check(None).await;
}

/// The owner keeps weekly hours (every day, around the clock, so the test
/// does not depend on today's date) and lets the candidate choose a time.
async fn staff_offer_their_times(world: &World, owner: &mut Page, app_id: &str) {
    owner.click_link("Availability").await;
    for day in 1..=7 {
        owner
            .fill(
                "form[action='/admin/account/availability']",
                &[
                    ("weekday", &day.to_string()),
                    ("starts", "00:00"),
                    ("ends", "23:30"),
                    ("timezone", "UTC"),
                ],
            )
            .await;
        owner.click_button("Add these hours").await;
    }
    owner.check(Some("availability")).await;
    owner
        .goto(&world.url(&format!("/admin/applications/{app_id}")))
        .await;
    let fran = user_id(world, OWNER_EMAIL).await;
    owner.click_css("#offer-times summary").await;
    owner
        .fill(
            &format!("form[action='/admin/applications/{app_id}/booking-offers']"),
            &[
                ("kind", "culture"),
                ("duration_minutes", "45"),
                ("location", "https://meet.example.com/ana"),
                ("timezone", "Europe/Paris"),
                ("days_ahead", "7"),
                ("cutoff_hours", "24"),
                ("interviewers", &fran),
            ],
        )
        .await;
    owner.click_button("Send the times").await;
    assert!(owner
        .text()
        .await
        .contains("waiting for the candidate to choose"));
    owner.check(None).await;
}

/// The candidate opens the emailed link on their phone and books the
/// third time offered.
async fn candidate_books_a_time(world: &World, ana: &mut Page) {
    let link = world
        .app
        .link_in_mail(CANDIDATE_EMAIL, "/book/")
        .await
        .expect("an email with a booking link in the outbox");
    ana.goto(&link).await;
    ana.check(Some("booking")).await;
    ana.click_css("fieldset input[name=at]:nth-of-type(1)")
        .await;
    ana.click_button("Book this time").await;
    assert!(ana.text().await.contains("Your interview is booked"));
    ana.check(Some("booked")).await;
}

async fn staff_open_the_booked_interview(owner: &mut Page, world: &World, app_id: &str) -> String {
    owner
        .goto(&world.url(&format!("/admin/applications/{app_id}")))
        .await;
    owner
        .follow(
            fantoccini::Locator::Css("#interviews a[href^='/admin/interviews/']"),
            "the interview's link",
        )
        .await;
    let interview = owner
        .path()
        .await
        .trim_start_matches("/admin/interviews/")
        .to_string();
    owner.check(Some("interview-kit")).await;
    interview
}

async fn candidate_sees_the_interview(world: &World, ana: &mut Page) {
    ana.goto(&world.url("/candidate")).await;
    assert!(ana.text().await.contains("Your booked conversations"));
    ana.check(None).await;
}

async fn staff_record_the_scorecard(world: &World, owner: &mut Page, interview: &str) {
    owner
        .goto(&world.url(&format!("/admin/interviews/{interview}")))
        .await;
    let form = "form[action$='/scorecard']";
    owner.fill(form, GOOD_SCORECARD).await;
    owner.click_button("Submit the scorecard").await;
    owner.check(None).await;
}

async fn staff_decide_and_send_the_offer(world: &World, owner: &mut Page, app_id: &str) {
    owner
        .goto(&world.url(&format!("/admin/applications/{app_id}/decision")))
        .await;
    assert!(
        owner.text().await.contains("A great first hire."),
        "the scorecard is on the decision page"
    );
    owner.check(Some("decision")).await;
    owner
        .fill(
            "#vote-form",
            &[("vote", "yes"), ("reason", "Kind, curious and careful.")],
        )
        .await;
    owner.click_button("Vote").await;
    owner.check(None).await;
    owner
        .fill(
            &format!("form[action='/admin/applications/{app_id}/offer']"),
            &[("terms", "Full time, EUR 44,000 a year, starting 1 April.")],
        )
        .await;
    owner.click_button("Send the offer").await;
    owner.check(Some("offer")).await;
    world.app.deliver_mail().await;
    assert!(
        world
            .app
            .emails()
            .iter()
            .any(|e| e.contains(&format!("To: {CANDIDATE_EMAIL}"))
                && unfold_qp(e).contains("EUR 44,000")),
        "the offer was emailed to the candidate"
    );
}

async fn candidate_sees_the_offer(world: &World, ana: &mut Page) {
    ana.goto(&world.url("/candidate")).await;
    assert!(ana.text().await.contains("We have made you an offer"));
    ana.check(None).await;
}

async fn staff_record_the_acceptance_and_close_the_job(
    world: &World,
    owner: &mut Page,
    app_id: &str,
    job_id: &str,
) {
    owner
        .goto(&world.url(&format!("/admin/applications/{app_id}/decision")))
        .await;
    owner
        .fill(
            &format!("form[action='/admin/applications/{app_id}/offer-answer']"),
            &[("answer", "accepted"), ("close_job", "yes")],
        )
        .await;
    owner.click_button("Record the answer").await;
    assert_eq!(
        owner.path().await,
        format!("/admin/jobs/{job_id}/close?reason=filled"),
        "an accepted offer leads to closing the job"
    );
    owner.check(Some("close-job")).await;
    owner.click_button("Close the job").await;
    owner.check(None).await;
    let id = job_id.to_string();
    let job = world
        .app
        .db
        .read(move |conn| rapport::db::jobs::find(conn, &id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, rapport::domain::job::JobStatus::Closed);
}

/// The rest of the staff's pages, reached from the navigation and the job.
async fn staff_pages_around_the_hire(world: &World, owner: &mut Page, job_id: &str) {
    for link in [
        "Your work",
        "Jobs",
        "Team",
        "Questionnaires",
        "Interview kits",
        "Webhooks",
        "Insight",
        "API tokens",
    ] {
        owner.click_link(link).await;
        owner.check(None).await;
    }
    for path in [
        "/admin/applications".to_string(),
        format!("/admin/jobs/{job_id}/edit"),
        format!("/admin/jobs/{job_id}/preview"),
        format!("/admin/jobs/{job_id}/insight"),
        format!("/admin/jobs/{job_id}/import"),
        format!("/admin/jobs/{job_id}/emails/interview_invitation"),
        "/api/docs".to_string(),
    ] {
        owner.goto(&world.url(&path)).await;
        owner.check(None).await;
    }
    // The email editor's language tabs, on the French text.
    owner
        .goto(&world.url(&format!(
            "/admin/jobs/{job_id}/emails/rejection?language=fr"
        )))
        .await;
    let text = owner.text().await;
    assert!(text.contains("Merci pour le temps et le soin"), "{text}");
    owner.check(Some("email-editor-french")).await;
}
