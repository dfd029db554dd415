//! Links for staff to choose a new password: a hashed single-use token with
//! an expiry, like invitations.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::password_resets;
use super::{DbConnection, DbError, QueryContext};

/// Stores a new link for `user_id`, retiring the user's earlier unused
/// ones: only the link sent last works.
pub fn replace(
    conn: &mut DbConnection,
    token_hash: &str,
    user_id: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> Result<(), DbError> {
    retire_for_user(conn, user_id)?;
    diesel::insert_into(password_resets::table)
        .values((
            password_resets::token_hash.eq(token_hash),
            password_resets::user_id.eq(user_id),
            password_resets::created_at.eq(now),
            password_resets::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .context("storing a password reset link")?;
    Ok(())
}

/// The user whose unused, unexpired link this is.
pub fn find_valid(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<String>, DbError> {
    password_resets::table
        .filter(password_resets::token_hash.eq(token_hash))
        .filter(password_resets::used_at.is_null())
        .filter(password_resets::expires_at.gt(now))
        .select(password_resets::user_id)
        .first(conn)
        .optional()
        .context("checking a password reset link")
}

/// Uses the link: the user it was for, or `None` when it was not valid
/// (used, expired, replaced, unknown). The conditional update makes two
/// simultaneous uses end with one winner.
pub fn consume(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<String>, DbError> {
    let Some(user_id) = find_valid(conn, token_hash, now)? else {
        return Ok(None);
    };
    let n = diesel::update(
        password_resets::table
            .filter(password_resets::token_hash.eq(token_hash))
            .filter(password_resets::used_at.is_null())
            .filter(password_resets::expires_at.gt(now)),
    )
    .set(password_resets::used_at.eq(now))
    .execute_cached(conn)
    .context("using a password reset link")?;
    Ok((n == 1).then_some(user_id))
}

/// Removes the user's unused links (a new one was sent, or the password changed).
pub fn retire_for_user(conn: &mut DbConnection, user_id: &str) -> Result<(), DbError> {
    diesel::delete(
        password_resets::table
            .filter(password_resets::user_id.eq(user_id))
            .filter(password_resets::used_at.is_null()),
    )
    .execute(conn)
    .context("retiring password reset links")?;
    Ok(())
}
