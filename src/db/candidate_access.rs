//! Candidates' personal links and the short sessions they are exchanged for.

use super::direct::direct;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::{fixed, CacheStatement};
use super::schema::{candidate_links, candidate_sessions};
use super::{DbConnection, DbError, QueryContext};

pub fn create_link(
    conn: &mut DbConnection,
    application_id: &str,
    token_hash: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> Result<(), DbError> {
    fixed!(diesel::insert_into(candidate_links::table).values((
        candidate_links::token_hash.eq(token_hash),
        candidate_links::application_id.eq(application_id),
        candidate_links::created_at.eq(now),
        candidate_links::expires_at.eq(expires_at),
    )))
    .execute_fixed(conn)
    .context("storing a personal link")?;
    Ok(())
}

/// How many personal links were made for an application since `since`.
pub fn links_created_since(
    conn: &mut DbConnection,
    application_id: &str,
    since: NaiveDateTime,
) -> Result<i64, DbError> {
    candidate_links::table
        .filter(candidate_links::application_id.eq(application_id))
        .filter(candidate_links::created_at.gt(since))
        .count()
        .get_result(conn)
        .context("counting recent personal links")
}

/// The application behind an unexpired link, marking the link used.
pub fn use_link(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<(String, NaiveDateTime)>, DbError> {
    let found: Option<(String, NaiveDateTime)> = candidate_links::table
        .find(token_hash)
        .filter(candidate_links::expires_at.gt(now))
        .select((candidate_links::application_id, candidate_links::expires_at))
        .first(conn)
        .optional()
        .context("checking a personal link")?;
    if found.is_some() {
        diesel::update(candidate_links::table.find(token_hash))
            .set(candidate_links::last_used_at.eq(Some(now)))
            .execute_cached(conn)
            .context("marking a personal link used")?;
    }
    Ok(found)
}

/// The application of a link, expired or not (to tell "expired" from
/// "unknown" and offer a new link for the right job).
pub fn link_application(
    conn: &mut DbConnection,
    token_hash: &str,
) -> Result<Option<String>, DbError> {
    candidate_links::table
        .find(token_hash)
        .select(candidate_links::application_id)
        .first(conn)
        .optional()
        .context("checking a personal link")
}

pub fn create_session(
    conn: &mut DbConnection,
    id_hash: &str,
    application_id: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> Result<(), DbError> {
    fixed!(diesel::insert_into(candidate_sessions::table).values((
        candidate_sessions::id_hash.eq(id_hash),
        candidate_sessions::application_id.eq(application_id),
        candidate_sessions::created_at.eq(now),
        candidate_sessions::expires_at.eq(expires_at),
    )))
    .execute_fixed(conn)
    .context("starting a candidate session")?;
    Ok(())
}

pub fn find_session(
    conn: &mut DbConnection,
    id_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<String>, DbError> {
    direct!(conn, |c| candidate_sessions::table
        .find(id_hash)
        .filter(candidate_sessions::expires_at.gt(now))
        .select(candidate_sessions::application_id)
        .first(c))
    .optional()
    .context("reading a candidate session")
}

/// Ends every session and link of an application (on erasure).
pub fn revoke_all(conn: &mut DbConnection, application_id: &str) -> Result<(), DbError> {
    diesel::delete(
        candidate_sessions::table.filter(candidate_sessions::application_id.eq(application_id)),
    )
    .execute(conn)
    .context("ending candidate sessions")?;
    diesel::delete(
        candidate_links::table.filter(candidate_links::application_id.eq(application_id)),
    )
    .execute(conn)
    .context("removing personal links")?;
    Ok(())
}
