//! The staff paths when a job has 100,000 applications: the board, the
//! applications table (first, middle and last page, by key) and name or
//! email search. Prints p50/p99 per query on SQLite, and on PostgreSQL too
//! when TEST_POSTGRES_URL is set (a database is created and dropped).
//! `cargo bench --bench applications` (BENCH_ROUNDS=n to change the rounds)

use std::time::{Duration, Instant};

use diesel::{Connection, RunQueryDsl};
use rapport::db::applications::{Cursor, ListQuery, Narrow, Sort};
use rapport::db::{self, DatabaseUrl, Db, DbConnection, DbError};
use rapport::domain::application::{ApplicationInput, NewApplication, Stage};
use rapport::domain::job::{slugify, JobInput, JobPosting};

const N: usize = 100_000;
const CHUNK: usize = 5_000;

const FIRST: [&str; 20] = [
    "José", "Amélie", "Zoë", "Björn", "Chloé", "Mateus", "Ingrid", "Noah", "Léa", "Søren", "Maria",
    "Ahmed", "Yuki", "Priya", "Olivia", "Jürgen", "Inès", "Tomás", "Kofi", "Hana",
];
const LAST: [&str; 25] = [
    "Fernández",
    "Müller",
    "Martin",
    "Nguyen",
    "O'Brien",
    "Dubois",
    "Kowalski",
    "Rossi",
    "Smith",
    "García",
    "Novák",
    "Andersson",
    "Silva",
    "Yılmaz",
    "Tanaka",
    "Okafor",
    "Lefèvre",
    "Jansen",
    "Costa",
    "Ivanova",
    "Moreau",
    "Schmidt",
    "Haddad",
    "Lindqvist",
    "Brown",
];

/// A plain-ASCII email part for a name.
fn ascii(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'á' | 'à' => Some('a'),
            'é' | 'è' | 'ë' => Some('e'),
            'í' | 'ı' => Some('i'),
            'ö' | 'ø' | 'ó' => Some('o'),
            'ü' | 'ú' => Some('u'),
            'Ø' => Some('o'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

fn seed(db: &Db) -> String {
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
    let started = Instant::now();
    for chunk in 0..(N / CHUNK) {
        db.write_blocking(|c| {
            for i in chunk * CHUNK..(chunk + 1) * CHUNK {
                let (first, last) = (FIRST[i % FIRST.len()], LAST[(i / 7) % LAST.len()]);
                let new = NewApplication::parse(&ApplicationInput {
                    name: format!("{first} {last}"),
                    email: format!("{}.{}{i}@example.com", ascii(first), ascii(last)),
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
                    let to = if i % 10 == 1 {
                        Stage::Interview
                    } else {
                        Stage::ScreenReview
                    };
                    db::applications::move_stage(
                        c,
                        &app.id,
                        Stage::Applied,
                        to,
                        "bench",
                        "",
                        db::now(),
                    )?;
                }
            }
            Ok(())
        })
        .unwrap();
        // As autovacuum would on a live server (this machine's may be off):
        // statements prepared while the table was small must not keep the
        // plans made for a small table.
        if db.backend() == db::Backend::Postgres {
            db.run_blocking(|c| Ok(diesel::sql_query("ANALYZE applications").execute(c)?))
                .unwrap();
        }
    }
    eprintln!("  seeded {N} applications in {:.0?}", started.elapsed());
    // Autovacuum would have vacuumed and analysed the table by now on a
    // live server (inserts alone trigger it): the visibility map lets a
    // count read the index only.
    if db.backend() == db::Backend::Postgres {
        db.run_blocking(|c| Ok(diesel::sql_query("VACUUM ANALYZE").execute(c)?))
            .unwrap();
    }
    job_id
}

/// What the board reads (src/web/admin/pipeline.rs): each stage's best 200
/// and their count, then when the shown ones entered their stage.
fn board(c: &mut DbConnection, job_id: &str, search: Option<&str>) -> Result<usize, DbError> {
    let shown: Vec<String> = db::applications::board(c, job_id, search, 200)?
        .into_iter()
        .flat_map(|column| column.rows.into_iter().map(|a| a.id))
        .collect();
    Ok(db::applications::stage_entered_at(c, &shown)?.len())
}

fn table(c: &mut DbConnection, job_id: &str, q: &ListQuery) -> Result<usize, DbError> {
    Ok(
        db::applications::list_for_job_narrowed(c, job_id, q, &Narrow::default())?
            .rows
            .len(),
    )
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn measure(name: &str, db: &Db, rounds: usize, f: impl Fn(&mut DbConnection) -> usize) {
    let mut found = 0;
    let mut times = Vec::with_capacity(rounds);
    db.run_blocking(|c| {
        for _ in 0..3 {
            f(c);
        }
        for _ in 0..rounds {
            let t = Instant::now();
            found = f(c);
            times.push(t.elapsed());
        }
        Ok(())
    })
    .unwrap();
    times.sort();
    println!(
        "  {name:<28} p50 {:>8.2} ms  p99 {:>8.2} ms  ({found} rows)",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
    );
}

fn run(label: &str, db: &Db, rounds: usize) {
    println!("{label}: {N} applications, {rounds} rounds each");
    db.migrate().unwrap();
    let job_id = seed(db);
    // The middle page's anchor: the 50,000th row, newest first.
    let middle: String = db
        .run_blocking(|c| {
            let mut q = ListQuery::first(None, Sort::Newest, (N / 2) as i64);
            q.cursor = Cursor::First;
            Ok(db::applications::list_for_job(c, &job_id, &q)?
                .0
                .pop()
                .unwrap()
                .id)
        })
        .unwrap();
    let page = |sort, cursor: &Cursor, stage| ListQuery {
        stage,
        search: None,
        sort,
        cursor: cursor.clone(),
        per_page: 50,
    };
    let after = Cursor::After(middle.clone());
    let search = |s: &str, sort| ListQuery {
        search: Some(s.into()),
        ..page(sort, &Cursor::First, None)
    };
    measure("board", db, rounds, |c| board(c, &job_id, None).unwrap());
    measure("board, searching 'fernan'", db, rounds, |c| {
        board(c, &job_id, Some("fernan")).unwrap()
    });
    let cases = [
        (
            "table newest, first page",
            page(Sort::Newest, &Cursor::First, None),
        ),
        (
            "table newest, middle page",
            page(Sort::Newest, &after, None),
        ),
        (
            "table newest, last page",
            page(Sort::Newest, &Cursor::Last, None),
        ),
        (
            "table score, first page",
            page(Sort::ScoreHigh, &Cursor::First, None),
        ),
        (
            "table score, middle page",
            page(Sort::ScoreHigh, &after, None),
        ),
        (
            "table score, last page",
            page(Sort::ScoreHigh, &Cursor::Last, None),
        ),
        ("table name, middle page", page(Sort::Name, &after, None)),
        (
            "table interview, last page",
            page(Sort::Newest, &Cursor::Last, Some(Stage::Interview)),
        ),
        (
            "search 'zoe mull' (accents)",
            search("zoë müll", Sort::Newest),
        ),
        ("search 'lefevre'", search("lefevre", Sort::Name)),
        ("search email 'n.costa1'", search("n.costa1", Sort::Newest)),
        (
            "search email exact one",
            search("hana.novak99999@", Sort::Newest),
        ),
    ];
    for (name, q) in &cases {
        measure(name, db, rounds, |c| table(c, &job_id, q).unwrap());
    }
    // Last, as it changes the data: erasing one application (on request or
    // by retention), which also takes it out of the search index.
    let doomed: Vec<String> = db
        .run_blocking(|c| {
            let q = ListQuery::first(None, Sort::Oldest, rounds as i64 + 3);
            Ok(db::applications::list_for_job(c, &job_id, &q)?.0)
        })
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    measure("erase one application", db, rounds, |c| {
        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        db::applications::delete(c, &doomed[i]).unwrap();
        1
    });
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` does not.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::parse(&format!(
        "sqlite://{}",
        dir.path().join("bench.db").display()
    ))
    .unwrap();
    // BENCH_ONLY=postgres skips SQLite; BENCH_KEEP=1 keeps PostgreSQL's
    // database afterwards, to read the queries' plans in psql.
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    if only != "postgres" {
        run("SQLite", &Db::connect(&url, 4).unwrap(), rounds);
    }

    if let Ok(admin_url) = std::env::var("TEST_POSTGRES_URL") {
        let name = format!("rapport_bench_{}", db::new_id());
        let mut admin = diesel::PgConnection::establish(&admin_url).unwrap();
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut admin)
            .unwrap();
        let mut url = url::Url::parse(&admin_url).unwrap();
        url.set_path(&name);
        let db = Db::connect(&DatabaseUrl::parse(url.as_str()).unwrap(), 4).unwrap();
        run("PostgreSQL", &db, rounds);
        drop(db);
        if std::env::var("BENCH_KEEP").is_ok() {
            eprintln!("  kept database {name}");
        } else {
            diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .execute(&mut admin)
                .unwrap();
        }
    }
}
