//! Candidates waiting to submit their answers, for the load benchmark
//! (benches/load/run.sh): applies COUNT people to the first open job that
//! sends screening questions, through the same flow as the form, and
//! opens a candidate session for each, as their emailed link would.
//!
//! Usage: load_candidates DATABASE_URL QUESTIONNAIRE_DIR COUNT OUT
//! Prints the job's slug; writes one line per candidate to OUT:
//! `SESSION-COOKIE<TAB>FORM-BODY`, the body of `POST /candidate/submit`
//! without its CSRF token (the load script adds the one of its browser).

use std::io::Write;

use anyhow::{bail, Context};
use rapport::db::{self, DatabaseUrl, Db};
use rapport::domain::application::{ApplicationInput, NewApplication};
use rapport::questionnaires::Library;
use rapport::security::token;
use rapport::web::candidate::flow::{self, Applied, Ctx};

const ANSWER: &str = "Hi, I'm sorry it's not working yet, that's frustrating when you just want it live. \
Let's sort it out together. What do you see right now, an error message, a blank area, or nothing at all? \
Which version are you on, and did it stop working after an update? A screenshot would help a lot. \
I'll check our logs for your account in the meantime and write back within the hour. Have a great day!";

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, dir, count, out] = args.as_slice() else {
        bail!("usage: load_candidates DATABASE_URL QUESTIONNAIRE_DIR COUNT OUT");
    };
    let count: usize = count.parse().context("COUNT")?;
    let db = Db::connect(&DatabaseUrl::parse(url)?, 2)?;
    let files = Library::load(std::path::Path::new(dir));
    let (job, settings) = db
        .run_blocking(|conn| {
            for job in db::jobs::list_all(conn)? {
                let settings = db::job_screening::get(conn, &job.id)?;
                if job.is_open() && !settings.questionnaire_ids.is_empty() {
                    return Ok(Some((job, settings)));
                }
            }
            Ok(None)
        })?
        .context("no open job sends screening questions (load the demo first)")?;
    let library = db.run_blocking(|conn| rapport::flows::questionnaires::library(conn, &files))?;
    let ctx = Ctx {
        base_url: "http://127.0.0.1",
        mail_domain: "example.com",
        company: "Load",
    };
    let mut lines = String::new();
    let run = std::process::id();
    for i in 0..count {
        let new = NewApplication::parse(&ApplicationInput {
            name: format!("Load Candidate {i}"),
            email: format!("load-{run}-{i}@example.com"),
            languages: vec!["en".into()],
            fluencies: vec!["fluent".into()],
            location: "Lisbon, Portugal".into(),
            cover_letter: "I read every ticket twice and answer it once.".into(),
            consent: "yes".into(),
            ..Default::default()
        })
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let raw = token::random_token();
        let round = db.write_blocking(|conn| {
            let now = db::now();
            let Applied::New(app) =
                flow::apply(conn, &ctx, &job, &settings, &library, &new, None, now)?
            else {
                return Ok(None);
            };
            let Some(round) = flow::current_round(conn, &app.id)? else {
                return Ok(None);
            };
            db::candidate_access::create_session(
                conn,
                &token::hash_token(&raw),
                &app.id,
                now,
                now + chrono::Duration::hours(12),
            )?;
            let version =
                rapport::flows::questionnaires::version(conn, &round.questionnaire_version_id)?;
            let ids: Vec<String> = version
                .loaded
                .questionnaire
                .questions_of_tiers(&round.tiers())
                .map(|q| q.id.clone())
                .collect();
            Ok(Some((round.id, ids)))
        })?;
        let Some((round, questions)) = round else {
            bail!("the job sent no questions to a new candidate");
        };
        let mut body = url::form_urlencoded::Serializer::new(String::new());
        body.append_pair("round", &round)
            .append_pair("confirm", "yes");
        for q in &questions {
            body.append_pair(&format!("answer-{q}"), ANSWER);
        }
        lines.push_str(&format!("{raw}\t{}\n", body.finish()));
    }
    std::fs::File::create(out)
        .and_then(|mut f| f.write_all(lines.as_bytes()))
        .with_context(|| format!("writing {out}"))?;
    println!("{}", job.slug);
    Ok(())
}
