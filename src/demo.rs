//! `rapport demo`: a sample company with two published support jobs, so a
//! newcomer sees a populated board at once. Running it twice changes nothing.

use anyhow::Context;

use crate::db::{self, job_screening::ScreeningSettings, Db, DbConnection, DbError};
use crate::domain::application::{ApplicationInput, NewApplication};
use crate::domain::job::{slugify, Job, JobInput, JobPosting};
use crate::questionnaires::Library;
use crate::web::candidate::flow::{self, Applied, Ctx};

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

/// Exemplar answers shipped beside the questionnaire: (kind, question, answer).
const GENERALIST_EXEMPLARS: &str = include_str!("../questionnaires/generalist-en.exemplars.jsonl");

fn exemplar_answers(kind: &str) -> Vec<(String, String)> {
    GENERALIST_EXEMPLARS
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["candidate"] == kind)
        .filter_map(|v| {
            Some((
                v["question"].as_str()?.to_string(),
                v["answer"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// A sample candidate: who they are and how they answer.
struct SampleCandidate {
    name: &'static str,
    email: &'static str,
    languages: &'static [(&'static str, &'static str)],
    cover_letter: &'static str,
    /// "strong", "weak", "mixed" or "" (has not answered yet).
    answers: &'static str,
}

const CANDIDATES: &[SampleCandidate] = &[
    SampleCandidate {
        name: "Ana Lima",
        email: "ana.lima@example.com",
        languages: &[("en", "fluent"), ("pt", "native"), ("fr", "conversational")],
        cover_letter: "I ran the front desk of a busy hostel in Lisbon for three years, then moved to email support for a booking tool. I like the moment a confused guest becomes a relaxed one. Your docs are the clearest I have read for a plugin, which is why I am applying.",
        answers: "strong",
    },
    SampleCandidate {
        name: "Tom Becker",
        email: "tom.becker@example.com",
        languages: &[("en", "fluent"), ("de", "native")],
        cover_letter: "Support agent with 2 years of experience. Available immediately.",
        answers: "weak",
    },
    SampleCandidate {
        name: "Chloé Martin",
        email: "chloe.martin@example.com",
        languages: &[("fr", "native"), ("en", "professional")],
        cover_letter: "Je suis développeuse front-end et j'aime expliquer. I answer our agency's client tickets every week.",
        answers: "mixed",
    },
    SampleCandidate {
        name: "Sam Okafor",
        email: "sam.okafor@example.com",
        languages: &[("en", "native")],
        cover_letter: "Community moderator for an open-source project; I write the FAQ.",
        answers: "",
    },
];

/// Applies a sample candidate and answers every round the way they would.
fn add_candidate(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    settings: &ScreeningSettings,
    library: &Library,
    c: &SampleCandidate,
) -> Result<(), DbError> {
    let input = ApplicationInput {
        name: c.name.into(),
        email: c.email.into(),
        languages: c.languages.iter().map(|(l, _)| l.to_string()).collect(),
        fluencies: c.languages.iter().map(|(_, f)| f.to_string()).collect(),
        location: "Remote".into(),
        cover_letter: c.cover_letter.into(),
        consent: "yes".into(),
        ..Default::default()
    };
    let kind = c.answers;
    let pick = |i: usize, strong: &str, weak: &str| match kind {
        "strong" => strong.to_string(),
        "weak" => weak.to_string(),
        _ if i.is_multiple_of(2) => strong.to_string(),
        _ => weak.to_string(),
    };
    let answering: Option<Picker<'_>> = (!kind.is_empty()).then_some(&pick);
    apply_and_answer(
        conn,
        ctx,
        (job, settings, library),
        &input,
        answering,
        db::now(),
    )?;
    Ok(())
}

/// How a sample candidate answers the questionnaire's `i`-th question,
/// given its strong and weak exemplar answers.
pub(crate) type Picker<'a> = &'a dyn Fn(usize, &str, &str) -> String;

/// Applies a sample candidate at `at` and, with a picker, answers round
/// after round (a day apart, never later than now) until the screen is
/// over. The new application.
pub(crate) fn apply_and_answer(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    (job, settings, library): (&Job, &ScreeningSettings, &Library),
    input: &ApplicationInput,
    pick: Option<Picker<'_>>,
    at: chrono::NaiveDateTime,
) -> Result<Option<db::applications::ApplicationRow>, DbError> {
    let new = NewApplication::parse(input)
        .map_err(|e| DbError::Corrupt(format!("demo candidate: {e:?}")))?;
    let Applied::New(app) = flow::apply(conn, ctx, job, settings, library, &new, None, at)? else {
        return Ok(None);
    };
    let Some(pick) = pick else {
        return Ok(Some(app));
    };
    let strong = exemplar_answers("strong");
    let weak = exemplar_answers("weak");
    for day in 1..=3 {
        let Some(round) = flow::current_round(conn, &app.id)?.filter(|r| r.is_open()) else {
            break;
        };
        let answers: Vec<(String, String)> = strong
            .iter()
            .enumerate()
            .map(|(i, (q, s))| {
                let w = weak
                    .iter()
                    .find(|(wq, _)| wq == q)
                    .map(|(_, a)| a.as_str())
                    .unwrap_or_default();
                (q.clone(), pick(i, s, w))
            })
            .collect();
        let app_now = db::applications::find(conn, &app.id)?.unwrap_or_else(|| app.clone());
        flow::submit(
            conn,
            ctx,
            job,
            settings,
            &app_now,
            &round,
            &answers,
            (at + chrono::Duration::days(day)).min(db::now()),
        )?;
    }
    db::applications::find(conn, &app.id)
}

/// The demo's owner and interviewer ids.
type StaffIds = (String, String);
/// (email, password) of each account the demo created.
type NewAccounts = Vec<(String, String)>;

/// The demo's owner and interviewer. New accounts get a random password,
/// returned to be printed once.
fn demo_staff(db: &Db) -> anyhow::Result<(StaffIds, NewAccounts)> {
    let mut passwords = Vec::new();
    let mut ids = Vec::new();
    for (email, name, role) in [
        (
            "fran@glimmer.example",
            "Fran Founder",
            crate::domain::user::Role::Owner,
        ),
        (
            "ivy@glimmer.example",
            "Ivy Interviewer",
            crate::domain::user::Role::Interviewer,
        ),
    ] {
        let existing = db.run_blocking(|conn| db::users::find_by_email(conn, email))?;
        let id = match existing {
            Some(u) => u.id,
            None => {
                let password = crate::security::token::random_token()[..16].to_string();
                let hash = crate::security::password::hash(&password)?;
                let email_addr =
                    crate::domain::user::EmailAddress::parse(email).map_err(anyhow::Error::msg)?;
                let person =
                    crate::domain::user::PersonName::parse(name).map_err(anyhow::Error::msg)?;
                let user = db.write_blocking(|conn| {
                    db::users::insert(conn, &email_addr, &person, role, &hash, db::now())
                })?;
                passwords.push((email.to_string(), password));
                user.id
            }
        };
        ids.push(id);
    }
    Ok(((ids[0].clone(), ids[1].clone()), passwords))
}

/// The team at work on the generalist job: Ana is in the interview stage
/// with an interview next week and the owner's scorecard in; Chloé waits for
/// the team's decision with one vote cast.
fn interviews_in_progress(
    conn: &mut DbConnection,
    job: &Job,
    staff: &(String, String),
) -> Result<(), DbError> {
    use crate::domain::application::Stage;
    let now = db::now();
    let panel = vec![staff.0.clone(), staff.1.clone()];
    db::panels::set(conn, &job.id, &panel, now)?;
    let find = |conn: &mut DbConnection, email: &str| {
        db::applications::find_by_job_email(conn, &job.id, email)
    };
    if let Some(ana) = find(conn, "ana.lima@example.com")? {
        db::applications::move_stage(
            conn,
            &ana.id,
            Stage::ScreenReview,
            Stage::Interview,
            &staff.0,
            "great screen, warm and curious",
            now,
        )?;
        let next_week = (now + chrono::Duration::days(7))
            .date()
            .and_hms_opt(13, 0, 0)
            .unwrap_or(now);
        db::interviews::insert(
            conn,
            db::interviews::NewInterview {
                application_id: &ana.id,
                kind: "culture",
                starts_at: next_week,
                timezone: "Europe/Paris",
                duration_minutes: 45,
                location: "https://meet.example.com/glimmer-ana",
                interviewers: &panel,
                created_by: &staff.0,
                uid_domain: "localhost",
            },
            now,
        )?;
        let ratings = db::scorecards::Ratings {
            empathy: 4,
            curiosity: 4,
            humility: 3,
            dedication: 3,
            technical: 2,
            recommendation: 4,
        };
        db::scorecards::submit(
            conn,
            &ana.id,
            None,
            &staff.0,
            &ratings,
            r#"{"empathy":"Named the customer's worry before fixing anything."}"#,
            "Warm, precise, asks the right questions.",
            now,
        )?;
    }
    if let Some(chloe) = find(conn, "chloe.martin@example.com")? {
        for (from, to) in [
            (Stage::ScreenReview, Stage::Interview),
            (Stage::Interview, Stage::FinalConversation),
            (Stage::FinalConversation, Stage::TeamDecision),
        ] {
            db::applications::move_stage(conn, &chloe.id, from, to, &staff.0, "demo", now)?;
        }
        let ratings = db::scorecards::Ratings {
            empathy: 3,
            curiosity: 3,
            humility: 4,
            dedication: 3,
            technical: 4,
            recommendation: 3,
        };
        db::scorecards::submit(
            conn,
            &chloe.id,
            None,
            &staff.0,
            &ratings,
            "{}",
            "Strong technically; a little curt with the angry customer.",
            now,
        )?;
        db::decisions::cast(
            conn,
            &chloe.id,
            &staff.0,
            "yes",
            "Her technical side covers our tier-3 tickets.",
            false,
            now,
        )?;
    }
    Ok(())
}

/// Review mode on the generalist job. On the first question the owner has
/// reviewed every answer and the interviewer twelve (enough for a kappa
/// with its interval), the interviewer a step more lenient on empathy and
/// stricter on curiosity now and then; on the second the owner is part-way through.
fn reviews_in_progress(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    (owner, interviewer): &StaffIds,
) -> Result<(), DbError> {
    use crate::domain::answer_review::{Grades, ReviewSettings};
    use crate::flows::review;
    let now = db::now();
    let settings = ReviewSettings {
        enabled: true,
        ..Default::default()
    };
    let reviewers = [owner.clone(), interviewer.clone()];
    review::change_settings(conn, owner, job, &settings, &reviewers, now)?
        .map_err(|e| DbError::Corrupt(format!("demo review settings: {e:?}")))?;
    let questions = review::job_questions(conn, &job.id)?;
    let plan = [
        (0, owner, usize::MAX, 0u8),
        (0, interviewer, 12, 1u8),
        (1, owner, 5, 0u8),
    ];
    for (index, who, how_many, shift) in plan {
        let Some(question) = questions.get(index) else {
            continue;
        };
        // Calibration: the owner matches the agreed grades, the interviewer
        // is a step more lenient on weak answers.
        let yours = question
            .exemplars()
            .into_iter()
            .map(|(_, _, agreed)| Grades {
                empathy: (agreed.empathy + shift).min(2),
                ..agreed
            })
            .collect();
        if question.has_exemplars() {
            review::submit_calibration(conn, &job.id, who, question, yours, now)?
                .map_err(|e| DbError::Corrupt(format!("demo calibration: {e:?}")))?;
        }
        let mut answers = question.answers.clone();
        answers.sort_by_key(|a| crate::domain::answer_review::order_key(who, &a.id));
        for (n, a) in answers.iter().take(how_many).enumerate() {
            let Some(auto) = &a.auto else { continue };
            let lenient = shift > 0 && n.is_multiple_of(3);
            let grades = Grades {
                empathy: (auto.empathy.grade + u8::from(lenient)).min(2),
                // ...and now and then a step stricter on curiosity.
                curiosity: if shift > 0 && n % 4 == 1 {
                    auto.curiosity.grade.saturating_sub(1)
                } else {
                    auto.curiosity.grade
                },
                covered: auto.content.covered.clone(),
            };
            let note = if lenient {
                "Warm, though it skips the question behind the question."
            } else {
                ""
            };
            review::submit_review(conn, ctx, job, who, question, &a.id, &grades, note, now)?
                .map_err(|e| DbError::Corrupt(format!("demo review: {e:?}")))?;
        }
    }
    Ok(())
}

/// Loads the sample data; returns a summary for the terminal.
pub fn load(db: &Db, library: &Library, base_url: &str) -> anyhow::Result<String> {
    let postings = [generalist(), technical()]
        .iter()
        .map(JobPosting::parse)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("demo job is invalid: {e:?}"))?;
    let (staff, passwords) = demo_staff(db)?;
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
                let questionnaire = if posting.tier_mix.tier3 >= 50 {
                    "technical-en"
                } else {
                    "generalist-en"
                };
                let settings = ScreeningSettings {
                    questionnaire_ids: vec![questionnaire.to_string()],
                    ..Default::default()
                };
                db::job_screening::set(conn, &job.id, &settings, now)?;
                if questionnaire == "generalist-en" && library.get(questionnaire).is_some() {
                    let job = db::jobs::find(conn, &job.id)?
                        .ok_or_else(|| DbError::Corrupt("demo job vanished".into()))?;
                    let company =
                        db::settings::get(conn, db::settings::COMPANY_NAME)?.unwrap_or_default();
                    let ctx = Ctx {
                        base_url,
                        mail_domain: "localhost",
                        company: &company,
                    };
                    for c in CANDIDATES {
                        add_candidate(conn, &ctx, &job, &settings, library, c)?;
                    }
                    crate::demo_insight::past_candidates(
                        conn,
                        &ctx,
                        (&job, &settings, library),
                        &staff,
                    )?;
                    interviews_in_progress(conn, &job, &staff)?;
                    reviews_in_progress(conn, &ctx, &job, &staff)?;
                    crate::demo_insight::spread_sources(conn, &job.id)?;
                }
                created += 1;
            }
            Ok(created)
        })
        .context("loading the demo data")?;
    let accounts: String = passwords
        .iter()
        .map(|(email, pw)| format!("\n  sign in as {email} with the password {pw}"))
        .collect();
    // The address the server will really answer on (RAPPORT_LISTEN, or
    // RAPPORT_BASE_URL when it is behind a proxy).
    let board = format!("{}/jobs", base_url.trim_end_matches('/'));
    Ok(if created == 0 {
        format!("The demo jobs are already there. Run `cargo run` and open {board}.")
    } else {
        format!("Loaded {created} published demo jobs for Glimmer Ratings, with {} sample candidates at different stages (past hires and rejections among them), an interview, scorecards, reviews and a decision in progress. Run `cargo run` and open {board}, or /login to see the team's side:{accounts}", CANDIDATES.len() + crate::demo_insight::PAST_CANDIDATES)
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
