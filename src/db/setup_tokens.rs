//! The one-time link that creates the first owner account.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::setup_tokens;
use super::{DbConnection, DbError, QueryContext};

/// Stores a new setup token and retires any earlier unused ones, so only
/// the link printed last works.
pub fn replace(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::delete(setup_tokens::table.filter(setup_tokens::used_at.is_null()))
        .execute(conn)
        .context("retiring old setup links")?;
    diesel::insert_into(setup_tokens::table)
        .values((
            setup_tokens::token_hash.eq(token_hash),
            setup_tokens::created_at.eq(now),
            setup_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .context("storing a setup link")?;
    Ok(())
}

/// Whether the token is unused and unexpired (without using it).
pub fn is_valid(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n: i64 = setup_tokens::table
        .filter(setup_tokens::token_hash.eq(token_hash))
        .filter(setup_tokens::used_at.is_null())
        .filter(setup_tokens::expires_at.gt(now))
        .count()
        .get_result(conn)
        .context("checking a setup link")?;
    Ok(n == 1)
}

/// Marks the token used; false when it was not valid (used, expired, unknown).
/// The conditional update makes two simultaneous uses end with one winner.
pub fn consume(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        setup_tokens::table
            .filter(setup_tokens::token_hash.eq(token_hash))
            .filter(setup_tokens::used_at.is_null())
            .filter(setup_tokens::expires_at.gt(now)),
    )
    .set(setup_tokens::used_at.eq(now))
    .execute_cached(conn)
    .context("using a setup link")?;
    Ok(n == 1)
}
