//! The stages each job skips.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::job_pipeline;
use super::{DbConnection, DbError, QueryContext};

/// The stage names a job skips.
pub fn skipped(conn: &mut DbConnection, job_id: &str) -> Result<Vec<String>, DbError> {
    let row: Option<String> = job_pipeline::table
        .find(job_id)
        .select(job_pipeline::skipped_stages)
        .first(conn)
        .optional()
        .context("reading a job's stages")?;
    match row {
        None => Ok(vec![]),
        Some(s) => {
            serde_json::from_str(&s).map_err(|_| DbError::Corrupt(format!("skipped stages '{s}'")))
        }
    }
}

pub fn set_skipped(
    conn: &mut DbConnection,
    job_id: &str,
    stages: &[String],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let json = serde_json::to_string(stages).unwrap_or_else(|_| "[]".into());
    let n = diesel::update(job_pipeline::table.find(job_id))
        .set((
            job_pipeline::skipped_stages.eq(&json),
            job_pipeline::updated_at.eq(now),
        ))
        .execute_cached(conn)
        .context("saving a job's stages")?;
    if n == 0 {
        diesel::insert_into(job_pipeline::table)
            .values((
                job_pipeline::job_id.eq(job_id),
                job_pipeline::skipped_stages.eq(&json),
                job_pipeline::updated_at.eq(now),
            ))
            .execute(conn)
            .context("saving a job's stages")?;
    }
    Ok(())
}
