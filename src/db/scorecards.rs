//! Interviewers' scorecards, versioned: an amendment supersedes, never overwrites.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::scorecards;
use super::{new_id, DbConnection, DbError, QueryContext};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = scorecards)]
pub struct ScorecardRow {
    pub id: String,
    pub application_id: String,
    pub interview_id: Option<String>,
    pub author_id: String,
    pub version: i32,
    pub empathy: i32,
    pub curiosity: i32,
    pub humility: i32,
    pub dedication: i32,
    pub technical: i32,
    pub notes: String,
    pub recommendation: i32,
    pub overall_notes: String,
    pub submitted_at: NaiveDateTime,
    pub superseded_at: Option<NaiveDateTime>,
}

/// The ratings of a scorecard, 1 (strong no) to 4 (strong yes).
pub struct Ratings {
    pub empathy: i32,
    pub curiosity: i32,
    pub humility: i32,
    pub dedication: i32,
    pub technical: i32,
    pub recommendation: i32,
}

/// Submits a scorecard; an earlier one by the same author is marked superseded.
#[allow(clippy::too_many_arguments)]
pub fn submit(
    conn: &mut DbConnection,
    application_id: &str,
    interview_id: Option<&str>,
    author_id: &str,
    r: &Ratings,
    notes_json: &str,
    overall_notes: &str,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    let latest: Option<i32> = scorecards::table
        .filter(scorecards::application_id.eq(application_id))
        .filter(scorecards::author_id.eq(author_id))
        .select(diesel::dsl::max(scorecards::version))
        .first(conn)
        .context("finding the latest scorecard")?;
    diesel::update(
        scorecards::table
            .filter(scorecards::application_id.eq(application_id))
            .filter(scorecards::author_id.eq(author_id))
            .filter(scorecards::superseded_at.is_null()),
    )
    .set(scorecards::superseded_at.eq(Some(now)))
    .execute_cached(conn)
    .context("superseding a scorecard")?;
    let version = latest.unwrap_or(0) + 1;
    diesel::insert_into(scorecards::table)
        .values((
            (
                scorecards::id.eq(new_id()),
                scorecards::application_id.eq(application_id),
                scorecards::interview_id.eq(interview_id),
                scorecards::author_id.eq(author_id),
                scorecards::version.eq(version),
                scorecards::empathy.eq(r.empathy),
                scorecards::curiosity.eq(r.curiosity),
                scorecards::humility.eq(r.humility),
            ),
            (
                scorecards::dedication.eq(r.dedication),
                scorecards::technical.eq(r.technical),
                scorecards::notes.eq(notes_json),
                scorecards::recommendation.eq(r.recommendation),
                scorecards::overall_notes.eq(overall_notes),
                scorecards::submitted_at.eq(now),
            ),
        ))
        .execute(conn)
        .context("submitting a scorecard")?;
    Ok(version)
}

/// Every scorecard of an application, current and superseded, by author then version.
pub fn for_application(
    conn: &mut DbConnection,
    application_id: &str,
) -> Result<Vec<ScorecardRow>, DbError> {
    scorecards::table
        .filter(scorecards::application_id.eq(application_id))
        .order((scorecards::author_id.asc(), scorecards::version.desc()))
        .select(ScorecardRow::as_select())
        .load(conn)
        .context("reading scorecards")
}

pub fn has_submitted(
    conn: &mut DbConnection,
    application_id: &str,
    author_id: &str,
) -> Result<bool, DbError> {
    let n: i64 = scorecards::table
        .filter(scorecards::application_id.eq(application_id))
        .filter(scorecards::author_id.eq(author_id))
        .count()
        .get_result(conn)
        .context("checking scorecards")?;
    Ok(n > 0)
}
