//! The insight pages at 100,000 applications (SQLite, the default backend),
//! through real HTTP with a signed-in owner: each must answer in under
//! 50 ms. Also reports how long computing the figures fresh takes (what
//! the stored snapshot saves every view from).
//! `cargo bench --bench insight`

#[path = "common/http.rs"]
mod http;
use http::{measure, quantile, serve_signed_in};
use std::time::Instant;

use diesel::connection::SimpleConnection;
use rapport::db::{self, DatabaseUrl, Db, DbConnection};
use rapport::domain::job::{slugify, JobInput, JobPosting};

const N: usize = 100_000;
const CEILING_MS: f64 = 50.0;
const REQUESTS: usize = 200;
const PASSWORD: &str = "correct horse battery staple";

/// A stored answer score of realistic size (grades vary, the evidence is
/// what the scorer keeps for a typical answer).
fn detail(tier: u8, empathy: u8, curiosity: u8, covered: bool) -> String {
    let evidence: Vec<String> = (0..8)
        .map(|k| {
            format!(
                r#"{{"kind":"acknowledge","dimension":"empathy","label":"acknowledges the customer's situation {k}","span":{{"start":{},"end":{}}},"weight":0.25}}"#,
                k * 20,
                k * 20 + 15
            )
        })
        .collect();
    let (c, m) = if covered {
        (r#"["refund","timeline"]"#, r#"["apology"]"#)
    } else {
        (r#"["timeline"]"#, r#"["refund","apology"]"#)
    };
    format!(
        r#"{{"scorer_version":"2026.12.1","question_id":"q","tier":{tier},"lang":"en","lang_source":"question","empathy":{{"grade":{empathy},"score":0.5}},"curiosity":{{"grade":{curiosity},"score":0.5}},"content":{{"covered":{c},"missed":{m},"share":0.66,"required_missed":[]}},"tone":[],"weights":{{"empathy":0.3,"curiosity":0.2,"content":0.5}},"penalty":0.0,"capped":false,"score":0.6,"evidence":[{}]}}"#,
        evidence.join(",")
    )
}

fn at(day: usize) -> String {
    let t = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
        + chrono::Duration::hours(day as i64 * 7);
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// Fills the database: one job, N applications spread over every stage and
/// five sources, a submitted round of four scored answers for most, and two
/// scorecards for each decided candidate who was interviewed.
fn seed(db: &Db, user_id: &str) -> String {
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
    let sources = ["", "linkedin", "newsletter", "indeed", "referral"];
    let mut sql = String::from(
        "INSERT INTO questionnaire_versions (id, questionnaire_id, version, content_hash, content, created_at) VALUES ('qv', 'bench', 1, 'h', 'x', '2026-01-01 00:00:00');",
    );
    let mut apps = Vec::new();
    let mut events = Vec::new();
    let mut rounds = Vec::new();
    let mut answers = Vec::new();
    let mut cards = Vec::new();
    let flush = |sql: &mut String, table: &str, cols: &str, rows: &mut Vec<String>| {
        for chunk in rows.chunks(500) {
            sql.push_str(&format!(
                "INSERT INTO {table} ({cols}) VALUES {};",
                chunk.join(",")
            ));
        }
        rows.clear();
    };
    use rapport::domain::application::Stage::*;
    for i in 0..N {
        let path: &[rapport::domain::application::Stage] = match i % 20 {
            0..=3 => &[Applied, Screening, Rejected],
            4..=9 => &[Applied, Screening, ScreenReview],
            10..=13 => &[Applied, Screening, ScreenReview, Interview],
            14 | 15 => &[Applied, Screening, ScreenReview, Interview, TeamDecision],
            16 => &[
                Applied,
                Screening,
                ScreenReview,
                Interview,
                TeamDecision,
                Offer,
            ],
            17 => &[
                Applied,
                Screening,
                ScreenReview,
                Interview,
                TeamDecision,
                Offer,
                Hired,
            ],
            18 => &[Applied, Screening, ScreenReview, Interview, Rejected],
            _ => &[Applied],
        };
        let stage = path.last().unwrap().as_str();
        let start = i % 300;
        let score = ((i * 7919) % 1000) as f64 / 1000.0;
        let screened = path.len() > 1;
        apps.push(format!(
            "('a{i}', '{job_id}', 'Candidate {i}', 'c{i}@example.com', '[{{\"code\":\"en\",\"fluency\":\"fluent\"}}]', '', '', '', '', '{stage}', {}, {}, '{}', '{}', '{}', {}, '{}')",
            if screened { score.to_string() } else { "NULL".into() },
            if !screened { "NULL" } else if score > 0.5 { "1" } else { "0" },
            at(start), at(start), at(start + path.len()),
            if screened { score } else { -1.0 },
            sources[i % 5],
        ));
        for (k, s) in path.iter().enumerate() {
            events.push(format!(
                "('e{i}-{k}', 'a{i}', '{}', 'bench', NULL, '{}', '')",
                at(start + k * (1 + i % 4)),
                s.as_str()
            ));
        }
        if screened {
            let passed = score > 0.5;
            rounds.push(format!(
                "('s{i}', 'a{i}', 'qv', '[1,2,3]', 'submitted', '{}', '{}', '{{\"pass_mark\":0.5,\"tiers\":[{{\"tier\":1,\"answered\":2,\"points\":1.0,\"max\":2.0,\"share\":0.5,\"passed\":{passed}}},{{\"tier\":2,\"answered\":1,\"points\":0.5,\"max\":1.0,\"share\":0.5,\"passed\":{}}},{{\"tier\":3,\"answered\":1,\"points\":0.5,\"max\":1.0,\"share\":0.5,\"passed\":{}}}],\"overall\":{{\"answered\":4,\"points\":2.0,\"max\":4.0,\"share\":0.5,\"passed\":{passed}}}}}', '2026.12.1')",
                at(start + 1), at(start + 2), i % 3 == 0, i % 7 == 0
            ));
            for (q, tier) in [(1, 1), (2, 1), (3, 2), (4, 3)] {
                let s = ((i * 31 + q * 17) % 100) as f64 / 100.0;
                let d = detail(
                    tier,
                    ((i + q) % 3) as u8,
                    ((i / 3 + q) % 3) as u8,
                    (i + q) % 4 != 0,
                );
                answers.push(format!(
                    "('n{i}-{q}', 's{i}', 'q{q}', 'An answer.', '{}', {s}, '{}')",
                    at(start + 2),
                    d.replace('\'', "''")
                ));
            }
        }
        if matches!(i % 20, 17 | 18) {
            for k in 0..2 {
                cards.push(format!(
                    "('k{i}-{k}', 'a{i}', NULL, '{user_id}', {}, {}, {}, 3, 3, 3, '', 3, '', '{}', NULL)",
                    k + 1,
                    1 + (i + k) % 4,
                    1 + (i / 2 + k) % 4,
                    at(start + 4)
                ));
            }
        }
        if apps.len() == 2_000 {
            flush(&mut sql, "applications", "id, job_id, name, email, languages, location, timezone, cover_letter, portfolio_url, stage, screen_score, screen_passed, consent_at, created_at, updated_at, screen_rank, source", &mut apps);
            flush(
                &mut sql,
                "application_events",
                "id, application_id, at, actor, from_stage, to_stage, reason",
                &mut events,
            );
            flush(&mut sql, "screenings", "id, application_id, questionnaire_version_id, tiers, status, sent_at, submitted_at, result, scorer_version", &mut rounds);
            flush(
                &mut sql,
                "answers",
                "id, screening_id, question_id, body, saved_at, score, score_detail",
                &mut answers,
            );
            flush(&mut sql, "scorecards", "id, application_id, interview_id, author_id, version, empathy, curiosity, humility, dedication, technical, notes, recommendation, overall_notes, submitted_at, superseded_at", &mut cards);
            run(db, &sql);
            sql.clear();
        }
    }
    if !sql.is_empty() {
        run(db, &sql);
    }
    job_id
}

fn run(db: &Db, sql: &str) {
    db.run_blocking(|c| {
        if let DbConnection::Sqlite(s) = c {
            s.batch_execute(&format!("BEGIN; {sql} COMMIT;"))
                .expect("seeding");
        }
        Ok(())
    })
    .unwrap();
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
    let job_id = seed(&db, &owner.id);
    println!(
        "seeded {N} applications in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    // Fresh computation: what a view would cost without the snapshot.
    for scope in [
        db::insight::Scope::Job(job_id.clone()),
        db::insight::Scope::All,
    ] {
        let t = Instant::now();
        let (signature, figures) = db
            .run_blocking(|c| {
                Ok((
                    db::insight::signature(c, &scope)?,
                    db::insight::compute(c, &scope)?,
                ))
            })
            .unwrap();
        let fresh = t.elapsed();
        assert_eq!(figures.applications, N);
        db.write_blocking(|c| {
            db::insight::store_snapshot(c, &scope, &figures, &signature, db::now())
        })
        .unwrap();
        println!(
            "fresh computation ({}): {:.0} ms",
            scope.key(),
            fresh.as_secs_f64() * 1000.0
        );
    }

    let (base, client) = serve_signed_in(&path, dir.path(), "owner@example.com", PASSWORD).await;

    println!("\n{REQUESTS} requests each, one at a time, ceiling {CEILING_MS} ms:");
    println!(
        "{:<34} {:>8} {:>8} {:>10}",
        "page", "p50 ms", "p95 ms", "p95/50ms"
    );
    for (name, path) in [
        (
            "/admin/jobs/{id}/insight",
            format!("/admin/jobs/{job_id}/insight"),
        ),
        ("/admin/insight", "/admin/insight".to_string()),
    ] {
        let times = measure(&client, &format!("{base}{path}"), "Funnel", REQUESTS).await;
        let (p50, p95) = (quantile(&times, 0.5), quantile(&times, 0.95));
        println!(
            "{name:<34} {p50:>8.2} {p95:>8.2} {:>10.2}",
            p95 / CEILING_MS
        );
    }
}
