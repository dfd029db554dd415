//! Review mode's pages at 2,000 candidates who each answered the
//! generalist questionnaire's 10 questions (SQLite, the default backend),
//! through real HTTP with a signed-in reviewer, half of the first question
//! already reviewed. Reports each page's median and 95th percentile.
//! `cargo bench --bench review`

#[path = "common/http.rs"]
mod http;
use http::{measure, quantile, serve_signed_in};
use std::time::Instant;

use rapport::db::{self, job_screening::ScreeningSettings, DatabaseUrl, Db};
use rapport::domain::application::{ApplicationInput, NewApplication};
use rapport::domain::job::{slugify, JobInput, JobPosting};
use rapport::web::candidate::flow;

const N: usize = 2_000;
const REQUESTS: usize = 30;
const PASSWORD: &str = "correct horse battery staple";

/// The generalist questionnaire's exemplar answers of one kind.
fn exemplars(kind: &str) -> Vec<(String, String)> {
    include_str!("../questionnaires/generalist-en.exemplars.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["candidate"] == kind)
        .map(|v| {
            (
                v["question"].as_str().unwrap().to_string(),
                v["answer"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// One job in review mode with `N` screened candidates; half the first
/// question's answers reviewed by the owner. Returns (job id, first question).
fn seed(db: &Db, owner: &str) -> (String, String) {
    let library = rapport::questionnaires::Library::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires"
    )));
    let posting = JobPosting::parse(&JobInput {
        title: "Support Specialist".into(),
        workplace: "remote".into(),
        employment_type: "full_time".into(),
        languages: vec!["en".into()],
        fluencies: vec!["fluent".into()],
        tier1: "70".into(),
        tier2: "20".into(),
        tier3: "10".into(),
        pass_mark: "50".into(),
        ..Default::default()
    })
    .unwrap();
    let settings = ScreeningSettings {
        questionnaire_ids: vec!["generalist-en".into()],
        all_tiers_at_once: true,
        ..Default::default()
    };
    let job = db
        .write_blocking(|c| {
            let now = db::now();
            let job = db::jobs::insert_draft(c, &posting, &slugify(&posting.title), now)?;
            db::jobs::open(c, &job.id, now)?;
            db::job_screening::set(c, &job.id, &settings, now)?;
            Ok(db::jobs::find(c, &job.id)?.unwrap())
        })
        .unwrap();
    let ctx = flow::Ctx {
        base_url: "http://localhost",
        mail_domain: "localhost",
        company: "Bench",
    };
    let (strong, weak) = (exemplars("strong"), exemplars("weak"));
    for chunk in (0..N).collect::<Vec<_>>().chunks(200) {
        db.write_blocking(|c| {
            for &i in chunk {
                let input = ApplicationInput {
                    name: format!("Candidate {i}"),
                    email: format!("c{i}@example.com"),
                    languages: vec!["en".into()],
                    fluencies: vec!["fluent".into()],
                    location: "Remote".into(),
                    consent: "yes".into(),
                    ..Default::default()
                };
                let new = NewApplication::parse(&input).unwrap();
                let flow::Applied::New(app) =
                    flow::apply(c, &ctx, &job, &settings, &library, &new, None, db::now())?
                else {
                    continue;
                };
                let round = flow::current_round(c, &app.id)?.unwrap();
                let answers: Vec<(String, String)> = strong
                    .iter()
                    .enumerate()
                    .map(|(k, (q, s))| {
                        let w = &weak.iter().find(|(wq, _)| wq == q).unwrap().1;
                        let body = if (i + k).is_multiple_of(3) { w } else { s };
                        (q.clone(), format!("{body}\n\nBest regards, candidate {i}"))
                    })
                    .collect();
                flow::submit(c, &ctx, &job, &settings, &app, &round, &answers, db::now())?;
            }
            Ok(())
        })
        .unwrap();
    }
    let first = db
        .write_blocking(|c| {
            use rapport::domain::answer_review::{Grades, ReviewSettings};
            use rapport::flows::review;
            let now = db::now();
            let on = ReviewSettings {
                enabled: true,
                ..Default::default()
            };
            review::change_settings(c, owner, &job, &on, &[owner.to_string()], now)?.unwrap();
            let questions = review::job_questions(c, &job.id)?;
            let q = &questions[0];
            let agreed = q.exemplars().into_iter().map(|(_, _, g)| g).collect();
            review::submit_calibration(c, &job.id, owner, q, agreed, now)?.unwrap();
            for a in q.answers.iter().take(N / 2) {
                let auto = a.auto.as_ref().unwrap();
                let grades = Grades {
                    empathy: auto.empathy.grade,
                    curiosity: auto.curiosity.grade,
                    covered: auto.content.covered.clone(),
                };
                review::submit_review(c, &ctx, &job, owner, q, &a.id, &grades, "", now)?.unwrap();
            }
            Ok(q.spec.id.clone())
        })
        .unwrap();
    (job.id, first)
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let url = DatabaseUrl::parse(&format!("sqlite://{}", path.display())).unwrap();
    let db = Db::connect(&url, 4).unwrap();
    db.migrate().unwrap();
    let email = rapport::domain::user::EmailAddress::parse("owner@example.com").unwrap();
    let name = rapport::domain::user::PersonName::parse("Bench Owner").unwrap();
    let hash = rapport::security::password::hash(PASSWORD).unwrap();
    let owner = db
        .write_blocking(|c| {
            db::users::insert(
                c,
                &email,
                &name,
                rapport::domain::user::Role::Owner,
                &hash,
                db::now(),
            )
        })
        .unwrap();
    let t = Instant::now();
    let (job_id, first) = seed(&db, &owner.id);
    println!(
        "seeded {N} candidates x 10 answers in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let (base, client) = serve_signed_in(&path, dir.path(), "owner@example.com", PASSWORD).await;

    println!("\n{REQUESTS} requests each, one at a time:");
    println!("{:<34} {:>8} {:>8}", "page", "p50 ms", "p95 ms");
    for (name, path, expect) in [
        (
            "/admin/jobs/{id}/review",
            format!("/admin/jobs/{job_id}/review"),
            "Question 1",
        ),
        (
            "/admin/jobs/{id}/review/{q}",
            format!("/admin/jobs/{job_id}/review/{first}"),
            "of 10",
        ),
        (
            "/admin/jobs/{id}/agreement",
            format!("/admin/jobs/{job_id}/agreement"),
            "Per question",
        ),
    ] {
        let times = measure(&client, &format!("{base}{path}"), expect, REQUESTS).await;
        let (p50, p95) = (quantile(&times, 0.5), quantile(&times, 0.95));
        println!("{name:<34} {p50:>8.1} {p95:>8.1}");
    }
}
