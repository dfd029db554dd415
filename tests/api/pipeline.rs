use crate::helpers::{
    exemplars, location, round_of, spawn_app, Backend, Browser, TestApp, OWNER_EMAIL, PASSWORD,
};
use crate::on_every_backend;

on_every_backend!(
    a_whole_hire_from_screen_to_hired,
    one_no_rejects_under_unanimity_and_nothing_is_sent_unasked,
    a_majority_carries_when_the_job_says_so,
    interviewers_see_only_their_panels,
);

pub(crate) async fn user_id(app: &TestApp, email: &str) -> String {
    let email = email.to_string();
    app.db
        .read(move |c| rapport::db::users::find_by_email(c, &email))
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A job with a passed candidate waiting in screen review; returns (job id, application id).
pub(crate) async fn candidate_in_review(app: &TestApp, rule: &str) -> (String, String) {
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[("decision_rule", rule)]).await;
    app.set_screening(&job_id, &["generalist-en"], true).await;
    let ana = app.new_browser();
    assert_eq!(
        ana.apply(&slug, "Ana Lima", "ana@example.com", None)
            .await
            .status()
            .as_u16(),
        200
    );
    let link = app.candidate_link("ana@example.com").await;
    ana.client.get(&link).send().await.unwrap();
    let page = ana.get_text("/candidate").await;
    let mut form: Vec<(String, String)> = vec![
        ("round".into(), round_of(&page)),
        ("confirm".into(), "yes".into()),
    ];
    form.extend(
        exemplars("strong")
            .into_iter()
            .map(|(q, a)| (format!("answer-{q}"), a)),
    );
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = ana.post_form("/candidate/submit", &refs).await;
    assert_eq!(location(&res), "/candidate?notice=submitted");
    let jid = job_id.clone();
    let (rows, _) = app
        .db
        .read(move |c| {
            rapport::db::applications::list_for_job(
                c,
                &jid,
                &rapport::db::applications::ListQuery {
                    stage: None,
                    search: None,
                    sort: rapport::db::applications::Sort::Newest,
                    cursor: rapport::db::applications::Cursor::First,
                    per_page: 5,
                },
            )
        })
        .await
        .unwrap();
    assert_eq!(rows[0].stage, "screen_review");
    (job_id, rows[0].id.clone())
}

pub(crate) async fn stage_of(app: &TestApp, id: &str) -> String {
    let id = id.to_string();
    app.db
        .read(move |c| rapport::db::applications::find(c, &id))
        .await
        .unwrap()
        .unwrap()
        .stage
}

pub(crate) async fn set_panel(app: &TestApp, job_id: &str, members: &[&str], skipped: &[&str]) {
    let mut form: Vec<(&str, &str)> = members.iter().map(|m| ("panel", *m)).collect();
    form.extend(skipped.iter().map(|s| ("skipped", *s)));
    let res = app
        .post_form(&format!("/admin/jobs/{job_id}/pipeline"), &form)
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

pub(crate) async fn interviewer(app: &TestApp, email: &str) -> Browser {
    staff_member(app, email, "interviewer").await
}

/// A new staff account with this role, signed in in a browser of its own.
pub(crate) async fn staff_member(app: &TestApp, email: &str, role: &str) -> Browser {
    app.create_user(email, role).await;
    let b = app.new_browser();
    assert_eq!(b.login(email, PASSWORD).await.status().as_u16(), 303);
    b
}

pub(crate) const GOOD_SCORECARD: &[(&str, &str)] = &[
    ("rating_empathy", "4"),
    ("rating_curiosity", "3"),
    ("rating_humility", "3"),
    ("rating_dedication", "4"),
    ("rating_technical_inclination", "3"),
    ("notes_empathy", "Calm and kind in the role-play."),
    ("recommendation", "4"),
    ("overall_notes", "A great first hire."),
];

/// The calendar attachment of the last email to `to`, unfolded.
pub(crate) fn ics_for(app: &TestApp, to: &str) -> String {
    let eml = app
        .emails()
        .into_iter()
        .rev()
        .find(|e| e.contains(&format!("To: {to}")) && e.contains("text/calendar"))
        .expect("an email with a calendar invitation");
    let start = eml.find("text/calendar").unwrap();
    let part = &eml[start..];
    let body_start = part.find("\r\n\r\n").map(|i| i + 4).unwrap();
    let body = &part[body_start..];
    let end = body.find("\r\n--").unwrap_or(body.len());
    let raw = &body[..end];
    let decoded = if part[..body_start].to_ascii_lowercase().contains("base64") {
        use base64::Engine;
        let compact: String = raw.split_whitespace().collect();
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(compact)
                .unwrap(),
        )
        .unwrap()
    } else {
        crate::helpers::unfold_qp(raw)
    };
    decoded.replace("\r\n ", "")
}

fn ics_field(ics: &str, name: &str) -> String {
    ics.lines()
        .find(|l| l.starts_with(&format!("{name}:")) || l.starts_with(&format!("{name};")))
        .map(|l| l.split_once(':').unwrap().1.trim().to_string())
        .unwrap_or_default()
}

async fn a_whole_hire_from_screen_to_hired(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, app_id) = candidate_in_review(&app, "unanimous").await;
    let ivy = interviewer(&app, "ivy@example.com").await;
    let fran_id = user_id(&app, OWNER_EMAIL).await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    set_panel(&app, &job_id, &[&fran_id, &ivy_id], &["final_conversation"]).await;

    // A move the state machine forbids is refused with a clear message.
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/move"),
            &[("to", "hired")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("the next step is Interview"));
    assert_eq!(stage_of(&app, &app_id).await, "screen_review");
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/move"),
            &[("to", "interview"), ("reason", "strong screen")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stage_of(&app, &app_id).await, "interview");

    // Schedule: the candidate and both interviewers get an invitation.
    app.deliver_mail().await;
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/interviews"),
            &[
                ("kind", "culture"),
                ("date", "2027-03-02"),
                ("time", "14:00"),
                ("timezone", "Europe/Paris"),
                ("duration_minutes", "45"),
                ("location", "https://meet.example.com/ana"),
                ("interviewers", &fran_id),
                ("interviewers", &ivy_id),
            ],
        )
        .await;
    assert_eq!(
        res.status().as_u16(),
        303,
        "{}",
        res.text().await.unwrap_or_default()
    );
    app.deliver_mail().await;
    let ics = ics_for(&app, "ana@example.com");
    assert_eq!(ics_field(&ics, "METHOD"), "REQUEST");
    assert_eq!(
        ics_field(&ics, "DTSTART"),
        "20270302T130000Z",
        "14:00 in Paris is 13:00 UTC in winter"
    );
    assert_eq!(ics_field(&ics, "SEQUENCE"), "0");
    let uid = ics_field(&ics, "UID");
    assert!(!uid.is_empty());
    assert!(
        ics.contains("ivy@example.com"),
        "interviewers are attendees"
    );
    let ivy_ics = ics_for(&app, "ivy@example.com");
    assert_eq!(ics_field(&ivy_ics, "UID"), uid);

    // Rescheduling updates the same event.
    let interview_id = {
        let page = app.get_text(&format!("/admin/applications/{app_id}")).await;
        let start = page.find("/admin/interviews/").unwrap() + "/admin/interviews/".len();
        page[start..].split('"').next().unwrap().to_string()
    };
    let res = app
        .post_form(
            &format!("/admin/interviews/{interview_id}"),
            &[
                ("date", "2027-03-03"),
                ("time", "10:30"),
                ("timezone", "Europe/Paris"),
                ("duration_minutes", "60"),
                ("location", "https://meet.example.com/ana"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    app.deliver_mail().await;
    let moved = ics_for(&app, "ana@example.com");
    assert_eq!(ics_field(&moved, "UID"), uid);
    assert_eq!(ics_field(&moved, "SEQUENCE"), "1");
    assert_eq!(ics_field(&moved, "DTSTART"), "20270303T093000Z");

    // The kit shows the questions, the screen results and the scorecard.
    let kit = ivy
        .get_text(&format!("/admin/interviews/{interview_id}"))
        .await;
    assert!(kit.contains("Screen results"));
    assert!(kit.contains("Submit the scorecard"));

    // Two scorecards; the second interviewer is blind until submitting.
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/scorecard"),
            GOOD_SCORECARD,
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let blind = ivy
        .get_text(&format!("/admin/applications/{app_id}/decision"))
        .await;
    assert!(blind.contains("Submit your own scorecard to see the others"));
    assert!(!blind.contains("A great first hire."));
    let mut ivy_card: Vec<(&str, &str)> = GOOD_SCORECARD.to_vec();
    ivy_card.retain(|(k, _)| *k != "overall_notes");
    ivy_card.push(("overall_notes", "Would trust with our angriest customers."));
    assert_eq!(
        ivy.post_form(
            &format!("/admin/applications/{app_id}/scorecard"),
            &ivy_card
        )
        .await
        .status()
        .as_u16(),
        303
    );
    let open = ivy
        .get_text(&format!("/admin/applications/{app_id}/decision"))
        .await;
    assert!(
        open.contains("A great first hire."),
        "visible once submitted"
    );
    // An amendment is a new version; the old one is kept, superseded.
    assert_eq!(
        ivy.post_form(
            &format!("/admin/applications/{app_id}/scorecard"),
            &ivy_card
        )
        .await
        .status()
        .as_u16(),
        303
    );
    let decision = app
        .get_text(&format!("/admin/applications/{app_id}/decision"))
        .await;
    assert!(decision.contains("superseded"));
    assert!(decision.contains("(v2)"));

    // The final conversation is skipped for this job.
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/move"),
            &[("to", "team_decision")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);

    // Unanimous approval moves to the offer.
    assert_eq!(
        app.post_form(
            &format!("/admin/applications/{app_id}/vote"),
            &[
                ("vote", "yes"),
                ("reason", "Yes without a doubt."),
                ("without_scorecard", "yes")
            ]
        )
        .await
        .status()
        .as_u16(),
        303
    );
    assert_eq!(
        stage_of(&app, &app_id).await,
        "team_decision",
        "one vote of two"
    );
    assert_eq!(
        ivy.post_form(
            &format!("/admin/applications/{app_id}/vote"),
            &[
                ("vote", "yes"),
                ("reason", "Great fit."),
                ("without_scorecard", "yes")
            ]
        )
        .await
        .status()
        .as_u16(),
        303
    );
    assert_eq!(stage_of(&app, &app_id).await, "offer");
    // Votes are final.
    assert_eq!(
        ivy.post_form(
            &format!("/admin/applications/{app_id}/vote"),
            &[
                ("vote", "no"),
                ("reason", "changed"),
                ("without_scorecard", "yes")
            ]
        )
        .await
        .status()
        .as_u16(),
        400
    );

    // The offer, its acceptance, and the job closes as filled.
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/offer"),
            &[("terms", "Full time, EUR 44,000 a year, starting 1 April.")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    app.deliver_mail().await;
    assert!(app
        .emails()
        .iter()
        .any(|e| e.contains("To: ana@example.com")
            && crate::helpers::unfold_qp(e).contains("EUR 44,000")));
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/offer-answer"),
            &[("answer", "accepted"), ("close_job", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        crate::helpers::location(&res),
        format!("/admin/jobs/{job_id}/close?reason=filled"),
        "closing the job is confirmed on its own page"
    );
    assert_eq!(stage_of(&app, &app_id).await, "hired");
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/close"),
            &[("reason", "filled")],
        )
        .await;
    assert_eq!(
        res.status().as_u16(),
        303,
        "nobody else in progress: closes at once"
    );
    let jid = job_id.clone();
    let job = app
        .db
        .read(move |c| rapport::db::jobs::find(c, &jid))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, rapport::domain::job::JobStatus::Closed);
    // Every move is in the history, with who and why.
    let id = app_id.clone();
    let events = app
        .db
        .read(move |c| rapport::db::applications::events(c, &id))
        .await
        .unwrap();
    let path: Vec<&str> = events.iter().map(|e| e.to_stage.as_str()).collect();
    assert_eq!(
        path,
        [
            "applied",
            "screening",
            "screen_review",
            "interview",
            "team_decision",
            "offer",
            "hired"
        ]
    );
    assert!(events.iter().any(|e| e.reason == "strong screen"));
}

async fn one_no_rejects_under_unanimity_and_nothing_is_sent_unasked(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, app_id) = candidate_in_review(&app, "unanimous").await;
    let ivy = interviewer(&app, "ivy@example.com").await;
    let fran_id = user_id(&app, OWNER_EMAIL).await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    set_panel(&app, &job_id, &[&fran_id, &ivy_id], &["final_conversation"]).await;
    for to in ["interview", "team_decision"] {
        assert_eq!(
            app.post_form(&format!("/admin/applications/{app_id}/move"), &[("to", to)])
                .await
                .status()
                .as_u16(),
            303
        );
    }
    app.deliver_mail().await;
    let before = app.emails().len();
    assert_eq!(
        app.post_form(
            &format!("/admin/applications/{app_id}/vote"),
            &[
                ("vote", "yes"),
                ("reason", "Good."),
                ("without_scorecard", "yes")
            ]
        )
        .await
        .status()
        .as_u16(),
        303
    );
    assert_eq!(
        ivy.post_form(
            &format!("/admin/applications/{app_id}/vote"),
            &[
                ("vote", "no"),
                ("reason", "Not for this role."),
                ("without_scorecard", "yes")
            ]
        )
        .await
        .status()
        .as_u16(),
        303
    );
    assert_eq!(stage_of(&app, &app_id).await, "rejected");
    app.deliver_mail().await;
    assert_eq!(
        app.emails().len(),
        before,
        "no rejection email without a person confirming"
    );
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/rejection-email"),
            &[("reason", "")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    app.deliver_mail().await;
    assert_eq!(app.emails().len(), before + 1);
    assert!(app
        .emails()
        .iter()
        .any(|e| e.contains("To: ana@example.com") && e.contains("Your application for")));
}

async fn a_majority_carries_when_the_job_says_so(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, app_id) = candidate_in_review(&app, "majority").await;
    let ivy = interviewer(&app, "ivy@example.com").await;
    let max = interviewer(&app, "max@example.com").await;
    let ids = [
        user_id(&app, OWNER_EMAIL).await,
        user_id(&app, "ivy@example.com").await,
        user_id(&app, "max@example.com").await,
    ];
    set_panel(&app, &job_id, &[&ids[0], &ids[1], &ids[2]], &[]).await;
    for to in ["interview", "final_conversation", "team_decision"] {
        assert_eq!(
            app.post_form(&format!("/admin/applications/{app_id}/move"), &[("to", to)])
                .await
                .status()
                .as_u16(),
            303,
            "{to}"
        );
    }
    max.post_form(
        &format!("/admin/applications/{app_id}/vote"),
        &[
            ("vote", "no"),
            ("reason", "Unsure."),
            ("without_scorecard", "yes"),
        ],
    )
    .await;
    assert_eq!(stage_of(&app, &app_id).await, "team_decision");
    app.post_form(
        &format!("/admin/applications/{app_id}/vote"),
        &[
            ("vote", "yes"),
            ("reason", "Yes."),
            ("without_scorecard", "yes"),
        ],
    )
    .await;
    assert_eq!(
        stage_of(&app, &app_id).await,
        "team_decision",
        "1 yes, 1 no of 3: pending"
    );
    ivy.post_form(
        &format!("/admin/applications/{app_id}/vote"),
        &[
            ("vote", "yes"),
            ("reason", "Yes."),
            ("without_scorecard", "yes"),
        ],
    )
    .await;
    assert_eq!(stage_of(&app, &app_id).await, "offer", "2 of 3 carry");
}

async fn interviewers_see_only_their_panels(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, app_id) = candidate_in_review(&app, "unanimous").await;
    let ivy = interviewer(&app, "ivy@example.com").await;
    let outsider = interviewer(&app, "out@example.com").await;
    let fran_id = user_id(&app, OWNER_EMAIL).await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    set_panel(&app, &job_id, &[&fran_id, &ivy_id], &[]).await;
    assert_eq!(
        app.post_form(
            &format!("/admin/applications/{app_id}/move"),
            &[("to", "interview")]
        )
        .await
        .status()
        .as_u16(),
        303
    );
    app.post_form(
        &format!("/admin/applications/{app_id}/interviews"),
        &[
            ("kind", "role_play"),
            ("date", "2027-03-02"),
            ("time", "09:00"),
            ("timezone", "America/New_York"),
            ("duration_minutes", "30"),
            ("location", "Phone"),
            ("interviewers", &ivy_id),
        ],
    )
    .await;
    let page = app.get_text(&format!("/admin/applications/{app_id}")).await;
    let start = page.find("/admin/interviews/").unwrap() + "/admin/interviews/".len();
    let interview_id = page[start..].split('"').next().unwrap().to_string();

    // Ivy, on the panel, sees her work.
    let home = ivy.get_text("/admin").await;
    assert!(home.contains("Ana Lima"));
    assert!(
        home.contains("Role-play") || home.contains("role-play") || home.contains("Role play"),
        "{home}"
    );
    assert_eq!(
        ivy.get(&format!("/admin/applications/{app_id}"))
            .await
            .status()
            .as_u16(),
        200
    );

    // The outsider sees nothing of it, by any route.
    assert!(!outsider.get_text("/admin").await.contains("Ana Lima"));
    for path in [
        format!("/admin/applications/{app_id}"),
        format!("/admin/applications/{app_id}/decision"),
        format!("/admin/interviews/{interview_id}"),
        format!("/admin/jobs/{job_id}/board"),
    ] {
        assert_eq!(
            outsider.get(&path).await.status().as_u16(),
            403,
            "GET {path}"
        );
    }
    for (path, form) in [
        (
            format!("/admin/applications/{app_id}/scorecard"),
            GOOD_SCORECARD.to_vec(),
        ),
        (
            format!("/admin/applications/{app_id}/vote"),
            vec![
                ("vote", "yes"),
                ("reason", "x"),
                ("without_scorecard", "yes"),
            ],
        ),
        (
            format!("/admin/applications/{app_id}/move"),
            vec![("to", "rejected")],
        ),
        (
            format!("/admin/interviews/{interview_id}/cancel"),
            vec![("confirm", "yes")],
        ),
    ] {
        assert_eq!(
            outsider.post_form(&path, &form).await.status().as_u16(),
            403,
            "POST {path}"
        );
    }
    // Interviewers do not move candidates or change interviews either.
    assert_eq!(
        ivy.post_form(
            &format!("/admin/applications/{app_id}/move"),
            &[("to", "rejected")]
        )
        .await
        .status()
        .as_u16(),
        403
    );
    assert_eq!(stage_of(&app, &app_id).await, "interview");
    let id = app_id.clone();
    assert!(app
        .db
        .read(move |c| rapport::db::scorecards::for_application(c, &id))
        .await
        .unwrap()
        .is_empty());
}

/// The owner rewrites a candidate email for one job, previews it, and the
/// candidate receives that text; a broken template is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn owners_edit_candidate_emails_per_job() {
    let app = spawn_app(Backend::Sqlite).await;
    let (job_id, app_id) = candidate_in_review(&app, "unanimous").await;
    let page = app
        .get_text(&format!("/admin/jobs/{job_id}/emails/rejection"))
        .await;
    assert!(page.contains("Preview (sample candidate)"));
    assert!(
        page.contains("Ana Lima"),
        "the preview uses a sample candidate"
    );
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/emails/rejection"),
            &[
                ("subject", "About {{job_title}}"),
                ("body", "Dear {{name"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422, "a broken template is not saved");
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/emails/rejection"),
            &[("subject", "About {{job_title}}"), ("body", "Dear {{name}}, thank you — we chose someone else.{{#if reason}} {{reason}}{{/if}}"), ("action", "save")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    app.deliver_mail().await;
    let before = app.emails().len();
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/move"),
            &[
                ("to", "rejected"),
                ("reason", "another candidate"),
                ("send_email", "yes"),
                ("email_reason", "Keep in touch!"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    app.deliver_mail().await;
    let emails = app.emails();
    assert_eq!(emails.len(), before + 1);
    let last = crate::helpers::unfold_qp(emails.last().unwrap());
    assert!(last.contains("Subject: About Customer Support Specialist"));
    assert!(last.contains("Dear Ana Lima, thank you"));
    assert!(last.contains("Keep in touch!"));
}

/// Bulk moves: each candidate is checked on its own; refusals are listed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_reject_with_a_reason() {
    let app = spawn_app(Backend::Sqlite).await;
    let (job_id, app_id) = candidate_in_review(&app, "unanimous").await;
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/bulk"),
            &[("ids", &app_id), ("to", "rejected"), ("reason", "")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400, "a reason is required to reject");
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/bulk"),
            &[("ids", &app_id), ("to", "hired"), ("reason", "x")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Some moves were refused"));
    let board = app.get_text(&format!("/admin/jobs/{job_id}/board")).await;
    assert!(board.contains("Ana Lima"));
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/bulk"),
            &[
                ("ids", &app_id),
                ("to", "rejected"),
                ("reason", "Role filled internally."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stage_of(&app, &app_id).await, "rejected");
}

/// Owners edit the interview kits; the kit page shows their version.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn owners_edit_interview_kits() {
    let app = spawn_app(Backend::Sqlite).await;
    app.sign_up_owner().await;
    let kits = app.get_text("/admin/kits").await;
    assert!(
        kits.contains("What makes you different"),
        "shipped defaults from PRODUCT.md step 7"
    );
    let res = app
        .post_form(
            "/admin/kits/culture",
            &[
                ("title", "Culture chat"),
                ("intro", "Relaxed."),
                ("questions", "Why support?\n\nWhy us?"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let kits = app.get_text("/admin/kits").await;
    assert!(kits.contains("Culture chat"));
    assert!(kits.contains("edited"));
    let res = app
        .post_form("/admin/kits/culture", &[("title", ""), ("questions", "")])
        .await;
    assert_eq!(res.status().as_u16(), 400);
}
