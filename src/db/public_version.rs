//! The version of what the public sees. Every change to a public job or to
//! the company's settings bumps it in the same transaction, so a process
//! whose cached pages were built from an older version knows to rebuild
//! them, whichever process made the change.

use std::cell::Cell;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::direct::direct;
use super::schema::public_version;
use super::{DbConnection, DbError, QueryContext};

thread_local! {
    /// Set by `bump` on the thread running a transaction; `Db::write`
    /// turns it, once committed, into a change this process's cache sees
    /// at once (without waiting for its next look at the database).
    static BUMPED: Cell<bool> = const { Cell::new(false) };
}

/// The version and when it last changed (the public pages' Last-Modified).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicVersion {
    pub version: i64,
    pub changed_at: NaiveDateTime,
}

/// Records a change to what the public sees. Call inside the transaction
/// that makes the change.
pub fn bump(conn: &mut DbConnection) -> Result<(), DbError> {
    let now = super::now();
    diesel::update(public_version::table.find(1))
        .set(public_version::version.eq(public_version::version + 1))
        .execute_cached(conn)
        .context("counting a change to the public pages")?;
    // Never backwards, even when another server's clock is ahead: a page's
    // Last-Modified only grows.
    diesel::update(
        public_version::table
            .find(1)
            .filter(public_version::changed_at.lt(now)),
    )
    .set(public_version::changed_at.eq(now))
    .execute_cached(conn)
    .context("dating a change to the public pages")?;
    BUMPED.with(|b| b.set(true));
    Ok(())
}

pub fn current(conn: &mut DbConnection) -> Result<PublicVersion, DbError> {
    let (version, changed_at) = public_version::table
        .find(1)
        .select((public_version::version, public_version::changed_at))
        .first::<(i64, NaiveDateTime)>(conn)
        .context("reading the public pages' version")?;
    Ok(PublicVersion {
        version,
        changed_at,
    })
}

/// The version alone, read on the database's own connection: the cheap
/// check in front of what is cached by version (`version_cache`).
pub fn number(conn: &mut DbConnection) -> Result<i64, DbError> {
    direct!(conn, |c| public_version::table
        .find(1)
        .select(public_version::version)
        .first::<i64>(c))
    .context("reading the public pages' version")
}

/// Whether this thread bumped the version since the last call (clearing it).
pub(super) fn take_bumped() -> bool {
    BUMPED.with(|b| b.replace(false))
}
