//! Each application's spelling rate over everything the candidate wrote,
//! kept for the applications table.

use diesel::prelude::*;

use super::cached::fixed;
use super::schema::application_writing;
use super::{DbConnection, DbError, QueryContext};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WritingRate {
    pub per_100: f64,
    pub words: i32,
    pub slips: i32,
}

pub fn set(
    conn: &mut DbConnection,
    application_id: &str,
    rate: WritingRate,
) -> Result<(), DbError> {
    let values = (
        application_writing::per_100.eq(rate.per_100),
        application_writing::words.eq(rate.words),
        application_writing::slips.eq(rate.slips),
    );
    // One statement, insert or update; upserts are not among the queries
    // written once for both databases, and read the same in each.
    macro_rules! upsert {
        () => {
            diesel::insert_into(application_writing::table)
                .values((
                    application_writing::application_id.eq(application_id),
                    values,
                ))
                .on_conflict(application_writing::application_id)
                .do_update()
                .set(values)
        };
    }
    fixed!(upsert!())
        .execute_fixed(conn)
        .context("saving an application's spelling rate")?;
    Ok(())
}

/// Slips per 100 words of each of `ids` that has been measured.
pub fn rates(
    conn: &mut DbConnection,
    ids: &[String],
) -> Result<std::collections::HashMap<String, f64>, DbError> {
    let rows: Vec<(String, f64)> = application_writing::table
        .filter(application_writing::application_id.eq_any(ids))
        .select((
            application_writing::application_id,
            application_writing::per_100,
        ))
        .load(conn)
        .context("reading spelling rates")?;
    Ok(rows.into_iter().collect())
}
