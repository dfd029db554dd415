//! Demo data for the insight pages: where the sample candidates came from
//! (the demo applies them directly, so their links carried no source).

use diesel::prelude::*;

use crate::db::schema::applications;
use crate::db::{DbConnection, DbError, QueryContext};

const SOURCES: [&str; 4] = ["linkedin", "newsletter", "", "referral"];

/// Gives the job's applications sources in turn, oldest first.
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
