//! Review mode's storage: per-job settings, the chosen reviewers, their
//! reviews of answers and their calibrations.

use super::direct::direct;
use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::{
    answer_reviews, answers, applications, job_reviewers, review_calibrations, review_settings,
    screenings,
};
use super::screenings::{Answer, SUBMITTED};
use super::{insert_unless_duplicate, new_id, DbConnection, DbError, QueryContext};
use crate::domain::answer_review::{Grades, ReviewSettings};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = answer_reviews)]
pub struct ReviewRow {
    pub id: String,
    pub answer_id: String,
    pub reviewer_id: String,
    pub empathy: i32,
    pub curiosity: i32,
    pub covered: String,
    pub note: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl ReviewRow {
    pub fn grades(&self) -> Grades {
        Grades {
            empathy: self.empathy.clamp(0, 2) as u8,
            curiosity: self.curiosity.clamp(0, 2) as u8,
            covered: serde_json::from_str(&self.covered).unwrap_or_default(),
        }
    }
}

/// A job's settings; the defaults (off) when never saved.
pub fn settings(conn: &mut DbConnection, job_id: &str) -> Result<ReviewSettings, DbError> {
    let row: Option<(i32, i32, i32)> = direct!(conn, |c| review_settings::table
        .find(job_id)
        .select((
            review_settings::enabled,
            review_settings::reviews_needed,
            review_settings::auto_weight,
        ))
        .first(c))
    .optional()
    .context("reading review settings")?;
    Ok(match row {
        Some((enabled, needed, weight)) => ReviewSettings {
            enabled: enabled != 0,
            reviews_needed: needed.clamp(1, 255) as u8,
            auto_weight: weight.clamp(0, 255) as u8,
        },
        None => ReviewSettings::default(),
    })
}

pub fn set_settings(
    conn: &mut DbConnection,
    job_id: &str,
    s: &ReviewSettings,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::delete(review_settings::table.find(job_id))
        .execute(conn)
        .context("replacing review settings")?;
    diesel::insert_into(review_settings::table)
        .values((
            review_settings::job_id.eq(job_id),
            review_settings::enabled.eq(i32::from(s.enabled)),
            review_settings::reviews_needed.eq(i32::from(s.reviews_needed)),
            review_settings::auto_weight.eq(i32::from(s.auto_weight)),
            review_settings::updated_at.eq(now),
        ))
        .execute(conn)
        .context("saving review settings")?;
    Ok(())
}

/// The chosen reviewers of a job, in the order they were added.
pub fn reviewers(conn: &mut DbConnection, job_id: &str) -> Result<Vec<String>, DbError> {
    job_reviewers::table
        .filter(job_reviewers::job_id.eq(job_id))
        .order((job_reviewers::added_at.asc(), job_reviewers::user_id.asc()))
        .select(job_reviewers::user_id)
        .load(conn)
        .context("reading a job's reviewers")
}

/// Replaces a job's reviewers; those kept keep their place.
pub fn set_reviewers(
    conn: &mut DbConnection,
    job_id: &str,
    user_ids: &[String],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::delete(
        job_reviewers::table
            .filter(job_reviewers::job_id.eq(job_id))
            .filter(job_reviewers::user_id.ne_all(user_ids)),
    )
    .execute(conn)
    .context("removing reviewers")?;
    let kept = reviewers(conn, job_id)?;
    for id in user_ids.iter().filter(|id| !kept.contains(id)) {
        diesel::insert_into(job_reviewers::table)
            .values((
                job_reviewers::job_id.eq(job_id),
                job_reviewers::user_id.eq(id),
                job_reviewers::added_at.eq(now),
            ))
            .execute(conn)
            .context("adding a reviewer")?;
    }
    Ok(())
}

pub fn is_reviewer(conn: &mut DbConnection, job_id: &str, user_id: &str) -> Result<bool, DbError> {
    let n: i64 = job_reviewers::table
        .filter(job_reviewers::job_id.eq(job_id))
        .filter(job_reviewers::user_id.eq(user_id))
        .count()
        .get_result(conn)
        .context("checking a reviewer")?;
    Ok(n > 0)
}

/// One submitted answer of a job, with what it takes to find its question.
#[derive(Debug, Clone)]
pub struct JobAnswer {
    pub answer: Answer,
    pub questionnaire_version_id: String,
    pub application_id: String,
}

/// Ids per bound `IN (...)` list: well under SQLite's and PostgreSQL's
/// limits on parameters, whatever the number of answers.
const CHUNK: usize = 5_000;

/// Every answer of the job's submitted rounds, erased applications left out.
/// The job's rounds are found by a subquery, not a list of bound ids, so
/// each read is one statement at any number of candidates.
pub fn job_answers(conn: &mut DbConnection, job_id: &str) -> Result<Vec<JobAnswer>, DbError> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Text};
    let of_job = |column: &str| {
        sql::<Bool>(&format!(
            "{column} IN (SELECT s.id FROM screenings s JOIN applications p ON p.id = s.application_id \
             WHERE s.status = '{SUBMITTED}' AND p.erased_at IS NULL AND p.job_id = "
        ))
        .bind::<Text, _>(job_id.to_string())
        .sql(")")
    };
    let rounds: Vec<(String, String, String)> = screenings::table
        .filter(of_job("screenings.id"))
        .select((
            screenings::id,
            screenings::questionnaire_version_id,
            screenings::application_id,
        ))
        .load(conn)
        .context("finding a job's submitted rounds")?;
    let round_of: HashMap<&str, (&str, &str)> = rounds
        .iter()
        .map(|(id, version, app)| (id.as_str(), (version.as_str(), app.as_str())))
        .collect();
    let found: Vec<Answer> = answers::table
        .filter(of_job("answers.screening_id"))
        .order(answers::id.asc())
        .select(Answer::as_select())
        .load(conn)
        .context("reading a job's answers")?;
    Ok(found
        .into_iter()
        .filter_map(|a| {
            let (version, app) = round_of.get(a.screening_id.as_str())?;
            Some(JobAnswer {
                questionnaire_version_id: version.to_string(),
                application_id: app.to_string(),
                answer: a,
            })
        })
        .collect())
}

/// The names of the job's candidates by application id, in one read (to
/// mask them in the answers reviewers read).
pub fn applicant_names(
    conn: &mut DbConnection,
    job_id: &str,
) -> Result<HashMap<String, String>, DbError> {
    let rows: Vec<(String, String)> = applications::table
        .filter(applications::job_id.eq(job_id))
        .select((applications::id, applications::name))
        .load(conn)
        .context("reading the names to mask")?;
    Ok(rows.into_iter().collect())
}

/// The reviews of these answers, oldest first.
pub fn for_answers(conn: &mut DbConnection, ids: &[String]) -> Result<Vec<ReviewRow>, DbError> {
    let mut all = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<ReviewRow> = answer_reviews::table
            .filter(answer_reviews::answer_id.eq_any(chunk))
            .select(ReviewRow::as_select())
            .load(conn)
            .context("reading answer reviews")?;
        all.extend(rows);
    }
    all.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    Ok(all)
}

/// What saving a review did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Created,
    /// The reviewer had reviewed this answer: their review now says this.
    Updated,
    /// The same review again (a double submit): nothing changed.
    Unchanged,
}

/// Saves a reviewer's review of an answer: one per answer and reviewer.
pub fn save(
    conn: &mut DbConnection,
    answer_id: &str,
    reviewer_id: &str,
    grades: &Grades,
    note: &str,
    now: NaiveDateTime,
) -> Result<Saved, DbError> {
    let covered = serde_json::to_string(&grades.covered).unwrap_or_else(|_| "[]".into());
    let existing: Option<ReviewRow> = answer_reviews::table
        .filter(answer_reviews::answer_id.eq(answer_id))
        .filter(answer_reviews::reviewer_id.eq(reviewer_id))
        .select(ReviewRow::as_select())
        .first(conn)
        .optional()
        .context("finding a review")?;
    if existing.is_none() {
        let inserted = insert_unless_duplicate(conn, "saving a review", |c| {
            diesel::insert_into(answer_reviews::table)
                .values((
                    (
                        answer_reviews::id.eq(new_id()),
                        answer_reviews::answer_id.eq(answer_id),
                        answer_reviews::reviewer_id.eq(reviewer_id),
                        answer_reviews::empathy.eq(i32::from(grades.empathy)),
                        answer_reviews::curiosity.eq(i32::from(grades.curiosity)),
                    ),
                    (
                        answer_reviews::covered.eq(&covered),
                        answer_reviews::note.eq(note),
                        answer_reviews::created_at.eq(now),
                        answer_reviews::updated_at.eq(now),
                    ),
                ))
                .execute(c)
        })?;
        if inserted {
            return Ok(Saved::Created);
        }
    }
    let same = existing.as_ref().is_some_and(|r| {
        r.empathy == i32::from(grades.empathy)
            && r.curiosity == i32::from(grades.curiosity)
            && r.covered == covered
            && r.note == note
    });
    if same {
        return Ok(Saved::Unchanged);
    }
    diesel::update(
        answer_reviews::table
            .filter(answer_reviews::answer_id.eq(answer_id))
            .filter(answer_reviews::reviewer_id.eq(reviewer_id)),
    )
    .set((
        answer_reviews::empathy.eq(i32::from(grades.empathy)),
        answer_reviews::curiosity.eq(i32::from(grades.curiosity)),
        answer_reviews::covered.eq(&covered),
        answer_reviews::note.eq(note),
        answer_reviews::updated_at.eq(now),
    ))
    .execute_cached(conn)
    .context("changing a review")?;
    Ok(Saved::Updated)
}

/// The questions a reviewer calibrated on, with what they graded.
pub fn calibrations(
    conn: &mut DbConnection,
    job_id: &str,
    reviewer_id: &str,
) -> Result<Vec<(String, String)>, DbError> {
    review_calibrations::table
        .filter(review_calibrations::job_id.eq(job_id))
        .filter(review_calibrations::reviewer_id.eq(reviewer_id))
        .select((
            review_calibrations::question_id,
            review_calibrations::grades,
        ))
        .load(conn)
        .context("reading calibrations")
}

/// Records a calibration; false when there already was one (it is done once).
pub fn save_calibration(
    conn: &mut DbConnection,
    job_id: &str,
    reviewer_id: &str,
    question_id: &str,
    grades_json: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    insert_unless_duplicate(conn, "saving a calibration", |c| {
        diesel::insert_into(review_calibrations::table)
            .values((
                review_calibrations::job_id.eq(job_id),
                review_calibrations::reviewer_id.eq(reviewer_id),
                review_calibrations::question_id.eq(question_id),
                review_calibrations::grades.eq(grades_json),
                review_calibrations::created_at.eq(now),
            ))
            .execute(c)
    })
}

/// The jobs a user is a chosen reviewer of.
pub fn jobs_of(conn: &mut DbConnection, user_id: &str) -> Result<Vec<String>, DbError> {
    job_reviewers::table
        .filter(job_reviewers::user_id.eq(user_id))
        .select(job_reviewers::job_id)
        .load(conn)
        .context("finding a reviewer's jobs")
}
