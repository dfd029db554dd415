//! Listing a job's applications when there are 100,000 of them (SQLite,
//! the default backend): the staff table's queries must stay fast.
//! `cargo bench --bench applications`

use criterion::{criterion_group, criterion_main, Criterion};
use rapport::db::applications::{ListQuery, Sort};
use rapport::db::{self, DatabaseUrl, Db};
use rapport::domain::application::{ApplicationInput, NewApplication, Stage};
use rapport::domain::job::{slugify, JobInput, JobPosting};

const N: usize = 100_000;

fn seed() -> (tempfile::TempDir, Db, String) {
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::parse(&format!(
        "sqlite://{}",
        dir.path().join("bench.db").display()
    ))
    .unwrap();
    let db = Db::connect(&url, 4).unwrap();
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
    let job_id = db
        .write_blocking(|c| {
            Ok(db::jobs::insert_draft(c, &posting, &slugify(&posting.title), db::now())?.id)
        })
        .unwrap();
    for chunk in 0..(N / 5_000) {
        db.write_blocking(|c| {
            for i in chunk * 5_000..(chunk + 1) * 5_000 {
                let new = NewApplication::parse(&ApplicationInput {
                    name: format!("Candidate {i:06}"),
                    email: format!("c{i}@example.com"),
                    languages: vec!["en".into()],
                    fluencies: vec!["fluent".into()],
                    consent: "yes".into(),
                    ..Default::default()
                })
                .unwrap();
                let app = db::applications::insert(c, &job_id, &new, None, db::now())?.unwrap();
                if i % 3 != 0 {
                    let score = (i * 7919 % 1000) as f64 / 1000.0;
                    db::applications::set_screen_result(c, &app.id, score, score > 0.5, db::now())?;
                    db::applications::move_stage(
                        c,
                        &app.id,
                        Stage::Applied,
                        Stage::ScreenReview,
                        "bench",
                        "",
                        db::now(),
                    )?;
                }
            }
            Ok(())
        })
        .unwrap();
    }
    (dir, db, job_id)
}

fn bench(c: &mut Criterion) {
    let (_dir, db, job_id) = seed();
    let mut g = c.benchmark_group("applications_100k");
    g.sample_size(30);
    let cases: Vec<(&str, ListQuery)> = vec![
        (
            "newest_page_1",
            ListQuery {
                stage: None,
                search: None,
                sort: Sort::Newest,
                page: 1,
                per_page: 50,
            },
        ),
        (
            "newest_page_1000",
            ListQuery {
                stage: None,
                search: None,
                sort: Sort::Newest,
                page: 1000,
                per_page: 50,
            },
        ),
        (
            "best_score_page_1",
            ListQuery {
                stage: None,
                search: None,
                sort: Sort::ScoreHigh,
                page: 1,
                per_page: 50,
            },
        ),
        (
            "stage_filter_page_1",
            ListQuery {
                stage: Some(Stage::ScreenReview),
                search: None,
                sort: Sort::Newest,
                page: 1,
                per_page: 50,
            },
        ),
        (
            "search_name",
            ListQuery {
                stage: None,
                search: Some("Candidate 0421".into()),
                sort: Sort::Name,
                page: 1,
                per_page: 50,
            },
        ),
    ];
    let mut shown = Vec::new();
    for stage in Stage::ALL {
        let q = ListQuery {
            stage: Some(stage),
            search: None,
            sort: Sort::ScoreHigh,
            page: 1,
            per_page: 200,
        };
        shown.extend(
            db.run_blocking(|c| db::applications::list_for_job(c, &job_id, &q))
                .unwrap()
                .0
                .into_iter()
                .map(|a| a.id),
        );
    }
    g.bench_function("board_stage_history", |b| {
        b.iter(|| {
            db.run_blocking(|c| db::applications::stage_entered_at(c, &shown))
                .unwrap()
        })
    });
    // What the board reads: each stage's best 200 and when they entered it.
    g.bench_function("board", |b| {
        b.iter(|| {
            db.run_blocking(|c| {
                let mut shown = Vec::new();
                for stage in Stage::ALL {
                    let q = ListQuery {
                        stage: Some(stage),
                        search: None,
                        sort: Sort::ScoreHigh,
                        page: 1,
                        per_page: 200,
                    };
                    shown.extend(
                        db::applications::list_for_job(c, &job_id, &q)?
                            .0
                            .into_iter()
                            .map(|a| a.id),
                    );
                }
                db::applications::stage_entered_at(c, &shown)
            })
            .unwrap()
        })
    });
    for (name, q) in cases {
        g.bench_function(name, |b| {
            b.iter(|| {
                db.run_blocking(|c| db::applications::list_for_job(c, &job_id, &q))
                    .unwrap()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
