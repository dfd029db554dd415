//! The delivery worker: claims due outbox rows, sends them, records the
//! outcome, and backs off exponentially on failure. Delivery is
//! at-least-once: a crash between sending and recording sends again, with
//! the same Message-ID.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;

use super::render::build_message;
use super::transport::Transport;
use crate::db::{self, Db, DbError};

/// The longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);
const BATCH: i64 = 20;

pub struct MailWorker {
    pub db: Db,
    pub transport: Arc<Transport>,
    pub from: String,
    pub poll: Duration,
    pub retry_base: Duration,
    /// This worker's name on the rows it claims; new at every start, so a
    /// crashed worker's claims belong to nobody alive and simply expire.
    pub id: String,
    /// How long a claim or a renewal reserves a row: the longest an email
    /// waits after its worker died. Renewed before each send, so it only
    /// needs to outlast one delivery, not a whole batch.
    pub lease: Duration,
}

/// The wait before attempt `attempts + 1`, doubling from `base`.
pub fn backoff(base: Duration, attempts: i32) -> Duration {
    let factor = 2u32.saturating_pow(attempts.clamp(0, 20) as u32);
    base.saturating_mul(factor).min(MAX_BACKOFF)
}

fn later(now: NaiveDateTime, d: Duration) -> NaiveDateTime {
    now + chrono::Duration::from_std(d).unwrap_or(chrono::Duration::hours(1))
}

impl MailWorker {
    /// Runs until the task is dropped.
    pub async fn run(self: Arc<Self>) {
        tracing::info!(transport = %self.transport.describe(), "mail worker started");
        let this = self;
        loop {
            let worker = this.clone();
            match tokio::task::spawn_blocking(move || worker.deliver_due()).await {
                Ok(Ok(0)) => {}
                Ok(Ok(n)) => tracing::debug!(sent_or_tried = n, "mail batch done"),
                Ok(Err(e)) => tracing::warn!(error = %e, "mail worker could not read the outbox"),
                Err(e) => tracing::error!(error = %e, "mail worker task failed"),
            }
            tokio::time::sleep(this.poll).await;
        }
    }

    /// Delivers every due row once; returns how many it tried.
    pub fn deliver_due(&self) -> Result<usize, DbError> {
        let now = db::now();
        let (id, until) = (self.id.clone(), later(now, self.lease));
        let rows = self
            .db
            .write_shared(move |conn| db::outbox::claim_due(conn, &id, now, until, BATCH))?;
        let mut tried = 0;
        let mut outcome: Option<Outcome> = None;
        for (k, row) in rows.into_iter().enumerate() {
            // The batch's lease started when it was claimed, which reserves
            // the first email; each later one is reserved now, in the write
            // that records the one before (one commit an email, not two).
            // If its lease ran out and another worker took the email
            // meanwhile, that worker sends it, not this one.
            let renewed = if k == 0 {
                Ok(true)
            } else {
                self.record_and_renew(outcome.take(), Some(&row.id))
            };
            match renewed {
                Ok(true) => {}
                Ok(false) => {
                    tracing::debug!(email = %row.id, "email taken over by another worker");
                    continue;
                }
                Err(e) => {
                    // Rolled back together: the lease on the email before
                    // expires and it is tried again, like this one.
                    tracing::warn!(email = %row.id, error = %e, "could not record the last delivery and renew the claim on the next email; left for later");
                    continue;
                }
            }
            tried += 1;
            let result = build_message(&row, &self.from)
                .map_err(|e| e.to_string())
                .and_then(|msg| self.transport.send(&msg).map_err(|e| e.to_string()));
            let done = db::now();
            outcome = Some(match result {
                Ok(()) => Outcome::Sent { id: row.id, done },
                Err(error) => {
                    let next = later(done, backoff(self.retry_base, row.attempts));
                    tracing::warn!(email = %row.id, attempts = row.attempts + 1, %error, "email not delivered; will retry");
                    Outcome::Failed {
                        id: row.id,
                        error,
                        next,
                    }
                }
            });
        }
        if let Some(last) = outcome {
            let id = last.id().to_string();
            if let Err(e) = self.record_and_renew(Some(last), None) {
                // The lease expires and the row is tried again: nothing is lost.
                tracing::error!(email = %id, error = %e, "could not record a delivery outcome");
            }
        }
        Ok(tried)
    }

    /// Records `outcome` and renews this worker's claim on `next`, in one
    /// write; whether the claim still holds.
    fn record_and_renew(
        &self,
        outcome: Option<Outcome>,
        next: Option<&str>,
    ) -> Result<bool, DbError> {
        let (worker, lease) = (self.id.clone(), self.lease);
        let next = next.map(str::to_string);
        self.db.write_shared(move |conn| {
            match &outcome {
                Some(Outcome::Sent { id, done }) => db::outbox::mark_sent(conn, id, *done)?,
                Some(Outcome::Failed { id, error, next }) => {
                    db::outbox::mark_failed(conn, id, &worker, error, *next)?
                }
                None => {}
            }
            match &next {
                Some(id) => db::outbox::renew(conn, id, &worker, later(db::now(), lease)),
                None => Ok(true),
            }
        })
    }
}

/// What became of one delivery attempt, to record.
enum Outcome {
    Sent {
        id: String,
        done: NaiveDateTime,
    },
    Failed {
        id: String,
        error: String,
        next: NaiveDateTime,
    },
}

impl Outcome {
    fn id(&self) -> &str {
        match self {
            Outcome::Sent { id, .. } | Outcome::Failed { id, .. } => id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        let base = Duration::from_secs(30);
        assert_eq!(backoff(base, 0), Duration::from_secs(30));
        assert_eq!(backoff(base, 1), Duration::from_secs(60));
        assert_eq!(backoff(base, 3), Duration::from_secs(240));
        assert_eq!(backoff(base, 50), MAX_BACKOFF);
    }
}
