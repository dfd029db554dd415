//! `rapport demo`: a sample company with two published support jobs, so a
//! newcomer sees a populated board at once. Running it twice changes nothing.

use anyhow::Context;

use crate::db::{self, Db};
use crate::domain::job::{slugify, JobInput, JobPosting};

fn generalist() -> JobInput {
    JobInput {
        title: "Customer Support Specialist".into(),
        workplace: "remote".into(),
        remote_regions: "Europe, Africa".into(),
        timezone_note: "Work hours overlapping 10:00–16:00 CET".into(),
        employment_type: "full_time".into(),
        salary_min: "38000".into(),
        salary_max: "46000".into(),
        salary_currency: "EUR".into(),
        salary_period: "year".into(),
        languages: vec!["en".into(), "fr".into()],
        fluencies: vec!["native".into(), "professional".into()],
        channels: vec!["email".into(), "live_chat".into(), "community_forum".into()],
        tools: "Help Scout, WordPress, Slack, Stripe".into(),
        tier1: "70".into(),
        tier2: "25".into(),
        tier3: "5".into(),
        typical_day: "You start with the overnight queue: licensing questions, a billing change, someone who cannot find where to paste their widget code. Most tickets are answered within the hour; a few need a screenshot, a quick screen share or a note to a developer.\n\nIn the afternoon you write or update a help-centre article about what came up most that day, and you tell the product team which questions keep coming back.".into(),
        technical: "No coding required. You will learn to read a browser console and check which plugins a WordPress site runs; we train you during your first week.".into(),
        looking_for: "- You write clear, warm English and you are comfortable in French.\n- You stay calm when a customer is not.\n- You like finding patterns in tickets and fixing the cause, not only the symptom.\n- You have worked with customers before: support, retail, a front desk, a restaurant.".into(),
        company_culture: "Glimmer Ratings makes a star-rating widget used by 40,000 websites. We are nine people in six countries, we write things down, and everybody does a support shift every month.".into(),
        how_to_apply: "Apply with the form on this page and answer the short screening questions; they are real tickets, with links to our docs. We read every application and reply within a week.".into(),
        pass_mark: "50".into(),
        decision_rule: "unanimous".into(),
        ..Default::default()
    }
}

fn technical() -> JobInput {
    JobInput {
        title: "Technical Support Engineer".into(),
        workplace: "hybrid".into(),
        location: "Lyon, France".into(),
        timezone_note: "Two days a week at the office".into(),
        employment_type: "full_time".into(),
        salary_min: "48000".into(),
        salary_max: "58000".into(),
        salary_currency: "EUR".into(),
        salary_period: "year".into(),
        languages: vec!["en".into(), "fr".into()],
        fluencies: vec!["fluent".into(), "native".into()],
        channels: vec!["email".into(), "video_call".into(), "slack".into()],
        tools: "Zendesk, GitHub, Sentry, PHP, JavaScript, our REST API".into(),
        tier1: "20".into(),
        tier2: "30".into(),
        tier3: "50".into(),
        typical_day: "Half your day is tickets from agencies integrating our API: a webhook that never fires, rich snippets that search engines ignore, a rate limit hit at midnight. You reproduce the problem, read the code, and either fix it with a small pull request or hand a precise bug report to the team.".into(),
        technical: "You will read and write PHP and JavaScript every week, query logs, and review the SDK changes that come from support.".into(),
        looking_for: "- You have shipped code and you enjoy explaining it.\n- You are patient with people who are not developers.\n- You write bug reports others can act on.".into(),
        company_culture: "Glimmer Ratings is a small, remote-friendly team. Support engineers own the API's docs and sit in product planning.".into(),
        how_to_apply: "Apply with the form and answer the screening questions: the later ones are technical and come with links to the API docs. Then a call with two of us.".into(),
        pass_mark: "50".into(),
        decision_rule: "majority".into(),
        ..Default::default()
    }
}

/// Loads the sample data; returns a summary for the terminal.
pub fn load(db: &Db) -> anyhow::Result<String> {
    let postings = [generalist(), technical()]
        .iter()
        .map(JobPosting::parse)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("demo job is invalid: {e:?}"))?;
    let created = db
        .write_blocking(|conn| {
            db::settings::get_or_init(conn, db::settings::COMPANY_NAME, || {
                "Glimmer Ratings".into()
            })?;
            db::settings::get_or_init(conn, db::settings::COMPANY_URL, || {
                "https://glimmer.example".into()
            })?;
            let mut created = 0;
            for posting in &postings {
                let slug = slugify(&posting.title);
                if db::jobs::find_by_slug(conn, &slug)?.is_some() {
                    continue;
                }
                let now = db::now();
                let job = db::jobs::insert_draft(conn, posting, &slug, now)?;
                db::jobs::open(conn, &job.id, now)?;
                db::audit::record(
                    conn,
                    None,
                    "job.published",
                    ("job", &job.id),
                    "demo data",
                    now,
                )?;
                created += 1;
            }
            Ok(created)
        })
        .context("loading the demo data")?;
    Ok(if created == 0 {
        "The demo jobs are already there. Run `cargo run` and open http://127.0.0.1:8080/jobs."
            .into()
    } else {
        format!("Loaded {created} published demo jobs for Glimmer Ratings. Run `cargo run` and open http://127.0.0.1:8080/jobs.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::job::Profile;

    #[test]
    fn demo_jobs_are_valid_and_show_both_profiles() {
        let g = JobPosting::parse(&generalist()).unwrap();
        let t = JobPosting::parse(&technical()).unwrap();
        assert_eq!(g.tier_mix.recommended_profile(), Profile::Generalist);
        assert_eq!(t.tier_mix.recommended_profile(), Profile::SupportEngineer);
        assert!(crate::domain::job_review::review(&g).is_empty());
        assert!(crate::domain::job_review::review(&t).is_empty());
    }
}
