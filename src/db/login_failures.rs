//! Failed sign-ins, counted per IP address and per account to slow down
//! password guessing. Kept in the database so every process sees them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::login_failures;
use super::{new_id, DbConnection, DbError, QueryContext};

pub fn record(conn: &mut DbConnection, key: &str, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::id.eq(new_id()),
            login_failures::key.eq(key),
            login_failures::at.eq(now),
        ))
        .execute(conn)
        .context("recording a failed sign-in")?;
    Ok(())
}

pub fn count_since(
    conn: &mut DbConnection,
    key: &str,
    since: NaiveDateTime,
) -> Result<i64, DbError> {
    login_failures::table
        .filter(login_failures::key.eq(key))
        .filter(login_failures::at.gt(since))
        .count()
        .get_result(conn)
        .context("counting failed sign-ins")
}

pub fn clear(conn: &mut DbConnection, key: &str) -> Result<(), DbError> {
    diesel::delete(login_failures::table.filter(login_failures::key.eq(key)))
        .execute(conn)
        .context("clearing failed sign-ins")?;
    Ok(())
}

pub fn delete_before(conn: &mut DbConnection, before: NaiveDateTime) -> Result<usize, DbError> {
    diesel::delete(login_failures::table.filter(login_failures::at.lt(before)))
        .execute(conn)
        .context("pruning failed sign-ins")
}
