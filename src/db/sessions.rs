//! Staff sessions: the cookie holds a random token, the table its hash.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::sessions;
use super::users::User;
use super::{DbConnection, DbError, QueryContext};

#[derive(Debug, Clone, Queryable)]
pub struct Session {
    pub id_hash: String,
    pub user_id: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
}

pub fn create(
    conn: &mut DbConnection,
    id_hash: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id_hash.eq(id_hash),
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
        ))
        .execute(conn)
        .context("creating a session")?;
    Ok(())
}

/// The session and its user, if the session exists.
pub fn find_with_user(
    conn: &mut DbConnection,
    id_hash: &str,
) -> Result<Option<(Session, User)>, DbError> {
    let found: Option<Session> = sessions::table
        .filter(sessions::id_hash.eq(id_hash))
        .select((
            sessions::id_hash,
            sessions::user_id,
            sessions::created_at,
            sessions::last_seen_at,
        ))
        .first(conn)
        .optional()
        .context("finding a session")?;
    let Some(session) = found else {
        return Ok(None);
    };
    Ok(super::users::find(conn, &session.user_id)?.map(|u| (session, u)))
}

pub fn touch(conn: &mut DbConnection, id_hash: &str, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(sessions::table.find(id_hash))
        .set(sessions::last_seen_at.eq(now))
        .execute_cached(conn)
        .context("refreshing a session")?;
    Ok(())
}

pub fn delete(conn: &mut DbConnection, id_hash: &str) -> Result<(), DbError> {
    diesel::delete(sessions::table.find(id_hash))
        .execute(conn)
        .context("ending a session")?;
    Ok(())
}

/// Ends every session of a user (their password changed).
pub fn delete_for_user(conn: &mut DbConnection, user_id: &str) -> Result<usize, DbError> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id)))
        .execute(conn)
        .context("ending a user's sessions")
}

/// Removes sessions idle since `idle_before` or started before `started_before`.
pub fn delete_expired(
    conn: &mut DbConnection,
    idle_before: NaiveDateTime,
    started_before: NaiveDateTime,
) -> Result<usize, DbError> {
    diesel::delete(
        sessions::table.filter(
            sessions::last_seen_at
                .lt(idle_before)
                .or(sessions::created_at.lt(started_before)),
        ),
    )
    .execute(conn)
    .context("removing expired sessions")
}
