//! Issue 10: review mode. Reviewers grade answers blind, see the scorer's
//! grade only after grading, the screen result combines as configured, the
//! agreement page measures what was constructed, and nobody outside the
//! chosen reviewers gets in.

use crate::helpers::{spawn_app, Backend, Browser, TestApp, OWNER_EMAIL};
use crate::on_every_backend;
use crate::pipeline::{interviewer, user_id};

on_every_backend!(
    reviewers_grade_blind_and_see_the_scorer_after,
    the_screen_result_combines_reviews_as_configured,
    the_agreement_page_shows_the_constructed_kappa,
    only_chosen_reviewers_get_in_and_forms_need_csrf,
    the_demo_has_a_job_in_review_mode_with_reviews_in_progress,
    simultaneous_grades_of_one_answer_keep_one_review,
);

pub(crate) const NAMES: [&str; 10] = [
    "Zoltan Quarrie",
    "Yusra Vantongeren",
    "Xavier Ollendorf",
    "Wilma Prydderch",
    "Viggo Sandoval",
    "Ursula Kettleby",
    "Tobias Wrenfield",
    "Saoirse Maplethorpe",
    "Rurik Halvorsen",
    "Quilla Ashdown",
];

/// A published job screened with the generalist questionnaire (all tiers
/// at once) and `n` candidates who submitted their answers: strong ones at
/// even positions, weak ones at odd. Returns the job id.
async fn job_with_answers(app: &TestApp, n: usize) -> String {
    let kinds: Vec<&str> = (0..n)
        .map(|i| {
            if i.is_multiple_of(2) {
                "strong"
            } else {
                "weak"
            }
        })
        .collect();
    job_with_kinds(app, &kinds).await
}

/// [`job_with_answers`] with each candidate's kind of answers given:
/// "strong", "weak", "tier1" (strong on tier 1's questions, weak on the
/// others'), or "none" (applied, never answered). Candidates are named
/// from `NAMES`, in order.
pub(crate) async fn job_with_kinds(app: &TestApp, kinds: &[&str]) -> String {
    let kinds: Vec<String> = kinds.iter().map(|k| k.to_string()).collect();
    app.sign_up_owner().await;
    let (job_id, _) = app.publish_job(&[]).await;
    app.set_screening(&job_id, &["generalist-en"], true).await;
    let jid = job_id.clone();
    app.db
        .write(move |conn| {
            use rapport::web::candidate::flow;
            let library = rapport::questionnaires::Library::load(std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/questionnaires"
            )));
            let job = rapport::db::jobs::find(conn, &jid)?.unwrap();
            let settings = rapport::db::job_screening::get(conn, &jid)?;
            let ctx = flow::Ctx {
                base_url: "http://localhost",
                mail_domain: "localhost",
                company: "Glimmer Ratings",
            };
            let strong = crate::helpers::exemplars("strong");
            let weak = crate::helpers::exemplars("weak");
            let tier_of = |q: &str| {
                library
                    .get("generalist-en")
                    .and_then(|l| l.questionnaire.questions.iter().find(|x| x.id == q))
                    .map(|x| x.tier)
                    .unwrap_or(0)
            };
            for (i, (name, kind)) in NAMES.iter().zip(&kinds).enumerate() {
                let input = rapport::domain::application::ApplicationInput {
                    name: name.to_string(),
                    email: format!("cand{i}@candidates.test"),
                    languages: vec!["en".into()],
                    fluencies: vec!["fluent".into()],
                    location: "Remote".into(),
                    cover_letter: "Secret cover letter text.".into(),
                    consent: "yes".into(),
                    ..Default::default()
                };
                let new = rapport::domain::application::NewApplication::parse(&input).unwrap();
                let flow::Applied::New(a) = flow::apply(
                    conn,
                    &ctx,
                    &job,
                    &settings,
                    &library,
                    &new,
                    None,
                    rapport::db::now(),
                )?
                else {
                    panic!("a new application")
                };
                if kind == "none" {
                    continue;
                }
                let round = flow::current_round(conn, &a.id)?.unwrap();
                let answers: Vec<(String, String)> = strong
                    .iter()
                    .map(|(q, s)| {
                        let good = match kind.as_str() {
                            "strong" => true,
                            "tier1" => tier_of(q) == 1,
                            _ => false,
                        };
                        let answer = if good {
                            s.clone()
                        } else {
                            weak.iter()
                                .find(|(w, _)| w == q)
                                .map(|(_, t)| t.clone())
                                .unwrap()
                        };
                        // Every candidate signs with their name.
                        let text = format!("{answer}\n\nBest, {}", name.split(' ').next().unwrap());
                        (q.clone(), text)
                    })
                    .collect();
                let a = rapport::db::applications::find(conn, &a.id)?.unwrap();
                flow::submit(
                    conn,
                    &ctx,
                    &job,
                    &settings,
                    &a,
                    &round,
                    &answers,
                    rapport::db::now(),
                )?;
            }
            Ok::<_, rapport::db::DbError>(())
        })
        .await
        .unwrap();
    job_id
}

async fn enable(app: &TestApp, job_id: &str, reviewers: &[&str], auto_weight: &str) {
    let mut form = vec![
        ("enabled", "yes"),
        ("reviews_needed", "2"),
        ("auto_weight", auto_weight),
    ];
    for r in reviewers {
        form.push(("reviewers", r));
    }
    let res = app
        .post_form(&format!("/admin/jobs/{job_id}/review-settings"), &form)
        .await;
    assert_eq!(res.status().as_u16(), 303, "review settings saved");
}

/// The first question under review and its answer ids, in id order.
async fn first_question(app: &TestApp, job_id: &str) -> (String, Vec<String>) {
    let jid = job_id.to_string();
    let qs = app
        .db
        .read(move |c| rapport::flows::review::job_questions(c, &jid))
        .await
        .unwrap();
    let q = &qs[0];
    let mut ids: Vec<String> = q.answers.iter().map(|a| a.id.clone()).collect();
    ids.sort();
    (q.spec.id.clone(), ids)
}

async fn calibrate(b: &Browser, job_id: &str, q: &str) {
    // Two exemplars (one strong, one weak) for the shipped questions.
    let res = b
        .post_form(
            &format!("/admin/jobs/{job_id}/review/{q}/calibration"),
            &[
                ("empathy", "2"),
                ("curiosity", "2"),
                ("empathy", "0"),
                ("curiosity", "1"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "calibration saved");
}

async fn grade(b: &Browser, job_id: &str, q: &str, answer: &str, e: u8, c: u8) -> u16 {
    let (e, c) = (e.to_string(), c.to_string());
    b.post_form(
        &format!("/admin/jobs/{job_id}/review/{q}/answers/{answer}"),
        &[
            ("empathy", &e),
            ("curiosity", &c),
            ("note", "Checked twice."),
        ],
    )
    .await
    .status()
    .as_u16()
}

async fn review_count(app: &TestApp) -> i64 {
    app.db
        .read(|c| {
            use diesel::prelude::*;
            rapport::db::schema::answer_reviews::table
                .count()
                .get_result::<i64>(c)
                .map_err(rapport::db::DbError::from)
        })
        .await
        .unwrap()
}

fn assert_anonymous(page: &str) {
    for name in NAMES {
        for word in name.split(' ') {
            assert!(!page.contains(word), "the page names a candidate ({word})");
        }
    }
    for secret in [
        "candidates.test",
        "Secret cover letter",
        "/cv",
        "/admin/applications/",
    ] {
        assert!(!page.contains(secret), "the page shows {secret}");
    }
}

async fn reviewers_grade_blind_and_see_the_scorer_after(backend: Backend) {
    let app = spawn_app(backend).await;
    let job_id = job_with_answers(&app, 4).await;
    let ivy = interviewer(&app, "ivy@example.com").await;
    let fran = user_id(&app, OWNER_EMAIL).await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    enable(&app, &job_id, &[&fran, &ivy_id], "1").await;
    let (q, answers) = first_question(&app, &job_id).await;
    let page_url = format!("/admin/jobs/{job_id}/review/{q}");

    // Calibration comes first: no candidate answer before it.
    let page = app.get_text(&page_url).await;
    assert!(page.contains("First, calibrate"));
    assert!(!answers.iter().any(|a| page.contains(a.as_str())));
    assert_eq!(grade(&app, &job_id, &q, &answers[0], 1, 1).await, 303);
    assert_eq!(
        review_count(&app).await,
        0,
        "an uncalibrated review is not kept"
    );
    calibrate(&app, &job_id, &q).await;
    let page = app.get_text(&page_url).await;
    assert!(
        // The strong exemplar covers every key point (none ticked here);
        // the weak one's curiosity was graded 1, agreed 0.
        page.contains(
            "You matched the agreed grades exactly on 0 of 2 exemplar answers. You graded 1 higher than agreed."
        ),
        "{page}"
    );
    assert!(page.contains("Question 1 of"));
    assert!(page.contains("0 of 4 answers"));
    assert!(
        page.contains("Empathy</strong>") || page.contains("<strong>Empathy"),
        "the guide is on the page"
    );
    assert!(
        page.contains("[candidate]"),
        "a signed answer has its name masked"
    );
    assert_anonymous(&page);
    assert!(
        !page.contains("Automatic score"),
        "no scorer's grade before grading"
    );

    // Grade the answer shown first; the scorer's view appears for it.
    let first = answers
        .iter()
        .find(|a| page.contains(&format!("/answers/{a}\"")))
        .unwrap()
        .clone();
    assert_eq!(grade(&app, &job_id, &q, &first, 2, 1).await, 303);
    // A double submit changes nothing; a new grade is an update.
    assert_eq!(grade(&app, &job_id, &q, &first, 2, 1).await, 303);
    assert_eq!(review_count(&app).await, 1);
    let page = app.get_text(&page_url).await;
    assert!(page.contains("Automatic score"));
    assert!(page.contains("1 of 4 answers"));
    assert_anonymous(&page);

    // Bad grades are refused and change nothing.
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/review/{q}/answers/{first}"),
            &[
                ("empathy", "7"),
                ("curiosity", "1"),
                ("covered", "not-a-key-point"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Choose an empathy grade"));
    assert!(body.contains("Tick only this question"));
    assert_anonymous(&body);
    let stored = app
        .db
        .read(move |c| rapport::db::reviews::for_answers(c, &[first]))
        .await
        .unwrap();
    assert_eq!((stored[0].empathy, stored[0].curiosity), (2, 1));

    // Ivy's order is her own, and she sees Fran's grades only once done.
    calibrate(&ivy, &job_id, &q).await;
    let ivy_page = ivy.get_text(&page_url).await;
    assert_anonymous(&ivy_page);
    for a in &answers {
        assert_eq!(grade(&ivy, &job_id, &q, a, 1, 1).await, 303);
        let p = ivy.get_text(&page_url).await;
        if a != answers.last().unwrap() {
            assert!(
                !p.contains("Fran Founder"),
                "others' grades wait until the question is done"
            );
        }
    }
    let done = ivy.get_text(&page_url).await;
    assert!(done.contains("You have graded every answer to this question"));
    assert!(
        done.contains("Fran Founder: empathy 2, curiosity 1"),
        "{done}"
    );
    assert!(done.contains("Checked twice."));
    assert_anonymous(&done);
}

async fn the_screen_result_combines_reviews_as_configured(backend: Backend) {
    let app = spawn_app(backend).await;
    let job_id = job_with_answers(&app, 2).await;
    let fran = user_id(&app, OWNER_EMAIL).await;
    let (q, _) = first_question(&app, &job_id).await;
    // The weak candidate (second) and their answer to the first question.
    let jid = job_id.clone();
    let qq = q.clone();
    let (weak_app, weak_answer) = app
        .db
        .read(move |c| {
            let qs = rapport::flows::review::job_questions(c, &jid)?;
            let a = qs[0]
                .answers
                .iter()
                .find(|a| a.body.starts_with("Glimmer is a rating widget"))
                .unwrap()
                .clone();
            assert_eq!(qs[0].spec.id, qq);
            Ok::<_, rapport::db::DbError>((a.application_id, a.id))
        })
        .await
        .unwrap();
    let score = |id: String| {
        let db = app.db.clone();
        async move {
            db.read(move |c| rapport::db::applications::find(c, &id))
                .await
                .unwrap()
                .unwrap()
                .screen_score
                .unwrap()
        }
    };
    let before = score(weak_app.clone()).await;
    enable(&app, &job_id, &[&fran], "1").await;
    assert_eq!(
        score(weak_app.clone()).await,
        before,
        "no review yet: unchanged"
    );
    calibrate(&app, &job_id, &q).await;
    let (e, c) = ("2".to_string(), "2".to_string());
    let jid = job_id.clone();
    let qq = q.clone();
    let kps: Vec<String> = app
        .db
        .read(move |c| {
            let qs = rapport::flows::review::job_questions(c, &jid)?;
            Ok::<_, rapport::db::DbError>(
                qs.into_iter()
                    .find(|x| x.spec.id == qq)
                    .unwrap()
                    .key_point_ids(),
            )
        })
        .await
        .unwrap();
    let mut form: Vec<(&str, &str)> = vec![("empathy", &e), ("curiosity", &c)];
    for k in &kps {
        form.push(("covered", k));
    }
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/review/{q}/answers/{weak_answer}"),
            &form,
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let with_one = score(weak_app.clone()).await;
    assert!(
        with_one > before,
        "a full-marks review lifts a weak answer: {before} -> {with_one}"
    );

    // Only people count: higher still. Review mode off: back to automatic.
    enable(&app, &job_id, &[&fran], "0").await;
    let people_only = score(weak_app.clone()).await;
    assert!(people_only > with_one, "{with_one} -> {people_only}");
    let page = app
        .get_text(&format!("/admin/applications/{weak_app}"))
        .await;
    assert!(
        page.contains("Fran Founder — empathy 2/2, curiosity 2/2"),
        "{page}"
    );
    assert!(page.contains("the automatic score"));
    assert!(page.contains("does not count"));
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/review-settings"),
            &[
                ("reviews_needed", "2"),
                ("auto_weight", "1"),
                ("reviewers", &fran),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        score(weak_app.clone()).await,
        before,
        "review mode off: the automatic score"
    );

    // The CSV export carries the review grades, for the reviewed candidate
    // only (the reviews are kept when review mode is turned off).
    let body = app
        .get_text(&format!("/admin/jobs/{job_id}/applications.csv"))
        .await;
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (reviews, empathy, curiosity, reviewers) = (
        col("reviews"),
        col("review_empathy"),
        col("review_curiosity"),
        col("reviewers"),
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    let reviewed: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[reviews] == "1").collect();
    assert_eq!(reviewed.len(), 1, "{body}");
    assert_eq!(&reviewed[0][empathy], "2.00");
    assert_eq!(&reviewed[0][curiosity], "2.00");
    assert_eq!(&reviewed[0][reviewers], "Fran Founder");
    let other = rows.iter().find(|r| &r[reviews] != "1").unwrap();
    assert_eq!(&other[reviews], "", "no review, no figures");
}

async fn the_agreement_page_shows_the_constructed_kappa(backend: Backend) {
    let app = spawn_app(backend).await;
    let job_id = job_with_answers(&app, 10).await;
    let ivy = interviewer(&app, "ivy@example.com").await;
    let fran = user_id(&app, OWNER_EMAIL).await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    enable(&app, &job_id, &[&fran, &ivy_id], "1").await;
    let (q, answers) = first_question(&app, &job_id).await;
    assert_eq!(answers.len(), 10);
    let page = app
        .get_text(&format!("/admin/jobs/{job_id}/agreement"))
        .await;
    assert!(page.contains("not enough answers yet (0 of 10)"));
    // Empathy: quadratic kappa 10/13 = 0.77 (worked by hand); curiosity
    // identical grades: 1.00.
    let fran_e = [0u8, 0, 1, 1, 2, 2, 0, 1, 2, 2];
    let ivy_e = [0u8, 1, 1, 1, 2, 2, 0, 0, 2, 1];
    calibrate(&app, &job_id, &q).await;
    calibrate(&ivy, &job_id, &q).await;
    for (i, a) in answers.iter().enumerate() {
        let c = (i % 3) as u8;
        assert_eq!(grade(&app, &job_id, &q, a, fran_e[i], c).await, 303);
        assert_eq!(grade(&ivy, &job_id, &q, a, ivy_e[i], c).await, 303);
    }
    let pairs: Vec<(u8, u8)> = fran_e.iter().copied().zip(ivy_e).collect();
    let kappa = rapport::domain::agreement::quadratic_kappa(&pairs).unwrap();
    assert!((kappa - 10.0 / 13.0).abs() < 1e-12);
    let page = ivy
        .get_text(&format!("/admin/jobs/{job_id}/agreement"))
        .await;
    let doc = scraper::Html::parse_document(&page);
    let row = scraper::Selector::parse("tr").unwrap();
    let reviewers_row = doc
        .select(&row)
        .map(|r| r.text().collect::<String>())
        .find(|t| t.starts_with("Reviewers"))
        .expect("a row for agreement between reviewers");
    assert!(
        reviewers_row.contains("quadratic-weighted kappa"),
        "{reviewers_row}"
    );
    assert!(reviewers_row.contains("0.77"), "{reviewers_row}");
    assert!(reviewers_row.contains("1.00"), "{reviewers_row}");
    assert!(reviewers_row.contains("95% CI"), "{reviewers_row}");
    assert!(page.contains("Fran Founder and the scorer"));
    assert!(page.contains("Where people and the scorer disagree most"));
    assert_anonymous(&page);
}

async fn only_chosen_reviewers_get_in_and_forms_need_csrf(backend: Backend) {
    let app = spawn_app(backend).await;
    let job_id = job_with_answers(&app, 2).await;
    let ivy = interviewer(&app, "ivy@example.com").await;
    let nora = interviewer(&app, "nora@example.com").await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    let (q, answers) = first_question(&app, &job_id).await;
    // Review mode off: nobody reviews, not even a chosen reviewer.
    assert_eq!(
        ivy.get(&format!("/admin/jobs/{job_id}/review"))
            .await
            .status()
            .as_u16(),
        403
    );
    enable(&app, &job_id, &[&ivy_id], "1").await;
    // An interviewer may not change the settings.
    let res = nora
        .post_form(
            &format!("/admin/jobs/{job_id}/review-settings"),
            &[
                ("enabled", "yes"),
                ("reviews_needed", "2"),
                ("auto_weight", "1"),
                ("reviewers", "x"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    for path in [
        format!("/admin/jobs/{job_id}/review"),
        format!("/admin/jobs/{job_id}/review/{q}"),
        format!("/admin/jobs/{job_id}/agreement"),
    ] {
        assert_eq!(nora.get(&path).await.status().as_u16(), 403, "{path}");
        assert_eq!(ivy.get(&path).await.status().as_u16(), 200, "{path}");
        assert_anonymous(&ivy.get_text(&path).await);
    }
    // The owner is not a chosen reviewer here either: the agreement page
    // leads them back to the job's settings, not to reviewing.
    let owner_view = app
        .get_text(&format!("/admin/jobs/{job_id}/agreement"))
        .await;
    assert!(owner_view.contains("← Job settings"));
    assert_eq!(
        app.get(&format!("/admin/jobs/{job_id}/review"))
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(
        app.get(&format!("/admin/jobs/{job_id}/agreement"))
            .await
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        nora.post_form(
            &format!("/admin/jobs/{job_id}/review/{q}/calibration"),
            &[
                ("empathy", "2"),
                ("curiosity", "2"),
                ("empathy", "0"),
                ("curiosity", "0")
            ],
        )
        .await
        .status()
        .as_u16(),
        403
    );
    assert_eq!(grade(&nora, &job_id, &q, &answers[0], 2, 2).await, 403);
    // Without a token nothing is kept, even from a chosen reviewer.
    let res = ivy
        .post_raw(
            &format!("/admin/jobs/{job_id}/review/{q}/calibration"),
            &[
                ("empathy", "2"),
                ("curiosity", "2"),
                ("empathy", "0"),
                ("curiosity", "0"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    calibrate(&ivy, &job_id, &q).await;
    let res = ivy
        .post_raw(
            &format!("/admin/jobs/{job_id}/review/{q}/answers/{}", answers[0]),
            &[("empathy", "2"), ("curiosity", "2")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let res = app
        .post_raw(
            &format!("/admin/jobs/{job_id}/review-settings"),
            &[("reviews_needed", "2"), ("auto_weight", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(review_count(&app).await, 0);
    // An answer of another job is not reachable through this job's pages.
    assert_eq!(grade(&ivy, &job_id, &q, "not-an-answer", 2, 2).await, 404);
}

async fn the_demo_has_a_job_in_review_mode_with_reviews_in_progress(backend: Backend) {
    let app = spawn_app(backend).await;
    let library = rapport::questionnaires::Library::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires"
    )));
    rapport::demo::load(&app.db, &library, &app.address).unwrap();
    let (on, answers, reviews) = app
        .db
        .read(|c| {
            let mut on = Vec::new();
            for job in rapport::db::jobs::list_all(c)? {
                if rapport::db::reviews::settings(c, &job.id)?.enabled {
                    on.push(job.id);
                }
            }
            let qs = rapport::flows::review::job_questions(c, &on[0])?;
            let ids: Vec<String> = qs[0].answers.iter().map(|a| a.id.clone()).collect();
            let reviews = rapport::db::reviews::for_answers(c, &ids)?;
            Ok::<_, rapport::db::DbError>((on, ids, reviews))
        })
        .await
        .unwrap();
    assert_eq!(on.len(), 1, "one demo job in review mode");
    assert!(!reviews.is_empty());
    // In progress: some answer still lacks its second review.
    assert!(answers
        .iter()
        .any(|a| reviews.iter().filter(|r| &r.answer_id == a).count() < 2));
}

/// A double click, or two tabs: simultaneous grades of one answer by one
/// reviewer end as one review, and none of them fails.
async fn simultaneous_grades_of_one_answer_keep_one_review(backend: Backend) {
    let app = spawn_app(backend).await;
    let job_id = job_with_answers(&app, 2).await;
    let fran = user_id(&app, OWNER_EMAIL).await;
    enable(&app, &job_id, &[&fran], "1").await;
    let (q, answers) = first_question(&app, &job_id).await;
    calibrate(&app, &job_id, &q).await;
    let statuses = futures::future::join_all(
        [(0, 0), (1, 1), (2, 2), (2, 1)]
            .into_iter()
            .map(|(e, c)| grade(&app, &job_id, &q, &answers[0], e, c)),
    )
    .await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    assert_eq!(review_count(&app).await, 1);
}
