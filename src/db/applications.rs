//! Applications and their history of moves.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{application_events, applications, scorecards};
use super::{new_id, DbConnection, DbError, QueryContext};
use crate::domain::application::{NewApplication, Stage};
use crate::domain::job::LanguageRequirement;

// "Reached at least this stage" filters applications by their history.
diesel::allow_tables_to_appear_in_same_query!(applications, application_events);

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = applications)]
pub struct ApplicationRow {
    pub id: String,
    pub job_id: String,
    pub name: String,
    pub email: String,
    pub languages: String,
    pub location: String,
    pub timezone: String,
    pub cover_letter: String,
    pub portfolio_url: String,
    pub cv_file: Option<String>,
    pub cv_filename: Option<String>,
    pub stage: String,
    pub screen_score: Option<f64>,
    pub screen_passed: Option<i32>,
    pub consent_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub erased_at: Option<NaiveDateTime>,
    #[serde(skip)]
    pub screen_rank: f64,
    /// Where the candidate came from (`ref`/`utm_source`), '' if unknown.
    pub source: String,
}

impl ApplicationRow {
    pub fn stage(&self) -> Stage {
        Stage::parse(&self.stage).unwrap_or(Stage::Applied)
    }
    pub fn languages(&self) -> Vec<LanguageRequirement> {
        serde_json::from_str(&self.languages).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = application_events)]
pub struct ApplicationEvent {
    pub id: String,
    pub application_id: String,
    pub at: NaiveDateTime,
    pub actor: String,
    pub from_stage: Option<String>,
    pub to_stage: String,
    pub reason: String,
}

/// An uploaded CV: the generated storage name and the name the candidate gave it.
pub struct StoredCv {
    pub file: String,
    pub filename: String,
}

/// Stores a new application at stage "applied", with its first event.
/// `None` when this email already applied to this job.
pub fn insert(
    conn: &mut DbConnection,
    job_id: &str,
    a: &NewApplication,
    cv: Option<StoredCv>,
    now: NaiveDateTime,
) -> Result<Option<ApplicationRow>, DbError> {
    if find_by_job_email(conn, job_id, a.email.as_str())?.is_some() {
        return Ok(None);
    }
    let id = new_id();
    let inserted = super::insert_unless_duplicate(conn, "storing an application", |conn| {
        diesel::insert_into(applications::table)
            .values((
                (
                    applications::id.eq(&id),
                    applications::job_id.eq(job_id),
                    applications::name.eq(a.name.as_str()),
                    applications::email.eq(a.email.as_str()),
                    applications::languages
                        .eq(serde_json::to_string(&a.languages).unwrap_or_else(|_| "[]".into())),
                    applications::location.eq(&a.location),
                    applications::timezone.eq(&a.timezone),
                    applications::cover_letter.eq(&a.cover_letter),
                    applications::portfolio_url.eq(&a.portfolio_url),
                ),
                (
                    applications::cv_file.eq(cv.as_ref().map(|c| c.file.clone())),
                    applications::cv_filename.eq(cv.as_ref().map(|c| c.filename.clone())),
                    applications::stage.eq(Stage::Applied.as_str()),
                    applications::consent_at.eq(now),
                    applications::created_at.eq(now),
                    applications::updated_at.eq(now),
                    applications::source.eq(&a.source),
                ),
            ))
            .execute(conn)
    })?;
    // Two simultaneous applications with the same email: one wins.
    if !inserted {
        return Ok(None);
    }
    record_event(conn, &id, "candidate", None, Stage::Applied, "applied", now)?;
    find(conn, &id)
}

pub fn record_event(
    conn: &mut DbConnection,
    application_id: &str,
    actor: &str,
    from: Option<Stage>,
    to: Stage,
    reason: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(application_events::table)
        .values((
            application_events::id.eq(new_id()),
            application_events::application_id.eq(application_id),
            application_events::at.eq(now),
            application_events::actor.eq(actor),
            application_events::from_stage.eq(from.map(|s| s.as_str())),
            application_events::to_stage.eq(to.as_str()),
            application_events::reason.eq(reason),
        ))
        .execute(conn)
        .context("recording an application move")?;
    Ok(())
}

/// Moves an application from `from` to `to`, with its event. False (and
/// nothing changed) if it was no longer at `from`.
pub fn move_stage(
    conn: &mut DbConnection,
    id: &str,
    from: Stage,
    to: Stage,
    actor: &str,
    reason: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        applications::table
            .find(id)
            .filter(applications::stage.eq(from.as_str())),
    )
    .set((
        applications::stage.eq(to.as_str()),
        applications::updated_at.eq(now),
    ))
    .execute(conn)
    .context("moving an application")?;
    if n == 1 {
        record_event(conn, id, actor, Some(from), to, reason, now)?;
    }
    Ok(n == 1)
}

pub fn set_screen_result(
    conn: &mut DbConnection,
    id: &str,
    score: f64,
    passed: bool,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(applications::table.find(id))
        .set((
            applications::screen_score.eq(Some(score)),
            applications::screen_rank.eq(score),
            applications::screen_passed.eq(Some(i32::from(passed))),
            applications::updated_at.eq(now),
        ))
        .execute(conn)
        .context("recording a screen result")?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<ApplicationRow>, DbError> {
    applications::table
        .find(id)
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()
        .context("finding an application")
}

/// Reads an application and holds its row until the transaction ends, so
/// that decisions made from its state (a vote's tally, a stage move, a
/// review that sends the next round) see every concurrent change: a second transaction waits here until the first
/// commits. PostgreSQL locks the row; SQLite needs nothing more, since its
/// writes are already serialised (one writer).
pub fn lock(conn: &mut DbConnection, id: &str) -> Result<Option<ApplicationRow>, DbError> {
    if let DbConnection::Postgresql(pg) = conn {
        applications::table
            .find(id)
            .select(applications::id)
            .for_update()
            .first::<String>(pg)
            .optional()
            .context("locking an application")?;
    }
    find(conn, id)
}

/// A job's applications still in progress (not hired, rejected, withdrawn
/// or erased), oldest first.
pub fn active_for_job(
    conn: &mut DbConnection,
    job_id: &str,
) -> Result<Vec<ApplicationRow>, DbError> {
    let active: Vec<&str> = Stage::ALL
        .iter()
        .filter(|s| s.is_active())
        .map(|s| s.as_str())
        .collect();
    applications::table
        .filter(applications::job_id.eq(job_id))
        .filter(applications::stage.eq_any(active))
        .filter(applications::erased_at.is_null())
        .order(applications::created_at.asc())
        .select(ApplicationRow::as_select())
        .load(conn)
        .context("listing a job's candidates in progress")
}

/// The latest move of an application (who moved it where, and when).
pub fn last_event(conn: &mut DbConnection, id: &str) -> Result<Option<ApplicationEvent>, DbError> {
    application_events::table
        .filter(application_events::application_id.eq(id))
        .order(application_events::at.desc())
        .select(ApplicationEvent::as_select())
        .first(conn)
        .optional()
        .context("reading an application's last move")
}

pub fn find_by_job_email(
    conn: &mut DbConnection,
    job_id: &str,
    email: &str,
) -> Result<Option<ApplicationRow>, DbError> {
    applications::table
        .filter(applications::job_id.eq(job_id))
        .filter(applications::email.eq(email))
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()
        .context("finding an application by email")
}

pub fn events(conn: &mut DbConnection, id: &str) -> Result<Vec<ApplicationEvent>, DbError> {
    application_events::table
        .filter(application_events::application_id.eq(id))
        .order(application_events::at.asc())
        .select(ApplicationEvent::as_select())
        .load(conn)
        .context("reading an application's history")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Newest,
    Oldest,
    ScoreHigh,
    Name,
}

impl Sort {
    pub const ALL: [(Sort, &'static str, &'static str); 4] = [
        (Sort::Newest, "newest", "Newest first"),
        (Sort::Oldest, "oldest", "Oldest first"),
        (Sort::ScoreHigh, "score", "Highest screen score"),
        (Sort::Name, "name", "Name"),
    ];
    pub fn parse(s: &str) -> Sort {
        Sort::ALL
            .iter()
            .find(|(_, k, _)| *k == s)
            .map(|(s, _, _)| *s)
            .unwrap_or(Sort::Newest)
    }
}

#[derive(Debug, Clone)]
pub struct ListQuery {
    pub stage: Option<Stage>,
    /// Part of a name or an email.
    pub search: Option<String>,
    pub sort: Sort,
    pub page: i64,
    pub per_page: i64,
}

/// Further filters of the applications table, reached from the insight
/// pages' figures.
#[derive(Debug, Clone, Default)]
pub struct Narrow {
    /// Got at least as far as this stage (the insight funnel's step).
    pub reached: Option<Stage>,
    /// Came from this source ('' for links that carried none).
    pub source: Option<String>,
    /// Took this tier in a submitted round, and passed or failed it when
    /// the second part is given (a pass-rate row).
    pub tier: Option<(u8, Option<bool>)>,
    /// Answered this question in a submitted round (an item analysis row).
    pub answered: Option<String>,
    /// The decided candidates of the screen-versus-interviews scatter.
    pub calibrated: bool,
}

/// One page of a job's applications and the total matching.
pub fn list_for_job(
    conn: &mut DbConnection,
    job_id: &str,
    q: &ListQuery,
) -> Result<(Vec<ApplicationRow>, i64), DbError> {
    list_for_job_narrowed(conn, job_id, q, &Narrow::default())
}

/// [`list_for_job`], narrowed further.
pub fn list_for_job_narrowed(
    conn: &mut DbConnection,
    job_id: &str,
    q: &ListQuery,
    narrow: &Narrow,
) -> Result<(Vec<ApplicationRow>, i64), DbError> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Text};
    let tier_sql = narrow
        .tier
        .map(|(tier, passed)| super::insight::behind::tier(conn, tier, passed));
    let filtered = || {
        let mut query = applications::table
            .filter(applications::job_id.eq(job_id.to_string()))
            .into_boxed();
        if let Some(stage) = q.stage {
            query = query.filter(applications::stage.eq(stage.as_str()));
        }
        if let Some(reached) = narrow.reached {
            let from = crate::domain::insight::position(reached).unwrap_or(0);
            let later: Vec<&str> = crate::domain::insight::PIPELINE[from..]
                .iter()
                .map(|s| s.as_str())
                .collect();
            query = query.filter(
                applications::id.eq_any(
                    application_events::table
                        .filter(application_events::to_stage.eq_any(later))
                        .select(application_events::application_id),
                ),
            );
        }
        if let Some(source) = &narrow.source {
            query = query.filter(applications::source.eq(source.clone()));
        }
        if let Some(tier) = &tier_sql {
            query = query.filter(sql::<Bool>(tier));
        }
        if let Some(question) = &narrow.answered {
            query = query.filter(
                sql::<Bool>(&super::insight::behind::answered_open())
                    .bind::<Text, _>(question.clone())
                    .sql(")"),
            );
        }
        if narrow.calibrated {
            query = query.filter(sql::<Bool>(&super::insight::behind::calibrated()));
        }
        if let Some(s) = &q.search {
            let pattern = format!("%{}%", s.replace(['%', '_'], ""));
            query = query.filter(
                applications::name
                    .like(pattern.clone())
                    .or(applications::email.like(pattern.to_lowercase())),
            );
        }
        query
    };
    let total: i64 = filtered()
        .count()
        .get_result(conn)
        .context("counting applications")?;
    let query = filtered();
    let query = match q.sort {
        Sort::Newest => query.order((applications::created_at.desc(), applications::id.desc())),
        Sort::Oldest => query.order((applications::created_at.asc(), applications::id.asc())),
        // Not yet scored ranks -1: last, through the (job_id, screen_rank) index.
        Sort::ScoreHigh => query.order((applications::screen_rank.desc(), applications::id.asc())),
        Sort::Name => query.order((applications::name.asc(), applications::id.asc())),
    };
    let rows = query
        .limit(q.per_page)
        .offset((q.page.max(1) - 1) * q.per_page)
        .select(ApplicationRow::as_select())
        .load(conn)
        .context("listing applications")?;
    Ok((rows, total))
}

/// Applications per stage for a job.
pub fn stage_counts(conn: &mut DbConnection, job_id: &str) -> Result<Vec<(String, i64)>, DbError> {
    applications::table
        .filter(applications::job_id.eq(job_id))
        .group_by(applications::stage)
        .select((applications::stage, diesel::dsl::count_star()))
        .load(conn)
        .context("counting applications by stage")
}

/// Deletes an application and everything hanging from it (history,
/// links, sessions, rounds, answers and their scores, overrides,
/// interviews, scorecards, votes, offers). Returns the CV file to delete.
pub fn delete(conn: &mut DbConnection, id: &str) -> Result<Option<String>, DbError> {
    let Some(app) = find(conn, id)? else {
        return Ok(None);
    };
    // Scorecards point at interviews too: remove them first so the
    // cascade does not depend on the order each database deletes in.
    diesel::delete(scorecards::table.filter(scorecards::application_id.eq(id)))
        .execute(conn)
        .context("erasing scorecards")?;
    diesel::delete(applications::table.find(id))
        .execute(conn)
        .context("erasing an application")?;
    Ok(app.cv_file)
}

/// When each of these applications entered its current stage (its latest move).
pub fn stage_entered_at(
    conn: &mut DbConnection,
    application_ids: &[String],
) -> Result<std::collections::HashMap<String, NaiveDateTime>, DbError> {
    let rows: Vec<(String, Option<NaiveDateTime>)> = application_events::table
        .filter(application_events::application_id.eq_any(application_ids))
        .group_by(application_events::application_id)
        .select((
            application_events::application_id,
            diesel::dsl::max(application_events::at),
        ))
        .load(conn)
        .context("reading stage history")?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, at)| at.map(|at| (id, at)))
        .collect())
}
