//! Hiring panels: who interviews, scores and votes on a job's candidates.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{applications, panel_members};
use super::{DbConnection, DbError, QueryContext};

/// Replaces a job's panel with `user_ids`.
pub fn set(
    conn: &mut DbConnection,
    job_id: &str,
    user_ids: &[String],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::delete(panel_members::table.filter(panel_members::job_id.eq(job_id)))
        .execute(conn)
        .context("clearing a panel")?;
    for id in user_ids {
        diesel::insert_into(panel_members::table)
            .values((
                panel_members::job_id.eq(job_id),
                panel_members::user_id.eq(id),
                panel_members::added_at.eq(now),
            ))
            .execute(conn)
            .context("adding a panel member")?;
    }
    Ok(())
}

pub fn members(conn: &mut DbConnection, job_id: &str) -> Result<Vec<String>, DbError> {
    panel_members::table
        .filter(panel_members::job_id.eq(job_id))
        .order(panel_members::added_at.asc())
        .select(panel_members::user_id)
        .load(conn)
        .context("reading a panel")
}

pub fn is_member(conn: &mut DbConnection, job_id: &str, user_id: &str) -> Result<bool, DbError> {
    let n: i64 = panel_members::table
        .filter(panel_members::job_id.eq(job_id))
        .filter(panel_members::user_id.eq(user_id))
        .count()
        .get_result(conn)
        .context("checking a panel")?;
    Ok(n > 0)
}

/// Whether the user is on the panel of the application's job.
pub fn can_see_application(
    conn: &mut DbConnection,
    application_id: &str,
    user_id: &str,
) -> Result<bool, DbError> {
    let job: Option<String> = applications::table
        .find(application_id)
        .select(applications::job_id)
        .first(conn)
        .optional()
        .context("finding an application's job")?;
    match job {
        Some(job) => is_member(conn, &job, user_id),
        None => Ok(false),
    }
}

/// The jobs a user is on the panel of.
pub fn jobs_of(conn: &mut DbConnection, user_id: &str) -> Result<Vec<String>, DbError> {
    panel_members::table
        .filter(panel_members::user_id.eq(user_id))
        .select(panel_members::job_id)
        .load(conn)
        .context("listing a member's panels")
}
