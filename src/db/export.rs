//! A job's applications as rows for the CSV export (issue 10, item 6):
//! stages and their dates, the screen's result per dimension, and any
//! per-application columns other features add (see [`extra_columns`]).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::applications::ApplicationRow;
use super::insight::SlimScore;
use super::schema::{answer_reviews, answers, application_events, applications, screenings, users};
use super::{DbConnection, DbError, QueryContext};
use crate::domain::application::Stage;

const CHUNK: usize = 5_000;

/// One application and what the export says about it.
pub struct ExportRow {
    pub app: ApplicationRow,
    /// When it first entered each stage.
    pub entered: HashMap<Stage, NaiveDateTime>,
    /// Mean of the scorer's grades over the screen's answers (0–2).
    pub empathy: Option<f64>,
    pub curiosity: Option<f64>,
    /// Mean share of key points covered, over answers to questions that
    /// have key points.
    pub key_points: Option<f64>,
    /// The [`extra_columns`] values, in their header's order.
    pub extra: Vec<String>,
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// Extra columns: their headers, and each application's values by id.
pub type ExtraColumns = (Vec<String>, HashMap<String, Vec<String>>);

/// The scorer's empathy and curiosity grades and key-point shares of one
/// application's answers.
#[derive(Default)]
struct Grades {
    empathy: Vec<f64>,
    curiosity: Vec<f64>,
    key_points: Vec<f64>,
}

/// Columns appended to each application's row by features beyond the
/// screen (review grades, for one): their headers, and each application's
/// values by id. The one place to add per-application columns to the export.
pub fn extra_columns(
    conn: &mut DbConnection,
    application_ids: &[String],
) -> Result<ExtraColumns, DbError> {
    review_columns(conn, application_ids)
}

/// Review mode's grades: how many reviews the application's answers have,
/// the reviewers' mean empathy and curiosity (0–2), and who reviewed.
fn review_columns(
    conn: &mut DbConnection,
    application_ids: &[String],
) -> Result<ExtraColumns, DbError> {
    let headers = ["reviews", "review_empathy", "review_curiosity", "reviewers"]
        .map(String::from)
        .to_vec();
    #[derive(Default)]
    struct Reviewed {
        empathy: Vec<f64>,
        curiosity: Vec<f64>,
        reviewers: Vec<String>,
    }
    let mut by_app: HashMap<String, Reviewed> = HashMap::new();
    for chunk in application_ids.chunks(CHUNK) {
        let rounds: HashMap<String, String> = screenings::table
            .filter(screenings::application_id.eq_any(chunk))
            .filter(screenings::status.eq(super::screenings::SUBMITTED))
            .select((screenings::id, screenings::application_id))
            .load::<(String, String)>(conn)
            .context("reading rounds for review columns")?
            .into_iter()
            .collect();
        let round_ids: Vec<&String> = rounds.keys().collect();
        let round_of: HashMap<String, String> = answers::table
            .filter(answers::screening_id.eq_any(round_ids))
            .select((answers::id, answers::screening_id))
            .load::<(String, String)>(conn)
            .context("reading answers for review columns")?
            .into_iter()
            .collect();
        let answer_ids: Vec<&String> = round_of.keys().collect();
        let mut reviews: Vec<(String, i32, i32, String)> = Vec::new();
        // A round has several answers: chunk again to stay under the
        // databases' limits on bound parameters.
        for ids in answer_ids.chunks(CHUNK) {
            reviews.extend(
                answer_reviews::table
                    .filter(answer_reviews::answer_id.eq_any(ids))
                    .order((answer_reviews::created_at.asc(), answer_reviews::id.asc()))
                    .select((
                        answer_reviews::answer_id,
                        answer_reviews::empathy,
                        answer_reviews::curiosity,
                        answer_reviews::reviewer_id,
                    ))
                    .load::<(String, i32, i32, String)>(conn)
                    .context("reading reviews for the export")?,
            );
        }
        for (answer, empathy, curiosity, reviewer) in reviews {
            let Some(app) = round_of.get(&answer).and_then(|round| rounds.get(round)) else {
                continue;
            };
            let r = by_app.entry(app.clone()).or_default();
            r.empathy.push(f64::from(empathy));
            r.curiosity.push(f64::from(curiosity));
            if !r.reviewers.contains(&reviewer) {
                r.reviewers.push(reviewer);
            }
        }
    }
    let reviewer_ids: Vec<&String> = by_app.values().flat_map(|r| &r.reviewers).collect();
    let names: HashMap<String, String> = users::table
        .filter(users::id.eq_any(reviewer_ids))
        .select((users::id, users::name))
        .load::<(String, String)>(conn)
        .context("reading reviewers' names for the export")?
        .into_iter()
        .collect();
    let two = |v: Option<f64>| v.map(|x| format!("{x:.2}")).unwrap_or_default();
    let values = by_app
        .into_iter()
        .map(|(app, r)| {
            let who: Vec<&str> = r
                .reviewers
                .iter()
                .map(|id| names.get(id).map_or(id.as_str(), String::as_str))
                .collect();
            let row = vec![
                r.empathy.len().to_string(),
                two(mean(&r.empathy)),
                two(mean(&r.curiosity)),
                who.join("; "),
            ];
            (app, row)
        })
        .collect();
    Ok((headers, values))
}

/// Every application of a job, oldest first, with the extra columns' headers.
pub fn rows(
    conn: &mut DbConnection,
    job_id: &str,
) -> Result<(Vec<ExportRow>, Vec<String>), DbError> {
    let apps: Vec<ApplicationRow> = applications::table
        .filter(applications::job_id.eq(job_id))
        .order((applications::created_at.asc(), applications::id.asc()))
        .select(ApplicationRow::as_select())
        .load(conn)
        .context("reading applications to export")?;
    let ids: Vec<String> = apps.iter().map(|a| a.id.clone()).collect();

    let mut entered: HashMap<String, HashMap<Stage, NaiveDateTime>> = HashMap::new();
    let mut grades: HashMap<String, Grades> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let events: Vec<(String, NaiveDateTime, String)> = application_events::table
            .filter(application_events::application_id.eq_any(chunk))
            .order(application_events::at.asc())
            .select((
                application_events::application_id,
                application_events::at,
                application_events::to_stage,
            ))
            .load(conn)
            .context("reading stage history to export")?;
        for (id, at, to) in events {
            if let Some(stage) = Stage::parse(&to) {
                entered.entry(id).or_default().entry(stage).or_insert(at);
            }
        }
        let rounds: Vec<(String, String)> = screenings::table
            .filter(screenings::application_id.eq_any(chunk))
            .filter(screenings::status.eq(super::screenings::SUBMITTED))
            .select((screenings::id, screenings::application_id))
            .load(conn)
            .context("reading rounds to export")?;
        let app_of: HashMap<String, String> = rounds.into_iter().collect();
        let round_ids: Vec<&String> = app_of.keys().collect();
        let details: Vec<(String, Option<String>)> = answers::table
            .filter(answers::screening_id.eq_any(round_ids))
            .select((answers::screening_id, answers::score_detail))
            .load(conn)
            .context("reading answers to export")?;
        for (round, detail) in details {
            let Some(slim) = detail.and_then(|d| serde_json::from_str::<SlimScore>(&d).ok()) else {
                continue;
            };
            let Some(app) = app_of.get(&round) else {
                continue;
            };
            let g = grades.entry(app.clone()).or_default();
            g.empathy.push(f64::from(slim.empathy.grade));
            g.curiosity.push(f64::from(slim.curiosity.grade));
            if let Some(share) = slim.content.share {
                g.key_points.push(share);
            }
        }
    }
    let (headers, mut extra) = extra_columns(conn, &ids)?;
    let rows = apps
        .into_iter()
        .map(|app| {
            let g = grades.remove(&app.id).unwrap_or_default();
            ExportRow {
                entered: entered.remove(&app.id).unwrap_or_default(),
                empathy: mean(&g.empathy),
                curiosity: mean(&g.curiosity),
                key_points: mean(&g.key_points),
                extra: extra
                    .remove(&app.id)
                    .unwrap_or_else(|| vec![String::new(); headers.len()]),
                app,
            }
        })
        .collect();
    Ok((rows, headers))
}
