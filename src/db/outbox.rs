//! The transactional outbox: an email is a row written in the same
//! transaction as the change that causes it; the delivery worker claims due
//! rows, sends them, and records the outcome.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::{fixed, CacheStatement};
use super::schema::outbox;
use super::{new_id, DbConnection, DbError, QueryContext};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: String,
    pub message_id: String,
    pub template: String,
    pub recipient: String,
    pub payload: String,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
}

/// Queues an email. `message_id` is fixed now so that a retried delivery
/// carries the same Message-ID and receivers can de-duplicate.
pub fn enqueue(
    conn: &mut DbConnection,
    template: &str,
    recipient: &str,
    payload: &serde_json::Value,
    message_id: &str,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let id = new_id();
    fixed!(diesel::insert_into(outbox::table).values((
        outbox::id.eq(&id),
        outbox::message_id.eq(message_id),
        outbox::template.eq(template),
        outbox::recipient.eq(recipient),
        outbox::payload.eq(payload.to_string()),
        outbox::created_at.eq(now),
        outbox::attempts.eq(0),
        outbox::next_attempt_at.eq(now),
    )))
    .execute_fixed(conn)
    .context("queueing an email")?;
    Ok(id)
}

/// Claims up to `limit` rows that are due and not leased by another
/// worker, leasing them to `worker` until `lease_until`. Call inside a
/// transaction. On PostgreSQL rows locked by another worker are skipped
/// (`SKIP LOCKED`), so several processes never claim the same row; SQLite
/// has one writer. A worker that dies leaves its lease to expire: keep it
/// short and [`renew`] it before each send.
pub fn claim_due(
    conn: &mut DbConnection,
    worker: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> Result<Vec<OutboxRow>, DbError> {
    let due = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::next_attempt_at.le(now))
        .filter(
            outbox::locked_until
                .is_null()
                .or(outbox::locked_until.lt(now)),
        )
        .order(outbox::next_attempt_at.asc())
        .limit(limit);
    let rows: Vec<OutboxRow> = match conn {
        DbConnection::Postgresql(pg) => due
            .select(OutboxRow::as_select())
            .for_update()
            .skip_locked()
            .load(pg)
            .context("claiming emails to send")?,
        DbConnection::Sqlite(sqlite) => due
            .select(OutboxRow::as_select())
            .load(sqlite)
            .context("claiming emails to send")?,
    };
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    if !ids.is_empty() {
        diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
            .set((
                outbox::locked_until.eq(Some(lease_until)),
                outbox::claimed_by.eq(Some(worker)),
            ))
            .execute(conn)
            .context("leasing emails to send")?;
    }
    Ok(rows)
}

/// Extends `worker`'s lease on an unsent row until `lease_until`, just
/// before sending it. False when the row is no longer this worker's (its
/// lease ran out and another worker claimed it, or it was sent): then this
/// worker must not send it. The update is a compare-and-set on the owner,
/// so of two workers exactly one holds the row.
pub fn renew(
    conn: &mut DbConnection,
    id: &str,
    worker: &str,
    lease_until: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::claimed_by.eq(worker))
            .filter(outbox::sent_at.is_null()),
    )
    .set(outbox::locked_until.eq(Some(lease_until)))
    .execute_cached(conn)
    .context("renewing the lease on an email")?;
    Ok(n == 1)
}

pub fn mark_sent(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::sent_at.eq(Some(now)),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::claimed_by.eq(None::<String>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(None::<String>),
        ))
        .execute_cached(conn)
        .context("marking an email sent")?;
    Ok(())
}

/// Records a failed attempt by `worker` and when to try again; nothing
/// when another worker holds the row by now (its own outcome counts).
pub fn mark_failed(
    conn: &mut DbConnection,
    id: &str,
    worker: &str,
    error: &str,
    next_attempt_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::claimed_by.eq(worker))
            .filter(outbox::sent_at.is_null()),
    )
    .set((
        outbox::locked_until.eq(None::<NaiveDateTime>),
        outbox::claimed_by.eq(None::<String>),
        outbox::attempts.eq(outbox::attempts + 1),
        outbox::last_error.eq(Some(error)),
        outbox::next_attempt_at.eq(next_attempt_at),
    ))
    .execute_cached(conn)
    .context("recording a failed delivery")?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<OutboxRow>, DbError> {
    outbox::table
        .find(id)
        .select(OutboxRow::as_select())
        .first(conn)
        .optional()
        .context("reading an email")
}

/// The most recent emails, newest first, for the staff's outbox page.
pub fn recent(conn: &mut DbConnection, limit: i64) -> Result<Vec<OutboxRow>, DbError> {
    outbox::table
        .order(outbox::created_at.desc())
        .limit(limit)
        .select(OutboxRow::as_select())
        .load(conn)
        .context("listing emails")
}

/// Every email queued for one address, oldest first: what a candidate's
/// copy of their data lists.
pub fn to_recipient(conn: &mut DbConnection, recipient: &str) -> Result<Vec<OutboxRow>, DbError> {
    outbox::table
        .filter(outbox::recipient.eq(recipient))
        .order(outbox::created_at.asc())
        .select(OutboxRow::as_select())
        .load(conn)
        .context("listing emails to one address")
}

/// Whether `text` mentions `needle` as a whole word (a name inside a
/// longer word, "Al" in "Also", is not a mention).
fn mentions(text: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    text.match_indices(needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn like_pattern(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Erasure: every email to or about a person (by address or name).
/// Pending ones are cancelled (they must not go out with data that no
/// longer exists); sent ones keep a row for the record, without recipient
/// or content. Returns how many were (cancelled, scrubbed).
pub fn scrub_mentions(
    conn: &mut DbConnection,
    email: &str,
    name: &str,
) -> Result<(usize, usize), DbError> {
    // The name as it appears inside the JSON payload.
    let json_name = serde_json::to_string(name).unwrap_or_default();
    let json_name = json_name.trim_matches('"');
    let candidates: Vec<OutboxRow> = outbox::table
        .filter(
            outbox::recipient
                .eq(email)
                .or(outbox::payload.like(like_pattern(email)).escape('\\'))
                .or(outbox::payload.like(like_pattern(json_name)).escape('\\')),
        )
        .select(OutboxRow::as_select())
        .load(conn)
        .context("finding emails about an erased candidate")?;
    let (mut cancelled, mut scrubbed) = (0, 0);
    for row in candidates {
        let about = row.recipient.eq_ignore_ascii_case(email)
            || mentions(&row.payload.to_lowercase(), &email.to_lowercase())
            || mentions(&row.payload, json_name);
        if !about {
            continue;
        }
        if row.sent_at.is_none() {
            diesel::delete(outbox::table.find(&row.id))
                .execute(conn)
                .context("cancelling an email to an erased candidate")?;
            cancelled += 1;
        } else {
            let recipient = if row.recipient.eq_ignore_ascii_case(email) {
                "erased@invalid".to_string()
            } else {
                row.recipient.clone()
            };
            diesel::update(outbox::table.find(&row.id))
                .set((
                    outbox::recipient.eq(recipient),
                    outbox::payload.eq(serde_json::json!({
                        "erased": true,
                        "subject": "(erased at the candidate's request)",
                    })
                    .to_string()),
                    outbox::last_error.eq(None::<String>),
                ))
                .execute_cached(conn)
                .context("scrubbing an email to an erased candidate")?;
            scrubbed += 1;
        }
    }
    Ok((cancelled, scrubbed))
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn mentions_are_whole_words() {
        assert!(mentions("Interview: Al Li (culture)", "Al Li"));
        assert!(!mentions("Also Lit", "Al Li"));
        assert!(mentions("to ana@example.com.", "ana@example.com"));
        assert!(!mentions("anything", ""));
    }
}
