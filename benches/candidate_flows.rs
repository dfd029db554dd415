//! Candidates applying and submitting their answers (with scoring) on
//! SQLite, many at once, through the same flows and transactions the pages
//! use: prints applications/s and submissions/s.
//! `cargo bench --bench candidate_flows` (BENCH_CANDIDATES=n, BENCH_CONCURRENCY=n)

use std::sync::Arc;
use std::time::Instant;

use rapport::db::job_screening::ScreeningSettings;
use rapport::db::{self, DatabaseUrl, Db, DbError};
use rapport::domain::application::{ApplicationInput, NewApplication};
use rapport::domain::job::{slugify, Job, JobInput, JobPosting};
use rapport::questionnaires::Library;
use rapport::web::candidate::flow::{self, Applied, Ctx};

#[path = "common/workload.rs"]
mod workload;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct World {
    db: Db,
    job: Job,
    library: Library,
}

fn setup(dir: &std::path::Path, pool: u32) -> World {
    let url = DatabaseUrl::parse(&format!("sqlite://{}", dir.join("bench.db").display())).unwrap();
    let db = Db::connect(&url, pool).unwrap();
    db.migrate().unwrap();
    let posting = JobPosting::parse(&JobInput {
        title: "Support Specialist".into(),
        workplace: "remote".into(),
        employment_type: "full_time".into(),
        languages: vec!["en".into()],
        fluencies: vec!["fluent".into()],
        tier1: "70".into(),
        tier2: "20".into(),
        tier3: "10".into(),
        ..Default::default()
    })
    .unwrap();
    let job = db
        .write_blocking(|c| {
            let job = db::jobs::insert_draft(c, &posting, &slugify(&posting.title), db::now())?;
            db::jobs::open(c, &job.id, db::now())?;
            let settings = ScreeningSettings {
                questionnaire_ids: vec!["generalist-en".into()],
                all_tiers_at_once: true,
                ..Default::default()
            };
            db::job_screening::set(c, &job.id, &settings, db::now())?;
            Ok(db::jobs::find(c, &job.id)?.unwrap())
        })
        .unwrap();
    let library = Library::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires"
    )));
    World { db, job, library }
}

/// One application, as `POST /jobs/{slug}/apply` stores it.
async fn apply(w: Arc<World>, i: usize) -> String {
    let new = NewApplication::parse(&ApplicationInput {
        name: format!("Candidate {i}"),
        email: format!("c{i}@example.com"),
        languages: vec!["en".into()],
        fluencies: vec!["fluent".into()],
        location: "Lisbon, Portugal".into(),
        cover_letter: "I love helping people, and I read every ticket twice.".into(),
        consent: "yes".into(),
        ..Default::default()
    })
    .unwrap();
    let new = Arc::new(new);
    let (w2, new2) = (w.clone(), new.clone());
    let plan =
        w.db.read(move |conn| flow::plan_apply(conn, &w2.library, &w2.job, &new2))
            .await
            .unwrap();
    let w2 = w.clone();
    let (applied, _) =
        w.db.write(move |conn| {
            let ctx = Ctx {
                base_url: "http://127.0.0.1",
                mail_domain: "example.com",
                company: "Glimmer",
            };
            flow::apply_planned(
                conn,
                &ctx,
                &w2.job,
                &w2.library,
                plan,
                &new,
                None,
                db::now(),
            )
        })
        .await
        .unwrap();
    match applied {
        Applied::New(a) | Applied::Duplicate(a) => a.id,
    }
}

/// One submission of every answer, as `POST /candidate/submit` does it:
/// scored on a read connection, stored in the write transaction.
async fn submit(w: Arc<World>, app_id: String, answers: Arc<Vec<String>>) {
    let w2 = w.clone();
    let (app, plan) =
        w.db.read(move |conn| {
            let app = db::applications::find(conn, &app_id)?.unwrap();
            let round = flow::current_round(conn, &app.id)?.unwrap();
            let version =
                rapport::flows::questionnaires::version(conn, &round.questionnaire_version_id)?;
            let final_answers: Vec<(String, String)> = version
                .loaded
                .questionnaire
                .questions_of_tiers(&round.tiers())
                .enumerate()
                .map(|(i, q)| (q.id.clone(), answers[i % answers.len()].clone()))
                .collect();
            let plan = flow::plan_submit(conn, &w2.job, &app, round, &final_answers)?;
            Ok::<_, DbError>((app, plan))
        })
        .await
        .unwrap();
    let w2 = w.clone();
    w.db.write(move |conn| {
        let settings = db::job_screening::get(conn, &w2.job.id)?;
        let ctx = Ctx {
            base_url: "http://127.0.0.1",
            mail_domain: "example.com",
            company: "Glimmer",
        };
        flow::submit_planned(conn, &ctx, &w2.job, &settings, &app, &plan, db::now())?;
        Ok::<_, DbError>(())
    })
    .await
    .unwrap();
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let n = env("BENCH_CANDIDATES", 2_000);
    let concurrency = env("BENCH_CONCURRENCY", 16);
    let pool = env("BENCH_POOL", 8) as u32;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let world = Arc::new(setup(dir.path(), pool));
    let answers: Arc<Vec<String>> =
        Arc::new(workload::answers().into_iter().map(|(_, a)| a).collect());
    println!(
        "SQLite, {n} candidates, {concurrency} at a time, pool {pool}, {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    rt.block_on(async {
        let run = |label: &'static str, jobs: Vec<tokio::task::JoinHandle<Option<String>>>| async move {
            let _ = label;
            let mut out = Vec::with_capacity(jobs.len());
            for j in jobs {
                out.push(j.await.unwrap());
            }
            out
        };
        // Applications: `concurrency` tasks each applying in turn.
        let started = Instant::now();
        let per_task = n / concurrency;
        let tasks: Vec<_> = (0..concurrency)
            .map(|t| {
                let w = world.clone();
                tokio::spawn(async move {
                    let mut ids = Vec::new();
                    for i in 0..per_task {
                        ids.push(apply(w.clone(), t * per_task + i).await);
                    }
                    Some(ids.join(","))
                })
            })
            .collect();
        let ids: Vec<String> = run("apply", tasks)
            .await
            .into_iter()
            .flatten()
            .flat_map(|s| s.split(',').map(str::to_string).collect::<Vec<_>>())
            .collect();
        let secs = started.elapsed().as_secs_f64();
        println!(
            "  apply:  {:>6.0} applications/s ({} in {secs:.2} s)",
            ids.len() as f64 / secs,
            ids.len()
        );
        // Submissions: each candidate submits every answer, scored.
        let chunks: Vec<Vec<String>> = ids
            .chunks(ids.len().div_ceil(concurrency))
            .map(|c| c.to_vec())
            .collect();
        let started = Instant::now();
        let tasks: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let (w, answers) = (world.clone(), answers.clone());
                tokio::spawn(async move {
                    for id in chunk {
                        submit(w.clone(), id, answers.clone()).await;
                    }
                    None
                })
            })
            .collect();
        run("submit", tasks).await;
        let secs = started.elapsed().as_secs_f64();
        println!(
            "  submit: {:>6.0} submissions/s ({} in {secs:.2} s, every answer scored)",
            ids.len() as f64 / secs,
            ids.len()
        );
    });
}
