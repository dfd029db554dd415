//! Demo data for the insight pages (issue 10, item 7): past candidates
//! who went the whole way over the last weeks, hired or rejected, with the
//! interviewers' scorecards, so that every figure has something to show;
//! and where the candidates came from.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::applications;
use crate::db::{self, job_screening::ScreeningSettings, DbConnection, DbError, QueryContext};
use crate::domain::application::{ApplicationInput, Stage};
use crate::domain::job::Job;
use crate::domain::pipeline::{main_index, MAIN_PATH};
use crate::questionnaires::Library;
use crate::web::candidate::flow::Ctx;

const SOURCES: [&str; 4] = ["linkedin", "newsletter", "", "referral"];

/// How a past candidate's application ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Hired,
    /// After the interview (every other one after the final conversation).
    RejectedAfterInterview,
    /// At screen review, without an interview.
    RejectedAtScreen,
}

/// A past candidate: how strong their screen answers are (0 mostly weak
/// to 4 all strong), how it ended, and the interviewers' empathy and
/// curiosity ratings (1–4) when they were interviewed.
struct Past {
    name: &'static str,
    level: u8,
    end: End,
    empathy: i32,
    curiosity: i32,
}

const fn past(name: &'static str, level: u8, end: End, empathy: i32, curiosity: i32) -> Past {
    Past {
        name,
        level,
        end,
        empathy,
        curiosity,
    }
}

/// The interviewers mostly agree with the screen, not always: enough for a
/// rank correlation with an interval, and dots off the diagonal.
const PAST: &[Past] = &[
    past("Maya Chen", 4, End::Hired, 4, 4),
    past("Jonas Berg", 1, End::RejectedAtScreen, 0, 0),
    past("Priya Nair", 3, End::Hired, 4, 3),
    past("Lucas Moreau", 2, End::RejectedAfterInterview, 2, 2),
    past("Amara Diallo", 4, End::Hired, 3, 4),
    past("Ben Carter", 1, End::RejectedAfterInterview, 1, 2),
    past("Sofia Rossi", 3, End::RejectedAfterInterview, 3, 2),
    past("Kenji Sato", 2, End::RejectedAfterInterview, 2, 3),
    past("Elena Petrova", 0, End::RejectedAtScreen, 0, 0),
    past("Omar Haddad", 3, End::Hired, 3, 3),
    past("Hanna Lind", 2, End::RejectedAfterInterview, 3, 1),
    past("Diego Alvarez", 1, End::RejectedAfterInterview, 1, 1),
    past("Fatima Zahra", 4, End::RejectedAfterInterview, 4, 2),
    past("Noah Fischer", 0, End::RejectedAfterInterview, 1, 1),
    past("Lea Novak", 2, End::RejectedAfterInterview, 2, 2),
    past("Ravi Kumar", 1, End::RejectedAtScreen, 0, 0),
];

/// How many past candidates the demo adds.
pub const PAST_CANDIDATES: usize = PAST.len();

/// The first sentences of an answer, about half of it: a partial answer.
fn first_half(text: &str) -> String {
    let middle = text.len() / 2;
    let cut = text
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .find(|i| *i >= middle)
        .unwrap_or(text.len());
    text[..cut].to_string()
}

/// Days between one move of a past candidate and the next, varied a
/// little per candidate so the stage times have a spread.
fn days_before(stage: Stage, n: usize) -> i64 {
    let wobble = (n % 3) as i64;
    match stage {
        Stage::Interview => 3 + wobble,
        Stage::FinalConversation => 5 + 2 * wobble,
        Stage::TeamDecision => 2 + wobble,
        Stage::Offer => 1 + wobble,
        Stage::Hired => 2 + 2 * wobble,
        _ => 4 + wobble,
    }
}

/// Past candidates of the job: applied from about eleven weeks to five
/// weeks ago, screened, and taken to their end with the owner's and the
/// interviewer's scorecards.
pub fn past_candidates(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    screening: (&Job, &ScreeningSettings, &Library),
    (owner, interviewer): &(String, String),
) -> Result<(), DbError> {
    let now = db::now();
    for (n, p) in PAST.iter().enumerate() {
        let input = ApplicationInput {
            name: p.name.into(),
            email: format!("{}@example.com", p.name.to_lowercase().replace(' ', ".")),
            languages: vec!["en".into()],
            fluencies: vec!["fluent".into()],
            location: "Remote".into(),
            cover_letter: "I have answered customers by email and chat for a few years and would like to do it for a product I use.".into(),
            consent: "yes".into(),
            ..Default::default()
        };
        let level = p.level;
        let pick = move |i: usize, strong: &str, weak: &str| match ((i + n) % 4) as u8 {
            k if k < level => strong.to_string(),
            k if k == level => first_half(strong),
            _ => weak.to_string(),
        };
        let applied = now - Duration::days(80 - 3 * n as i64);
        let Some(app) =
            crate::demo::apply_and_answer(conn, ctx, screening, &input, Some(&pick), applied)?
        else {
            continue;
        };
        take_to_the_end(conn, &app.id, p, n, (owner, interviewer), applied)?;
    }
    Ok(())
}

/// Moves a past candidate from where the screen left them to their end,
/// a few days per step, with the scorecards of their interview.
fn take_to_the_end(
    conn: &mut DbConnection,
    app_id: &str,
    p: &Past,
    n: usize,
    (owner, interviewer): (&str, &str),
    applied: NaiveDateTime,
) -> Result<(), DbError> {
    let Some(app) = db::applications::find(conn, app_id)? else {
        return Ok(());
    };
    let mut stage = app.stage();
    // The screen's last move, a day or three after applying.
    let mut at = db::applications::last_event(conn, app_id)?
        .map(|e| e.at)
        .unwrap_or(applied);
    let path: Vec<Stage> = match p.end {
        End::RejectedAtScreen => vec![Stage::Rejected],
        End::RejectedAfterInterview if n.is_multiple_of(2) => {
            vec![Stage::Interview, Stage::FinalConversation, Stage::Rejected]
        }
        End::RejectedAfterInterview => vec![Stage::Interview, Stage::Rejected],
        End::Hired => {
            let from = main_index(Stage::Interview).unwrap_or(0);
            MAIN_PATH[from..].to_vec()
        }
    };
    for to in path {
        if main_index(to).is_some_and(|i| main_index(stage).is_some_and(|s| s >= i)) {
            continue;
        }
        at += Duration::days(days_before(to, n));
        let reason = match to {
            Stage::Rejected if p.end == End::RejectedAtScreen => "screen below what the job needs",
            Stage::Rejected => "the team chose another candidate",
            _ => "demo",
        };
        if !db::applications::move_stage(conn, app_id, stage, to, owner, reason, at)? {
            return Ok(());
        }
        stage = to;
        if to == Stage::Interview {
            let day_after = at + Duration::days(1);
            for (author, nudge) in [(owner, 0), (interviewer, [0, 1, -1][n % 3])] {
                let ratings = db::scorecards::Ratings {
                    empathy: p.empathy,
                    curiosity: (p.curiosity + nudge).clamp(1, 4),
                    humility: 3,
                    dedication: 3,
                    technical: 2 + (n % 3) as i32,
                    recommendation: p.empathy.max(p.curiosity),
                };
                db::scorecards::submit(conn, app_id, None, author, &ratings, "{}", "", day_after)?;
            }
        }
    }
    Ok(())
}

/// Gives the job's applications sources in turn, oldest first (the demo
/// applies them directly, so their links carried no source).
pub fn spread_sources(conn: &mut DbConnection, job_id: &str) -> Result<(), DbError> {
    let ids: Vec<String> = applications::table
        .filter(applications::job_id.eq(job_id))
        .order((applications::created_at.asc(), applications::id.asc()))
        .select(applications::id)
        .load(conn)
        .context("listing demo applications")?;
    for (i, id) in ids.iter().enumerate() {
        diesel::update(applications::table.find(id))
            .set(applications::source.eq(SOURCES[i % SOURCES.len()]))
            .execute(conn)
            .context("setting a demo source")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_answer_is_its_first_sentences() {
        assert_eq!(
            first_half("One two. Three four. Five six."),
            "One two. Three four."
        );
        assert_eq!(first_half("No full stop"), "No full stop");
    }

    #[test]
    fn past_candidates_cover_every_end_and_enough_interviews() {
        let interviewed = PAST
            .iter()
            .filter(|p| p.end != End::RejectedAtScreen)
            .count();
        assert!(interviewed >= crate::domain::agreement::MIN_UNITS);
        assert!(PAST.iter().any(|p| p.end == End::Hired));
        assert!(PAST.iter().any(|p| p.end == End::RejectedAtScreen));
    }
}
