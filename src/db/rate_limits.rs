//! Rate limits shared by every process: an attempt is counted before the
//! work it guards is done (a password checked, an email sent), and the
//! count and the new attempt are one atomic step per key, so a burst of
//! parallel requests gets no more through than a sequence would.
//!
//! Each attempt let through is a row `(key, at)`; a limit is "at most `max`
//! rows for this key in the last `window`". Refused attempts are not
//! stored: a flood against a full key does not keep it full for longer.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::Text;

use super::schema::rate_limit_hits;
use super::{new_id, DbConnection, DbError, QueryContext};

/// Attempts are kept this long, whatever their key: every window must be
/// shorter.
pub const RETENTION: Duration = Duration::days(1);

/// An attempt that was let through, which the caller may give back (a
/// successful sign-in should not use up its address's allowance).
#[derive(Debug, Clone)]
#[must_use = "a hit is either kept (do nothing) or released"]
pub struct Hit {
    id: String,
}

impl Hit {
    /// Gives the attempt back, as if it had not been made.
    pub fn release(self, conn: &mut DbConnection) -> Result<(), DbError> {
        diesel::delete(rate_limit_hits::table.find(&self.id))
            .execute(conn)
            .context("giving back a rate-limited attempt")?;
        Ok(())
    }
}

/// Counts one attempt for `key` if fewer than `max` were let through in the
/// last `window`; `None` when the limit is reached (nothing is stored).
///
/// Run it inside the action's transaction (`Db::write`), before its other
/// statements. Attempts for one key are serialised: on PostgreSQL by a
/// transaction-scoped advisory lock on the key, held until the transaction
/// ends; on SQLite by the database's single writer — the first statement
/// is a write, so the transaction holds the write lock before it counts,
/// even against another process.
pub fn try_take(
    conn: &mut DbConnection,
    key: &str,
    max: i64,
    window: Duration,
    now: NaiveDateTime,
) -> Result<Option<Hit>, DbError> {
    debug_assert!(window < RETENTION);
    let key = &stored_key(key);
    if let DbConnection::Postgresql(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext($1))")
            .bind::<Text, _>(key)
            .execute(pg)
            .context("waiting for a rate-limit key")?;
    }
    let since = now - window;
    let id = new_id();
    diesel::insert_into(rate_limit_hits::table)
        .values((
            rate_limit_hits::id.eq(&id),
            rate_limit_hits::key.eq(key),
            rate_limit_hits::at.eq(now),
        ))
        .execute(conn)
        .context("counting an attempt")?;
    forget_before(conn, now - RETENTION)?;
    let counted: i64 = rate_limit_hits::table
        .filter(rate_limit_hits::key.eq(key))
        .filter(rate_limit_hits::at.gt(since))
        .count()
        .get_result(conn)
        .context("counting recent attempts")?;
    let hit = Hit { id };
    if counted > max {
        hit.release(conn)?;
        return Ok(None);
    }
    Ok(Some(hit))
}

/// Forgets `key`'s attempts older than `before`: a busy key with a short
/// window (an API token's minute) then keeps at most its allowance of rows,
/// not a day's worth.
pub fn forget_key_before(
    conn: &mut DbConnection,
    key: &str,
    before: NaiveDateTime,
) -> Result<(), DbError> {
    let key = &stored_key(key);
    diesel::delete(
        rate_limit_hits::table
            .filter(rate_limit_hits::key.eq(key))
            .filter(rate_limit_hits::at.le(before)),
    )
    .execute(conn)
    .context("forgetting a key's old attempts")?;
    Ok(())
}

/// How long until `key` may make another attempt: when its oldest
/// attempt in the window leaves it (at least one second, for Retry-After).
pub fn wait_for(
    conn: &mut DbConnection,
    key: &str,
    window: Duration,
    now: NaiveDateTime,
) -> Result<Duration, DbError> {
    let key = &stored_key(key);
    let oldest: Option<NaiveDateTime> = rate_limit_hits::table
        .filter(rate_limit_hits::key.eq(key))
        .filter(rate_limit_hits::at.gt(now - window))
        .select(diesel::dsl::min(rate_limit_hits::at))
        .first(conn)
        .context("finding the oldest counted attempt")?;
    let wait = oldest.map(|at| at + window - now).unwrap_or(window);
    Ok(wait.max(Duration::seconds(1)))
}

/// Keys name people (an email address, a client address): only their
/// digest is stored, so the table holds no personal data to erase.
fn stored_key(key: &str) -> String {
    crate::security::token::hash_token(key)
}

/// Forgets every attempt for `key` (a successful sign-in clears its account).
pub fn clear(conn: &mut DbConnection, key: &str) -> Result<(), DbError> {
    let key = &stored_key(key);
    diesel::delete(rate_limit_hits::table.filter(rate_limit_hits::key.eq(key)))
        .execute(conn)
        .context("clearing counted attempts")?;
    Ok(())
}

/// Forgets attempts older than `before`, whatever their key (keys of
/// addresses seen once would otherwise stay). On PostgreSQL rows another
/// transaction is deleting are skipped, so two pruning transactions never
/// wait for (or deadlock on) each other; the next attempt finishes the job.
fn forget_before(conn: &mut DbConnection, before: NaiveDateTime) -> Result<usize, DbError> {
    match conn {
        DbConnection::Postgresql(pg) => diesel::sql_query(
            "DELETE FROM rate_limit_hits WHERE id IN \
             (SELECT id FROM rate_limit_hits WHERE at < $1 LIMIT 1000 FOR UPDATE SKIP LOCKED)",
        )
        .bind::<diesel::sql_types::Timestamp, _>(before)
        .execute(pg),
        DbConnection::Sqlite(sqlite) => {
            diesel::delete(rate_limit_hits::table.filter(rate_limit_hits::at.lt(before)))
                .execute(sqlite)
        }
    }
    .context("forgetting old attempts")
}
